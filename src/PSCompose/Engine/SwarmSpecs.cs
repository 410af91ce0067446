using System;
using System.Collections.Generic;

namespace PSCompose.Engine
{
    /// <summary>A Swarm service spec (Engine API ServiceSpec) as docker/cli's convert package fills it for a stack.</summary>
    internal sealed class SwarmServiceSpec
    {
        public string Name { get; set; }
        public IDictionary<string, string> Labels { get; set; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
        public SwarmContainerSpec Container { get; set; } = new SwarmContainerSpec();

        /// <summary>"replicated", "global", "replicated-job" or "global-job".</summary>
        public string Mode { get; set; } = "replicated";
        public ulong? Replicas { get; set; }
        public SwarmRestartPolicySpec RestartPolicy { get; set; }
        public SwarmUpdateSpec UpdateConfig { get; set; }
        public SwarmUpdateSpec RollbackConfig { get; set; }
        public IList<string> Constraints { get; set; } = new List<string>();
        public IList<string> SpreadPreferences { get; set; } = new List<string>();
        public ulong? MaxReplicasPerNode { get; set; }
        public SwarmResourceSpec Limits { get; set; }
        public SwarmResourceSpec Reservations { get; set; }
        public IList<SwarmNetworkAttachment> Networks { get; set; } = new List<SwarmNetworkAttachment>();
        public string LogDriver { get; set; }
        public IDictionary<string, string> LogOptions { get; set; } = new Dictionary<string, string>();

        /// <summary>"vip", "dnsrr" or null (engine default).</summary>
        public string EndpointMode { get; set; }
        public IList<SwarmPortSpec> Ports { get; set; } = new List<SwarmPortSpec>();
    }

    internal sealed class SwarmContainerSpec
    {
        public string Image { get; set; }
        public IDictionary<string, string> Labels { get; set; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
        public IList<string> Command { get; set; }
        public IList<string> Args { get; set; }
        public string Hostname { get; set; }
        public IList<string> Env { get; set; } = new List<string>();
        public string Dir { get; set; }
        public string User { get; set; }
        public IList<string> Groups { get; set; } = new List<string>();
        public bool? Init { get; set; }
        public string StopSignal { get; set; }
        public bool Tty { get; set; }
        public bool OpenStdin { get; set; }
        public bool ReadOnly { get; set; }
        public TimeSpan? StopGracePeriod { get; set; }
        public HealthcheckSpec Healthcheck { get; set; }

        /// <summary>"ip host" lines, as docker/cli converts extra_hosts for a service.</summary>
        public IList<string> Hosts { get; set; } = new List<string>();
        public IList<string> DnsNameservers { get; set; } = new List<string>();
        public IList<string> DnsSearch { get; set; } = new List<string>();
        public IList<string> DnsOptions { get; set; } = new List<string>();
        public IList<SwarmFileReference> Secrets { get; set; } = new List<SwarmFileReference>();
        public IList<SwarmFileReference> Configs { get; set; } = new List<SwarmFileReference>();
        public IList<SwarmMountSpec> Mounts { get; set; } = new List<SwarmMountSpec>();
        public string Isolation { get; set; }
        public IDictionary<string, string> Sysctls { get; set; } = new Dictionary<string, string>();
        public IList<string> CapabilityAdd { get; set; } = new List<string>();
        public IList<string> CapabilityDrop { get; set; } = new List<string>();
        public IList<UlimitSpec> Ulimits { get; set; } = new List<UlimitSpec>();
    }

    /// <summary>A secret or config mounted as a file; the id is filled in by the engine client from the name.</summary>
    internal sealed class SwarmFileReference
    {
        public string Name { get; set; }
        public string Target { get; set; }
        public string Uid { get; set; } = "0";
        public string Gid { get; set; } = "0";
        public uint Mode { get; set; } = Convert.ToUInt32("444", 8);
    }

    internal sealed class SwarmMountSpec
    {
        /// <summary>volume, bind or tmpfs.</summary>
        public string Type { get; set; }
        public string Source { get; set; }
        public string Target { get; set; }
        public bool ReadOnly { get; set; }
        public bool NoCopy { get; set; }
        public IDictionary<string, string> VolumeLabels { get; set; }
        public string VolumeDriver { get; set; }
        public IDictionary<string, string> VolumeDriverOptions { get; set; }
        public string BindPropagation { get; set; }
        public long? TmpfsSize { get; set; }
    }

    internal sealed class SwarmNetworkAttachment
    {
        public string Target { get; set; }
        public IList<string> Aliases { get; set; } = new List<string>();
    }

    internal sealed class SwarmPortSpec
    {
        public string Protocol { get; set; } = "tcp";
        public uint TargetPort { get; set; }
        public uint? PublishedPort { get; set; }

        /// <summary>"ingress" or "host".</summary>
        public string PublishMode { get; set; } = "ingress";
    }

    internal sealed class SwarmRestartPolicySpec
    {
        /// <summary>none, on-failure or any.</summary>
        public string Condition { get; set; }
        public TimeSpan? Delay { get; set; }
        public ulong? MaxAttempts { get; set; }
        public TimeSpan? Window { get; set; }
    }

    internal sealed class SwarmUpdateSpec
    {
        public ulong Parallelism { get; set; } = 1;
        public TimeSpan? Delay { get; set; }
        public string FailureAction { get; set; }
        public TimeSpan? Monitor { get; set; }
        public float MaxFailureRatio { get; set; }
        public string Order { get; set; }
    }

    internal sealed class SwarmResourceSpec
    {
        public long NanoCpus { get; set; }
        public long MemoryBytes { get; set; }
        public long Pids { get; set; }
    }

    /// <summary>A secret or config to create: name, labels and content.</summary>
    internal sealed class SwarmObjectSpec
    {
        public string Name { get; set; }
        public IDictionary<string, string> Labels { get; set; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
        public byte[] Data { get; set; }
    }

    internal enum SwarmObjectKind { Secret, Config }

    /// <summary>The engine's swarm membership, from GET /info.</summary>
    internal sealed class EngineSwarmState
    {
        /// <summary>inactive, pending, active, error, locked.</summary>
        public string LocalNodeState { get; set; }
        public bool IsManager { get; set; }
        public string NodeId { get; set; }
    }

    internal sealed class EngineSwarmService
    {
        public string Id { get; set; }
        public ulong Version { get; set; }
        public string Name { get; set; }
        public IDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();
        public string Image { get; set; }
        public string Mode { get; set; }
        public ulong? Replicas { get; set; }

        /// <summary>A job's current run (it starts again on each update); its tasks carry the same index.</summary>
        public ulong? JobIteration { get; set; }
        public bool HasHealthcheck { get; set; }
        public IList<string> Constraints { get; set; } = new List<string>();
        public IList<SwarmPortSpec> Ports { get; set; } = new List<SwarmPortSpec>();

        /// <summary>updating, paused, completed, rollback_started, … or null when the service was never updated.</summary>
        public string UpdateState { get; set; }
        public string UpdateMessage { get; set; }
        public DateTime? CreatedAt { get; set; }
        public DateTime? UpdatedAt { get; set; }
    }

    internal sealed class EngineSwarmTask
    {
        public string Id { get; set; }
        public string ServiceId { get; set; }
        public string NodeId { get; set; }
        public long? Slot { get; set; }
        public ulong? JobIteration { get; set; }
        public string Image { get; set; }

        /// <summary>The task's state (new … running, complete, failed, rejected, shutdown …).</summary>
        public string State { get; set; }
        public string DesiredState { get; set; }
        public string Message { get; set; }
        public string Error { get; set; }
        public string ContainerId { get; set; }
        public long? ExitCode { get; set; }
        public DateTime? Timestamp { get; set; }
        public DateTime? CreatedAt { get; set; }
    }

    internal sealed class EngineSwarmObject
    {
        public string Id { get; set; }
        public string Name { get; set; }
        public IDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();
        public DateTime? CreatedAt { get; set; }
    }

    internal sealed class EngineSwarmNode
    {
        public string Id { get; set; }
        public string Role { get; set; }
        public string Availability { get; set; }
        public string State { get; set; }
        public string Hostname { get; set; }
        public string Addr { get; set; }
        public string Os { get; set; }
        public string Arch { get; set; }

        /// <summary>The node's own labels (docker node update --label-add): node.labels.* in a constraint.</summary>
        public IDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();

        /// <summary>The daemon's labels (daemon.json "labels"): engine.labels.* in a constraint.</summary>
        public IDictionary<string, string> EngineLabels { get; set; } = new Dictionary<string, string>();
    }
}
