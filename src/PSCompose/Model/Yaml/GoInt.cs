namespace PSCompose.Model.Yaml
{
    /// <summary>Go's strconv.ParseInt / ParseUint (bitSize 64) acceptance, including base 0 prefixes (0x, 0o, 0b, legacy 0).</summary>
    internal static class GoInt
    {
        public static bool TryParseInt(string s, int numberBase, out long value)
        {
            value = 0;
            if (string.IsNullOrEmpty(s)) return false;
            bool negative = false;
            string digits = s;
            if (s[0] == '+' || s[0] == '-')
            {
                negative = s[0] == '-';
                digits = s.Substring(1);
            }
            if (!TryParseUint(digits, numberBase, out ulong u)) return false;
            if (negative)
            {
                if (u > 9223372036854775808UL) return false;
                value = u == 9223372036854775808UL ? long.MinValue : -(long)u;
                return true;
            }
            if (u > long.MaxValue) return false;
            value = (long)u;
            return true;
        }

        public static bool TryParseUint(string s, int numberBase, out ulong value)
        {
            value = 0;
            if (string.IsNullOrEmpty(s)) return false;
            if (numberBase == 0)
            {
                numberBase = 10;
                if (s[0] == '0')
                {
                    char p = s.Length >= 3 ? char.ToLowerInvariant(s[1]) : '\0';
                    if (p == 'b') { numberBase = 2; s = s.Substring(2); }
                    else if (p == 'o') { numberBase = 8; s = s.Substring(2); }
                    else if (p == 'x') { numberBase = 16; s = s.Substring(2); }
                    else { numberBase = 8; s = s.Substring(1); }
                }
            }
            ulong acc = 0;
            foreach (char c in s)
            {
                int d = c >= '0' && c <= '9' ? c - '0'
                    : c >= 'a' && c <= 'z' ? c - 'a' + 10
                    : c >= 'A' && c <= 'Z' ? c - 'A' + 10
                    : 99;
                if (d >= numberBase) return false;
                if (acc > (ulong.MaxValue - (ulong)d) / (ulong)numberBase) return false;
                acc = acc * (ulong)numberBase + (ulong)d;
            }
            value = acc;
            return true;
        }
    }
}
