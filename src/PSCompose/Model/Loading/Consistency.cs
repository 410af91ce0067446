using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PSCompose.Model.Loading
{
    /// <summary>
    /// compose-go checkConsistency on the enabled services (sorted by name, where Go's order is random), then
    /// graph.CheckCycle. Messages keep compose's ": invalid compose project" suffix.
    /// </summary>
    internal static class Consistency
    {
        private const string Invalid = ": invalid compose project";

        public static void Check(YMap root, YMap disabled)
        {
            var services = root.Map("services") ?? new YMap();
            var networks = root.Map("networks") ?? new YMap();
            var volumes = root.Map("volumes") ?? new YMap();
            var secrets = root.Map("secrets") ?? new YMap();
            var configs = root.Map("configs") ?? new YMap();
            var models = root.Map("models") ?? new YMap();

            foreach (var name in services.Keys.OrderBy(k => k, StringComparer.Ordinal))
            {
                if (!(services[name] is YMap s)) continue;
                string q = ProjectNames.GoQuote(name);
                var build = s["build"] as YMap;
                if (build == null && string.IsNullOrEmpty(s.String("image")))
                {
                    throw Error(ErrorIds.FileInvalid, $"service {q} has neither an image nor a build context specified{Invalid}", name);
                }
                if (build != null)
                {
                    if (!string.IsNullOrEmpty(build.String("dockerfile_inline")) && !string.IsNullOrEmpty(build.String("dockerfile")))
                    {
                        throw Error(ErrorIds.FileInvalid, $"service {q} declares mutualy exclusive dockerfile and dockerfile_inline{Invalid}", name);
                    }
                    var platforms = (build.List("platforms") ?? new List<object>()).Select(GoFormat.Value).ToList();
                    string platform = s.String("platform");
                    if (platforms.Count > 0 && !string.IsNullOrEmpty(platform) && !platforms.Contains(platform))
                    {
                        throw Error(ErrorIds.FileInvalid, $"service.build.platforms MUST include service.platform {ProjectNames.GoQuote(platform)}{Invalid}", name);
                    }
                }

                var serviceNetworks = s["networks"] as YMap ?? new YMap();
                if (!string.IsNullOrEmpty(s.String("network_mode")) && serviceNetworks.Count > 0)
                {
                    throw Error(ErrorIds.FileInvalid, $"service {name} declares mutually exclusive `network_mode` and `networks`{Invalid}", name);
                }
                foreach (var network in serviceNetworks.Keys)
                {
                    if (!networks.ContainsKey(network)) throw Undefined($"service {q} refers to undefined network {network}{Invalid}", name);
                }

                if (s["healthcheck"] is YMap healthcheck && healthcheck["test"] is List<object> test && test.Count > 0)
                {
                    string first = GoFormat.Value(test[0]);
                    if (first != "CMD" && first != "CMD-SHELL" && first != "NONE")
                    {
                        throw Error(ErrorIds.FileInvalid, "healthcheck.test must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\"", name);
                    }
                }

                if (s["depends_on"] is YMap dependsOn)
                {
                    foreach (var dep in dependsOn)
                    {
                        if (services.ContainsKey(dep.Key)) continue;
                        bool required = !(dep.Value is YMap d && d["required"] is bool r && !r);
                        if (disabled.ContainsKey(dep.Key) && !required) continue;
                        throw Undefined($"service {q} depends on undefined service {ProjectNames.GoQuote(dep.Key)}{Invalid}", name);
                    }
                }

                string networkMode = s.String("network_mode");
                if (networkMode != null && networkMode.StartsWith("service:", StringComparison.Ordinal))
                {
                    string other = networkMode.Substring("service:".Length);
                    if (!services.ContainsKey(other))
                    {
                        throw Undefined($"service {ProjectNames.GoQuote(other)} not found for network_mode 'service:{other}'", name);
                    }
                }

                foreach (var volume in (s.List("volumes") ?? new List<object>()).OfType<YMap>())
                {
                    string source = volume.String("source");
                    if (volume.String("type") == "volume" && !string.IsNullOrEmpty(source) && !volumes.ContainsKey(source))
                    {
                        throw Undefined($"service {q} refers to undefined volume {source}{Invalid}", name);
                    }
                }
                if (build != null)
                {
                    foreach (var secret in Sources(build["secrets"]))
                    {
                        if (!secrets.ContainsKey(secret)) throw Undefined($"service {q} refers to undefined build secret {secret}{Invalid}", name);
                    }
                }
                foreach (var config in Sources(s["configs"]))
                {
                    if (!configs.ContainsKey(config)) throw Undefined($"service {q} refers to undefined config {config}{Invalid}", name);
                }
                foreach (var secret in Sources(s["secrets"]))
                {
                    if (!secrets.ContainsKey(secret)) throw Undefined($"service {q} refers to undefined secret {secret}{Invalid}", name);
                }
                if (s["models"] is YMap serviceModels)
                {
                    foreach (var model in serviceModels.Keys)
                    {
                        if (!models.ContainsKey(model)) throw Undefined($"service {q} refers to undefined model {model}{Invalid}", name);
                    }
                }

                CheckResourceConflicts(s, name);

                long scale = Scale(s);
                if (!ReplicaCount.InRange(scale))
                    throw Error(ErrorIds.ScaleInvalidInFile, $"services.{name}.{(s.ContainsKey("scale") ? "scale" : "deploy.replicas")}: {ReplicaCount.Problem(name, scale)}", name);
                if (scale > 1 && !string.IsNullOrEmpty(s.String("container_name")))
                {
                    // compose-go passes its arguments in this order, so the attribute comes first.
                    string attr = s.ContainsKey("scale") ? "scale" : "deploy.replicas";
                    throw Error(ErrorIds.FileInvalid, $"services.{attr}: can't set container_name and {name} as container name must be unique{Invalid}", name);
                }

                if (s["develop"] is YMap develop && develop["watch"] is List<object> watch)
                {
                    foreach (var w in watch.OfType<YMap>())
                    {
                        // compose-go exempts rebuild and restart: neither copies files, so neither needs a target.
                        string action = w.String("action");
                        if (action != "rebuild" && action != "restart" && string.IsNullOrEmpty(w.String("target")))
                        {
                            throw Error(ErrorIds.FileInvalid, $"services.{name}.develop.watch: target is required for non-rebuild actions{Invalid}", name);
                        }
                    }
                }
            }

            foreach (var secret in secrets)
            {
                if (!(secret.Value is YMap definition) || Truthy(definition["external"])) continue;
                if (string.IsNullOrEmpty(definition.String("file")) && string.IsNullOrEmpty(definition.String("environment")))
                {
                    throw new ComposeFileException(ErrorIds.FileInvalid,
                        $"secret {ProjectNames.GoQuote(secret.Key)} must declare either `file` or `environment`{Invalid}", keyPath: $"secrets.{secret.Key}");
                }
            }

            CheckCycle(services);
        }

        // scale and the deploy.resources equivalents must agree; scale then wins as deploy.replicas.
        private static void CheckResourceConflicts(YMap s, string name)
        {
            var deploy = s["deploy"] as YMap;
            if (deploy == null) return;
            if (s["scale"] != null)
            {
                if (deploy["replicas"] != null && !Equals(ToLong(deploy["replicas"]), ToLong(s["scale"])))
                {
                    throw Error(ErrorIds.FileInvalid, $"services.{name}: can't set distinct values on 'scale' and 'deploy.replicas'{Invalid}", name);
                }
                deploy["replicas"] = ToLong(s["scale"]);
            }
            var resources = deploy["resources"] as YMap;
            var limits = resources?["limits"] as YMap;
            var reservations = resources?["reservations"] as YMap;
            Compare(s["cpus"], limits?["cpus"], limits != null, name, "cpus", "deploy.resources.limits.cpus", ToDouble);
            Compare(s["mem_limit"], limits?["memory"], limits != null, name, "mem_limit", "deploy.resources.limits.memory", Bytes);
            Compare(s["mem_reservation"], reservations?["memory"], reservations != null, name, "mem_reservation", "deploy.resources.reservations.memory", Bytes);
            Compare(s["pids_limit"], limits?["pids"], limits != null, name, "pids_limit", "deploy.resources.limits.pids", v => ToLong(v));
        }

        private static void Compare(object value, object deployValue, bool deploySectionSet, string name, string attr, string deployAttr, Func<object, double?> parse)
        {
            double? v = parse(value);
            if (v == null || v == 0 || !deploySectionSet) return;
            if (parse(deployValue) != v)
            {
                throw Error(ErrorIds.FileInvalid, $"services.{name}: can't set distinct values on '{attr}' and '{deployAttr}'{Invalid}", name);
            }
        }

        internal static long Scale(YMap s)
        {
            long? scale = ToLong(s["scale"]);
            if (scale != null) return scale.Value;
            if (s["deploy"] is YMap deploy && ToLong(deploy["replicas"]) is long replicas) return replicas;
            return 1;
        }

        private static long? ToLong(object v)
        {
            switch (v)
            {
                case long l: return l;
                case int i: return i;
                case double d: return (long)d;
                case string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long p): return p;
                default: return null;
            }
        }

        private static double? ToDouble(object v)
        {
            switch (v)
            {
                case long l: return l;
                case double d: return d;
                case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double p): return p;
                default: return null;
            }
        }

        // Byte sizes as docker's units parse them (b, k, m, g, with optional b suffix, base 1024).
        private static double? Bytes(object v)
        {
            switch (v)
            {
                case long l: return l;
                case double d: return d;
                case string s:
                    s = s.Trim().ToLowerInvariant();
                    if (s.EndsWith("b") && s.Length > 1 && !char.IsDigit(s[s.Length - 2])) s = s.Substring(0, s.Length - 1);
                    double factor = 1;
                    char unit = s.Length > 0 ? s[s.Length - 1] : ' ';
                    switch (unit)
                    {
                        case 'k': factor = 1024; break;
                        case 'm': factor = 1024 * 1024; break;
                        case 'g': factor = 1024d * 1024 * 1024; break;
                        case 't': factor = 1024d * 1024 * 1024 * 1024; break;
                        case 'b': factor = 1; break;
                    }
                    if (!char.IsDigit(unit)) s = s.Substring(0, s.Length - 1);
                    return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double n) ? n * factor : (double?)null;
                default:
                    return null;
            }
        }

        private static bool Truthy(object v) => v is bool b ? b : v is YMap;

        private static IEnumerable<string> Sources(object value)
        {
            if (!(value is List<object> list)) yield break;
            foreach (var item in list)
            {
                if (item is YMap m && m["source"] != null) yield return GoFormat.Value(m["source"]);
                else if (item is string s) yield return s;
            }
        }

        // graph.CheckCycle: names in order, children in order, first back edge reported with its path.
        private static void CheckCycle(YMap services)
        {
            var children = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var entry in services)
            {
                var deps = (entry.Value as YMap)?["depends_on"] as YMap;
                children[entry.Key] = (deps?.Keys ?? (IReadOnlyList<string>)new string[0])
                    .Where(services.ContainsKey).OrderBy(k => k, StringComparer.Ordinal).ToList();
            }
            var cleared = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in children.Keys.OrderBy(k => k, StringComparer.Ordinal))
            {
                SearchCycle(name, children, cleared);
            }
        }

        // Depth first from one service, with an explicit stack: a chain of thousands of services must not
        // exhaust the thread's stack.
        private static void SearchCycle(string start, Dictionary<string, List<string>> children, HashSet<string> cleared)
        {
            if (cleared.Contains(start)) return;
            var path = new List<string> { start };
            var position = new Dictionary<string, int>(StringComparer.Ordinal) { [start] = 0 };
            var nextChild = new List<int> { 0 };
            while (path.Count > 0)
            {
                int top = path.Count - 1;
                string current = path[top];
                List<string> next = children[current];
                if (nextChild[top] < next.Count)
                {
                    string child = next[nextChild[top]++];
                    if (position.TryGetValue(child, out int i))
                    {
                        throw new ComposeFileException(ErrorIds.DependencyCycle,
                            "dependency cycle detected: " + string.Join(" -> ", path.Skip(i)) + " -> " + child, keyPath: $"services.{current}.depends_on");
                    }
                    if (cleared.Contains(child)) continue;
                    position[child] = path.Count;
                    path.Add(child);
                    nextChild.Add(0);
                    continue;
                }
                // Every path below this service was explored without a cycle; compose-go re-walks it, same result.
                cleared.Add(current);
                position.Remove(current);
                path.RemoveAt(top);
                nextChild.RemoveAt(top);
            }
        }

        /// <summary>
        /// compose-go Project.CheckContainerNameUnicity, which `config` runs unless --no-consistency. Its message
        /// prints the set's empty value ("{}") where the other service was meant; kept as Compose prints it.
        /// </summary>
        public static void CheckContainerNamesUnique(Typed.ProjectConfig project)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in project.ServiceNames.OrderBy(k => k, StringComparer.Ordinal))
            {
                string containerName = project.Service(name).ContainerName;
                if (string.IsNullOrEmpty(containerName) || seen.Add(containerName)) continue;
                throw Error(ErrorIds.FileInvalid,
                    $"services.{name}: container name {ProjectNames.GoQuote(containerName)} is already in use by service {{}}\"", name);
            }
        }

        private static ComposeFileException Error(string id, string message, string service) =>
            new ComposeFileException(id, message, keyPath: $"services.{service}");

        private static ComposeFileException Undefined(string message, string service) =>
            new ComposeFileException(ErrorIds.ReferenceUndefined, message, keyPath: $"services.{service}");
    }
}
