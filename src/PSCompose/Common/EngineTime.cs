using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PSCompose.Common
{
    /// <summary>
    /// The one reader of Compose's --since/--until values (events, logs) and the one writer of the engine's query
    /// value. Compose (docker's timetypes.GetTimestamp) takes a Go duration ("10m", "1h30m": that long before now),
    /// a unix time ("1700000000", "1700000000.5"), or an RFC 3339 / date text; PowerShell adds DateTime values.
    /// </summary>
    internal static class EngineTime
    {
        private static readonly Regex GoDuration = new Regex(
            @"^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$", RegexOptions.CultureInvariant);

        private static readonly Regex GoDurationPart = new Regex(@"(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)", RegexOptions.CultureInvariant);

        private static readonly Regex UnixTime = new Regex(@"^\d+(\.\d{1,9})?$", RegexOptions.CultureInvariant);

        /// <summary>
        /// The moment a Compose time text names, relative to <paramref name="now"/> for durations; false when the
        /// text is none of Compose's forms.
        /// </summary>
        public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset moment)
        {
            moment = default;
            if (string.IsNullOrWhiteSpace(text)) return false;
            text = text.Trim();
            if (text != "0" && GoDuration.IsMatch(text))
            {
                moment = now - ParseGoDuration(text);
                return true;
            }
            if (UnixTime.IsMatch(text))
            {
                string[] parts = text.Split('.');
                long seconds = long.Parse(parts[0], CultureInfo.InvariantCulture);
                long ticks = parts.Length > 1 ? long.Parse(parts[1].PadRight(7, '0').Substring(0, 7), CultureInfo.InvariantCulture) : 0;
                moment = DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(ticks);
                return true;
            }
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out moment);
        }

        /// <summary>A DateTime as PowerShell gives it (Unspecified reads as local time, like Get-Date's).</summary>
        public static DateTimeOffset FromDateTime(DateTime value) =>
            value.Kind == DateTimeKind.Utc ? new DateTimeOffset(value) : new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Local));

        /// <summary>The engine's since/until query value: unix seconds with a 9-digit fraction.</summary>
        public static string ToQueryValue(DateTimeOffset moment)
        {
            long ticks = moment.UtcTicks - DateTimeOffset.FromUnixTimeSeconds(0).UtcTicks;
            long seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out long rest);
            if (rest < 0)
            {
                seconds--;
                rest += TimeSpan.TicksPerSecond;
            }
            return seconds.ToString(CultureInfo.InvariantCulture) + "." + (rest * 100).ToString("D9", CultureInfo.InvariantCulture);
        }

        /// <summary>A moment from the engine's timeNano (nanoseconds since the epoch), to the 100 ns a DateTimeOffset holds.</summary>
        public static DateTimeOffset FromUnixNanoseconds(long nanoseconds) =>
            DateTimeOffset.FromUnixTimeSeconds(0).AddTicks(nanoseconds / 100);

        private static TimeSpan ParseGoDuration(string text)
        {
            bool negative = text.StartsWith("-", StringComparison.Ordinal);
            double ticks = 0;
            foreach (Match m in GoDurationPart.Matches(text))
                ticks += double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * UnitTicks(m.Groups[2].Value);
            var span = TimeSpan.FromTicks((long)Math.Round(ticks));
            return negative ? span.Negate() : span;
        }

        private static double UnitTicks(string unit)
        {
            switch (unit)
            {
                case "ns": return 0.01;
                case "ms": return TimeSpan.TicksPerMillisecond;
                case "s": return TimeSpan.TicksPerSecond;
                case "m": return TimeSpan.TicksPerMinute;
                case "h": return TimeSpan.TicksPerHour;
                default: return 10; // us, µs, μs
            }
        }
    }
}
