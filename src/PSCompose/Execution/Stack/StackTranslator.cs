using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PSCompose.Engine;
using PSCompose.Model;
using PSCompose.Model.Serialization;

namespace PSCompose.Execution.Stack
{
    /// <summary>
    /// The canonical project → Swarm objects, following docker/cli cli/compose/convert (service.go, compose.go,
    /// volume.go): names `&lt;stack&gt;_&lt;key&gt;`, the namespace label everywhere, overlay networks. Unlike docker
    /// stack deploy, secrets and configs get content-addressed names so a content change rolls them (moby#35048).
    /// </summary>
    internal static class StackTranslator
    {
        /// <summary>Hex characters of the content hash in a secret's or config's name.</summary>
        internal const int NameHashLength = 10;

        public static StackPlan Translate(ProjectModel model, string stack)
        {
            var plan = new StackPlan { Name = stack };
            plan.Warnings.AddRange(UnsupportedStackKeys.Find(model.Typed));
            StackResources.AddSecretsAndConfigs(model, stack, plan);
            var usedNetworks = new HashSet<string>(StringComparer.Ordinal);
            foreach (string name in model.ServiceNames)
            {
                YMap s = model.Service(name);
                SwarmServiceSpec spec = Service(model, stack, name, s, plan);
                foreach (string key in NetworkKeys(s)) usedNetworks.Add(key);
                plan.Services.Add(spec);
            }
            StackResources.AddNetworks(model, stack, usedNetworks, plan);
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

        private static IEnumerable<string> NetworkKeys(YMap s) =>
            s.Map("networks")?.Keys ?? (s["network_mode"] == null ? new[] { "default" } : new string[0]);

        private static SwarmServiceSpec Service(ProjectModel model, string stack, string name, YMap s, StackPlan plan)
        {
            YMap deploy = s.Map("deploy");
            string image = ComposeNames.Image(Canon.Str(s, "image"), stack, name, false);
            var spec = new SwarmServiceSpec
            {
                Name = ComposeNames.ProjectResource(stack, name),
                Container = Container(model, stack, s, image, plan),
                Mode = ModeOf(deploy),
                RestartPolicy = RestartPolicy(s, deploy?.Map("restart_policy")),
                UpdateConfig = Update(deploy?.Map("update_config")),
                RollbackConfig = Update(deploy?.Map("rollback_config")),
                EndpointMode = Canon.Str(deploy, "endpoint_mode"),
                Networks = Networks(model, name, s),
                Ports = Ports(s),
            };
            if (spec.Mode == "replicated" || spec.Mode == "replicated-job") spec.Replicas = (ulong)(Canon.Number(deploy?["replicas"]) ?? Canon.Number(s["scale"]) ?? 1);
            foreach (var l in Canon.StringMap(deploy, "labels")) spec.Labels[l.Key] = l.Value ?? "";
            spec.Labels[StackLabels.Namespace] = stack;
            spec.Labels[StackLabels.Image] = image;
            YMap placement = deploy?.Map("placement");
            spec.Constraints = Canon.StringsOrEmpty(placement, "constraints");
            spec.SpreadPreferences = Canon.Maps(placement, "preferences").Select(p => Canon.Str(p, "spread")).Where(p => p != null).ToList();
            spec.MaxReplicasPerNode = Canon.Number(placement?["max_replicas_per_node"]) is long max && max > 0 ? (ulong)max : (ulong?)null;
            YMap resources = deploy?.Map("resources");
            spec.Limits = Resources(resources?.Map("limits"));
            spec.Reservations = Resources(resources?.Map("reservations"));
            YMap logging = s.Map("logging");
            if (logging != null)
            {
                spec.LogDriver = Canon.Str(logging, "driver");
                spec.LogOptions = Canon.StringMap(logging, "options");
            }
            return spec;
        }

        internal static readonly string[] Modes = { "replicated", "global", "replicated-job", "global-job" };

        private static string ModeOf(YMap deploy) => Canon.Str(deploy, "mode") is string mode && Modes.Contains(mode) ? mode : "replicated";

        private static SwarmContainerSpec Container(ProjectModel model, string stack, YMap s, string image, StackPlan plan)
        {
            var c = new SwarmContainerSpec
            {
                Image = image,
                Command = Canon.Strings(s, "entrypoint"),
                Args = Canon.Strings(s, "command"),
                Hostname = Canon.Str(s, "hostname"),
                Env = Canon.StringMap(s, "environment").OrderBy(e => e.Key, StringComparer.Ordinal)
                    .Select(e => e.Value == null ? e.Key : e.Key + "=" + e.Value).ToList(),
                Dir = Canon.Str(s, "working_dir"),
                User = Canon.Str(s, "user"),
                Groups = Canon.StringsOrEmpty(s, "group_add"),
                Init = Canon.OptionalBool(s, "init"),
                StopSignal = Canon.Str(s, "stop_signal"),
                Tty = Canon.Bool(s, "tty"),
                OpenStdin = Canon.Bool(s, "stdin_open"),
                ReadOnly = Canon.Bool(s, "read_only"),
                StopGracePeriod = Canon.Duration(s, "stop_grace_period"),
                Healthcheck = ServiceSpecBuilder.Healthcheck(s.Map("healthcheck")),
                Hosts = ExtraHosts(s),
                DnsNameservers = Canon.StringsOrEmpty(s, "dns"),
                DnsSearch = Canon.StringsOrEmpty(s, "dns_search"),
                DnsOptions = Canon.StringsOrEmpty(s, "dns_opt"),
                Secrets = FileReferences(s, "secrets", plan.Secrets),
                Configs = FileReferences(s, "configs", plan.Configs),
                Mounts = StackResources.Mounts(model, stack, s),
                Isolation = Canon.Str(s, "isolation"),
                Sysctls = Canon.StringMap(s, "sysctls"),
                CapabilityAdd = Canon.StringsOrEmpty(s, "cap_add"),
                CapabilityDrop = Canon.StringsOrEmpty(s, "cap_drop"),
                Ulimits = ServiceResources.Ulimits(s.Map("ulimits")),
            };
            foreach (var l in Canon.StringMap(s, "labels")) c.Labels[l.Key] = l.Value ?? "";
            c.Labels[StackLabels.Namespace] = stack;
            return c;
        }

        /// <summary>docker/cli convertExtraHosts: "host:ip" becomes the hosts-file line "ip host".</summary>
        private static IList<string> ExtraHosts(YMap s) => ServiceSpecBuilder.ExtraHosts(s, (host, ip) => ip + " " + host);

        /// <summary>
        /// Secret/config references by the rolled name. docker stack deploy's default target is the source key (the
        /// engine puts a secret in /run/secrets, a config at /&lt;key&gt;); uid and gid "0", mode 0444.
        /// </summary>
        private static IList<SwarmFileReference> FileReferences(YMap s, string key, List<SwarmObjectSpec> created)
        {
            var result = new List<SwarmFileReference>();
            foreach (YMap r in Canon.Maps(s, key))
            {
                string source = Canon.Str(r, "source");
                string target = Canon.Str(r, "target");
                if (target == null || (key == "secrets" && target == "/run/secrets/" + source)) target = source;
                result.Add(new SwarmFileReference
                {
                    Name = StackResources.ObjectName(created, source),
                    Target = target,
                    Uid = Canon.Str(r, "uid") ?? "0",
                    Gid = Canon.Str(r, "gid") ?? "0",
                    Mode = FileMode(r["mode"]),
                });
            }
            return result;
        }

        private static uint FileMode(object mode)
        {
            switch (mode)
            {
                case null: return Convert.ToUInt32("444", 8);
                case string text: return Convert.ToUInt32(text, 8);
                default: return (uint)(Canon.Number(mode) ?? 0);
            }
        }

        private static IList<SwarmNetworkAttachment> Networks(ProjectModel model, string service, YMap s)
        {
            var result = new List<SwarmNetworkAttachment>();
            YMap declared = s.Map("networks");
            foreach (string key in NetworkKeys(s))
            {
                YMap network = model.Networks.Map(key);
                string target = Canon.Str(network, "name") ?? ComposeNames.ProjectResource(model.Name, key);
                var attachment = new SwarmNetworkAttachment { Target = target, Aliases = Canon.StringsOrEmpty(declared?.Map(key), "aliases") };
                // docker/cli: only user-defined networks take aliases, and every service is reachable by its name.
                if (!IsBuiltInNetwork(target)) attachment.Aliases.Add(service);
                result.Add(attachment);
            }
            return result.OrderBy(n => n.Target, StringComparer.Ordinal).ToList();
        }

        internal static bool IsBuiltInNetwork(string name) =>
            name == "host" || name == "bridge" || name == "none" || name == "default" || name.StartsWith("container:", StringComparison.Ordinal);

        private static IList<SwarmPortSpec> Ports(YMap s) =>
            Canon.Maps(s, "ports").Select(p => new SwarmPortSpec
            {
                Protocol = Canon.Str(p, "protocol") ?? "tcp",
                TargetPort = (uint)Canon.Long(p, "target"),
                PublishedPort = Canon.Number(p["published"]) is long published ? (uint)published : (uint?)null,
                PublishMode = Canon.Str(p, "mode") ?? "ingress",
            }).ToList();

        /// <summary>docker/cli convertRestartPolicy: deploy.restart_policy, else the service's restart translated.</summary>
        private static SwarmRestartPolicySpec RestartPolicy(YMap s, YMap policy)
        {
            if (policy != null)
                return new SwarmRestartPolicySpec
                {
                    Condition = Canon.Str(policy, "condition"),
                    Delay = Canon.Duration(policy, "delay"),
                    MaxAttempts = Canon.Number(policy["max_attempts"]) is long n ? (ulong)n : (ulong?)null,
                    Window = Canon.Duration(policy, "window"),
                };
            string restart = Canon.Str(s, "restart");
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

        private static SwarmUpdateSpec Update(YMap u) => u == null ? null : new SwarmUpdateSpec
        {
            Parallelism = Canon.Number(u["parallelism"]) is long p ? (ulong)p : 1,
            Delay = Canon.Duration(u, "delay"),
            FailureAction = Canon.Str(u, "failure_action"),
            Monitor = Canon.Duration(u, "monitor"),
            MaxFailureRatio = (float)Canon.Double(u, "max_failure_ratio"),
            Order = Canon.Str(u, "order"),
        };

        private static SwarmResourceSpec Resources(YMap r) => r == null ? null : new SwarmResourceSpec
        {
            NanoCpus = (long)Math.Round(Canon.Double(r, "cpus") * 1e9),
            MemoryBytes = Canon.Long(r, "memory"),
            Pids = Canon.Long(r, "pids"),
        };
    }
}
