using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PSCompose.Model.Yaml
{
    /// <summary>
    /// yaml.v3's resolve(): what a scalar decodes to inside map[string]any. YAML 1.2 core schema with yaml.v3's
    /// extras: underscores in numbers, legacy 0777 octals, 0b/0o/0x, integers that overflow int64 but fit
    /// uint64, ints-looking floats ("08" is 8.0), and timestamps (kept here as their RFC 3339 text, which is
    /// how Compose prints them). yes/no/on/off stay strings.
    /// </summary>
    internal static class YamlScalarResolver
    {
        public const string StrTag = "!!str";
        public const string IntTag = "!!int";
        public const string FloatTag = "!!float";
        public const string BoolTag = "!!bool";
        public const string NullTag = "!!null";
        public const string TimestampTag = "!!timestamp";
        public const string BinaryTag = "!!binary";
        public const string MergeTag = "!!merge";

        private static readonly Regex YamlStyleFloat = new Regex(
            @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

        private static readonly Regex DotFloat = new Regex(@"^\.[0-9]+([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

        /// <summary>
        /// Decodes a scalar's text under its tag. Throws <see cref="FormatException"/> with yaml.v3's text
        /// ("cannot decode !!str `x` as a !!int") when an explicit tag does not fit.
        /// </summary>
        public static object Resolve(string tag, string text, bool notPlain)
        {
            if (tag == StrTag || (tag == "" && notPlain)) return text;
            if (tag == BinaryTag) return DecodeBinary(text);
            if (tag != "" && tag != BoolTag && tag != IntTag && tag != FloatTag && tag != TimestampTag && tag != NullTag)
                return text; // tags yaml.v3 cannot resolve (custom ones, !override) leave the text as a string

            object value = ResolvePlain(text, tag == "" || tag == TimestampTag, out string resolvedTag);
            if (tag == "" || tag == resolvedTag) return value;
            if (tag == FloatTag && resolvedTag == IntTag) return Convert.ToDouble(value, CultureInfo.InvariantCulture);
            throw new FormatException($"cannot decode {resolvedTag} `{text}` as a {tag}");
        }

        /// <summary>Resolution of an untagged plain scalar; <paramref name="resolvedTag"/> says what it is.</summary>
        public static object ResolvePlain(string text, bool allowTimestamp, out string resolvedTag)
        {
            resolvedTag = NullTag;
            if (text == "") return null;
            char first = text[0];
            char hint = first == '+' || first == '-' ? 'S'
                : first >= '0' && first <= '9' ? 'D'
                : "yYnNtTfFoO~".IndexOf(first) >= 0 ? 'M'
                : first == '.' ? '.'
                : '\0';

            if (hint != '\0')
            {
                switch (text)
                {
                    case "true": case "True": case "TRUE": resolvedTag = BoolTag; return true;
                    case "false": case "False": case "FALSE": resolvedTag = BoolTag; return false;
                    case "~": case "null": case "Null": case "NULL": resolvedTag = NullTag; return null;
                    case ".nan": case ".NaN": case ".NAN": resolvedTag = FloatTag; return double.NaN;
                    case ".inf": case ".Inf": case ".INF":
                    case "+.inf": case "+.Inf": case "+.INF": resolvedTag = FloatTag; return double.PositiveInfinity;
                    case "-.inf": case "-.Inf": case "-.INF": resolvedTag = FloatTag; return double.NegativeInfinity;
                    case "<<": resolvedTag = MergeTag; return text;
                }

                if (hint == '.')
                {
                    if (DotFloat.IsMatch(text) && TryFiniteDouble(text, out double d))
                    {
                        resolvedTag = FloatTag;
                        return d;
                    }
                }
                else if (hint == 'D' || hint == 'S')
                {
                    if (allowTimestamp && YamlTimestamp.TryParse(text, out string rfc3339))
                    {
                        resolvedTag = TimestampTag;
                        return rfc3339;
                    }
                    object number = ResolveNumber(text.Replace("_", ""));
                    if (number != null)
                    {
                        resolvedTag = number is double ? FloatTag : IntTag;
                        return number;
                    }
                }
            }
            resolvedTag = StrTag;
            return text;
        }

        private static object ResolveNumber(string plain)
        {
            if (GoInt.TryParseInt(plain, 0, out long l)) return l;
            // Beyond int64 but within uint64: yaml.v3 gives a uint64; the tree has no such type, so a double.
            if (GoInt.TryParseUint(plain, 0, out ulong u)) return (double)u;
            if (YamlStyleFloat.IsMatch(plain) && TryFiniteDouble(plain, out double d)) return d;
            if (plain.StartsWith("0b", StringComparison.Ordinal))
            {
                if (GoInt.TryParseInt(plain.Substring(2), 2, out l)) return l;
                if (GoInt.TryParseUint(plain.Substring(2), 2, out u)) return (double)u;
            }
            else if (plain.StartsWith("-0b", StringComparison.Ordinal))
            {
                if (GoInt.TryParseInt("-" + plain.Substring(3), 2, out l)) return l;
            }
            if (plain.StartsWith("0o", StringComparison.Ordinal))
            {
                if (GoInt.TryParseInt(plain.Substring(2), 8, out l)) return l;
                if (GoInt.TryParseUint(plain.Substring(2), 8, out u)) return (double)u;
            }
            else if (plain.StartsWith("-0o", StringComparison.Ordinal))
            {
                if (GoInt.TryParseInt("-" + plain.Substring(3), 8, out l)) return l;
            }
            return null;
        }

        // strconv.ParseFloat fails with ErrRange on overflow; yaml.v3 then keeps the text as a string.
        private static bool TryFiniteDouble(string s, out double d)
        {
            d = double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
            return !double.IsInfinity(d);
        }

        private static string DecodeBinary(string text)
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(text));
            }
            catch (FormatException)
            {
                throw new FormatException("!!binary value contains invalid base64 data");
            }
        }
    }
}
