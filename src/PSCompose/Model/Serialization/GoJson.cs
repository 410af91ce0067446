using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Runtime.CompilerServices;

namespace PSCompose.Model.Serialization
{
    /// <summary>
    /// Prints an encoder output tree the way Go's encoding/json does: json.Marshal (compact) or
    /// json.MarshalIndent(v, "", "  "), with HTML escaping of &lt; &gt; &amp; and U+2028/U+2029.
    /// </summary>
    internal static class GoJson
    {
        public static string Compact(object tree)
        {
            var sb = new StringBuilder();
            Write(sb, tree, null, 0);
            return sb.ToString();
        }

        public static string Indented(object tree)
        {
            var sb = new StringBuilder();
            Write(sb, tree, "  ", 0);
            return sb.ToString();
        }

        private static void Write(StringBuilder sb, object value, string indent, int depth)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            switch (value)
            {
                case null: sb.Append("null"); break;
                case bool b: sb.Append(b ? "true" : "false"); break;
                case GoNumber n: sb.Append(n.Text); break;
                case string s: Quote(sb, s); break;
                case long l: sb.Append(l.ToString(CultureInfo.InvariantCulture)); break;
                case YMap map:
                    if (map.Count == 0) { sb.Append("{}"); break; }
                    sb.Append('{');
                    bool first = true;
                    foreach (var e in map)
                    {
                        if (!first) sb.Append(',');
                        first = false;
                        NewLine(sb, indent, depth + 1);
                        Quote(sb, e.Key);
                        sb.Append(indent == null ? ":" : ": ");
                        Write(sb, e.Value, indent, depth + 1);
                    }
                    NewLine(sb, indent, depth);
                    sb.Append('}');
                    break;
                case List<object> list:
                    if (list.Count == 0) { sb.Append("[]"); break; }
                    sb.Append('[');
                    for (int i = 0; i < list.Count; i++)
                    {
                        if (i > 0) sb.Append(',');
                        NewLine(sb, indent, depth + 1);
                        Write(sb, list[i], indent, depth + 1);
                    }
                    NewLine(sb, indent, depth);
                    sb.Append(']');
                    break;
                default:
                    Quote(sb, System.Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }

        private static void NewLine(StringBuilder sb, string indent, int depth)
        {
            if (indent == null) return;
            sb.Append('\n');
            for (int i = 0; i < depth; i++) sb.Append(indent);
        }

        private const string Hex = "0123456789abcdef";

        /// <summary>encoding/json string escaping with escapeHTML on (off: an Encoder after SetEscapeHTML(false)).</summary>
        public static void Quote(StringBuilder sb, string s, bool escapeHtml = true)
        {
            sb.Append('"');
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                switch (c)
                {
                    case '"': sb.Append("\\\""); continue;
                    case '\\': sb.Append("\\\\"); continue;
                    case '\n': sb.Append("\\n"); continue;
                    case '\r': sb.Append("\\r"); continue;
                    case '\t': sb.Append("\\t"); continue;
                    case '\b': sb.Append("\\b"); continue;
                    case '\f': sb.Append("\\f"); continue;
                }
                if (c < 0x20 || (escapeHtml && (c == '<' || c == '>' || c == '&')) || c == '\u2028' || c == '\u2029')
                {
                    sb.Append("\\u00").Append(Hex[c >> 4]).Append(Hex[c & 0xF]);
                    if (c >= 0x100) { sb.Length -= 4; sb.Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); }
                    continue;
                }
                if (char.IsSurrogate(c))
                {
                    // A lone surrogate is invalid UTF-8 for Go: it writes the replacement character.
                    if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(c).Append(s[++i]); continue; }
                    sb.Append("\\ufffd");
                    continue;
                }
                sb.Append(c);
            }
            sb.Append('"');
        }
    }
}
