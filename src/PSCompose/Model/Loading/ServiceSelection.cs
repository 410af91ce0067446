using System.Collections.Generic;
using System.Linq;

namespace PSCompose.Model.Loading
{
    /// <summary>
    /// compose-go Project.WithProfiles, WithServicesEnabled, WithSelectedServices and
    /// WithoutUnnecessaryResources, on the canonical tree. Services left out go to DisabledServices.
    /// </summary>
    internal static class ServiceSelection
    {
        /// <summary>Splits services into enabled and disabled: no profiles, a matching profile or '*' enables.</summary>
        public static void ApplyProfiles(YMap root, YMap disabled, IReadOnlyCollection<string> profiles)
        {
            var services = root.Map("services") ?? new YMap();
            var all = new YMap(services.Concat(disabled));
            var enabled = new YMap();
            foreach (var key in disabled.Keys.ToList()) disabled.Remove(key);
            foreach (var entry in all)
            {
                if (HasProfile(entry.Value as YMap, profiles)) enabled[entry.Key] = entry.Value;
                else disabled[entry.Key] = entry.Value;
            }
            if (root.ContainsKey("services") || enabled.Count > 0) root["services"] = enabled;
        }

        private static bool HasProfile(YMap service, IReadOnlyCollection<string> profiles)
        {
            var own = Profiles(service);
            if (own.Count == 0) return true;
            return profiles.Any(p => p == "*" || own.Contains(p));
        }

        internal static List<string> Profiles(YMap service) =>
            (service?.List("profiles") ?? new List<object>()).Select(GoFormat.Value).ToList();

        /// <summary>Services named on the command line are enabled, and their profiles become active.</summary>
        public static List<string> EnableServices(YMap root, YMap disabled, List<string> profiles, IEnumerable<string> names)
        {
            var services = root.Map("services") ?? new YMap();
            var active = new List<string>(profiles);
            bool changed = false;
            foreach (var name in names)
            {
                if (services.ContainsKey(name)) continue;
                if (!disabled.ContainsKey(name))
                {
                    throw new ComposeFileException(ErrorIds.ServiceNotFound, $"no such service: {name}", target: name);
                }
                active.AddRange(Profiles(disabled.Map(name)));
                changed = true;
            }
            if (changed) ApplyProfiles(root, disabled, active);
            return active;
        }

        /// <summary>Keeps the named services and what they depend on; the others become disabled.</summary>
        public static void SelectServices(YMap root, YMap disabled, IReadOnlyCollection<string> names)
        {
            if (names == null || names.Count == 0) return;
            var services = root.Map("services") ?? new YMap();
            var selected = new HashSet<string>();
            foreach (var name in names) Visit(name, services, selected);
            foreach (var name in services.Keys.ToList())
            {
                if (selected.Contains(name)) continue;
                disabled[name] = services[name];
                services.Remove(name);
            }
            // Optional dependencies on services left out are dropped (what `docker compose config svc` shows).
            foreach (var service in services.Select(s => s.Value).OfType<YMap>())
            {
                if (!(service["depends_on"] is YMap dependsOn)) continue;
                foreach (var dep in dependsOn.Keys.ToList())
                {
                    if (!selected.Contains(dep)) dependsOn.Remove(dep);
                }
            }
        }

        // The service and, depth first, what it requires; an explicit stack, as dependency chains follow input.
        private static void Visit(string name, YMap services, HashSet<string> selected)
        {
            var pending = new Stack<IEnumerator<string>>();
            pending.Push(new[] { name }.AsEnumerable().GetEnumerator());
            while (pending.Count > 0)
            {
                IEnumerator<string> next = pending.Peek();
                if (!next.MoveNext())
                {
                    pending.Pop();
                    continue;
                }
                string current = next.Current;
                if (selected.Contains(current)) continue;
                if (!(services[current] is YMap service))
                {
                    throw new ComposeFileException(ErrorIds.ServiceNotFound, $"no such service: {current}", target: current);
                }
                selected.Add(current);
                if (service["depends_on"] is YMap dependsOn) pending.Push(RequiredDependencies(dependsOn, services).GetEnumerator());
            }
        }

        private static IEnumerable<string> RequiredDependencies(YMap dependsOn, YMap services)
        {
            foreach (var dep in dependsOn.ToList())
            {
                bool required = !(dep.Value is YMap d && d["required"] is bool r && !r);
                if (services.ContainsKey(dep.Key) || required) yield return dep.Key;
            }
        }

        /// <summary>Drops networks, volumes, secrets, configs and models no enabled service uses.</summary>
        public static void PruneUnusedResources(YMap root)
        {
            var services = (root.Map("services") ?? new YMap()).Select(s => s.Value).OfType<YMap>().ToList();
            var networks = new HashSet<string>();
            var volumes = new HashSet<string>();
            var secrets = new HashSet<string>();
            var configs = new HashSet<string>();
            var models = new HashSet<string>();
            foreach (var s in services)
            {
                foreach (var k in KeysOf(s["networks"])) networks.Add(k);
                foreach (var v in (s.List("volumes") ?? new List<object>()).OfType<YMap>())
                {
                    if (v.String("type") == "volume" && !string.IsNullOrEmpty(v.String("source"))) volumes.Add(v.String("source"));
                }
                foreach (var v in Sources(s["secrets"])) secrets.Add(v);
                if (s["build"] is YMap build) foreach (var v in Sources(build["secrets"])) secrets.Add(v);
                foreach (var v in Sources(s["configs"])) configs.Add(v);
                foreach (var k in KeysOf(s["models"])) models.Add(k);
            }
            Keep(root, "networks", networks);
            Keep(root, "volumes", volumes);
            Keep(root, "secrets", secrets);
            Keep(root, "configs", configs);
            Keep(root, "models", models);
        }

        private static IEnumerable<string> KeysOf(object value)
        {
            switch (value)
            {
                case YMap m: return m.Keys;
                case List<object> l: return l.Select(GoFormat.Value);
                default: return Enumerable.Empty<string>();
            }
        }

        private static IEnumerable<string> Sources(object value)
        {
            if (!(value is List<object> list)) yield break;
            foreach (var item in list)
            {
                if (item is YMap m && m["source"] != null) yield return GoFormat.Value(m["source"]);
                else if (item is string s) yield return s;
            }
        }

        private static void Keep(YMap root, string key, HashSet<string> used)
        {
            if (!(root[key] is YMap resources)) return;
            foreach (var name in resources.Keys.ToList())
            {
                if (!used.Contains(name)) resources.Remove(name);
            }
            if (resources.Count == 0) root.Remove(key);
        }
    }
}
