using System;
using System.Collections.Generic;
using System.Linq;

namespace PSCompose.Model.Canonical
{
    /// <summary>
    /// compose-go loader.Normalize on the canonical tree: the implicit default network (only when a service uses
    /// it), pull_policy if_not_present → missing, build defaults and args resolved from the environment (unset ones
    /// dropped), valueless environment entries resolved (kept null when unset), implicit depends_on from links,
    /// service: namespaces and volumes_from, and resource names (&lt;project&gt;_&lt;key&gt;, or the key when external).
    /// </summary>
    internal static class Normalizer
    {
        private static readonly string[] Namespaces = { "network_mode", "ipc", "pid", "uts", "cgroup" };

        public static YMap Normalize(YMap document, string projectName, IReadOnlyDictionary<string, string> environment)
        {
            Func<string, string> lookup = key => environment != null && environment.TryGetValue(key, out string v) ? v : null;
            return Normalize(document, projectName, lookup);
        }

        public static YMap Normalize(YMap document, string projectName, Func<string, string> lookup)
        {
            if (document == null) return null;
            lookup = lookup ?? (_ => null);
            NormalizeNetworks(document);
            YMap services = document.Map("services");
            if (services != null)
                foreach (YMap service in services.Select(s => s.Value).OfType<YMap>())
                    NormalizeService(service, lookup);
            SetNamesFromKeys(document, projectName ?? document.String("name"));
            return document;
        }

        private static void NormalizeNetworks(YMap document)
        {
            YMap services = document.Map("services");
            bool usesDefault = false;
            if (services != null)
                foreach (YMap service in services.Select(s => s.Value).OfType<YMap>())
                {
                    if (service.ContainsKey("network_mode")) continue;
                    YMap networks = service.Map("networks");
                    if (networks == null || networks.Count == 0)
                    {
                        service["networks"] = new YMap { ["default"] = null };
                        usesDefault = true;
                    }
                    else if (networks.ContainsKey("default")) usesDefault = true;
                }
            if (!usesDefault) return;
            YMap declared = document.Map("networks");
            if (declared == null) document["networks"] = declared = new YMap();
            if (!declared.ContainsKey("default")) declared["default"] = new YMap();
        }

        private static void NormalizeService(YMap service, Func<string, string> lookup)
        {
            if (service.String("pull_policy") == "if_not_present") service["pull_policy"] = "missing";

            if (service.Map("build") is YMap build)
            {
                if (build["context"] == null) build["context"] = ".";
                if (build["dockerfile"] == null && build["dockerfile_inline"] == null) build["dockerfile"] = "Dockerfile";
                if (build.Map("args") is YMap args) build["args"] = Resolve(args, lookup, keepEmpty: false);
            }
            if (service.Map("environment") is YMap environment) service["environment"] = Resolve(environment, lookup, keepEmpty: true);

            YMap dependsOn = service.Map("depends_on") ?? new YMap();
            foreach (string link in (service.List("links") ?? new List<object>()).OfType<string>())
            {
                string[] parts = link.Split(':');
                string name = parts.Length == 2 ? parts[0] : link;
                AddIfMissing(dependsOn, name, restart: true);
            }
            foreach (string ns in Namespaces)
                if (service[ns] is string reference && reference.StartsWith("service:", StringComparison.Ordinal))
                    AddIfMissing(dependsOn, reference.Substring("service:".Length), restart: true);
            foreach (string from in (service.List("volumes_from") ?? new List<object>()).OfType<string>())
                if (!from.StartsWith("container:", StringComparison.Ordinal))
                    AddIfMissing(dependsOn, from.Split(':')[0], restart: false);
            if (dependsOn.Count > 0) service["depends_on"] = dependsOn;
        }

        private static void AddIfMissing(YMap dependsOn, string service, bool restart)
        {
            if (dependsOn.ContainsKey(service)) return;
            var dependency = new YMap { ["condition"] = "service_started" };
            if (restart) dependency["restart"] = true;
            dependency["required"] = true;
            dependsOn[service] = dependency;
        }

        private static YMap Resolve(YMap map, Func<string, string> lookup, bool keepEmpty)
        {
            var resolved = new YMap();
            foreach (var e in map)
            {
                if (e.Value != null) { resolved[e.Key] = e.Value; continue; }
                string value = lookup(e.Key);
                if (value != null) resolved[e.Key] = value;
                else if (keepEmpty) resolved[e.Key] = null;
            }
            return resolved;
        }

        private static void SetNamesFromKeys(YMap document, string projectName)
        {
            foreach (string section in new[] { "networks", "volumes", "configs", "secrets" })
            {
                YMap resources = document.Map(section);
                if (resources == null) continue;
                foreach (string key in resources.Keys.ToList())
                {
                    YMap resource = resources.Map(key) ?? new YMap();
                    resources[key] = resource;
                    if (resource["name"] != null) continue;
                    bool external = Coerce.Unwrap(resource["external"]) is bool b ? b : resource["external"] is string s && bool.TryParse(s, out bool parsed) && parsed;
                    resource["name"] = external ? key : ComposeNames.ProjectResource(projectName, key);
                }
            }
        }
    }
}
