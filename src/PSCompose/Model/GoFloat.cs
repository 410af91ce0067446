using System;
using System.Globalization;
using System.Text;

namespace PSCompose.Model
{
    /// <summary>
    /// Go's float text, in one place: strconv.FormatFloat(f, 'g', -1, bits) — which is also what fmt prints for
    /// %v and %#v, and what yaml.v3 writes — and encoding/json's variant ('f' between 1e-6 and 1e21, else 'e').
    /// Both start from the shortest round-trip digits.
    /// </summary>
    internal static class GoFloat
    {
        /// <summary>strconv.FormatFloat(f, 'g', -1, bits) = fmt "%v": "1e+06", "1.5", "1e-05", "+Inf".</summary>
        public static string FormatG(double value, int bits = 64)
        {
            if (double.IsPositiveInfinity(value)) return "+Inf";
            if (double.IsNegativeInfinity(value)) return "-Inf";
            if (double.IsNaN(value)) return "NaN";
            Digits d = Shortest(value, bits);
            int exponent = d.Point - 1;
            // strconv: with the shortest digits %e is used when the exponent is < -4 or >= 6 (eprec = 6).
            return exponent < -4 || exponent >= 6 ? FormatE(d, 2) : FormatF(d);
        }

        /// <summary>encoding/json's float text: 'f' for 1e-6 &lt;= |f| &lt; 1e21, else 'e' with "e-07" cleaned to "e-7".</summary>
        public static string Json(double value, bool float32)
        {
            int bits = float32 ? 32 : 64;
            Digits d = Shortest(value, bits);
            double abs = Math.Abs(float32 ? (float)value : value);
            bool exponentForm = abs != 0 && (abs < 1e-6 || abs >= 1e21);
            return exponentForm ? FormatE(d, 1) : FormatF(d);
        }

        /// <summary>yaml.v3's float text: FormatG with .inf / -.inf / .nan.</summary>
        public static string Yaml(double value, bool float32)
        {
            if (double.IsPositiveInfinity(value)) return ".inf";
            if (double.IsNegativeInfinity(value)) return "-.inf";
            if (double.IsNaN(value)) return ".nan";
            return FormatG(value, float32 ? 32 : 64);
        }

        /// <summary>The shortest decimal digits that round-trip: value = 0.Text × 10^Point (Text without zeros at either end).</summary>
        private struct Digits
        {
            public bool Negative;
            public string Text;
            public int Point;
        }

        private static Digits Shortest(double value, int bits)
        {
            string r = bits == 32
                ? ((float)value).ToString("R", CultureInfo.InvariantCulture)
                : value.ToString("R", CultureInfo.InvariantCulture);
            var d = new Digits { Negative = r.StartsWith("-", StringComparison.Ordinal) };
            r = r.TrimStart('-');
            int exponent = 0;
            int e = r.IndexOfAny(new[] { 'E', 'e' });
            if (e >= 0)
            {
                exponent = int.Parse(r.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                r = r.Substring(0, e);
            }
            int dot = r.IndexOf('.');
            string all = dot < 0 ? r : r.Remove(dot, 1);
            int point = (dot < 0 ? r.Length : dot) + exponent;
            int lead = 0;
            while (lead < all.Length && all[lead] == '0') lead++;
            d.Text = all.Substring(lead).TrimEnd('0');
            d.Point = d.Text.Length == 0 ? 0 : point - lead;
            return d;
        }

        // strconv fmtF with the shortest digits: no exponent, as many fraction digits as needed.
        private static string FormatF(Digits d)
        {
            var sb = new StringBuilder();
            if (d.Negative) sb.Append('-');
            if (d.Point > 0)
            {
                for (int i = 0; i < d.Point; i++) sb.Append(i < d.Text.Length ? d.Text[i] : '0');
            }
            else
            {
                sb.Append('0');
            }
            int fraction = Math.Max(d.Text.Length - d.Point, 0);
            if (fraction > 0)
            {
                sb.Append('.');
                for (int i = 1; i <= fraction; i++)
                {
                    int j = d.Point + i - 1;
                    sb.Append(j >= 0 && j < d.Text.Length ? d.Text[j] : '0');
                }
            }
            return sb.ToString();
        }

        // strconv fmtE with the shortest digits; Go writes at least two exponent digits (json trims to one).
        private static string FormatE(Digits d, int minExponentDigits)
        {
            var sb = new StringBuilder();
            if (d.Negative) sb.Append('-');
            string text = d.Text.Length == 0 ? "0" : d.Text;
            sb.Append(text[0]);
            if (text.Length > 1) sb.Append('.').Append(text, 1, text.Length - 1);
            int exponent = d.Text.Length == 0 ? 0 : d.Point - 1;
            sb.Append('e').Append(exponent < 0 ? '-' : '+');
            sb.Append(Math.Abs(exponent).ToString(CultureInfo.InvariantCulture).PadLeft(minExponentDigits, '0'));
            return sb.ToString();
        }
    }
}
