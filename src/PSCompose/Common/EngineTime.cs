using System;
using System.Globalization;
using System.Linq;

namespace PSCompose.Common
{
    /// <summary>
    /// The one reader of Compose's --since/--until values (logs, events) and writer of the engine's query value
    /// ("seconds.nanoseconds" since the Unix epoch), converted the way the docker client's GetTimestamp does for
    /// Compose: a Go duration (42m, 1h30m, 2s) counts back from now, RFC 3339 (with or without a zone; none means
    /// local time) and Unix seconds pass as times. DateTime and DateTimeOffset are accepted as they are.
    /// </summary>
    internal static class EngineTime
    {
        /// <summary>The engine's value; throws FormatException with Compose's text (without the "invalid value for" part).</summary>
        public static string ToEngineValue(object sinceOrUntil, DateTimeOffset now)
        {
            switch (sinceOrUntil)
            {
                case null:
                    return null;
                case DateTimeOffset dto:
                    return ToQueryValue(dto);
                case DateTime dt:
                    return ToQueryValue(FromDateTime(dt));
                case TimeSpan span:
                    return ToQueryValue(now - span).Split('.')[0];
            }
            string value = Convert.ToString(sinceOrUntil, CultureInfo.InvariantCulture);
            if (value != "0" && GoDuration.TryParse(value, out TimeSpan ago))
                return (now - ago).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            if (TryParseTime(value, out DateTimeOffset time)) return KeepNanoseconds(ToQueryValue(time), value);
            if (value.Contains("-")) throw new FormatException($"parsing time \"{value}\": not an RFC 3339 time");
            if (!IsUnixTimestamp(value)) throw new FormatException($"failed to parse value as time or duration: \"{value}\"");
            return value;
        }

        /// <summary>The Unix time with nanoseconds, as the engine reads since/until.</summary>
        public static string ToQueryValue(DateTimeOffset t)
        {
            long ticks = t.UtcTicks - DateTimeOffset.FromUnixTimeSeconds(0).UtcTicks;
            long seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out long rest);
            if (rest < 0) { seconds--; rest += TimeSpan.TicksPerSecond; }
            return seconds.ToString(CultureInfo.InvariantCulture) + "." + (rest * 100).ToString("D9", CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// The moment a Compose time text names, relative to <paramref name="now"/> for durations; false when the
        /// text is none of Compose's forms.
        /// </summary>
        public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset moment)
        {
            moment = default;
            if (string.IsNullOrWhiteSpace(text)) return false;
            text = text.Trim();
            if (text != "0" && GoDuration.TryParse(text, out TimeSpan ago))
            {
                moment = now - ago;
                return true;
            }
            if (IsUnixTimestamp(text) && !text.StartsWith("-", StringComparison.Ordinal))
            {
                string[] parts = text.Split('.');
                long ticks = parts.Length > 1 ? long.Parse(parts[1].PadRight(7, '0').Substring(0, 7), CultureInfo.InvariantCulture) : 0;
                moment = DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[0], CultureInfo.InvariantCulture)).AddTicks(ticks);
                return true;
            }
            return TryParseTime(text, out moment);
        }

        /// <summary>A DateTime as PowerShell gives it (Unspecified reads as local time, like Get-Date's).</summary>
        public static DateTimeOffset FromDateTime(DateTime value) =>
            value.Kind == DateTimeKind.Utc ? new DateTimeOffset(value) : new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Local));

        /// <summary>A moment from the engine's timeNano (nanoseconds since the epoch), to the 100 ns a DateTimeOffset holds.</summary>
        public static DateTimeOffset FromUnixNanoseconds(long nanoseconds) =>
            DateTimeOffset.FromUnixTimeSeconds(0).AddTicks(nanoseconds / 100);

        /// <summary>The engine's timeNano as its since value, to the nanosecond.</summary>
        public static string ToQueryValue(long unixNanoseconds)
        {
            long seconds = Math.DivRem(unixNanoseconds, 1000000000L, out long nanoseconds);
            return seconds.ToString(CultureInfo.InvariantCulture) + "." + nanoseconds.ToString("D9", CultureInfo.InvariantCulture);
        }

        /// <summary>An engine inspect time (StartedAt, FinishedAt); null for an empty or zero time.</summary>
        public static DateTimeOffset? FromEngineText(string rfc3339)
        {
            if (string.IsNullOrEmpty(rfc3339) || rfc3339.StartsWith("0001-", StringComparison.Ordinal)) return null;
            return TryParseTime(TrimFraction(rfc3339), out DateTimeOffset t) ? t : (DateTimeOffset?)null;
        }

        /// <summary>An engine RFC 3339 time with up to nine fraction digits (StartedAt) as the engine's since value, nanoseconds kept.</summary>
        public static string FromEngineTimestamp(string rfc3339)
        {
            int dot = rfc3339.IndexOf('.');
            int zone = rfc3339.IndexOfAny(new[] { 'Z', '+' }, Math.Max(dot, 0));
            if (dot < 0 || zone < 0 || !rfc3339.EndsWith("Z", StringComparison.Ordinal))
                return TryParseTime(rfc3339, out DateTimeOffset t) ? ToQueryValue(t) : null;
            string whole = rfc3339.Substring(0, dot) + "Z";
            if (!DateTimeOffset.TryParse(whole, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out DateTimeOffset seconds)) return null;
            string nanos = rfc3339.Substring(dot + 1, zone - dot - 1).PadRight(9, '0');
            return seconds.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "." + nanos;
        }

        // Go's layouts in GetTimestamp: a zone (Z, +hh:mm or the third '-') parses as given, none in local time.
        private static bool TryParseTime(string value, out DateTimeOffset time)
        {
            bool local = value.IndexOfAny(new[] { 'z', 'Z', '+' }) < 0 && value.Count(c => c == '-') != 3;
            string[] formats = local
                ? new[] { "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH", "yyyy-MM-dd" }
                : new[] { "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HHK", "yyyy-MM-ddK" };
            string text = TrimFraction(value);
            DateTimeStyles styles = local ? DateTimeStyles.AssumeLocal : DateTimeStyles.None;
            return DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, styles, out time);
        }

        /// <summary>Go keeps all nine fraction digits of the text; .NET's parse kept seven.</summary>
        private static string KeepNanoseconds(string formatted, string value)
        {
            int dot = value.IndexOf('.');
            if (dot < 0) return formatted;
            int end = dot + 1;
            while (end < value.Length && char.IsDigit(value[end])) end++;
            if (end - dot - 1 <= 7) return formatted;
            return formatted.Substring(0, formatted.IndexOf('.') + 1) + value.Substring(dot + 1, Math.Min(9, end - dot - 1)).PadRight(9, '0');
        }

        /// <summary>.NET parses seven fraction digits; Go takes nine. The last two are below .NET's resolution.</summary>
        private static string TrimFraction(string value)
        {
            int dot = value.IndexOf('.');
            if (dot < 0) return value;
            int end = dot + 1;
            while (end < value.Length && char.IsDigit(value[end])) end++;
            return end - dot - 1 > 7 ? value.Substring(0, dot + 8) + value.Substring(end) : value;
        }

        private static bool IsUnixTimestamp(string value)
        {
            string[] parts = value.Split(new[] { '.' }, 2);
            if (!long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) return false;
            return parts.Length == 1 || long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _);
        }
    }

    /// <summary>Go's time.ParseDuration: [-+] then one or more decimal numbers with a unit (ns, us, µs, ms, s, m, h).</summary>
    internal static class GoDuration
    {
        public static bool TryParse(string s, out TimeSpan value)
        {
            value = TimeSpan.Zero;
            if (string.IsNullOrEmpty(s)) return false;
            int i = 0;
            bool negative = s[0] == '-';
            if (s[0] == '-' || s[0] == '+') i++;
            if (i == s.Length) return false;
            if (s.Substring(i) == "0") return true;
            double ticks = 0;
            while (i < s.Length)
            {
                int start = i;
                while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.')) i++;
                string number = s.Substring(start, i - start);
                if (number.Length == 0 || number == "." || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double n))
                    return false;
                int unitStart = i;
                while (i < s.Length && !char.IsDigit(s[i]) && s[i] != '.') i++;
                double unit;
                switch (s.Substring(unitStart, i - unitStart))
                {
                    case "ns": unit = 0.01; break;
                    case "us": case "µs": case "μs": unit = 10; break;
                    case "ms": unit = TimeSpan.TicksPerMillisecond; break;
                    case "s": unit = TimeSpan.TicksPerSecond; break;
                    case "m": unit = TimeSpan.TicksPerMinute; break;
                    case "h": unit = TimeSpan.TicksPerHour; break;
                    default: return false;
                }
                ticks += n * unit;
            }
            value = TimeSpan.FromTicks((long)(negative ? -ticks : ticks));
            return true;
        }
    }
}
