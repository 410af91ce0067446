using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Runtime.CompilerServices;

namespace PSCompose.Model.Serialization
{
    /// <summary>
    /// Prints an encoder output tree the way go-yaml v3 does with SetIndent(2): block style, sequences indented
    /// under their key, strings plain unless they would read back as another type (then double-quoted) or plain
    /// style is not allowed (then single-quoted), multi-line strings as literal blocks, no line folding.
    /// </summary>
    internal static class GoYaml
    {
        public static string Write(object tree)
        {
            var sb = new StringBuilder();
            if (tree is YMap map && map.Count > 0) WriteEntries(sb, map, 0, false);
            else if (tree is List<object> list && list.Count > 0) WriteItems(sb, list, 0, false);
            else { WriteScalar(sb, tree, 0); sb.Append('\n'); }
            return sb.ToString();
        }

        private static void WriteEntries(StringBuilder sb, YMap map, int indent, bool firstPositioned)
        {
            bool first = true;
            foreach (var e in map)
            {
                if (!(first && firstPositioned)) sb.Append(' ', indent);
                first = false;
                sb.Append(Scalar(e.Key)).Append(':');
                WriteValue(sb, e.Value, indent);
            }
        }

        private static void WriteItems(StringBuilder sb, List<object> list, int indent, bool firstPositioned)
        {
            bool first = true;
            foreach (object item in list)
            {
                if (!(first && firstPositioned)) sb.Append(' ', indent);
                first = false;
                sb.Append('-');
                switch (item)
                {
                    case YMap m when m.Count > 0:
                        sb.Append(' ');
                        WriteEntries(sb, m, indent + 2, true);
                        break;
                    case List<object> l when l.Count > 0:
                        sb.Append(' ');
                        WriteItems(sb, l, indent + 2, true);
                        break;
                    default:
                        sb.Append(' ');
                        WriteScalar(sb, item, indent);
                        sb.Append('\n');
                        break;
                }
            }
        }

        private static void WriteValue(StringBuilder sb, object value, int indent)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            switch (value)
            {
                case YMap m when m.Count > 0:
                    sb.Append('\n');
                    WriteEntries(sb, m, indent + 2, false);
                    break;
                case List<object> l when l.Count > 0:
                    sb.Append('\n');
                    WriteItems(sb, l, indent + 2, false);
                    break;
                default:
                    sb.Append(' ');
                    WriteScalar(sb, value, indent);
                    sb.Append('\n');
                    break;
            }
        }

        private static void WriteScalar(StringBuilder sb, object value, int indent)
        {
            switch (value)
            {
                case null: sb.Append("null"); return;
                case bool b: sb.Append(b ? "true" : "false"); return;
                case GoNumber n: sb.Append(n.Text); return;
                case YMap _: sb.Append("{}"); return;
                case List<object> _: sb.Append("[]"); return;
                case long l: sb.Append(l.ToString(CultureInfo.InvariantCulture)); return;
                case string s:
                    if (s.IndexOf('\n') >= 0 && LiteralAllowed(s)) { WriteLiteral(sb, s, indent + 2); return; }
                    sb.Append(Scalar(s));
                    return;
                default:
                    sb.Append(Scalar(Convert.ToString(value, CultureInfo.InvariantCulture)));
                    return;
            }
        }

        /// <summary>A string scalar in the style go-yaml v3 picks for it (not for multi-line strings).</summary>
        public static string Scalar(string s)
        {
            ScalarAnalysis a = Analyze(s);
            bool resolvesToString = ResolvesToString(s);
            if (s.IndexOf('\n') < 0 && resolvesToString && a.BlockPlainAllowed) return s;
            if (resolvesToString && s.IndexOf('\n') < 0 && a.SingleQuotedAllowed) return "'" + s.Replace("'", "''") + "'";
            return DoubleQuoted(s);
        }

        private static bool LiteralAllowed(string s)
        {
            ScalarAnalysis a = Analyze(s);
            return a.BlockAllowed;
        }

        private static void WriteLiteral(StringBuilder sb, string s, int indent)
        {
            sb.Append('|');
            if (s.Length > 0 && (s[0] == ' ' || s[0] == '\n')) sb.Append(2);
            int trailing = 0;
            for (int i = s.Length - 1; i >= 0 && s[i] == '\n'; i--) trailing++;
            if (trailing == 0) sb.Append('-');
            else if (trailing > 1 || trailing == s.Length) sb.Append('+');
            string body = trailing > 0 ? s.Substring(0, s.Length - 1) : s;
            foreach (string line in body.Split('\n'))
            {
                sb.Append('\n');
                if (line.Length > 0) sb.Append(' ', indent).Append(line);
            }
        }

        private sealed class ScalarAnalysis
        {
            public bool BlockPlainAllowed = true;
            public bool SingleQuotedAllowed = true;
            public bool BlockAllowed = true;
        }

        // libyaml's yaml_emitter_analyze_scalar, block context.
        private static ScalarAnalysis Analyze(string value)
        {
            var a = new ScalarAnalysis();
            if (value.Length == 0)
            {
                a.BlockPlainAllowed = false;
                a.BlockAllowed = false;
                return a;
            }
            bool blockIndicators = false, leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
            bool breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false, lineBreaks = false, special = false, tabs = false;
            if (value.StartsWith("---", StringComparison.Ordinal) || value.StartsWith("...", StringComparison.Ordinal)) blockIndicators = true;
            bool precededByWhitespace = true;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                bool followedByWhitespace = i + 1 >= value.Length || IsBlank(value[i + 1]);
                if (i == 0)
                {
                    if ("#,[]{}&*!|>'\"%@`".IndexOf(c) >= 0) blockIndicators = true;
                    if ((c == '?' || c == ':') && followedByWhitespace) blockIndicators = true;
                    if (c == '-' && followedByWhitespace) blockIndicators = true;
                }
                else
                {
                    if (c == ':' && followedByWhitespace) blockIndicators = true;
                    if (c == '#' && precededByWhitespace) blockIndicators = true;
                }
                // go-yaml v3 tracks tabs apart: they rule out plain and single-quoted styles, not literal blocks.
                if (value[i] == '\t') tabs = true;
                else if (!IsPrintable(value, i)) special = true;
                if (c == '\n') lineBreaks = true;
                if (c == ' ')
                {
                    if (i == 0) leadingSpace = true;
                    if (i == value.Length - 1) trailingSpace = true;
                    if (previousBreak) breakSpace = true;
                    previousSpace = true;
                    previousBreak = false;
                }
                else if (c == '\n' || c == '\r')
                {
                    lineBreaks = true;
                    if (i == 0) leadingBreak = true;
                    if (i == value.Length - 1) trailingBreak = true;
                    if (previousSpace) spaceBreak = true;
                    previousBreak = true;
                    previousSpace = false;
                }
                else
                {
                    previousSpace = false;
                    previousBreak = false;
                }
                if (char.IsHighSurrogate(c) && i + 1 < value.Length) i++;
                precededByWhitespace = IsBlank(value[i]) || value[i] == '\n';
            }
            if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.BlockPlainAllowed = false;
            if (trailingSpace) a.BlockAllowed = false;
            if (breakSpace) { a.BlockPlainAllowed = false; a.SingleQuotedAllowed = false; }
            if (tabs) { a.BlockPlainAllowed = false; a.SingleQuotedAllowed = false; }
            if (spaceBreak || special) { a.BlockPlainAllowed = false; a.SingleQuotedAllowed = false; a.BlockAllowed = false; }
            if (lineBreaks) a.BlockPlainAllowed = false;
            if (blockIndicators) a.BlockPlainAllowed = false;
            return a;
        }

        private static bool IsBlank(char c) => c == ' ' || c == '\t';

        private static bool IsPrintable(string s, int i)
        {
            char c = s[i];
            if (c == '\n') return true;
            if (c >= 0x20 && c <= 0x7E) return true;
            if (c >= 0xA0 && c <= 0xD7FF) return true;
            if (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF) return true;
            return false;
        }

        private static readonly Regex YamlFloat = new Regex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);
        private static readonly Regex GoInt = new Regex(@"^[-+]?(0[xX]_?[0-9a-fA-F]+(_[0-9a-fA-F]+)*|0[bB]_?[01]+(_[01]+)*|0[oO]_?[0-7]+(_[0-7]+)*|0_?[0-7]+(_[0-7]+)*|[1-9](_?[0-9])*|0)$", RegexOptions.CultureInvariant);
        private static readonly Regex Base60Float = new Regex(@"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$", RegexOptions.CultureInvariant);
        private static readonly Regex Timestamp = new Regex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]*)?(Z|[-+][0-9]{2}:[0-9]{2})?)?$", RegexOptions.CultureInvariant);

        private static readonly HashSet<string> NonStrings = new HashSet<string>(StringComparer.Ordinal)
        {
            "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
            ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN",
            "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off", "OFF",
            "<<",
        };

        /// <summary>Whether a plain scalar with this text reads back as a string (go-yaml v3 resolve, plus YAML 1.1 bools and base-60 floats).</summary>
        private static bool ResolvesToString(string s)
        {
            if (s.Length == 0 || NonStrings.Contains(s)) return false;
            char c = s[0];
            if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.')
            {
                if (GoInt.IsMatch(s) || YamlFloat.IsMatch(s) || Base60Float.IsMatch(s) || Timestamp.IsMatch(s)) return false;
            }
            return true;
        }

        private static string DoubleQuoted(string s)
        {
            var sb = new StringBuilder("\"");
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                switch (c)
                {
                    case '\0': sb.Append("\\0"); continue;
                    case '\a': sb.Append("\\a"); continue;
                    case '\b': sb.Append("\\b"); continue;
                    case '\t': sb.Append("\\t"); continue;
                    case '\n': sb.Append("\\n"); continue;
                    case '\v': sb.Append("\\v"); continue;
                    case '\f': sb.Append("\\f"); continue;
                    case '\r': sb.Append("\\r"); continue;
                    case '\u001b': sb.Append("\\e"); continue;
                    case '"': sb.Append("\\\""); continue;
                    case '\\': sb.Append("\\\\"); continue;
                    case '\u0085': sb.Append("\\N"); continue;
                    case '\u00a0': sb.Append("\\_"); continue;
                    case '\u2028': sb.Append("\\L"); continue;
                    case '\u2029': sb.Append("\\P"); continue;
                }
                if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    sb.Append("\\U").Append(char.ConvertToUtf32(c, s[++i]).ToString("X8", CultureInfo.InvariantCulture));
                    continue;
                }
                if (IsPrintable(s, i)) { sb.Append(c); continue; }
                if (c <= 0xFF) sb.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                else sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            return sb.Append('"').ToString();
        }
    }
}
