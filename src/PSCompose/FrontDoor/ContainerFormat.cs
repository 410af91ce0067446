using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using PSCompose.Model;
using PSCompose.Model.Serialization;

namespace PSCompose.FrontDoor
{
    /// <summary>
    /// `docker compose ps --format`: "json" (one JSON object a line) and the Go templates made of plain fields
    /// (`{{.Name}}`, `{{json .}}`, `{{json .Ports}}`), with the docker CLI's `table` prefix, `\t` and `\n`. Anything
    /// else a Go template can do (pipes, functions, range) is refused before anything runs.
    /// </summary>
    internal sealed class ContainerFormat
    {
        private static readonly Regex Action = new Regex(@"^\s*(?:(?<json>json)\s+)?\.(?<field>[A-Za-z_][A-Za-z0-9_]*)?\s*$", RegexOptions.CultureInvariant);

        /// <summary>A literal (string) or a field action.</summary>
        private readonly List<object> parts = new List<object>();

        private bool table;

        private sealed class Field
        {
            public string Name;
            public bool Json;
        }

        /// <summary>The format of <paramref name="format"/>, null for "table" (Compose's own table).</summary>
        public static ContainerFormat Parse(string format)
        {
            if (format == "table") return null;
            var result = new ContainerFormat();
            if (format == "json") format = "{{json .}}";
            string text = format;
            if (text.StartsWith("table", StringComparison.Ordinal))
            {
                result.table = true;
                text = text.Substring(5);
            }
            text = text.Trim(' ').Replace("\\t", "\t").Replace("\\n", "\n");
            int at = 0;
            while (at < text.Length)
            {
                int open = text.IndexOf("{{", at, StringComparison.Ordinal);
                if (open < 0) { result.parts.Add(text.Substring(at)); break; }
                if (open > at) result.parts.Add(text.Substring(at, open - at));
                int close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
                if (close < 0) throw Invalid("template parsing error: template: :" + Line(text, open) + ": unclosed action");
                Match m = Action.Match(text.Substring(open + 2, close - open - 2));
                if (!m.Success || (result.table && m.Groups["json"].Success))
                    throw new CommandLineException(ErrorIds.FrontDoorUnsupported,
                        "PSCompose has no equivalent of `docker compose ps --format " + format + "` (only fields such as {{.Name}} and {{json .}}; use -AsObject and PowerShell instead).", format);
                string name = m.Groups["field"].Success ? m.Groups["field"].Value : null;
                if (name != null && !ContainerFields.Names.Contains(name))
                {
                    int position = text.IndexOf('.', open);
                    int column = position - (text.LastIndexOf('\n', position) + 1);
                    throw Invalid("template parsing error: template: :" + Line(text, open) + ":" + column + ": executing \"\" at <." + name +
                                  ">: can't evaluate field " + name + " in type *formatter.ContainerContext");
                }
                if (name == null && !m.Groups["json"].Success) throw Invalid("template parsing error: template: :" + Line(text, open) + ": unexpected <.> in command");
                result.parts.Add(new Field { Name = name, Json = m.Groups["json"].Success });
                at = close + 2;
            }
            return result;
        }

        private static int Line(string text, int position) => 1 + text.Take(position).Count(c => c == '\n');

        private static CommandLineException Invalid(string message) => new CommandLineException(ErrorIds.FrontDoorInvalidArgument, message, "--format");

        /// <summary>The lines Compose prints for <paramref name="containers"/> (already in Compose's order).</summary>
        public string[] Render(IEnumerable<ComposeContainer> containers, bool truncate, DateTime now)
        {
            var text = new StringBuilder();
            if (table) text.Append(Execute(null)).Append('\n');
            foreach (ComposeContainer c in containers) text.Append(Execute(ContainerFields.Of(c, truncate, now))).Append('\n');
            string[] lines = text.ToString().Split('\n');
            lines = lines.Take(lines.Length - 1).ToArray();
            if (!table) return lines;
            // The docker CLI writes a table through Go's tabwriter (minwidth 10, padding 3); cells end at tabs.
            return ComposeText.TabWriter(lines.Select(l => l.Split('\t')).ToList(), 10, 3);
        }

        /// <summary>The template on one container's fields; null fields: the table's header.</summary>
        private string Execute(YMap fields)
        {
            Dictionary<string, object> byName = fields?.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
            var sb = new StringBuilder();
            foreach (object part in parts)
            {
                if (part is string literal) { sb.Append(literal); continue; }
                var field = (Field)part;
                if (fields == null)
                    sb.Append(field.Name != null && ContainerFields.Headers.TryGetValue(field.Name, out string header) ? header : "<no value>");
                else if (field.Json)
                    sb.Append(GoJson.Compact(field.Name == null ? fields : Value(byName, field.Name)));
                else
                    sb.Append(ContainerFields.Text(Value(byName, field.Name)));
            }
            return sb.ToString();
        }

        private static object Value(Dictionary<string, object> fields, string name) =>
            fields.TryGetValue(name, out object value) ? value : null;
    }
}
