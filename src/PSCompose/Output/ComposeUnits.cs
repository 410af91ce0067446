using System;
using System.Globalization;

namespace PSCompose
{
    /// <summary>
    /// Sizes and times as the docker CLI and Compose print them (go-units), for the format views and for scripts that
    /// want the same text.
    /// </summary>
    public static class ComposeUnits
    {
        private static readonly string[] DecimalUnits = { "B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB" };
        private static readonly string[] BinaryUnits = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB" };

        /// <summary>Decimal units with the given significant digits: 1984172 → 1.98MB (go-units HumanSizeWithPrecision).</summary>
        public static string HumanSize(double bytes, int precision = 3) => Size(bytes, 1000, DecimalUnits, precision);

        /// <summary>Binary units, 4 significant digits: 790528 → 772KiB (go-units BytesSize).</summary>
        public static string BytesSize(double bytes) => Size(bytes, 1024, BinaryUnits, 4);

        private static string Size(double size, double unitBase, string[] units, int precision)
        {
            int i = 0;
            while (size >= unitBase && i < units.Length - 1)
            {
                size /= unitBase;
                i++;
            }
            return GoG(size, precision) + units[i];
        }

        /// <summary>Go's %.Ng: N significant digits, trailing zeros dropped, exponent form only for large exponents.</summary>
        private static string GoG(double value, int precision)
        {
            string text = value.ToString("G" + precision, CultureInfo.InvariantCulture);
            return text.Replace("E+0", "e+0").Replace("E+", "e+");
        }

        /// <summary>The first 12 hex digits of an id, without sha256:.</summary>
        public static string ShortId(string id)
        {
            if (string.IsNullOrEmpty(id)) return id;
            string hex = id.StartsWith("sha256:", StringComparison.Ordinal) ? id.Substring(7) : id;
            return hex.Length > 12 ? hex.Substring(0, 12) : hex;
        }

        /// <summary>"3 minutes ago", like Compose's CREATED column (go-units HumanDuration).</summary>
        public static string Ago(DateTime? time, DateTime now)
        {
            if (time == null) return "";
            return HumanDuration(now.ToUniversalTime() - time.Value.ToUniversalTime()) + " ago";
        }

        private static string HumanDuration(TimeSpan d)
        {
            int seconds = (int)d.TotalSeconds;
            if (seconds < 1) return "Less than a second";
            if (seconds == 1) return "1 second";
            if (seconds < 60) return seconds + " seconds";
            int minutes = (int)d.TotalMinutes;
            if (minutes == 1) return "About a minute";
            if (minutes < 60) return minutes + " minutes";
            int hours = (int)(d.TotalHours + 0.5);
            if (hours == 1) return "About an hour";
            if (hours < 48) return hours + " hours";
            if (hours < 24 * 7 * 2) return hours / 24 + " days";
            if (hours < 24 * 30 * 2) return hours / 24 / 7 + " weeks";
            if (hours < 24 * 365 * 2) return hours / 24 / 30 + " months";
            return (int)d.TotalHours / 24 / 365 + " years";
        }
    }
}
