using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PSCompose.Engine;
using PSCompose.Model;
using PSCompose.Model.Serialization;
using PSCompose.Model.Typed;

namespace PSCompose.Execution.Stack
{
    /// <summary>
    /// The typed project → Swarm objects, following docker/cli cli/compose/convert (service.go, compose.go,
    /// volume.go): names `&lt;stack&gt;_&lt;key&gt;`, the namespace label everywhere, overlay networks. Unlike docker
    /// stack deploy, secrets and configs get content-addressed names so a content change rolls them (moby#35048).
    /// </summary>
    internal static class StackTranslator
    {
        /// <summary>Hex characters of the content hash in a secret's or config's name.</summary>
        internal const int NameHashLength = 10;

        public static StackPlan Translate(ProjectConfig project, string stack)
        {
            var plan = new StackPlan { Name = stack };
            plan.Warnings.AddRange(UnsupportedStackKeys.Find(project));
            StackResources.AddSecretsAndConfigs(project, stack, plan);
            var usedNetworks = new HashSet<string>(StringComparer.Ordinal);
            foreach (ServiceConfig s in project.Services.Values)
            {
                SwarmServiceSpec spec = Service(project, stack, s, plan);
                foreach (string key in NetworkKeys(s)) usedNetworks.Add(key);
                plan.Services.Add(spec);
            }
            StackResources.AddNetworks(project, stack, usedNetworks, plan);
            foreach (SwarmServiceSpec spec in plan.Services) spec.Labels[StackLabels.SpecHash] = SpecHash(spec);
            return plan;
        }

        /// <summary>A hash of everything the service spec says (the hash label itself left out).</summary>
        internal static string SpecHash(SwarmServiceSpec spec)
        {
            var labels = spec.Labels;
            spec.Labels = new SortedDictionary<string, string>(labels.Where(l => l.Key != StackLabels.SpecHash).ToDictionary(l => l.Key, l => l.Value), StringComparer.Ordinal);
            try { return ConfigHash.Sha256(System.Text.Json.JsonSerializer.Serialize(spec)); }
            finally { spec.Labels = labels; }
        }

        private static IEnumerable<string> NetworkKeys(ServiceConfig s) =>
            s.Networks?.Keys ?? (s.NetworkMode == null ? new[] { "default" } : new string[0]);

        private static SwarmServiceSpec Service(ProjectConfig project, string stack, ServiceConfig s, StackPlan plan)
        {
            DeployConfig deploy = s.Deploy;
            string image = ComposeNames.Image(s.Image, stack, s.Name, false);
            var spec = new SwarmServiceSpec
            {
                Name = ComposeNames.ProjectResource(stack, s.Name),
                Container = Container(project, stack, s, image, plan),
                Mode = ModeOf(deploy),
                RestartPolicy = RestartPolicy(s.Restart, deploy?.RestartPolicy),
                UpdateConfig = Update(deploy?.UpdateConfig),
                RollbackConfig = Update(deploy?.RollbackConfig),
                EndpointMode = deploy?.EndpointMode,
                Networks = Networks(project, s),
                Ports = Ports(s.Ports),
            };
            if (spec.Mode == "replicated" || spec.Mode == "replicated-job") spec.Replicas = (ulong)(deploy?.Replicas ?? s.Scale ?? 1);
            foreach (var l in deploy?.Labels ?? OrderedMap<string>.Empty) spec.Labels[l.Key] = l.Value ?? "";
            spec.Labels[StackLabels.Namespace] = stack;
            spec.Labels[StackLabels.Image] = image;
            PlacementConfig placement = deploy?.Placement ?? new PlacementConfig();
            spec.Constraints = placement.Constraints.ToList();
            spec.SpreadPreferences = placement.Preferences.Where(p => p != null).ToList();
            spec.MaxReplicasPerNode = placement.MaxReplicasPerNode > 0 ? (ulong)placement.MaxReplicasPerNode : (ulong?)null;
            spec.Limits = Resources(deploy?.Resources.Limits);
            spec.Reservations = Resources(deploy?.Resources.Reservations);
            if (s.Logging != null)
            {
                spec.LogDriver = s.Logging.Driver;
                spec.LogOptions = s.Logging.Options.ToDictionary();
            }
            return spec;
        }

        internal static readonly string[] Modes = { "replicated", "global", "replicated-job", "global-job" };

        private static string ModeOf(DeployConfig deploy) => deploy?.Mode is string mode && Modes.Contains(mode) ? mode : "replicated";

        private static SwarmContainerSpec Container(ProjectConfig project, string stack, ServiceConfig s, string image, StackPlan plan)
        {
            var c = new SwarmContainerSpec
            {
                Image = image,
                Command = s.Entrypoint?.ToList(),
                Args = s.Command?.ToList(),
                Hostname = s.Hostname,
                Env = s.Environment.OrderBy(e => e.Key, StringComparer.Ordinal)
                    .Select(e => e.Value == null ? e.Key : e.Key + "=" + e.Value).ToList(),
                Dir = s.WorkingDir,
                User = s.User,
                Groups = s.GroupAdd.ToList(),
                Init = s.Init,
                StopSignal = s.StopSignal,
                Tty = s.Tty,
                OpenStdin = s.StdinOpen,
                ReadOnly = s.ReadOnly,
                StopGracePeriod = s.StopGracePeriod,
                Healthcheck = ServiceSpecBuilder.Healthcheck(s.HealthCheck),
                Hosts = ExtraHosts(s),
                DnsNameservers = s.Dns.ToList(),
                DnsSearch = s.DnsSearch.ToList(),
                DnsOptions = s.DnsOpt.ToList(),
                Secrets = FileReferences(s.Secrets, plan.Secrets, secrets: true),
                Configs = FileReferences(s.Configs, plan.Configs, secrets: false),
                Mounts = StackResources.Mounts(project, stack, s),
                Isolation = s.Isolation,
                Sysctls = s.Sysctls.ToDictionary(),
                CapabilityAdd = s.CapAdd.ToList(),
                CapabilityDrop = s.CapDrop.ToList(),
                Ulimits = ServiceResources.Ulimits(s.Ulimits),
            };
            foreach (var l in s.Labels) c.Labels[l.Key] = l.Value ?? "";
            c.Labels[StackLabels.Namespace] = stack;
            return c;
        }

        /// <summary>docker/cli convertExtraHosts: "host:ip" becomes the hosts-file line "ip host".</summary>
        private static IList<string> ExtraHosts(ServiceConfig s) => ServiceSpecBuilder.ExtraHosts(s.ExtraHosts, (host, ip) => ip + " " + host);

        /// <summary>
        /// Secret/config references by the rolled name. docker stack deploy's default target is the source key (the
        /// engine puts a secret in /run/secrets, a config at /&lt;key&gt;); uid and gid "0", mode 0444.
        /// </summary>
        private static IList<SwarmFileReference> FileReferences(IEnumerable<FileReference> references, List<SwarmObjectSpec> created, bool secrets)
        {
            var result = new List<SwarmFileReference>();
            foreach (FileReference r in references)
            {
                string target = r.Target;
                if (target == null || (secrets && target == "/run/secrets/" + r.Source)) target = r.Source;
                result.Add(new SwarmFileReference
                {
                    Name = StackResources.ObjectName(created, r.Source),
                    Target = target,
                    Uid = r.Uid ?? "0",
                    Gid = r.Gid ?? "0",
                    Mode = r.Mode is long mode ? (uint)mode : DefaultFileMode,
                });
            }
            return result;
        }

        private static readonly uint DefaultFileMode = Convert.ToUInt32("444", 8);

        private static IList<SwarmNetworkAttachment> Networks(ProjectConfig project, ServiceConfig s)
        {
            var result = new List<SwarmNetworkAttachment>();
            foreach (string key in NetworkKeys(s))
            {
                string target = project.NetworkName(key);
                var attachment = new SwarmNetworkAttachment { Target = target, Aliases = (s.Networks?[key]?.Aliases ?? Array.Empty<string>()).ToList() };
                // docker/cli: only user-defined networks take aliases, and every service is reachable by its name.
                if (!IsBuiltInNetwork(target)) attachment.Aliases.Add(s.Name);
                result.Add(attachment);
            }
            return result.OrderBy(n => n.Target, StringComparer.Ordinal).ToList();
        }

        internal static bool IsBuiltInNetwork(string name) =>
            name == "host" || name == "bridge" || name == "none" || name == "default" || name.StartsWith("container:", StringComparison.Ordinal);

        private static IList<SwarmPortSpec> Ports(IEnumerable<ServicePort> ports) =>
            ports.Select(p => new SwarmPortSpec
            {
                Protocol = p.Protocol ?? "tcp",
                TargetPort = (uint)p.Target,
                PublishedPort = long.TryParse(p.Published, NumberStyles.Integer, CultureInfo.InvariantCulture, out long published) ? (uint)published : (uint?)null,
                PublishMode = p.Mode ?? "ingress",
            }).ToList();

        /// <summary>docker/cli convertRestartPolicy: deploy.restart_policy, else the service's restart translated.</summary>
        private static SwarmRestartPolicySpec RestartPolicy(string restart, RestartPolicyConfig policy)
        {
            if (policy != null)
                return new SwarmRestartPolicySpec
                {
                    Condition = policy.Condition,
                    Delay = policy.Delay,
                    MaxAttempts = policy.MaxAttempts is long n ? (ulong)n : (ulong?)null,
                    Window = policy.Window,
                };
            if (string.IsNullOrEmpty(restart)) return null;
            string[] parts = restart.Split(':');
            switch (parts[0])
            {
                case "no": return new SwarmRestartPolicySpec { Condition = "none" };
                case "always":
                case "unless-stopped": return new SwarmRestartPolicySpec { Condition = "any" };
                case "on-failure":
                    return new SwarmRestartPolicySpec
                    {
                        Condition = "on-failure",
                        MaxAttempts = parts.Length > 1 && ulong.TryParse(parts[1], out ulong max) ? max : (ulong?)null,
                    };
                default: return null;
            }
        }

        private static SwarmUpdateSpec Update(UpdateConfig u) => u == null ? null : new SwarmUpdateSpec
        {
            Parallelism = u.Parallelism is long p ? (ulong)p : 1,
            Delay = u.Delay,
            FailureAction = u.FailureAction,
            Monitor = u.Monitor,
            MaxFailureRatio = (float)u.MaxFailureRatio,
            Order = u.Order,
        };

        private static SwarmResourceSpec Resources(ResourceSpec r) => r == null ? null : new SwarmResourceSpec
        {
            NanoCpus = (long)Math.Round(r.Cpus * 1e9),
            MemoryBytes = r.Memory,
            Pids = r.Pids,
        };
    }
}
