using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PSCompose.Model.Serialization;

namespace PSCompose.Model.Canonical
{
    /// <summary>
    /// The conversions compose-go's mapstructure decode hooks apply when binding the generic tree to its types:
    /// lists of KEY=VAL to maps, scalars to strings, byte sizes, durations, numbers.
    /// </summary>
    internal static class Coerce
    {
        public static object Unwrap(object value) => value is TaggedValue t ? t.Value : value;

        /// <summary>Labels / Mapping / Options: map[string]string. List entries without '=' get an empty value.</summary>
        public static YMap StringMap(object value, string path)
        {
            value = Unwrap(value);
            var result = new YMap();
            switch (value)
            {
                case null: return null;
                case YMap map:
                    foreach (var e in map) result[e.Key] = GoValues.Scalar(Unwrap(e.Value)) ?? "";
                    return result;
                case List<object> list:
                    foreach (object item in list)
                    {
                        string s = GoValues.Scalar(Unwrap(item)) ?? "";
                        int eq = s.IndexOf('=');
                        if (eq < 0) result[s] = "";
                        else result[s.Substring(0, eq)] = s.Substring(eq + 1);
                    }
                    return result;
                default:
                    throw Invalid(path, "invalid type " + GoType(value) + " for mapping");
            }
        }

        /// <summary>MappingWithEquals (environment, build.args): a list entry without '=' has no value (null).</summary>
        public static YMap NullableStringMap(object value, string path)
        {
            value = Unwrap(value);
            var result = new YMap();
            switch (value)
            {
                case null: return null;
                case YMap map:
                    foreach (var e in map) result[e.Key] = GoValues.Scalar(Unwrap(e.Value));
                    return result;
                case List<object> list:
                    for (int i = 0; i < list.Count; i++)
                    {
                        object item = Unwrap(list[i]);
                        if (!(item is string s)) throw Invalid(path + ".[" + i + "]", "unexpected type " + GoType(item));
                        int eq = s.IndexOf('=');
                        if (eq < 0) result[s] = null;
                        else result[s.Substring(0, eq)] = s.Substring(eq + 1);
                    }
                    return result;
                default:
                    throw Invalid(path, "invalid type " + GoType(value) + " for mapping");
            }
        }

        /// <summary>StringList / StringOrNumberList: a scalar becomes a one-item list, items become strings.</summary>
        public static List<object> StringList(object value)
        {
            value = Unwrap(value);
            switch (value)
            {
                case null: return null;
                case List<object> list: return list.Select(i => (object)(GoValues.Scalar(Unwrap(i)) ?? "")).ToList();
                default: return new List<object> { GoValues.Scalar(value) };
            }
        }

        public static object Int(object value, string path)
        {
            value = Unwrap(value);
            if (value == null) return null;
            if (value is long) return value;
            if (value is double d && Math.Floor(d) == d) return (long)d;
            if (GoValues.TryInt(value, out long l) && !(value is double)) return l;
            throw Invalid(path, "invalid value " + GoValues.Scalar(value) + ", expected an integer");
        }

        public static object Float(object value, string path)
        {
            value = Unwrap(value);
            if (value == null) return null;
            if (GoValues.TryDouble(value, out double d)) return d;
            throw Invalid(path, "invalid value " + GoValues.Scalar(value) + ", expected a number");
        }

        public static object Bool(object value, string path)
        {
            value = Unwrap(value);
            if (value == null) return null;
            if (GoValues.TryBool(value, out bool b)) return b;
            throw Invalid(path, "invalid boolean " + GoValues.Scalar(value));
        }

        /// <summary>A Go duration string, normalised to time.Duration.String() form ("90s" → "1m30s").</summary>
        public static object Duration(object value, string path)
        {
            value = Unwrap(value);
            if (value == null) return null;
            if (value is string s)
            {
                if (!GoValues.TryParseDuration(s, out long ns)) throw Invalid(path, GoValues.DurationError(s));
                return GoValues.FormatDuration(ns);
            }
            if (GoValues.TryInt(value, out long n)) return GoValues.FormatDuration(n);
            throw Invalid(path, "invalid duration " + GoValues.Scalar(value));
        }

        /// <summary>UnitBytes: a byte count (long).</summary>
        public static object Bytes(object value, string path)
        {
            value = Unwrap(value);
            if (value == null) return null;
            if (GoValues.TryBytes(value, out long bytes)) return bytes;
            throw Invalid(path, "invalid size: '" + GoValues.Scalar(value) + "'");
        }

        /// <summary>FileMode: the numeric mode (long); strings are octal.</summary>
        public static object FileMode(object value, string path)
        {
            value = Unwrap(value);
            if (value == null) return null;
            if (GoValues.TryFileMode(value, out long mode)) return mode;
            throw Invalid(path, "invalid file mode " + GoValues.Scalar(value));
        }

        public static string String(object value) => GoValues.Scalar(Unwrap(value));

        public static ComposeFileException Invalid(string path, string message) =>
            new ComposeFileException(ErrorIds.FileInvalid,
                string.IsNullOrEmpty(path) ? message : path + ": " + message, null, path);

        public static string GoType(object value)
        {
            switch (Unwrap(value))
            {
                case null: return "<nil>";
                case string _: return "string";
                case long _: case int _: return "int";
                case double _: return "float64";
                case bool _: return "bool";
                case YMap _: return "map[string]interface {}";
                case List<object> _: return "[]interface {}";
                default: return value.GetType().Name;
            }
        }

        /// <summary>Applies a conversion to a key of a map when present.</summary>
        public static void Apply(YMap map, string key, Func<object, object> convert)
        {
            if (map == null || !map.TryGetValue(key, out object v)) return;
            object converted = convert(v);
            if (converted == null && Unwrap(v) != null) map.Remove(key);
            else map[key] = converted;
        }

        public static string Join(string path, string key) => string.IsNullOrEmpty(path) ? key : path + "." + key;

        public static string Index(string path, int i) => path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
    }
}
