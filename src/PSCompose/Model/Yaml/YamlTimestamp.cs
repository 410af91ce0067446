using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PSCompose.Model.Yaml
{
    /// <summary>
    /// yaml.v3's parseTimestamp (the four layouts it tries with Go's time.Parse), returning the value the way
    /// Go prints a time.Time (RFC 3339 with trimmed nanoseconds), which is what `docker compose config` shows.
    /// </summary>
    internal static class YamlTimestamp
    {
        // 2006-1-2T15:4:5.999999999Z07:00, the same with "t", 2006-1-2 15:4:5.999999999, 2006-1-2
        private static readonly Regex Layout = new Regex(
            @"^(?<y>[0-9]{4})-(?<mo>[0-9]{1,2})-(?<d>[0-9]{1,2})" +
            @"(?:(?:(?<sep>[Tt])(?<h>[0-9]{1,2}):(?<mi>[0-9]{1,2}):(?<s>[0-9]{1,2})(?:[.,](?<f>[0-9]{1,9}))?(?<z>Z|[+-][0-9]{2}:[0-9]{2}))" +
            @"|(?: (?<h2>[0-9]{1,2}):(?<mi2>[0-9]{1,2}):(?<s2>[0-9]{1,2})(?:[.,](?<f2>[0-9]{1,9}))?))?$",
            RegexOptions.CultureInvariant);

        public static bool TryParse(string text, out string rfc3339)
        {
            rfc3339 = null;
            if (text.Length < 5 || text[4] != '-') return false;
            Match m = Layout.Match(text);
            if (!m.Success) return false;

            int year = Int(m, "y"), month = Int(m, "mo"), day = Int(m, "d");
            if (month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month)) return false;

            string suffix = "Z";
            int hour = 0, minute = 0, second = 0;
            string fraction = "";
            if (m.Groups["h"].Success || m.Groups["h2"].Success)
            {
                bool zoned = m.Groups["h"].Success;
                hour = Int(m, zoned ? "h" : "h2");
                minute = Int(m, zoned ? "mi" : "mi2");
                second = Int(m, zoned ? "s" : "s2");
                fraction = m.Groups[zoned ? "f" : "f2"].Value.TrimEnd('0');
                if (hour > 23 || minute > 59 || second > 59) return false;
                if (zoned && m.Groups["z"].Value != "Z")
                {
                    string z = m.Groups["z"].Value;
                    int zh = int.Parse(z.Substring(1, 2), CultureInfo.InvariantCulture);
                    int zm = int.Parse(z.Substring(4, 2), CultureInfo.InvariantCulture);
                    if (zh > 24 || zm > 60) return false;
                    if (zh != 0 || zm != 0) suffix = z;
                }
            }

            var sb = new StringBuilder();
            sb.Append(year.ToString("D4", CultureInfo.InvariantCulture)).Append('-')
              .Append(month.ToString("D2", CultureInfo.InvariantCulture)).Append('-')
              .Append(day.ToString("D2", CultureInfo.InvariantCulture)).Append('T')
              .Append(hour.ToString("D2", CultureInfo.InvariantCulture)).Append(':')
              .Append(minute.ToString("D2", CultureInfo.InvariantCulture)).Append(':')
              .Append(second.ToString("D2", CultureInfo.InvariantCulture));
            if (fraction != "") sb.Append('.').Append(fraction);
            rfc3339 = sb.Append(suffix).ToString();
            return true;
        }

        private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
    }
}
