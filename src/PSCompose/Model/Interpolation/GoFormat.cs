using System.Globalization;
using System.Text;

namespace PSCompose.Model.Interpolation
{
    /// <summary>
    /// The few Go formatting verbs whose output ends up in Compose messages users compare against
    /// (%q / %#v of strings, %#v of numbers).
    /// </summary>
    internal static class GoFormat
    {
        /// <summary>strconv.Quote: double quotes, Go escapes, printable Unicode kept.</summary>
        public static string Quote(string s)
        {
            var sb = new StringBuilder(s.Length + 2).Append('"');
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                switch (c)
                {
                    case '"': sb.Append("\\\""); continue;
                    case '\\': sb.Append("\\\\"); continue;
                    case '\a': sb.Append("\\a"); continue;
                    case '\b': sb.Append("\\b"); continue;
                    case '\f': sb.Append("\\f"); continue;
                    case '\n': sb.Append("\\n"); continue;
                    case '\r': sb.Append("\\r"); continue;
                    case '\t': sb.Append("\\t"); continue;
                    case '\v': sb.Append("\\v"); continue;
                }
                if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    sb.Append(c).Append(s[++i]);
                }
                else if (c < 0x20 || c == 0x7f)
                {
                    sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                }
                else if (char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format
                         || (char.IsWhiteSpace(c) && c != ' '))
                {
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                }
                else
                {
                    sb.Append(c);
                }
            }
            return sb.Append('"').ToString();
        }

        /// <summary>%#v of a decoded YAML scalar, as compose-go prints a non-string key.</summary>
        public static string GoSyntax(object value)
        {
            switch (value)
            {
                case null: return "<nil>";
                case bool b: return b ? "true" : "false";
                case long l: return l.ToString(CultureInfo.InvariantCulture);
                case double d: return GoFloat.FormatG(d);
                case string s: return Quote(s);
                default: return value.ToString();
            }
        }
    }
}
