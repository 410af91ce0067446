using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PSCompose.ModuleTests.Up
{
    /// <summary>
    /// A container's `docker inspect` as comparable "path → value" pairs: Config, HostConfig and endpoint aliases,
    /// with the project name and ids masked. Arrays keep their order (Cmd, Entrypoint, Healthcheck.Test, ExtraHosts,
    /// Dns, aliases… mean something different in another order), except the few that docker compose itself sends
    /// in Go map order, which are compared as sets.
    /// </summary>
    internal static class ComparableInspect
    {
        /// <summary>
        /// Built by ranging over a Go map in Compose 2.40.3 (ToMobyEnv, buildContainerMountOptions, ulimits):
        /// 5 `up --force-recreate` of one file gave 4 different Env orders and 2 different Binds/Mounts/Ulimits orders.
        /// </summary>
        internal static readonly IReadOnlyCollection<string> UnorderedInCompose = new[]
        {
            "Config.Env", "HostConfig.Binds", "HostConfig.Mounts", "HostConfig.Ulimits",
        };

        public static Dictionary<string, string> Of(JsonElement container, string project)
        {
            var result = new Dictionary<string, string>();
            string id = container.GetProperty("Id").GetString();
            foreach (string section in new[] { "Config", "HostConfig" })
                Flatten(container.GetProperty(section), section, result);
            foreach (JsonProperty network in container.GetProperty("NetworkSettings").GetProperty("Networks").EnumerateObject())
            {
                // The engine appends the short id; Compose's own aliases come first, in the order it sent them.
                var aliases = network.Value.GetProperty("Aliases").EnumerateArray().Select(a => a.GetString())
                    .Where(a => !id.StartsWith(a, StringComparison.Ordinal));
                result["Networks." + network.Name + ".Aliases"] = string.Join(",", aliases);
            }
            result.Remove("Config.Hostname");
            // Entries are in Go map order, which is random.
            const string dependsOn = "Config.Labels.com.docker.compose.depends_on";
            if (result.TryGetValue(dependsOn, out string entries))
                result[dependsOn] = string.Join(",", entries.Split(',').OrderBy(e => e, StringComparer.Ordinal));
            // Compose 2.40.3 builds with BuildKit here; our classic build labels the image (and so the container) as such.
            result.Remove("Config.Labels.com.docker.compose.image.builder");
            var masked = new Dictionary<string, string>();
            foreach (var kv in result)
                masked[Mask(kv.Key, project)] = kv.Value == null ? null : Mask(kv.Value, project);
            masked.Remove("Config.Labels.com.docker.compose.project");
            return masked;
        }

        /// <summary>"path: ours X, docker compose Y" for every path whose values differ.</summary>
        public static List<string> Differences(Dictionary<string, string> ours, Dictionary<string, string> theirs)
        {
            var differences = new List<string>();
            foreach (string key in ours.Keys.Union(theirs.Keys).OrderBy(k => k, StringComparer.Ordinal))
            {
                ours.TryGetValue(key, out string a);
                theirs.TryGetValue(key, out string b);
                if (a != b) differences.Add($"{key}: ours {a ?? "(absent)"}, docker compose {b ?? "(absent)"}");
            }
            return differences;
        }

        /// <summary>A scalar as is; an object as its flattened "field=value" pairs (so {} and null fields read as absent).</summary>
        private static string Item(JsonElement item)
        {
            if (item.ValueKind != JsonValueKind.Object && item.ValueKind != JsonValueKind.Array) return item.ToString();
            var fields = new Dictionary<string, string>();
            Flatten(item, "", fields);
            return "{" + string.Join(" ", fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key.TrimStart('.') + "=" + f.Value)) + "}";
        }

        private static string Mask(string text, string project) =>
            Regex.Replace(Regex.Replace(text.Replace(project, "<project>"), "[0-9a-f]{64}", "<id>"), @"\b[0-9a-f]{12}\b", "<id12>");

        private static void Flatten(JsonElement e, string path, Dictionary<string, string> into)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (JsonProperty p in e.EnumerateObject()) Flatten(p.Value, path + "." + p.Name, into);
                    break;
                case JsonValueKind.Null:
                case JsonValueKind.Array when e.GetArrayLength() == 0:
                    break; // null, [] and {} all mean "none" to the engine (Compose sends empty maps, we may send null)
                case JsonValueKind.Array:
                    IEnumerable<string> items = e.EnumerateArray().Select(Item);
                    if (UnorderedInCompose.Contains(path)) items = items.OrderBy(s => s, StringComparer.Ordinal);
                    into[path] = "[" + string.Join(", ", items) + "]";
                    break;
                default:
                    into[path] = e.ToString();
                    break;
            }
        }
    }
}
