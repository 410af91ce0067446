using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PSCompose.Engine;
using PSCompose.Model;

namespace PSCompose.Execution
{
    /// <summary>
    /// The container Compose creates for a service replica (docker/compose create.go getCreateConfigs): the
    /// canonical service plus Compose's labels, names, aliases, mounts and resources, as a ContainerSpec.
    /// </summary>
    internal static class ServiceSpecBuilder
    {
        public static ContainerSpec Build(ServiceContainer c)
        {
            YMap s = c.Service;
            var spec = new ContainerSpec
            {
                Name = c.ContainerName,
                Image = ComposeNames.Image(Canon.Str(s, "image"), c.Project.Name, c.ServiceName, c.Project.Compatibility),
                Platform = Canon.Str(s, "platform"),
                Labels = Labels(c),
                Command = Canon.Strings(s, "command"),
                Entrypoint = Canon.Strings(s, "entrypoint"),
                Env = Environment(s),
                User = Canon.Str(s, "user"),
                WorkingDir = Canon.Str(s, "working_dir"),
                Hostname = Canon.Str(s, "hostname"),
                Domainname = Canon.Str(s, "domainname"),
                Tty = Canon.Bool(s, "tty"),
                OpenStdin = Canon.Bool(s, "stdin_open"),
                StopSignal = Canon.Str(s, "stop_signal"),
                StopTimeoutSeconds = Canon.Duration(s, "stop_grace_period") is TimeSpan grace ? (int)grace.TotalSeconds : (int?)null,
                Healthcheck = Healthcheck(s.Map("healthcheck")),
                Init = Canon.OptionalBool(s, "init"),
                ExposedPorts = ExposedPorts(s),
                PortBindings = PortBindings(s),
                Tmpfs = Tmpfs(s),
                VolumesFrom = VolumesFrom(s, c),
                VolumeDriver = Canon.Str(s, "volume_driver"),
                ReadOnlyRootfs = Canon.Bool(s, "read_only"),
                StorageOpt = Canon.StringMap(s, "storage_opt"),
                MacAddress = Canon.Str(s, "mac_address"),
                Links = c.Links.ToList(),
                Dns = Canon.StringsOrEmpty(s, "dns"),
                DnsSearch = Canon.StringsOrEmpty(s, "dns_search"),
                DnsOptions = Canon.StringsOrEmpty(s, "dns_opt"),
                ExtraHosts = ExtraHosts(s),
                PidMode = ServiceRef(Canon.Str(s, "pid"), c),
                IpcMode = ServiceRef(Canon.Str(s, "ipc"), c),
                UtsMode = Canon.Str(s, "uts"),
                UsernsMode = Canon.Str(s, "userns_mode"),
                CgroupnsMode = Canon.Str(s, "cgroup"),
                Isolation = Canon.Str(s, "isolation"),
                Runtime = Canon.Str(s, "runtime"),
                Privileged = Canon.Bool(s, "privileged"),
                CapAdd = Canon.StringsOrEmpty(s, "cap_add"),
                CapDrop = Canon.StringsOrEmpty(s, "cap_drop"),
                SecurityOpt = Canon.StringsOrEmpty(s, "security_opt").Where(o => o != "systempaths=unconfined").ToList(),
                UnconfinedSystemPaths = Canon.StringsOrEmpty(s, "security_opt").Contains("systempaths=unconfined"),
                GroupAdd = Canon.StringsOrEmpty(s, "group_add"),
                Sysctls = Canon.StringMap(s, "sysctls"),
                Annotations = Canon.StringMap(s, "annotations"),
                OomScoreAdj = Canon.Long(s, "oom_score_adj"),
                RestartPolicy = RestartPolicy(s),
                Logging = Logging(s.Map("logging")),
                ShmSize = Canon.Long(s, "shm_size"),
                Resources = ServiceResources.Build(s),
            };
            ServiceMounts.Apply(spec, c);
            ServiceNetworks.Apply(spec, c);
            return spec;
        }

        /// <summary>User labels, then Compose's own labels (which win), as create.go prepareLabels + CustomLabels.</summary>
        private static IDictionary<string, string> Labels(ServiceContainer c)
        {
            var labels = Canon.StringMap(c.Service, "labels");
            ProjectModel p = c.Project;
            labels[ComposeLabels.Project] = p.Name;
            labels[ComposeLabels.Service] = c.ServiceName;
            labels[ComposeLabels.Version] = ComposeLabels.ComposeVersion;
            labels[ComposeLabels.WorkingDir] = p.WorkingDirectory;
            labels[ComposeLabels.ConfigFiles] = string.Join(",", p.ConfigFiles);
            labels[ComposeLabels.OneOff] = c.OneOff ? "True" : "False";
            if (p.EnvFiles.Count > 0) labels[ComposeLabels.EnvironmentFile] = string.Join(",", p.EnvFiles);
            if (c.ImageId != null) labels[ComposeLabels.Image] = c.ImageId;
            labels[ComposeLabels.ConfigHash] = c.ConfigHash;
            if (c.Number > 0) labels[ComposeLabels.ContainerNumber] = c.Number.ToString(CultureInfo.InvariantCulture);
            labels[ComposeLabels.DependsOn] = string.Join(",", (c.Service.Map("depends_on") ?? new YMap())
                .Select(d => $"{d.Key}:{Canon.Str((YMap)d.Value, "condition")}:{(Canon.Bool((YMap)d.Value, "restart") ? "true" : "false")}"));
            return labels;
        }

        /// <summary>KEY=value, or a bare KEY when the variable has no value (the engine then leaves it unset).</summary>
        private static IList<string> Environment(YMap s) =>
            Canon.StringMap(s, "environment").Select(e => e.Value == null ? e.Key : e.Key + "=" + e.Value).ToList();

        internal static HealthcheckSpec Healthcheck(YMap h)
        {
            if (h == null) return null;
            if (Canon.Bool(h, "disable")) return new HealthcheckSpec { Test = new List<string> { "NONE" } };
            return new HealthcheckSpec
            {
                Test = Canon.Strings(h, "test"),
                Interval = Canon.Duration(h, "interval"),
                Timeout = Canon.Duration(h, "timeout"),
                StartPeriod = Canon.Duration(h, "start_period"),
                StartInterval = Canon.Duration(h, "start_interval"),
                Retries = h["retries"] == null ? (int?)null : (int)Canon.Long(h, "retries"),
            };
        }

        /// <summary>expose entries as written ("9000", "9000-9001", "53/udp": create.go nat.Port(expose)), then every port target as "80/tcp".</summary>
        private static IList<string> ExposedPorts(YMap s) =>
            Canon.StringsOrEmpty(s, "expose")
                .Concat(Canon.Maps(s, "ports").Select(port => Canon.Long(port, "target") + "/" + (Canon.Str(port, "protocol") ?? "tcp")))
                .Distinct().ToList();

        private static IList<PortBindingSpec> PortBindings(YMap s) =>
            Canon.Maps(s, "ports").Select(p => new PortBindingSpec
            {
                ContainerPort = Canon.Long(p, "target") + "/" + (Canon.Str(p, "protocol") ?? "tcp"),
                HostIp = Canon.Str(p, "host_ip"),
                HostPort = Canon.Str(p, "published") ?? "",
            }).ToList();

        private static IDictionary<string, string> Tmpfs(YMap s)
        {
            var tmpfs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string t in Canon.StringsOrEmpty(s, "tmpfs"))
            {
                int colon = t.IndexOf(':');
                tmpfs[colon < 0 ? t : t.Substring(0, colon)] = colon < 0 ? "" : t.Substring(colon + 1);
            }
            return tmpfs;
        }

        /// <summary>volumes_from: a service name becomes one of its container ids; container:x stays x.</summary>
        private static IList<string> VolumesFrom(YMap s, ServiceContainer c)
        {
            var result = new List<string>();
            foreach (string entry in Canon.StringsOrEmpty(s, "volumes_from"))
            {
                string[] parts = entry.Split(':');
                string mode = parts.Length > 1 && parts[parts.Length - 1].Length <= 2 ? ":" + parts[parts.Length - 1] : "";
                if (entry.StartsWith("container:", StringComparison.Ordinal))
                    result.Add(entry.Substring("container:".Length));
                else if (c.ServiceContainerIds.TryGetValue(parts[0], out string id))
                    result.Add(id + mode);
                else
                    result.Add(entry);
            }
            return result;
        }

        /// <summary>"service:x" → "container:&lt;id of x's container&gt;", as Compose resolves before create.</summary>
        internal static string ServiceRef(string mode, ServiceContainer c)
        {
            if (mode == null || !mode.StartsWith("service:", StringComparison.Ordinal)) return mode;
            string service = mode.Substring("service:".Length);
            return c.ServiceContainerIds.TryGetValue(service, out string id) ? "container:" + id : mode;
        }

        // The engine wants "host:ip".
        private static IList<string> ExtraHosts(YMap s) => ExtraHosts(s, (host, ip) => host + ":" + ip);

        /// <summary>
        /// The service's extra_hosts, each written by <paramref name="line"/>: the canonical form is "host=ip" (or a host →
        /// ips map); an entry without "=" is kept as written.
        /// </summary>
        internal static IList<string> ExtraHosts(YMap s, Func<string, string, string> line)
        {
            var hosts = new List<string>();
            object value = s["extra_hosts"];
            if (value is List<object> list)
            {
                foreach (string entry in list.Select(o => Convert.ToString(o, CultureInfo.InvariantCulture)))
                {
                    int eq = entry.IndexOf('=');
                    hosts.Add(eq < 0 ? entry : line(entry.Substring(0, eq), entry.Substring(eq + 1)));
                }
            }
            else if (value is YMap map)
            {
                foreach (var e in map)
                {
                    IEnumerable<object> ips = e.Value as List<object> ?? new List<object> { e.Value };
                    foreach (object ip in ips) hosts.Add(line(e.Key, Convert.ToString(ip, CultureInfo.InvariantCulture)));
                }
            }
            return hosts;
        }

        private static RestartPolicySpec RestartPolicy(YMap s)
        {
            RestartPolicySpec policy = null;
            string restart = Canon.Str(s, "restart");
            if (!string.IsNullOrEmpty(restart))
            {
                string[] split = restart.Split(':');
                policy = new RestartPolicySpec
                {
                    Name = MapRestartCondition(split[0]),
                    MaximumRetryCount = split.Length > 1 && long.TryParse(split[1], out long n) ? n : 0,
                };
            }
            YMap deployPolicy = s.Map("deploy")?.Map("restart_policy");
            if (deployPolicy != null)
                policy = new RestartPolicySpec
                {
                    Name = MapRestartCondition(Canon.Str(deployPolicy, "condition") ?? ""),
                    MaximumRetryCount = Canon.Long(deployPolicy, "max_attempts"),
                };
            return policy;
        }

        private static string MapRestartCondition(string condition)
        {
            switch (condition)
            {
                case "none": case "no": return "no";
                case "any": case "always": return "always";
                default: return condition;
            }
        }

        private static LogConfigSpec Logging(YMap logging) => logging == null ? null : new LogConfigSpec
        {
            Driver = Canon.Str(logging, "driver"),
            Options = Canon.StringMap(logging, "options"),
        };
    }
}
