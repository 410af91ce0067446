using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PSCompose.Model.Interpolation
{
    /// <summary>
    /// Go's strconv.Atoi / ParseInt(s, 10, 64) / ParseFloat(s, 32|64) acceptance rules and error texts
    /// ("strconv.Atoi: parsing \"x\": invalid syntax"), which Compose shows in cast errors.
    /// </summary>
    internal static class GoStrconv
    {
        private static readonly Regex DecimalFloat = new Regex(
            @"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant);

        public static long Atoi(string s) => ParseDecimal(s, "Atoi");

        public static long ParseInt(string s) => ParseDecimal(s, "ParseInt");

        /// <summary>ParseFloat(s, 64), or with <paramref name="bits"/> 32 the float32 range check.</summary>
        public static double ParseFloat(string s, int bits = 64)
        {
            if (!TryParseFloatSyntax(s, out double value)) throw Error("ParseFloat", s, "invalid syntax");
            if (IsSpecial(s)) return value;
            if (double.IsInfinity(value) || (bits == 32 && Math.Abs(value) > float.MaxValue))
                throw Error("ParseFloat", s, "value out of range");
            return value;
        }

        private static long ParseDecimal(string s, string fn)
        {
            if (string.IsNullOrEmpty(s)) throw Error(fn, s ?? "", "invalid syntax");
            int i = 0;
            bool negative = false;
            if (s[0] == '+' || s[0] == '-')
            {
                negative = s[0] == '-';
                i = 1;
            }
            if (i == s.Length) throw Error(fn, s, "invalid syntax");
            decimal acc = 0;
            bool overflow = false;
            for (; i < s.Length; i++)
            {
                char c = s[i];
                if (c < '0' || c > '9') throw Error(fn, s, "invalid syntax");
                if (!overflow)
                {
                    acc = acc * 10 + (c - '0');
                    if (acc > 9223372036854775808m) overflow = true;
                }
            }
            if (negative) acc = -acc;
            if (overflow || acc > long.MaxValue || acc < long.MinValue) throw Error(fn, s, "value out of range");
            return (long)acc;
        }

        private static bool IsSpecial(string s)
        {
            string t = s.TrimStart('+', '-').ToLowerInvariant();
            return t == "inf" || t == "infinity" || t == "nan";
        }

        private static bool TryParseFloatSyntax(string s, out double value)
        {
            value = 0;
            if (string.IsNullOrEmpty(s)) return false;
            string lower = s.ToLowerInvariant();
            string unsigned = lower.TrimStart('+', '-');
            bool signed = unsigned.Length != lower.Length;
            if (lower.Length - unsigned.Length > 1) return false;
            if (unsigned == "inf" || unsigned == "infinity")
            {
                value = lower[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
                return true;
            }
            if (unsigned == "nan")
            {
                if (signed) return false;
                value = double.NaN;
                return true;
            }
            if (!DecimalFloat.IsMatch(s)) return false;
            value = double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
            return true;
        }

        private static FormatException Error(string fn, string s, string reason) =>
            new FormatException($"strconv.{fn}: parsing {GoFormat.Quote(s)}: {reason}");
    }
}
