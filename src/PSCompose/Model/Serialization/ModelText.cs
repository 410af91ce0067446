using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace PSCompose.Model.Serialization
{
    /// <summary>
    /// `config --no-interpolate`: the loaded model (a generic map, not compose-go's typed project) through
    /// json.MarshalIndent (no final newline) or go-yaml v3 with indent 2; every map's keys sorted, `$` left as is.
    /// </summary>
    internal static class ModelText
    {
        public static string Json(YMap model) => GoJson.Indented(SortedDeep(model));

        public static string Yaml(YMap model) => GoYaml.Write(SortedDeep(model));

        private static object SortedDeep(object value)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            switch (value)
            {
                case YMap map:
                    return new YMap(map.Keys.OrderBy(k => k, StringComparer.Ordinal)
                        .Select(k => new KeyValuePair<string, object>(k, SortedDeep(map[k]))));
                case List<object> list:
                    return list.Select(SortedDeep).ToList();
                default:
                    return value;
            }
        }
    }
}
