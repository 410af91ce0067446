using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PSCompose.Model;
using PSCompose.Model.Typed;

namespace PSCompose.Execution
{
    /// <summary>
    /// Reads of the canonical tree by key (values as `docker compose config --format json` prints them), for the
    /// readers not yet moved to the typed project (<see cref="ProjectModel.Typed"/>); the rules are the decoder's.
    /// </summary>
    internal static class Canon
    {
        public static string Str(YMap m, string key) => TreeValues.Str(m, key);

        public static bool Bool(YMap m, string key) => TreeValues.Bool(m, key);

        public static bool? OptionalBool(YMap m, string key) => TreeValues.OptionalBool(m, key);

        public static long Long(YMap m, string key) => TreeValues.Long(m, key);

        public static long? Number(object value) => TreeValues.Number(value);

        public static double Double(YMap m, string key) => TreeValues.Double(m, key);

        /// <summary>Null when absent (so "unset" and "explicitly empty" stay distinct for command/entrypoint).</summary>
        public static List<string> Strings(YMap m, string key) => TreeValues.OptionalStrings(m, key)?.ToList();

        public static List<string> StringsOrEmpty(YMap m, string key) => Strings(m, key) ?? new List<string>();

        public static List<YMap> Maps(YMap m, string key) => TreeValues.Maps(m, key).ToList();

        public static Dictionary<string, string> StringMap(YMap m, string key)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var e in TreeValues.StringMap(m, key)) result[e.Key] = e.Value;
            return result;
        }

        public static TimeSpan? Duration(YMap m, string key) => TreeValues.Duration(m, key);
    }
}
