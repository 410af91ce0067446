using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PSCompose.Model.Loading
{
    /// <summary>Formats tree scalars the way Go's fmt "%v" does, for the KEY=VALUE strings the merge rules build.</summary>
    internal static class GoFormat
    {
        public static string Value(object value)
        {
            switch (value)
            {
                case null: return "<nil>";
                case string s: return s;
                case bool b: return b ? "true" : "false";
                case long l: return l.ToString(CultureInfo.InvariantCulture);
                case int i: return i.ToString(CultureInfo.InvariantCulture);
                case double d: return GoFloat.FormatG(d);
                case TaggedValue t: return Value(t.Value);
                case List<object> list: return "[" + string.Join(" ", list.Select(Value)) + "]";
                case YMap map: return "map[" + string.Join(" ", map.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(k => k + ":" + Value(map[k]))) + "]";
                default: return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }
    }
}
