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
                case double d: return Float(d);
                case TaggedValue t: return Value(t.Value);
                case List<object> list: return "[" + string.Join(" ", list.Select(Value)) + "]";
                case YMap map: return "map[" + string.Join(" ", map.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(k => k + ":" + Value(map[k]))) + "]";
                default: return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }

        /// <summary>strconv.FormatFloat(f, 'g', -1, 64): shortest round-trip digits, exponent when it is &lt; -4 or &gt;= 21.</summary>
        public static string Float(double d)
        {
            if (double.IsPositiveInfinity(d)) return "+Inf";
            if (double.IsNegativeInfinity(d)) return "-Inf";
            if (double.IsNaN(d)) return "NaN";
            string r = d.ToString("R", CultureInfo.InvariantCulture);
            int e = r.IndexOf('E');
            if (e < 0)
            {
                // Go switches to exponent form from 1e21 on; .NET "R" already does so at the same point.
                return r;
            }
            string mantissa = r.Substring(0, e);
            int exponent = int.Parse(r.Substring(e + 1), CultureInfo.InvariantCulture);
            if (exponent >= -4 && exponent < 21)
            {
                return ((decimal)d).ToString(CultureInfo.InvariantCulture);
            }
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        }
    }
}
