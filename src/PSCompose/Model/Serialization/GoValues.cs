using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PSCompose.Model.Serialization
{
    /// <summary>Go's text forms of scalars: time.Duration, go-units byte sizes, fmt "%v" (floats: <see cref="GoFloat"/>).</summary>
    internal static class GoValues
    {
        private const long Nanosecond = 1, Microsecond = 1000, Millisecond = 1000000, Second = 1000000000;
        private const long Minute = 60 * Second, Hour = 60 * Minute;

        /// <summary>time.Duration.String(): "1m30s", "500ms", "1h0m0s", "0s".</summary>
        public static string FormatDuration(long d)
        {
            if (d == 0) return "0s";
            bool negative = d < 0;
            ulong u = negative ? (ulong)(-(d + 1)) + 1 : (ulong)d;
            var sb = new StringBuilder();
            if (u < Second)
            {
                int precision;
                string unit;
                if (u < Microsecond) { precision = 0; unit = "ns"; }
                else if (u < Millisecond) { precision = 3; unit = "\u00b5s"; }
                else { precision = 6; unit = "ms"; }
                sb.Append(Fraction(ref u, precision)).Insert(0, u.ToString(CultureInfo.InvariantCulture)).Append(unit);
            }
            else
            {
                string fraction = Fraction(ref u, 9);
                ulong seconds = u % 60;
                u /= 60;
                string text = seconds.ToString(CultureInfo.InvariantCulture) + fraction + "s";
                if (u > 0)
                {
                    text = (u % 60).ToString(CultureInfo.InvariantCulture) + "m" + text;
                    u /= 60;
                    if (u > 0) text = u.ToString(CultureInfo.InvariantCulture) + "h" + text;
                }
                sb.Append(text);
            }
            return (negative ? "-" : "") + sb;
        }

        // fmtFrac: the fraction digits of v/10^prec without trailing zeros ("" when none); v becomes the integer part.
        private static string Fraction(ref ulong v, int precision)
        {
            var digits = new StringBuilder();
            bool print = false;
            for (int i = 0; i < precision; i++)
            {
                ulong digit = v % 10;
                print = print || digit != 0;
                if (print) digits.Insert(0, (char)('0' + (int)digit));
                v /= 10;
            }
            return print ? "." + digits : "";
        }

        /// <summary>time.ParseDuration: "1h30m", "1.5s", "-2ms"; "0" alone is allowed.</summary>
        public static bool TryParseDuration(string s, out long nanoseconds)
        {
            nanoseconds = 0;
            if (string.IsNullOrEmpty(s)) return false;
            int i = 0;
            bool negative = false;
            if (s[0] == '-' || s[0] == '+') { negative = s[0] == '-'; i++; }
            if (s.Substring(i) == "0") return true;
            if (i == s.Length) return false;
            decimal total = 0;
            while (i < s.Length)
            {
                int start = i;
                while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.')) i++;
                string number = s.Substring(start, i - start);
                if (number.Length == 0 || number == ".") return false;
                int unitStart = i;
                while (i < s.Length && !char.IsDigit(s[i]) && s[i] != '.') i++;
                string unit = s.Substring(unitStart, i - unitStart);
                long scale;
                switch (unit)
                {
                    case "ns": scale = Nanosecond; break;
                    case "us": case "\u00b5s": case "\u03bcs": scale = Microsecond; break;
                    case "ms": scale = Millisecond; break;
                    case "s": scale = Second; break;
                    case "m": scale = Minute; break;
                    case "h": scale = Hour; break;
                    default: return false;
                }
                if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value)) return false;
                total += value * scale;
            }
            nanoseconds = (long)decimal.Truncate(negative ? -total : total);
            return true;
        }

        /// <summary>The duration error text of Go's time package.</summary>
        public static string DurationError(string s)
        {
            int i = 0;
            while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.' || s[i] == '-' || s[i] == '+')) i++;
            int j = i;
            while (j < s.Length && !char.IsDigit(s[j]) && s[j] != '.') j++;
            if (i == j) return "time: missing unit in duration \"" + s + "\"";
            return "time: unknown unit \"" + s.Substring(i, j - i) + "\" in duration \"" + s + "\"";
        }

        /// <summary>docker/go-units RAMInBytes: "1g", "512m", "1.5GiB", "100" (binary multiples).</summary>
        public static bool TryParseBytes(string size, out long bytes)
        {
            bytes = -1;
            int sep = size.LastIndexOfAny("0123456789. ".ToCharArray());
            if (sep < 0) return false;
            string number, suffix;
            if (size[sep] != ' ') { number = size.Substring(0, sep + 1); suffix = size.Substring(sep + 1); }
            else { number = size.Substring(0, sep); suffix = size.Substring(sep + 1); }
            if (!double.TryParse(number, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out double value) || value < 0)
                return false;
            if (suffix.Length == 0) { bytes = (long)value; return true; }
            if (suffix.Length > 3) return false;
            suffix = suffix.ToLowerInvariant();
            if (suffix[0] == 'b')
            {
                if (suffix.Length > 1) return false;
                bytes = (long)value;
                return true;
            }
            int power = "kmgtp".IndexOf(suffix[0]);
            if (power < 0) return false;
            if (suffix.Length == 2 && suffix[1] != 'b') return false;
            if (suffix.Length == 3 && suffix.Substring(1) != "ib") return false;
            bytes = (long)(value * Math.Pow(1024, power + 1));
            return true;
        }

        /// <summary>fmt "%v" of a scalar, as mapstructure turns YAML numbers and bools into strings.</summary>
        public static string Scalar(object value)
        {
            switch (value)
            {
                case null: return null;
                case string s: return s;
                case bool b: return b ? "true" : "false";
                case long l: return l.ToString(CultureInfo.InvariantCulture);
                case int i: return i.ToString(CultureInfo.InvariantCulture);
                case double d: return GoFloat.FormatG(d);
                case TaggedValue t: return Scalar(t.Value);
                default: return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }

        public static bool TryInt(object value, out long result)
        {
            switch (value)
            {
                case long l: result = l; return true;
                case int i: result = i; return true;
                case double d: result = (long)d; return true;
                case bool b: result = b ? 1 : 0; return true;
                case string s: return long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);
                default: result = 0; return false;
            }
        }

        public static bool TryDouble(object value, out double result)
        {
            switch (value)
            {
                case long l: result = l; return true;
                case int i: result = i; return true;
                case double d: result = d; return true;
                case string s: return double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out result);
                default: result = 0; return false;
            }
        }

        public static bool TryBool(object value, out bool result)
        {
            switch (value)
            {
                case bool b: result = b; return true;
                case string s:
                    switch (s.ToLowerInvariant())
                    {
                        case "true": case "yes": case "y": case "on": result = true; return true;
                        case "false": case "no": case "n": case "off": result = false; return true;
                    }
                    break;
            }
            result = false;
            return false;
        }

        /// <summary>A duration field's nanoseconds from a Go duration string or a number of nanoseconds.</summary>
        public static bool TryDuration(object value, out long nanoseconds)
        {
            if (value is string s) return TryParseDuration(s, out nanoseconds);
            return TryInt(value, out nanoseconds);
        }

        /// <summary>A UnitBytes field from a byte count or a size string ("1g").</summary>
        public static bool TryBytes(object value, out long bytes)
        {
            if (value is string s) return TryParseBytes(s, out bytes);
            return TryInt(value, out bytes);
        }

        /// <summary>A FileMode from its decimal value or an octal string.</summary>
        public static bool TryFileMode(object value, out long mode)
        {
            if (value is string s)
            {
                mode = 0;
                try { mode = Convert.ToInt64(s, 8); return true; }
                catch (FormatException) { return false; }
                catch (ArgumentException) { return false; }
            }
            return TryInt(value, out mode);
        }

        public static string Octal(long value) => "0" + Convert.ToString(value, 8);

        public static IEnumerable<string> SortedKeys(YMap map)
        {
            var keys = new List<string>(map.Keys);
            keys.Sort(StringComparer.Ordinal);
            return keys;
        }
    }
}
