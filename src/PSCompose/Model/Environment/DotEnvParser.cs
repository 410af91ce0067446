using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using PSCompose.Model.Interpolation;

namespace PSCompose.Model.Environment
{
    /// <summary>An env file syntax error, with the line compose-go reports (0 when it reports none).</summary>
    internal sealed class DotEnvSyntaxException : Exception
    {
        public DotEnvSyntaxException(string message, int line, Exception inner = null) : base(message, inner)
        {
            Line = line;
        }

        public int Line { get; }
    }

    /// <summary>
    /// compose-go's dotenv parser, statement by statement. Quirks kept on purpose because Compose has them:
    /// text after a closing quote starts the next statement, a key at end of file without a newline or
    /// '=' becomes the value of an empty key, and "line N" counts every newline up to the point of failure.
    /// </summary>
    internal sealed class DotEnvParser
    {
        private static readonly Regex EscapeSequence = new Regex(@"\\(?:[abcfnrtv$""\\]|0[0-9]{0,3})", RegexOptions.CultureInvariant);

        private readonly Func<string, string> lookup;
        private readonly Action<string> warn;
        private readonly Dictionary<string, string> values = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly List<string> order = new List<string>();
        private int line = 1;

        public DotEnvParser(Func<string, string> lookup, Action<string> warn)
        {
            this.lookup = lookup ?? (_ => null);
            this.warn = warn ?? (_ => { });
        }

        public List<KeyValuePair<string, string>> Parse(string src)
        {
            if (src.Length > 0 && src[0] == '\uFEFF') src = src.Substring(1);
            int pos = 0;
            while (true)
            {
                pos = StatementStart(src, pos);
                if (pos < 0) break;
                pos = Statement(src, pos);
            }
            var result = new List<KeyValuePair<string, string>>(order.Count);
            foreach (string key in order) result.Add(new KeyValuePair<string, string>(key, values[key]));
            return result;
        }

        /// <summary>External lookup first, then keys defined earlier in this file.</summary>
        private string Resolve(string name)
        {
            string v = lookup(name);
            if (v != null) return v;
            return values.TryGetValue(name, out v) ? v : null;
        }

        private void Set(string key, string value)
        {
            if (!values.ContainsKey(key)) order.Add(key);
            values[key] = value;
        }

        private int StatementStart(string src, int pos)
        {
            while (true)
            {
                int i = pos;
                while (i < src.Length && char.IsWhiteSpace(src[i]))
                {
                    if (src[i] == '\n') line++;
                    i++;
                }
                if (i >= src.Length) return -1;
                if (src[i] != '#') return i;
                int newline = src.IndexOf('\n', i);
                if (newline < 0) return -1;
                pos = newline;
            }
        }

        private int Statement(string src, int pos)
        {
            // locateKeyName
            if (string.CompareOrdinal(src, pos, "export", 0, 6) == 0 && pos + 6 < src.Length && "\t\n\f\r ".IndexOf(src[pos + 6]) >= 0)
            {
                pos += "export".Length;
                while (pos < src.Length && IsSpace(src[pos])) pos++;
            }

            string key = "";
            int offset = pos;
            bool inherited = false;
            for (int i = pos; i < src.Length; i++)
            {
                char c = src[i];
                if (IsSpace(c)) continue;
                if (c == '=' || c == ':' || c == '\n')
                {
                    key = src.Substring(pos, i - pos);
                    offset = i + 1;
                    inherited = c == '\n';
                    break;
                }
                if (IsValidKeyChar(src, i)) continue;
                int end = src.IndexOf('\n', pos);
                string firstLine = end < 0 ? src.Substring(pos) : src.Substring(pos, end - pos);
                string bad = char.IsHighSurrogate(c) && i + 1 < src.Length ? src.Substring(i, 2) : c.ToString();
                throw new DotEnvSyntaxException(
                    $"line {line}: unexpected character {GoFormat.Quote(bad)} in variable name {GoFormat.Quote(firstLine)}", line);
            }

            if (inherited && key.IndexOf(' ') < 0) line++;
            key = TrimEndWhiteSpace(key);
            int rest = offset;
            while (rest < src.Length && IsSpace(src[rest])) rest++;

            if (key.IndexOf(' ') >= 0) throw new DotEnvSyntaxException($"line {line}: key cannot contain a space", line);

            if (inherited)
            {
                string v = Resolve(key);
                if (v != null) Set(key, v);
                return rest;
            }

            int next = ExtractValue(src, rest, out string value);
            Set(key, value);
            return next;
        }

        private int ExtractValue(string src, int pos, out string value)
        {
            char quote = pos < src.Length ? src[pos] : '\0';
            if (quote != '"' && quote != '\'')
            {
                int newline = src.IndexOf('\n', pos);
                string raw = newline < 0 ? src.Substring(pos) : src.Substring(pos, newline - pos);
                int statementLine = line;
                line++;
                int comment = raw.IndexOf(" #", StringComparison.Ordinal);
                if (comment >= 0) raw = raw.Substring(0, comment);
                value = Expand(TrimEndWhiteSpace(raw), statementLine);
                return newline < 0 ? src.Length : newline + 1;
            }

            int startLine = line;
            var chars = new StringBuilder();
            bool escaped = false;
            for (int i = pos + 1; i < src.Length; i++)
            {
                char c = src[i];
                if (c == '\n') line++;
                if (escaped)
                {
                    escaped = false;
                    if (c != quote) chars.Append('\\');
                    chars.Append(c);
                    continue;
                }
                if (c == '\\') escaped = true;
                else if (c == quote)
                {
                    value = chars.ToString();
                    if (quote == '"') value = Expand(ExpandEscapes(value), startLine);
                    return i + 1;
                }
                else chars.Append(c);
            }

            int end = src.IndexOf('\n', pos);
            string shown = end < 0 ? src.Substring(pos) : src.Substring(pos, end - pos);
            throw new DotEnvSyntaxException($"line {line}: unterminated quoted value {shown}", line);
        }

        private string Expand(string value, int statementLine)
        {
            try
            {
                return Template.Substitute(value, Resolve, warn);
            }
            catch (TemplateException e)
            {
                throw new DotEnvSyntaxException(e.Message, statementLine, e);
            }
        }

        /// <summary>\a \b \f \n \r \t \v \\ \" as in Go, \$ as a literal $, \0NNN as an octal byte.</summary>
        private static string ExpandEscapes(string value) =>
            EscapeSequence.Replace(value, m =>
            {
                string match = m.Value;
                if (match == "\\$") return "$$";
                if (match.StartsWith("\\0", StringComparison.Ordinal))
                {
                    // compose-go rewrites \0NNN to Go's \NNN and keeps the rewritten text when Go rejects it.
                    match = "\\" + match.Substring(2);
                    string digits = match.Substring(1);
                    if (digits.Length == 3 && IsOctal(digits))
                    {
                        int code = Convert.ToInt32(digits, 8);
                        if (code <= 255) return ((char)code).ToString();
                    }
                    return match;
                }
                switch (match[1])
                {
                    case 'a': return "\a";
                    case 'b': return "\b";
                    case 'f': return "\f";
                    case 'n': return "\n";
                    case 'r': return "\r";
                    case 't': return "\t";
                    case 'v': return "\v";
                    case '\\': return "\\";
                    case '"': return "\"";
                    default: return match; // \c is matched but is no Go escape
                }
            });

        private static bool IsOctal(string s)
        {
            foreach (char c in s) if (c < '0' || c > '7') return false;
            return true;
        }

        // Go's isSpace in the dotenv package: whitespace but not a line break.
        private static bool IsSpace(char c) =>
            c == '\t' || c == '\v' || c == '\f' || c == '\r' || c == ' ' || c == '\u0085' || c == '\u00A0';

        private static bool IsValidKeyChar(string s, int i)
        {
            char c = s[i];
            if (c == '_' || c == '.' || c == '-' || c == '[' || c == ']') return true;
            if (char.IsHighSurrogate(c)) return i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) && (char.IsLetter(s, i) || char.IsNumber(s, i));
            if (char.IsLowSurrogate(c)) return i > 0 && char.IsHighSurrogate(s[i - 1]) && (char.IsLetter(s, i - 1) || char.IsNumber(s, i - 1));
            return char.IsLetter(c) || char.IsNumber(c);
        }

        // strings.TrimRightFunc(s, unicode.IsSpace)
        private static string TrimEndWhiteSpace(string s)
        {
            int end = s.Length;
            while (end > 0 && char.IsWhiteSpace(s[end - 1])) end--;
            return s.Substring(0, end);
        }
    }
}
