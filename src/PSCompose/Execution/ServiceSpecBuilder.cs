using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PSCompose.Engine;
using PSCompose.Model;
using PSCompose.Model.Typed;

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
            ServiceConfig s = c.Service;
            var spec = new ContainerSpec
            {
                Name = c.ContainerName,
                Image = ComposeNames.Image(s.Image, c.Project.Name, c.ServiceName, c.Project.Compatibility),
                Platform = s.Platform,
                Labels = Labels(c),
                Command = s.Command?.ToList(),
                Entrypoint = s.Entrypoint?.ToList(),
                Env = s.Environment.Select(e => e.Value == null ? e.Key : e.Key + "=" + e.Value).ToList(), // bare KEY: left unset
                User = s.User,
                WorkingDir = s.WorkingDir,
                Hostname = s.Hostname,
                Domainname = s.Domainname,
                Tty = s.Tty,
                OpenStdin = s.StdinOpen,
                StopSignal = s.StopSignal,
                StopTimeoutSeconds = s.StopGracePeriod is TimeSpan grace ? (int)grace.TotalSeconds : (int?)null,
                Healthcheck = Healthcheck(s.HealthCheck),
                Init = s.Init,
                ExposedPorts = ExposedPorts(s),
                PortBindings = PortBindings(s),
                Tmpfs = Tmpfs(s),
                VolumesFrom = VolumesFrom(s, c),
                VolumeDriver = s.VolumeDriver,
                ReadOnlyRootfs = s.ReadOnly,
                StorageOpt = s.StorageOpt.ToDictionary(),
                MacAddress = s.MacAddress,
                Links = c.Links.ToList(),
                Dns = s.Dns.ToList(),
                DnsSearch = s.DnsSearch.ToList(),
                DnsOptions = s.DnsOpt.ToList(),
                ExtraHosts = ExtraHosts(s.ExtraHosts, (host, ip) => host + ":" + ip), // the engine wants "host:ip"
                PidMode = ServiceRef(s.Pid, c),
                IpcMode = ServiceRef(s.Ipc, c),
                UtsMode = s.Uts,
                UsernsMode = s.UsernsMode,
                CgroupnsMode = s.Cgroup,
                Isolation = s.Isolation,
                Runtime = s.Runtime,
                Privileged = s.Privileged,
                CapAdd = s.CapAdd.ToList(),
                CapDrop = s.CapDrop.ToList(),
                SecurityOpt = s.SecurityOpt.Where(o => o != "systempaths=unconfined").ToList(),
                UnconfinedSystemPaths = s.SecurityOpt.Contains("systempaths=unconfined"),
                GroupAdd = s.GroupAdd.ToList(),
                Sysctls = s.Sysctls.ToDictionary(),
                Annotations = s.Annotations.ToDictionary(),
                OomScoreAdj = s.OomScoreAdj,
                RestartPolicy = RestartPolicy(s),
                Logging = s.Logging == null ? null : new LogConfigSpec { Driver = s.Logging.Driver, Options = s.Logging.Options.ToDictionary() },
                ShmSize = s.ShmSize,
                Resources = ServiceResources.Build(s),
            };
            ServiceMounts.Apply(spec, c);
            ServiceNetworks.Apply(spec, c);
            return spec;
        }

        /// <summary>User labels, then Compose's own labels (which win), as create.go prepareLabels + CustomLabels.</summary>
        private static IDictionary<string, string> Labels(ServiceContainer c)
        {
            var labels = c.Service.Labels.ToDictionary();
            ProjectConfig p = c.Project;
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
            labels[ComposeLabels.DependsOn] = string.Join(",", c.Service.DependsOn
                .Select(d => $"{d.Key}:{d.Value?.Condition}:{(d.Value?.Restart == true ? "true" : "false")}"));
            return labels;
        }

        internal static HealthcheckSpec Healthcheck(HealthCheckConfig h)
        {
            if (h == null) return null;
            if (h.Disable) return new HealthcheckSpec { Test = new List<string> { "NONE" } };
            return new HealthcheckSpec
            {
                Test = h.Test?.ToList(),
                Interval = h.Interval,
                Timeout = h.Timeout,
                StartPeriod = h.StartPeriod,
                StartInterval = h.StartInterval,
                Retries = h.Retries is long retries ? (int)retries : (int?)null,
            };
        }


        /// <summary>expose entries as written ("9000", "9000-9001", "53/udp": create.go nat.Port(expose)), then every port target as "80/tcp".</summary>
        private static IList<string> ExposedPorts(ServiceConfig s) =>
            s.Expose.Concat(s.Ports.Select(port => port.Target + "/" + (port.Protocol ?? "tcp"))).Distinct().ToList();

        private static IList<PortBindingSpec> PortBindings(ServiceConfig s) =>
            s.Ports.Select(p => new PortBindingSpec
            {
                ContainerPort = p.Target + "/" + (p.Protocol ?? "tcp"),
                HostIp = p.HostIp,
                HostPort = p.Published ?? "",
            }).ToList();

        private static IDictionary<string, string> Tmpfs(ServiceConfig s)
        {
            var tmpfs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string t in s.Tmpfs)
            {
                int colon = t.IndexOf(':');
                tmpfs[colon < 0 ? t : t.Substring(0, colon)] = colon < 0 ? "" : t.Substring(colon + 1);
            }
            return tmpfs;
        }

        /// <summary>volumes_from: a service name becomes one of its container ids; container:x stays x.</summary>
        private static IList<string> VolumesFrom(ServiceConfig s, ServiceContainer c)
        {
            var result = new List<string>();
            foreach (string entry in s.VolumesFrom)
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

        /// <summary>
        /// Canonical "host=ip" extra_hosts, each written by <paramref name="line"/>; an entry without "=" is kept as written.
        /// </summary>
        internal static IList<string> ExtraHosts(IEnumerable<string> hosts, Func<string, string, string> line) =>
            hosts.Select(entry =>
            {
                int eq = entry.IndexOf('=');
                return eq < 0 ? entry : line(entry.Substring(0, eq), entry.Substring(eq + 1));
            }).ToList();


        private static RestartPolicySpec RestartPolicy(ServiceConfig s)
        {
            RestartPolicySpec policy = null;
            if (!string.IsNullOrEmpty(s.Restart))
            {
                string[] split = s.Restart.Split(':');
                policy = new RestartPolicySpec
                {
                    Name = MapRestartCondition(split[0]),
                    MaximumRetryCount = split.Length > 1 && long.TryParse(split[1], out long n) ? n : 0,
                };
            }
            if (s.Deploy?.RestartPolicy is RestartPolicyConfig deployPolicy)
                policy = new RestartPolicySpec
                {
                    Name = MapRestartCondition(deployPolicy.Condition ?? ""),
                    MaximumRetryCount = deployPolicy.MaxAttempts ?? 0,
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
    }
}
