using System;
using System.Collections.Generic;
using System.Linq;
using PSCompose.Model.Serialization;
using System.Runtime.CompilerServices;

namespace PSCompose.Model.Canonical
{
    /// <summary>Converts a tree in place to the long syntax and Go types its field shapes call for.</summary>
    internal static class Binder
    {
        public static void BindStruct(YMap map, GoShape shape, string path)
        {
            foreach (GoField field in shape.Fields)
            {
                if (!map.TryGetValue(field.Yaml, out object raw)) continue;
                object value = Coerce.Unwrap(raw);
                string fieldPath = Coerce.Join(path, field.Yaml);
                if (value == null)
                {
                    // A null is "unset" for everything but the maps of pointers, where it is an entry's value.
                    map.Remove(field.Yaml);
                    continue;
                }
                map[field.Yaml] = Bind(value, field.Shape, field.Yaml, fieldPath);
            }
        }

        private static object Bind(object value, GoShape shape, string name, string path)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            value = Coerce.Unwrap(value);
            if (value == null) return null;
            switch (shape.Kind)
            {
                case ShapeKind.String: return Coerce.String(value);
                case ShapeKind.Int:
                    if (name == "count" && value is string all && all.Equals("all", StringComparison.OrdinalIgnoreCase)) return -1L;
                    return Coerce.Int(value, path);
                case ShapeKind.Float32:
                case ShapeKind.Float64: return Coerce.Float(value, path);
                case ShapeKind.Bool: return Coerce.Bool(value, path);
                case ShapeKind.Duration: return Coerce.Duration(value, path);
                case ShapeKind.Bytes: return Coerce.Bytes(value, path);
                case ShapeKind.FileMode: return Coerce.FileMode(value, path);
                case ShapeKind.Command:
                    if (value is string line)
                    {
                        try { return ShellWords.Split(line).Cast<object>().ToList(); }
                        catch (FormatException e) { throw Coerce.Invalid(path, e.Message); }
                    }
                    return Coerce.StringList(value);
                case ShapeKind.Ulimit: return Ulimit(value, path);
                case ShapeKind.EnvFile: return EnvFile(value, path);
                case ShapeKind.Any: return value;
                case ShapeKind.List: return BindList(value, shape, name, path);
                case ShapeKind.Map: return BindMap(value, shape, name, path);
                case ShapeKind.Struct:
                    if (value is string s)
                    {
                        if (name == "build") value = new YMap { ["context"] = s };
                        else if (name == "extends") value = new YMap { ["service"] = s };
                    }
                    if (!(value is YMap m)) throw Coerce.Invalid(path, "invalid type " + Coerce.GoType(value) + " for " + name);
                    if (name == "build" && !m.ContainsKey("context")) m["context"] = ".";
                    BindStruct(m, shape, path);
                    return m;
                default: return value;
            }
        }

        private static object BindList(object value, GoShape shape, string name, string path)
        {
            switch (name)
            {
                case "ports": return Ports(value, path);
                case "extra_hosts": return HostsList.Raw(value, path);
                case "ssh": return Ssh(value, path);
                case "gpus" when value is string:
                    return new List<object> { new YMap { ["count"] = -1L } };
                case "watch": value = ExpandWatchPaths(value); break;
                case "test" when value is string test:
                    return new List<object> { "CMD-SHELL", test };
            }
            GoShape element = shape.Element;
            if (element.Kind == ShapeKind.String) return Coerce.StringList(value);
            if (!(value is List<object> list)) list = new List<object> { value };
            var result = new List<object>(list.Count);
            for (int i = 0; i < list.Count; i++)
            {
                object item = Coerce.Unwrap(list[i]);
                string itemPath = Coerce.Index(path, i);
                if (element.Kind == ShapeKind.Struct)
                {
                    if (item is string s) item = ShortSyntaxItem(name, s, itemPath);
                    if (item == null) { result.Add(null); continue; }
                    if (!(item is YMap m)) throw Coerce.Invalid(itemPath, "invalid type " + Coerce.GoType(item) + " for " + name);
                    if ((name == "gpus" || name == "devices") && element == ComposeTypes.DeviceRequest && !m.ContainsKey("count") && !m.ContainsKey("device_ids"))
                        m["count"] = -1L;
                    BindStruct(m, element, itemPath);
                    if (element == ComposeTypes.ServiceVolume && m["target"] is string target && target.Length > 0)
                        m["target"] = VolumeShortSyntax.CleanTarget(target);
                    result.Add(m);
                }
                else result.Add(Bind(item, element, name, itemPath));
            }
            return result;
        }

        private static object ShortSyntaxItem(string name, string s, string path)
        {
            try
            {
                switch (name)
                {
                    case "volumes": return VolumeShortSyntax.Parse(s);
                    case "configs":
                    case "secrets": return new YMap { ["source"] = s };
                    case "devices": return DeviceMapping(s, path);
                    default: throw Coerce.Invalid(path, "invalid type string for " + name);
                }
            }
            catch (FormatException e)
            {
                throw Coerce.Invalid(path, e.Message);
            }
        }

        private static YMap DeviceMapping(string spec, string path)
        {
            string[] parts = spec.Split(':');
            switch (parts.Length)
            {
                case 1: return new YMap { ["source"] = parts[0], ["target"] = parts[0], ["permissions"] = "rwm" };
                case 2: return new YMap { ["source"] = parts[0], ["target"] = parts[1], ["permissions"] = "rwm" };
                case 3: return new YMap { ["source"] = parts[0], ["target"] = parts[1], ["permissions"] = parts[2] };
                default: throw Coerce.Invalid(path, "confusing device mapping, please use long syntax: " + spec);
            }
        }

        private static object BindMap(object value, GoShape shape, string name, string path)
        {
            if (value is List<object> list)
            {
                switch (name)
                {
                    case "depends_on":
                        {
                            var map = new YMap();
                            foreach (object item in list)
                                map[Coerce.String(item)] = new YMap { ["condition"] = "service_started", ["required"] = true };
                            return map;
                        }
                    case "networks":
                    case "models":
                        {
                            var map = new YMap();
                            foreach (object item in list) map[Coerce.String(item)] = null;
                            return map;
                        }
                }
                if (shape.Element.Kind == ShapeKind.String)
                    return shape.NullableValues ? Coerce.NullableStringMap(list, path) : Coerce.StringMap(list, path);
                throw Coerce.Invalid(path, "invalid type []interface {} for " + name);
            }
            if (!(value is YMap source)) throw Coerce.Invalid(path, "invalid type " + Coerce.GoType(value) + " for " + name);
            if (shape.Element.Kind == ShapeKind.String)
                return shape.NullableValues ? Coerce.NullableStringMap(source, path) : Coerce.StringMap(source, path);
            foreach (string key in source.Keys.ToList())
            {
                object item = Coerce.Unwrap(source[key]);
                string itemPath = Coerce.Join(path, key);
                if (name == "depends_on")
                {
                    if (!(item is YMap dep)) throw Coerce.Invalid(itemPath, "unsupported value " + GoValues.Scalar(item));
                    if (!dep.ContainsKey("condition")) dep["condition"] = "service_started";
                    if (!dep.ContainsKey("required")) dep["required"] = true;
                }
                if (item == null)
                {
                    source[key] = shape.NullableValues ? null : Bind(new YMap(), shape.Element, key, itemPath);
                    continue;
                }
                source[key] = Bind(item, shape.Element, key, itemPath);
            }
            return source;
        }

        private static object Ulimit(object value, string path)
        {
            if (value is YMap m)
            {
                var result = new YMap();
                if (m.ContainsKey("soft")) result["soft"] = Coerce.Int(m["soft"], path + ".soft");
                if (m.ContainsKey("hard")) result["hard"] = Coerce.Int(m["hard"], path + ".hard");
                return result;
            }
            return Coerce.Int(value, path);
        }

        private static object EnvFile(object value, string path)
        {
            if (value is string s) return new YMap { ["path"] = s, ["required"] = true };
            if (!(value is YMap m)) throw Coerce.Invalid(path, "invalid type " + Coerce.GoType(value) + " for env_file");
            if (m.ContainsKey("path")) m["path"] = Coerce.String(m["path"]);
            m["required"] = m.ContainsKey("required") ? Coerce.Bool(m["required"], path + ".required") ?? true : true;
            if (m.ContainsKey("format")) m["format"] = Coerce.String(m["format"]);
            return m;
        }

        private static object Ports(object value, string path)
        {
            if (!(value is List<object> list)) throw Coerce.Invalid(path, "invalid type " + Coerce.GoType(value) + " for port");
            var result = new List<object>();
            for (int i = 0; i < list.Count; i++)
            {
                object entry = Coerce.Unwrap(list[i]);
                string itemPath = Coerce.Index(path, i);
                switch (entry)
                {
                    case long _:
                    case int _:
                        result.Add(PortDefaults(new YMap { ["target"] = Convert.ToInt64(entry) }, itemPath));
                        break;
                    case string s:
                        try { result.AddRange(PortShortSyntax.Parse(s)); }
                        catch (FormatException e) { throw Coerce.Invalid(itemPath, e.Message); }
                        break;
                    case YMap m:
                        result.Add(PortDefaults(m, itemPath));
                        break;
                    default:
                        throw Coerce.Invalid(path, "invalid type " + Coerce.GoType(entry) + " for port");
                }
            }
            return result;
        }

        private static YMap PortDefaults(YMap port, string path)
        {
            BindStruct(port, ComposeTypes.Port, path);
            if (!port.ContainsKey("mode")) port["mode"] = "ingress";
            if (!port.ContainsKey("protocol")) port["protocol"] = "tcp";
            return port;
        }

        /// <summary>SSHConfig: "default" or "id=path" entries; the mapping form becomes the same list, sorted by id.</summary>
        private static object Ssh(object value, string path)
        {
            var result = new List<object>();
            if (value is YMap map)
            {
                foreach (string id in GoValues.SortedKeys(map))
                {
                    string p = Coerce.String(map[id]);
                    result.Add(string.IsNullOrEmpty(p) ? id : id + "=" + p);
                }
                return result;
            }
            foreach (object item in Coerce.StringList(value))
            {
                string s = (string)item;
                if (s.IndexOf('=') < 0 && s != "default") throw Coerce.Invalid(path, "invalid ssh key \"" + s + "\"");
                result.Add(s);
            }
            return result;
        }

        /// <summary>transformWatch: a trigger whose path is a list becomes one trigger per path, appended at the end.</summary>
        private static object ExpandWatchPaths(object value)
        {
            if (!(value is List<object> list)) return value;
            var kept = new List<object>();
            var expanded = new List<object>();
            foreach (object item in list)
            {
                if (Coerce.Unwrap(item) is YMap trigger && Coerce.Unwrap(trigger["path"]) is List<object> paths)
                {
                    foreach (object p in paths)
                    {
                        var copy = (YMap)YMap.DeepClone(trigger);
                        copy["path"] = p;
                        expanded.Add(copy);
                    }
                }
                else kept.Add(item);
            }
            kept.AddRange(expanded);
            return kept;
        }
    }
}
