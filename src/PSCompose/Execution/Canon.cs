using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PSCompose.Model;
using PSCompose.Model.Serialization;

namespace PSCompose.Execution
{
    /// <summary>Typed reads of the canonical tree (values as `docker compose config --format json` prints them).</summary>
    internal static class Canon
    {
        public static string Str(YMap m, string key) => m?[key] == null ? null : Convert.ToString(m[key], CultureInfo.InvariantCulture);

        public static bool Bool(YMap m, string key) => m?[key] is bool b && b;

        public static bool? OptionalBool(YMap m, string key) => m?[key] is bool b ? b : (bool?)null;

        public static long Long(YMap m, string key) => Number(m?[key]) ?? 0;

        public static long? Number(object value)
        {
            switch (value)
            {
                case null: return null;
                case long l: return l;
                case int i: return i;
                case double d: return (long)d;
                case string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed): return parsed;
                default: return null;
            }
        }

        public static double Double(YMap m, string key)
        {
            object v = m?[key];
            if (v is string s) return double.Parse(s, CultureInfo.InvariantCulture);
            return v == null ? 0 : Convert.ToDouble(v, CultureInfo.InvariantCulture);
        }

        /// <summary>Null when absent (so "unset" and "explicitly empty" stay distinct for command/entrypoint).</summary>
        public static List<string> Strings(YMap m, string key) =>
            (m?[key] as List<object>)?.Select(o => Convert.ToString(o, CultureInfo.InvariantCulture)).ToList();

        public static List<string> StringsOrEmpty(YMap m, string key) => Strings(m, key) ?? new List<string>();

        public static List<YMap> Maps(YMap m, string key) => (m?[key] as List<object>)?.OfType<YMap>().ToList() ?? new List<YMap>();

        public static Dictionary<string, string> StringMap(YMap m, string key)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (m?[key] is YMap map)
                foreach (var e in map) result[e.Key] = e.Value == null ? null : Convert.ToString(e.Value, CultureInfo.InvariantCulture);
            return result;
        }

        /// <summary>A Go duration string ("1m30s", "500ms"), as the canonical tree holds durations.</summary>
        public static TimeSpan? Duration(YMap m, string key)
        {
            string text = Str(m, key);
            if (string.IsNullOrEmpty(text)) return null;
            if (!GoValues.TryParseDuration(text, out long nanoseconds)) throw new FormatException(GoValues.DurationError(text));
            return TimeSpan.FromTicks(nanoseconds / 100);
        }
    }
}
