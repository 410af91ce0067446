using System;
using System.Collections.Generic;
using System.Linq;

namespace PSCompose.Model.Canonical
{
    /// <summary>
    /// compose-go HostsList: "host=ip" or "host:ip" entries (several IPs separated by commas), or a host → ip(s)
    /// mapping, rendered as the sorted list of "host=ip" strings `docker compose config` prints.
    /// </summary>
    internal static class HostsList
    {
        public static List<object> Canonical(object value, string path)
        {
            var entries = new List<string>();
            switch (Coerce.Unwrap(value))
            {
                case YMap map:
                    foreach (var e in map)
                    {
                        object v = Coerce.Unwrap(e.Value);
                        IEnumerable<object> ips = v is List<object> l ? l : new List<object> { v };
                        foreach (object ip in ips) Add(entries, e.Key, Coerce.String(ip) ?? "");
                    }
                    break;
                case List<object> list:
                    foreach (object item in list)
                    {
                        string s = Coerce.String(item) ?? "";
                        int sep = s.IndexOf('=');
                        if (sep < 0) sep = s.IndexOf(':');
                        if (sep < 0) throw Coerce.Invalid(path, "invalid additional host, missing IP: " + s);
                        Add(entries, s.Substring(0, sep), s.Substring(sep + 1));
                    }
                    break;
                case string single:
                    return Canonical(new List<object> { single }, path);
            }
            // A host → IPs map in compose-go: hosts sorted, each host's IPs in the order given, duplicates kept.
            return entries.OrderBy(e => e.Substring(0, e.IndexOf('=')), StringComparer.Ordinal).Cast<object>().ToList();
        }

        /// <summary>
        /// The form the loader keeps until the model is complete, as compose-go does: list entries exactly as
        /// written ("host:ip" stays), a mapping as sorted "host=ip". Merges compare these raw strings.
        /// </summary>
        public static List<object> Raw(object value, string path)
        {
            switch (Coerce.Unwrap(value))
            {
                case List<object> list:
                    Canonical(list, path); // validates every entry
                    return list.Select(item => (object)(Coerce.String(item) ?? "")).ToList();
                case string single:
                    return Raw(new List<object> { single }, path);
                default:
                    return Canonical(value, path);
            }
        }

        /// <summary>Every service's (and build's) extra_hosts in canonical form, once all files are merged.</summary>
        public static void CanonicalizeServices(YMap services)
        {
            foreach (var entry in services ?? new YMap())
            {
                if (!(entry.Value is YMap service)) continue;
                string path = "services." + entry.Key;
                if (service["extra_hosts"] is List<object> hosts) service["extra_hosts"] = Canonical(hosts, path + ".extra_hosts");
                if (service.Map("build")?["extra_hosts"] is List<object> buildHosts) service.Map("build")["extra_hosts"] = Canonical(buildHosts, path + ".build.extra_hosts");
            }
        }

        private static void Add(List<string> entries, string host, string ips)
        {
            foreach (string ip in ips.Split(','))
            {
                string clean = ip.Length > 2 && ip[0] == '[' && ip[ip.Length - 1] == ']' ? ip.Substring(1, ip.Length - 2) : ip;
                entries.Add(host + "=" + clean);
            }
        }
    }
}
