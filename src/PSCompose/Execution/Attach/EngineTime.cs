using System;
using System.Globalization;

namespace PSCompose.Execution.Attach
{
    /// <summary>The engine's inspect times (RFC 3339 with up to 9 fraction digits, trailing zeros trimmed).</summary>
    internal static class EngineTime
    {
        /// <summary>Null for an empty or zero time.</summary>
        public static DateTimeOffset? Parse(string text)
        {
            if (string.IsNullOrEmpty(text) || text.StartsWith("0001-", StringComparison.Ordinal)) return null;
            Split(text, out DateTimeOffset seconds, out string fraction);
            return seconds.AddTicks(long.Parse(fraction.Substring(0, 7), CultureInfo.InvariantCulture));
        }

        /// <summary>The logs API's since= for a time, to the nanosecond ("seconds.nanoseconds"), so no earlier line comes back.</summary>
        public static string UnixSince(string text)
        {
            Split(text, out DateTimeOffset seconds, out string fraction);
            return seconds.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "." + fraction;
        }

        /// <summary>The whole seconds and the fraction padded to 9 digits.</summary>
        private static void Split(string text, out DateTimeOffset seconds, out string fraction)
        {
            int dot = text.IndexOf('.');
            int zone = text.IndexOfAny(new[] { 'Z', '+', '-' }, 19);
            if (zone < 0) zone = text.Length;
            string whole = dot > 0 ? text.Substring(0, dot) : text.Substring(0, zone);
            fraction = (dot > 0 ? text.Substring(dot + 1, zone - dot - 1) : "").PadRight(9, '0').Substring(0, 9);
            seconds = DateTimeOffset.Parse(whole + text.Substring(zone), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        }
    }
}
