using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace PSCompose.Model.Loading
{
    /// <summary>
    /// compose-go override.EnforceUnicity: in the sequences listed here a later entry with the same key replaces the
    /// earlier one in place (that is how an override file redefines a port, a volume target or an env var).
    /// </summary>
    internal static class Uniqueness
    {
        private delegate string Indexer(object entry, TreePath path);

        private static readonly List<KeyValuePair<string, Indexer>> Keys = new List<KeyValuePair<string, Indexer>>
        {
            Key("networks.*.labels", KeyValue),
            Key("networks.*.ipam.options", KeyValue),
            Key("services.*.annotations", KeyValue),
            Key("services.*.build.args", KeyValue),
            Key("services.*.build.additional_contexts", KeyValue),
            Key("services.*.build.platform", KeyValue),
            Key("services.*.build.tags", KeyValue),
            Key("services.*.build.labels", KeyValue),
            Key("services.*.cap_add", KeyValue),
            Key("services.*.cap_drop", KeyValue),
            Key("services.*.configs", Mount("")),
            Key("services.*.deploy.labels", KeyValue),
            Key("services.*.dns", KeyValue),
            Key("services.*.dns_opt", KeyValue),
            Key("services.*.dns_search", KeyValue),
            Key("services.*.environment", KeyValue),
            Key("services.*.env_file", EnvFile),
            Key("services.*.expose", Expose),
            Key("services.*.labels", KeyValue),
            Key("services.*.links", KeyValue),
            Key("services.*.networks.*.aliases", KeyValue),
            Key("services.*.networks.*.link_local_ips", KeyValue),
            Key("services.*.ports", Port),
            Key("services.*.profiles", KeyValue),
            Key("services.*.secrets", Mount("/run/secrets")),
            Key("services.*.sysctls", KeyValue),
            Key("services.*.tmpfs", KeyValue),
            Key("services.*.volumes", Volume),
            Key("services.*.devices", Device),
        };

        public static YMap Enforce(YMap document)
        {
            Walk(document, TreePath.Root);
            return document;
        }

        private static KeyValuePair<string, Indexer> Key(string pattern, Indexer indexer) => new KeyValuePair<string, Indexer>(pattern, indexer);

        private static object Walk(object value, TreePath p)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            switch (value)
            {
                case YMap map:
                    foreach (var key in new List<string>(map.Keys))
                    {
                        map[key] = Walk(map[key], p.Next(key));
                    }
                    return map;
                case List<object> list:
                    foreach (var rule in Keys)
                    {
                        if (!p.Matches(rule.Key)) continue;
                        var seq = new List<object>();
                        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
                        for (int i = 0; i < list.Count; i++)
                        {
                            string key = rule.Value(list[i], p.Next("[" + i.ToString(CultureInfo.InvariantCulture) + "]"));
                            if (seen.TryGetValue(key, out int j))
                            {
                                seq[j] = list[i];
                            }
                            else
                            {
                                seq.Add(list[i]);
                                seen[key] = seq.Count - 1;
                            }
                        }
                        return seq;
                    }
                    return list;
                default:
                    return value;
            }
        }

        private static string KeyValue(object entry, TreePath p)
        {
            if (!(entry is string value))
            {
                throw Invalid($"{p}: unexpected type {Merger.GoTypeName(entry)}", p);
            }
            int eq = value.IndexOf('=');
            return eq >= 0 ? value.Substring(0, eq) : value;
        }

        private static string Volume(object entry, TreePath p)
        {
            switch (entry)
            {
                case YMap map:
                    if (!(map["target"] is string target)) throw Invalid($"service volume {p} is missing a mount target", p);
                    return target;
                case string s:
                    return VolumeSpec.Target(s);
                default:
                    return "";
            }
        }

        private static string Device(object entry, TreePath p)
        {
            switch (entry)
            {
                case YMap map:
                    if (!(map["target"] is string target)) throw Invalid($"service device {p} is missing a mount target", p);
                    return target;
                case string s:
                    var parts = s.Split(':');
                    return parts.Length == 1 ? parts[0] : parts[1];
                default:
                    return "";
            }
        }

        private static string Expose(object entry, TreePath p)
        {
            switch (entry)
            {
                case string s: return s;
                case long l: return l.ToString(CultureInfo.InvariantCulture);
                default: throw Invalid($"{p}: unsupported expose value {GoFormat.Value(entry)}", p);
            }
        }

        private static Indexer Mount(string defaultPath) => (entry, p) =>
        {
            switch (entry)
            {
                case string s:
                    return defaultPath + "/" + s;
                case YMap map:
                    if (map.TryGetValue("target", out object t)) return GoFormat.Value(t);
                    return defaultPath + "/" + GoFormat.Value(map["source"]);
                default:
                    throw Invalid($"{p}: unsupported expose value {GoFormat.Value(entry)}", p);
            }
        };

        private static string Port(object entry, TreePath p)
        {
            switch (entry)
            {
                case long l:
                    return l.ToString(CultureInfo.InvariantCulture);
                case YMap map:
                    if (!map.TryGetValue("target", out object target)) throw Invalid($"service ports {p} is missing a target port", p);
                    string host = map.TryGetValue("host_ip", out object h) ? GoFormat.Value(h) : "0.0.0.0";
                    string published = map.TryGetValue("published", out object pub) ? GoFormat.Value(pub) : "%!s(<nil>)";
                    string protocol = map.TryGetValue("protocol", out object proto) ? GoFormat.Value(proto) : "tcp";
                    return host + ":" + published + ":" + GoFormat.Value(target) + "/" + protocol;
                case string s:
                    return s;
                default:
                    return "";
            }
        }

        private static string EnvFile(object entry, TreePath p)
        {
            switch (entry)
            {
                case string s:
                    return s;
                case YMap map:
                    if (map.TryGetValue("path", out object path)) return GoFormat.Value(path);
                    throw Invalid($"environment path attribute {p} is missing", p);
                default:
                    return "";
            }
        }

        private static ComposeFileException Invalid(string message, TreePath p) =>
            new ComposeFileException(ErrorIds.FileInvalid, message, keyPath: p.ToString());
    }
}
