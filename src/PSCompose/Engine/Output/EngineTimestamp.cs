using System;
using System.Globalization;

namespace PSCompose.Engine
{
    /// <summary>
    /// The engine's log timestamps: RFC 3339 UTC with a fixed 9-digit fraction and 'Z' (30 characters), then a space.
    /// Parsed by hand because it runs once per log line; .NET keeps 100 ns ticks, so the last two digits are dropped.
    /// </summary>
    internal static class EngineTimestamp
    {
        /// <summary>The longest timestamp accepted before the separating space (RFC 3339 with an offset and 9 digits is 35).</summary>
        public const int MaxLength = 40;

        /// <summary>Parses <paramref name="length"/> bytes (the timestamp without its trailing space).</summary>
        public static bool TryParse(byte[] b, int o, int length, out DateTimeOffset value)
        {
            value = default;
            if (length != 30 || b[o + 4] != '-' || b[o + 7] != '-' || b[o + 10] != 'T' || b[o + 13] != ':' || b[o + 16] != ':' ||
                b[o + 19] != '.' || b[o + 29] != 'Z')
                return TryParseOther(b, o, length, out value);
            if (!Digits(b, o, 4, out int year) || !Digits(b, o + 5, 2, out int month) || !Digits(b, o + 8, 2, out int day) ||
                !Digits(b, o + 11, 2, out int hour) || !Digits(b, o + 14, 2, out int minute) || !Digits(b, o + 17, 2, out int second) ||
                !Digits(b, o + 20, 7, out int ticks) || !Digits(b, o + 27, 2, out _))
                return false;
            if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
                return false;
            value = new DateTimeOffset(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks), TimeSpan.Zero);
            return true;
        }

        /// <summary>Other RFC 3339 shapes (trailing zeros trimmed, an offset), as Podman's Docker API sends them.</summary>
        private static bool TryParseOther(byte[] b, int o, int length, out DateTimeOffset value)
        {
            value = default;
            if (length < 20 || b[o + 4] != '-' || b[o + 10] != 'T') return false;
            string text = System.Text.Encoding.ASCII.GetString(b, o, length);
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
        }

        private static bool Digits(byte[] b, int o, int n, out int value)
        {
            value = 0;
            for (int i = 0; i < n; i++)
            {
                int d = b[o + i] - '0';
                if (d < 0 || d > 9) return false;
                value = value * 10 + d;
            }
            return true;
        }
    }
}
