using System.Collections.Generic;
using System.Linq;
using System.Text;
using PSCompose.Model.Interpolation;

namespace PSCompose.Model.Serialization
{
    /// <summary>
    /// `config --variables` text: the docker CLI formatter's table (text/tabwriter: min width 20, padding 3), its
    /// JSON (4-space indent, HTML not escaped, then a blank line) or yaml.Marshal's YAML (4-space indent, Go field
    /// names lower-cased). Compose prints the rows in Go map order; here they are sorted by name.
    /// </summary>
    internal static class VariablesText
    {
        private static readonly string[] Headers = { "NAME", "REQUIRED", "DEFAULT VALUE", "ALTERNATE VALUE" };

        public static string Table(IReadOnlyCollection<TemplateVariable> variables)
        {
            var rows = new List<string[]> { Headers };
            rows.AddRange(variables.Select(v => new[] { v.Name, v.Required ? "true" : "false", v.DefaultValue, v.PresenceValue }));
            var widths = new int[Headers.Length - 1];
            for (int c = 0; c < widths.Length; c++) widths[c] = System.Math.Max(20, rows.Max(r => r[c].Length) + 3);
            var sb = new StringBuilder();
            foreach (string[] row in rows)
            {
                for (int c = 0; c < widths.Length; c++) sb.Append(row[c].PadRight(widths[c]));
                sb.Append(row[row.Length - 1]).Append('\n');
            }
            return sb.ToString();
        }

        public static string Json(IReadOnlyCollection<TemplateVariable> variables)
        {
            if (variables.Count == 0) return "{}\n\n";
            var sb = new StringBuilder("{\n");
            int i = 0;
            foreach (TemplateVariable v in variables)
            {
                sb.Append("    ").Append(Quote(v.Name)).Append(": {\n");
                sb.Append("        \"Name\": ").Append(Quote(v.Name)).Append(",\n");
                sb.Append("        \"DefaultValue\": ").Append(Quote(v.DefaultValue)).Append(",\n");
                sb.Append("        \"PresenceValue\": ").Append(Quote(v.PresenceValue)).Append(",\n");
                sb.Append("        \"Required\": ").Append(v.Required ? "true" : "false").Append('\n');
                sb.Append("    }").Append(++i < variables.Count ? ",\n" : "\n");
            }
            return sb.Append("}\n\n").ToString();
        }

        public static string Yaml(IReadOnlyCollection<TemplateVariable> variables)
        {
            if (variables.Count == 0) return "{}\n";
            var sb = new StringBuilder();
            foreach (TemplateVariable v in variables)
            {
                sb.Append(GoYaml.Scalar(v.Name)).Append(":\n");
                sb.Append("    name: ").Append(GoYaml.Scalar(v.Name)).Append('\n');
                sb.Append("    defaultvalue: ").Append(GoYaml.Scalar(v.DefaultValue)).Append('\n');
                sb.Append("    presencevalue: ").Append(GoYaml.Scalar(v.PresenceValue)).Append('\n');
                sb.Append("    required: ").Append(v.Required ? "true" : "false").Append('\n');
            }
            return sb.ToString();
        }

        // The CLI's JSON encoder runs with SetEscapeHTML(false).
        private static string Quote(string s)
        {
            var sb = new StringBuilder();
            GoJson.Quote(sb, s, escapeHtml: false);
            return sb.ToString();
        }
    }
}
