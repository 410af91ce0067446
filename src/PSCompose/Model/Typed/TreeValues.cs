using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PSCompose.Model.Serialization;

namespace PSCompose.Model.Typed
{
    /// <summary>
    /// Reads of the canonical tree for the decoder: values as the normaliser leaves them (strings, long, double, bool,
    /// Go duration strings), tolerant of absent keys and of any other shape (a decoder never fails on a loaded project).
    /// </summary>
    internal static class TreeValues
    {
        public static string Str(YMap m, string key) => Text(m?[key]);

        public static string Text(object value) => value == null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);

        public static bool Bool(YMap m, string key) => m?[key] is bool b && b;

        public static bool? OptionalBool(YMap m, string key) => m?[key] is bool b ? b : (bool?)null;

        public static long Long(YMap m, string key) => Number(m?[key]) ?? 0;

        public static long? OptionalLong(YMap m, string key) => Number(m?[key]);

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

        public static double Double(YMap m, string key) => GoValues.TryDouble(m?[key], out double d) ? d : 0;

        /// <summary>Null when absent, so "unset" and "explicitly empty" stay distinct (command, entrypoint, test).</summary>
        public static IReadOnlyList<string> OptionalStrings(YMap m, string key) =>
            (m?[key] as List<object>)?.Select(Text).ToList();

        public static IReadOnlyList<string> Strings(YMap m, string key) => OptionalStrings(m, key) ?? Array.Empty<string>();

        public static IReadOnlyList<YMap> Maps(YMap m, string key) =>
            (m?[key] as List<object>)?.OfType<YMap>().ToList() ?? (IReadOnlyList<YMap>)Array.Empty<YMap>();

        /// <summary>A map of strings; an entry without a value stays null (environment: "inherit", args: unset).</summary>
        public static OrderedMap<string> StringMap(YMap m, string key) =>
            m?[key] is YMap map
                ? new OrderedMap<string>(map.Select(e => new KeyValuePair<string, string>(e.Key, Text(e.Value))))
                : OrderedMap<string>.Empty;

        /// <summary>A map whose values are decoded by <paramref name="decode"/> (null stays null).</summary>
        public static OrderedMap<T> MapOf<T>(YMap m, string key, Func<string, YMap, T> decode) where T : class =>
            m?[key] is YMap map ? MapOf(map, decode) : OrderedMap<T>.Empty;

        public static OrderedMap<T> MapOf<T>(YMap map, Func<string, YMap, T> decode) where T : class =>
            new OrderedMap<T>(map.Select(e => new KeyValuePair<string, T>(e.Key, e.Value is YMap v ? decode(e.Key, v) : null)));

        public static IReadOnlyList<T> ListOf<T>(YMap m, string key, Func<YMap, T> decode) =>
            Maps(m, key).Select(decode).ToList();

        /// <summary>A Go duration string ("1m30s", "500ms"), as the canonical tree holds durations (null when not one).</summary>
        public static TimeSpan? Duration(YMap m, string key)
        {
            string text = Str(m, key);
            if (string.IsNullOrEmpty(text) || !GoValues.TryParseDuration(text, out long nanoseconds)) return null;
            return TimeSpan.FromTicks(nanoseconds / 100);
        }

        /// <summary>The x-* entries, as plain data (YMap, List&lt;object&gt;, scalars), copied.</summary>
        public static OrderedMap<object> Extensions(YMap m) =>
            m == null ? OrderedMap<object>.Empty
            : new OrderedMap<object>(m.Where(e => e.Key.StartsWith("x-", StringComparison.Ordinal))
                .Select(e => new KeyValuePair<string, object>(e.Key, YMap.DeepClone(e.Value))));
    }
}
