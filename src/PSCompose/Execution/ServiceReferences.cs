using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PSCompose.Model;

namespace PSCompose.Execution
{
    /// <summary>
    /// Compose resolves references to other services before it hashes and creates a container
    /// (convergence.go resolveServiceReferences): network_mode/ipc/pid "service:x" become "container:&lt;id&gt;"
    /// and volumes_from "x[:mode]" becomes the bare id. A replaced dependency therefore changes the hash.
    /// </summary>
    internal static class ServiceReferences
    {
        public static YMap Resolve(YMap service, Func<string, string> containerIdOf)
        {
            if (!HasReferences(service)) return service;
            var resolved = (YMap)YMap.DeepClone(service);
            foreach (string key in new[] { "network_mode", "ipc", "pid" })
            {
                string mode = resolved.String(key);
                if (mode != null && mode.StartsWith("service:", StringComparison.Ordinal) && containerIdOf(mode.Substring(8)) is string id)
                    resolved[key] = "container:" + id;
            }
            if (resolved["volumes_from"] is List<object> volumesFrom)
            {
                resolved["volumes_from"] = volumesFrom.Select(v =>
                {
                    string[] spec = Convert.ToString(v, CultureInfo.InvariantCulture).Split(':');
                    if (spec[0] == "container") return (object)(spec.Length > 1 ? spec[1] : v);
                    return containerIdOf(spec[0]) is string id ? id : v;
                }).ToList();
            }
            return resolved;
        }

        private static bool HasReferences(YMap service) =>
            service.ContainsKey("volumes_from") ||
            new[] { "network_mode", "ipc", "pid" }.Any(k => service.String(k)?.StartsWith("service:", StringComparison.Ordinal) == true);
    }
}
