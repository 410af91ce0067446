using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace PSCompose.Model.Interpolation
{
    /// <summary>One ${…} reference found in the model: what `config --variables` lists.</summary>
    internal sealed class TemplateVariable
    {
        public string Name { get; set; }

        public string DefaultValue { get; set; } = "";

        public string PresenceValue { get; set; } = "";

        public bool Required { get; set; }
    }

    /// <summary>
    /// compose-go template.ExtractVariables with its DefaultPattern: every string value of the model (map keys
    /// are not searched), plus the variables inside a default or alternate value. A name seen twice keeps the last one found (Go's map order decides in Compose).
    /// </summary>
    internal static class TemplateVariables
    {
        // .NET's backtracking engine gives the same leftmost-first, greedy submatches as Go's RE2 for this pattern.
        private static readonly Regex Pattern = new Regex(
            @"\$(?i:(?<escaped>\$)|(?<named>[_a-z][_a-z0-9]*)|{(?:(?<braced>[_a-z][_a-z0-9]*(?::?[-+?](.*))?)}|(?<invalid>)))",
            RegexOptions.CultureInvariant);

        public static SortedDictionary<string, TemplateVariable> Extract(YMap model)
        {
            var found = new SortedDictionary<string, TemplateVariable>(StringComparer.Ordinal);
            Walk(model, found);
            return found;
        }

        private static void Walk(object value, SortedDictionary<string, TemplateVariable> found)
        {
            switch (value)
            {
                case string s:
                    AddAll(s, found);
                    break;
                case YMap map:
                    foreach (var entry in map) Walk(entry.Value, found);
                    break;
                case List<object> list:
                    foreach (object item in list) Walk(item, found);
                    break;
            }
        }

        private static void AddAll(string text, SortedDictionary<string, TemplateVariable> found)
        {
            foreach (TemplateVariable v in FromString(text)) found[v.Name] = v;
        }

        private static List<TemplateVariable> FromString(string text)
        {
            var values = new List<TemplateVariable>();
            foreach (Match match in Pattern.Matches(text))
            {
                if (match.Groups["escaped"].Success) continue;
                string val = match.Groups["named"].Value;
                if (val.Length == 0)
                {
                    val = match.Groups["braced"].Value;
                    string s = match.Value;
                    int close = FirstBraceClosingIndex(s);
                    if (close > 0)
                    {
                        val = s.Substring(2, close - 2);
                        if (s.Length > close) values.AddRange(FromString(s.Substring(close + 1)));
                    }
                }
                var v = new TemplateVariable { Name = val };
                int i = FirstNonNameChar(val);
                if (i > 0)
                {
                    v.Name = val.Substring(0, i);
                    string rest = val.Substring(i);
                    if (rest.StartsWith(":?", StringComparison.Ordinal) || rest.StartsWith("?", StringComparison.Ordinal)) v.Required = true;
                    else if (rest.StartsWith(":-", StringComparison.Ordinal)) v.DefaultValue = rest.Substring(2);
                    else if (rest.StartsWith("-", StringComparison.Ordinal)) v.DefaultValue = rest.Substring(1);
                    else if (rest.StartsWith(":+", StringComparison.Ordinal)) v.PresenceValue = rest.Substring(2);
                    else if (rest.StartsWith("+", StringComparison.Ordinal)) v.PresenceValue = rest.Substring(1);
                }
                values.Add(v);
                if (v.DefaultValue.Length > 0) values.AddRange(FromString(v.DefaultValue));
                if (v.PresenceValue.Length > 0) values.AddRange(FromString(v.PresenceValue));
            }
            return values;
        }

        // compose-go getFirstBraceClosingIndex: the "}" that closes the first "{", counting nested ones; the
        // character after each "{" is skipped.
        private static int FirstBraceClosingIndex(string s)
        {
            int open = 0;
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] == '}' && --open == 0) return i;
                if (s[i] == '{')
                {
                    open++;
                    i++;
                }
            }
            return -1;
        }

        private static int FirstNonNameChar(string s)
        {
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                bool nameChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
                if (!nameChar) return i;
            }
            return -1;
        }
    }
}
