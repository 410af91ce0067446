using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;

namespace PSCompose.Model.Serialization
{
    /// <summary>A number already in its output text form.</summary>
    internal sealed class GoNumber
    {
        public GoNumber(string text) { Text = text; }

        public string Text { get; }

        public override string ToString() => Text;
    }

    /// <summary>
    /// Turns a document value into what Go's encoder would write for a field of the given type: an output tree of
    /// YMap (keys in output order), List&lt;object&gt;, string, GoNumber, bool and null, ready for the JSON or YAML
    /// printer. Field omission follows the json or the yaml tags.
    /// </summary>
    internal sealed class GoEncoder
    {
        private readonly bool yaml;

        private GoEncoder(bool yaml) { this.yaml = yaml; }

        public static readonly GoEncoder Json = new GoEncoder(false);
        public static readonly GoEncoder Yaml = new GoEncoder(true);

        public object Encode(object value, GoShape shape)
        {
            if (value is TaggedValue t) value = t.Value;
            switch (shape.Kind)
            {
                case ShapeKind.String: return value == null ? "" : GoValues.Scalar(value);
                case ShapeKind.Int: return new GoNumber((GoValues.TryInt(value, out long i) ? i : 0).ToString(CultureInfo.InvariantCulture));
                case ShapeKind.Float32:
                case ShapeKind.Float64:
                    {
                        GoValues.TryDouble(value, out double d);
                        bool f32 = shape.Kind == ShapeKind.Float32;
                        return new GoNumber(yaml ? GoFloat.Yaml(d, f32) : GoFloat.Json(d, f32));
                    }
                case ShapeKind.Bool: return GoValues.TryBool(value, out bool b) && b;
                case ShapeKind.Duration:
                    if (value is string ds && !GoValues.TryParseDuration(ds, out _)) return ds;
                    return GoValues.FormatDuration(GoValues.TryDuration(value, out long ns) ? ns : 0);
                case ShapeKind.Bytes:
                    if (value is string bs && !GoValues.TryParseBytes(bs, out _)) return bs;
                    return (GoValues.TryBytes(value, out long bytes) ? bytes : 0).ToString(CultureInfo.InvariantCulture);
                case ShapeKind.FileMode:
                    return GoValues.Octal(GoValues.TryFileMode(value, out long mode) ? mode : 0);
                case ShapeKind.Command:
                    if (value == null) return null;
                    if (value is string cs) return Canonical.ShellWords.Split(cs).Cast<object>().ToList();
                    return EncodeList(value, GoShape.String);
                case ShapeKind.Ulimit: return EncodeUlimit(value);
                case ShapeKind.EnvFile:
                    {
                        if (value is string path) return path;
                        var envFile = value as YMap ?? new YMap();
                        bool required = !envFile.ContainsKey("required") || (GoValues.TryBool(envFile["required"], out bool r) && r);
                        if (required) return GoValues.Scalar(envFile["path"]) ?? "";
                        return EncodeStruct(envFile, ComposeTypes.EnvFileStruct);
                    }
                case ShapeKind.Any: return EncodeAny(value);
                case ShapeKind.List: return EncodeList(value, shape.Element);
                case ShapeKind.Map: return EncodeMap(value, shape);
                case ShapeKind.Struct: return EncodeStruct(value as YMap ?? new YMap(), shape);
                default: throw new InvalidOperationException("Unknown shape " + shape.Kind);
            }
        }

        public YMap EncodeStruct(YMap source, GoShape shape)
        {
            var output = new YMap();
            foreach (GoField field in shape.Fields)
            {
                source.TryGetValue(field.Yaml, out object raw);
                if (raw is TaggedValue t) raw = t.Value;
                switch (field.Presence)
                {
                    case Presence.Pointer:
                        if (raw == null) continue;
                        output[Key(field)] = Encode(raw, field.Shape);
                        break;
                    case Presence.Always:
                        output[Key(field)] = Encode(raw, field.Shape);
                        break;
                    case Presence.Command:
                        if (raw == null && yaml) continue;
                        output[Key(field)] = Encode(raw, field.Shape);
                        break;
                    case Presence.StructValue:
                        {
                            object encoded = Encode(raw, field.Shape);
                            if (yaml && IsEmpty(encoded)) continue;
                            output[Key(field)] = encoded;
                            break;
                        }
                    default:
                        {
                            if (raw == null) continue;
                            object encoded = Encode(raw, field.Shape);
                            if (IsZero(encoded) || IsZeroScalarText(field.Shape, encoded)) continue;
                            output[Key(field)] = encoded;
                            break;
                        }
                }
            }
            if (yaml && shape.HasExtensions)
                foreach (string key in GoValues.SortedKeys(source))
                    if (key.StartsWith("x-", StringComparison.Ordinal)) output[key] = EncodeAny(source[key]);
            return output;
        }

        private string Key(GoField field) => yaml ? field.Yaml : field.Json;

        private object EncodeList(object value, GoShape element)
        {
            if (value == null) return null;
            if (!(value is List<object> list)) list = new List<object> { value };
            return list.Select(item => element.Kind == ShapeKind.Struct && item == null ? null : Encode(item, element)).ToList();
        }

        private object EncodeMap(object value, GoShape shape)
        {
            if (!(value is YMap map)) return value == null ? null : new YMap();
            var output = new YMap();
            foreach (string key in GoValues.SortedKeys(map))
            {
                object item = map[key];
                if (item is TaggedValue t) item = t.Value;
                output[key] = item == null && shape.NullableValues ? null : Encode(item, shape.Element);
            }
            return output;
        }

        private object EncodeUlimit(object value)
        {
            if (value is YMap m)
            {
                GoValues.TryInt(m["single"], out long single);
                if (single != 0) return new GoNumber(single.ToString(CultureInfo.InvariantCulture));
                GoValues.TryInt(m["soft"], out long soft);
                GoValues.TryInt(m["hard"], out long hard);
                var output = new YMap();
                if (yaml || soft != 0) output["soft"] = new GoNumber(soft.ToString(CultureInfo.InvariantCulture));
                if (yaml || hard != 0) output["hard"] = new GoNumber(hard.ToString(CultureInfo.InvariantCulture));
                return output;
            }
            if (GoValues.TryInt(value, out long n) && n != 0) return new GoNumber(n.ToString(CultureInfo.InvariantCulture));
            return yaml ? new YMap { ["soft"] = new GoNumber("0"), ["hard"] = new GoNumber("0") } : new YMap();
        }

        /// <summary>A generic value (map[string]any in Go): map keys sorted, numbers as Go prints them.</summary>
        public object EncodeAny(object value)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            switch (value)
            {
                case TaggedValue t: return EncodeAny(t.Value);
                case YMap m:
                    {
                        var output = new YMap();
                        foreach (string key in GoValues.SortedKeys(m)) output[key] = EncodeAny(m[key]);
                        return output;
                    }
                case List<object> l: return l.Select(EncodeAny).ToList();
                case long _:
                case int _:
                    return new GoNumber(Convert.ToString(value, CultureInfo.InvariantCulture));
                case double d: return new GoNumber(yaml ? GoFloat.Yaml(d, false) : GoFloat.Json(d, false));
                default: return value;
            }
        }

        /// <summary>Go's omitempty test on an encoded value.</summary>
        private static bool IsZero(object encoded)
        {
            switch (encoded)
            {
                case null: return true;
                case string s: return s.Length == 0;
                case bool b: return !b;
                case GoNumber n: return n.Text == "0";
                case List<object> l: return l.Count == 0;
                case YMap m: return m.Count == 0;
                default: return false;
            }
        }

        private static bool IsEmpty(object encoded) => encoded == null || encoded is YMap m && m.Count == 0;

        /// <summary>Whether a typed zero was written for an omitempty field that Go would leave out (durations, byte sizes).</summary>
        internal static bool IsZeroScalarText(GoShape shape, object encoded) =>
            (shape.Kind == ShapeKind.Duration && encoded as string == "0s") || (shape.Kind == ShapeKind.Bytes && encoded as string == "0");
    }
}
