using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using PSCompose.Model.Typed;

namespace PSCompose.Execution.Stack
{
    /// <summary>
    /// The service keys a Swarm service cannot honour: docker/cli's "Ignoring unsupported options" and "Ignoring
    /// deprecated options" lists (cli/compose/loader), plus the Compose Spec keys it silently drops. Each gets one
    /// warning naming the file and line it was written on.
    /// </summary>
    internal static class UnsupportedStackKeys
    {
        private static readonly Dictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["build"] = "Swarm does not build; build and push the image first",
            ["cgroup"] = "not supported by Swarm services",
            ["cgroup_parent"] = "not supported by Swarm services",
            ["container_name"] = "Swarm names the tasks' containers",
            ["cpu_count"] = "use deploy.resources",
            ["cpu_percent"] = "use deploy.resources",
            ["cpu_period"] = "use deploy.resources",
            ["cpu_quota"] = "use deploy.resources",
            ["cpu_rt_period"] = "use deploy.resources",
            ["cpu_rt_runtime"] = "use deploy.resources",
            ["cpu_shares"] = "use deploy.resources",
            ["cpus"] = "use deploy.resources.limits.cpus",
            ["cpuset"] = "not supported by Swarm services",
            ["depends_on"] = "Swarm starts services independently (no start order or conditions)",
            ["device_cgroup_rules"] = "not supported by Swarm services",
            ["devices"] = "not supported by Swarm services",
            ["domainname"] = "not supported by Swarm services",
            ["expose"] = "services on a network reach every port",
            ["external_links"] = "not supported by Swarm services",
            ["gpus"] = "use deploy.resources.reservations",
            ["ipc"] = "not supported by Swarm services",
            ["links"] = "use networks",
            ["mac_address"] = "not supported by Swarm services",
            ["mem_limit"] = "use deploy.resources.limits.memory",
            ["mem_reservation"] = "use deploy.resources.reservations.memory",
            ["mem_swappiness"] = "not supported by Swarm services",
            ["memswap_limit"] = "not supported by Swarm services",
            ["network_mode"] = "use networks",
            ["oom_kill_disable"] = "not supported by Swarm services",
            ["pid"] = "not supported by Swarm services",
            ["pids_limit"] = "use deploy.resources.limits.pids",
            ["platform"] = "use deploy.placement.constraints",
            ["privileged"] = "not supported by Swarm services",
            ["pull_policy"] = "Swarm pulls on each node",
            ["runtime"] = "not supported by Swarm services",
            ["security_opt"] = "not supported by Swarm services",
            ["shm_size"] = "not supported by Swarm services",
            ["storage_opt"] = "not supported by Swarm services",
            ["userns_mode"] = "not supported by Swarm services",
            ["uts"] = "not supported by Swarm services",
            ["volumes_from"] = "not supported by Swarm services",
            ["develop"] = "watch is a Compose feature",
            ["post_start"] = "lifecycle hooks are a Compose feature",
            ["pre_stop"] = "lifecycle hooks are a Compose feature",
        };

        /// <summary>One warning per (service, unsupported key or port), in service order, then as written (file, line).</summary>
        public static IEnumerable<StackWarning> Find(ProjectConfig project)
        {
            SourcePositions lines = project.Sources;
            var files = project.ConfigFiles.ToList();
            foreach (ServiceConfig s in project.Services.Values)
            {
                var found = new List<StackWarning>();
                foreach (string key in s.DeclaredKeys)
                {
                    string reason = ReasonFor(s, key);
                    if (reason == null) continue;
                    (string file, int line) = lines.Find(s.Name, key);
                    found.Add(new StackWarning { Service = s.Name, Key = key, File = file, Line = line, Reason = reason });
                }
                found.AddRange(HostIpPorts(lines, s));
                foreach (StackWarning warning in found.OrderBy(w => files.IndexOf(w.File)).ThenBy(w => w.Line)) yield return warning;
            }
        }

        /// <summary>
        /// Swarm's port config has no host IP: docker/cli (opts.ConvertPortToPortConfig) drops a specified one with a
        /// warning and publishes on every address. One warning per port entry as written (a range is one entry).
        /// </summary>
        private static IEnumerable<StackWarning> HostIpPorts(SourcePositions lines, ServiceConfig s)
        {
            var seen = new HashSet<(string, int)>();
            for (int i = 0; i < s.Ports.Count; i++)
            {
                string ip = s.Ports[i].HostIp;
                if (!IsSpecific(ip)) continue;
                (string file, int line, int index) = lines.FindPort(s.Name, ip, s.Ports[i].Target);
                if (index < 0) index = i;
                if (!seen.Add((file, line > 0 ? line : -1 - index))) continue;
                yield return new StackWarning
                {
                    Service = s.Name, Key = $"ports[{index}] host IP {ip}", File = file, Line = line,
                    Reason = "Swarm publishes the port on all addresses (0.0.0.0)",
                };
            }
        }

        private static bool IsSpecific(string ip) =>
            !string.IsNullOrEmpty(ip) && IPAddress.TryParse(ip.Trim('[', ']'), out IPAddress a) && !a.Equals(IPAddress.Any) && !a.Equals(IPAddress.IPv6Any);

        private static string ReasonFor(ServiceConfig s, string key)
        {
            if (Reasons.TryGetValue(key, out string reason)) return reason;
            if (key == "restart" && s.Deploy?.RestartPolicy != null) return "deploy.restart_policy is used";
            if (key == "deploy" && s.Deploy?.Mode is string mode && !StackTranslator.Modes.Contains(mode))
                return $"mode {mode} is not supported; use " + string.Join(", ", StackTranslator.Modes);
            return null;
        }
    }
}
