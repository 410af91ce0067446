using System;
using System.Collections.Generic;

namespace PSCompose.Engine
{
    /// <summary>
    /// Everything `docker compose up` sends when it creates one container (docker/compose pkg/compose/create.go,
    /// getCreateConfigs + createMobyContainer), in engine terms. The Model→ContainerSpec translation decides the
    /// values; <see cref="ContainerSpecMapper"/> turns this into the engine request, one field per field.
    /// Null means "not set" everywhere: the engine or image default applies.
    /// </summary>
    internal sealed class ContainerSpec
    {
        // ---- identity ----
        public string Name { get; set; }
        public string Image { get; set; }

        /// <summary>service.platform or DOCKER_DEFAULT_PLATFORM, e.g. linux/amd64.</summary>
        public string Platform { get; set; }

        public IDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();

        // ---- process ----
        /// <summary>Null = image CMD; an empty list = explicitly empty (command: []).</summary>
        public IList<string> Command { get; set; }

        /// <summary>Null = image ENTRYPOINT; an empty list = explicitly empty (entrypoint: []).</summary>
        public IList<string> Entrypoint { get; set; }

        /// <summary>KEY=value entries, or a bare KEY for a variable declared without value.</summary>
        public IList<string> Env { get; set; } = new List<string>();

        public string User { get; set; }
        public string WorkingDir { get; set; }
        public string Hostname { get; set; }
        public string Domainname { get; set; }
        public bool Tty { get; set; }
        public bool OpenStdin { get; set; }
        public bool AttachStdin { get; set; }

        /// <summary>Compose always sets AttachStdout/AttachStderr.</summary>
        public bool AttachStdout { get; set; } = true;

        public bool AttachStderr { get; set; } = true;

        /// <summary>AttachStdin &amp;&amp; stdin_open in Compose.</summary>
        public bool StdinOnce { get; set; }

        public string StopSignal { get; set; }

        /// <summary>stop_grace_period in whole seconds (Compose truncates with ToSeconds).</summary>
        public int? StopTimeoutSeconds { get; set; }

        public HealthcheckSpec Healthcheck { get; set; }

        /// <summary>Null = image default; true/false = init: true/false.</summary>
        public bool? Init { get; set; }

        public bool AutoRemove { get; set; }

        // ---- ports ----
        /// <summary>expose entries as written ("9000", "9000-9001", "53/udp"), then ports targets as "80/tcp".</summary>
        public IList<string> ExposedPorts { get; set; } = new List<string>();

        public IList<PortBindingSpec> PortBindings { get; set; } = new List<PortBindingSpec>();

        // ---- storage ----
        /// <summary>Legacy bind strings ("src:dst:ro,z"), which Compose uses for binds that need create_host_path.</summary>
        public IList<string> Binds { get; set; } = new List<string>();

        public IList<MountSpec> Mounts { get; set; } = new List<MountSpec>();

        /// <summary>service.tmpfs: path → options ("" when none).</summary>
        public IDictionary<string, string> Tmpfs { get; set; } = new Dictionary<string, string>();

        public IList<string> VolumesFrom { get; set; } = new List<string>();
        public string VolumeDriver { get; set; }
        public bool ReadOnlyRootfs { get; set; }
        public IDictionary<string, string> StorageOpt { get; set; } = new Dictionary<string, string>();

        // ---- networking ----
        /// <summary>
        /// HostConfig.NetworkMode: "none", "host", "container:&lt;id&gt;", or the engine name of the primary network.
        /// When null and Networks is non-empty, the first network's name is used.
        /// </summary>
        public string NetworkMode { get; set; }

        /// <summary>network_mode: disabled.</summary>
        public bool NetworkDisabled { get; set; }

        /// <summary>
        /// Networks in priority order; the first is the primary one sent with the create request. On API &lt; 1.44
        /// the others are connected after create (before start), as Compose does; on 1.44+ all go in the request.
        /// </summary>
        public IList<EndpointSpec> Networks { get; set; } = new List<EndpointSpec>();

        /// <summary>
        /// Container-wide mac_address. On API 1.44+ it goes to the primary endpoint (as Compose does); on older engines
        /// to the legacy Config.MacAddress field, as Compose sends it.
        /// </summary>
        public string MacAddress { get; set; }

        public IList<string> Links { get; set; } = new List<string>();
        public IList<string> Dns { get; set; } = new List<string>();
        public IList<string> DnsSearch { get; set; } = new List<string>();
        public IList<string> DnsOptions { get; set; } = new List<string>();

        /// <summary>"host:ip" entries (Compose's ExtraHosts.AsList(":")).</summary>
        public IList<string> ExtraHosts { get; set; } = new List<string>();

        // ---- namespaces and security ----
        public string PidMode { get; set; }
        public string IpcMode { get; set; }
        public string UtsMode { get; set; }
        public string UsernsMode { get; set; }

        /// <summary>service.cgroup: host|private.</summary>
        public string CgroupnsMode { get; set; }

        public string Isolation { get; set; }
        public string Runtime { get; set; }
        public bool Privileged { get; set; }
        public IList<string> CapAdd { get; set; } = new List<string>();
        public IList<string> CapDrop { get; set; } = new List<string>();

        /// <summary>Already parsed like Compose (seccomp profiles inlined; systempaths=unconfined removed).</summary>
        public IList<string> SecurityOpt { get; set; } = new List<string>();

        /// <summary>security_opt systempaths=unconfined: send empty MaskedPaths/ReadonlyPaths.</summary>
        public bool UnconfinedSystemPaths { get; set; }

        public IList<string> GroupAdd { get; set; } = new List<string>();
        public IDictionary<string, string> Sysctls { get; set; } = new Dictionary<string, string>();
        public IDictionary<string, string> Annotations { get; set; } = new Dictionary<string, string>();
        public long OomScoreAdj { get; set; }

        // ---- misc host config ----
        public RestartPolicySpec RestartPolicy { get; set; }
        public LogConfigSpec Logging { get; set; }

        /// <summary>shm_size in bytes (0 = engine default).</summary>
        public long ShmSize { get; set; }

        public ResourcesSpec Resources { get; set; } = new ResourcesSpec();
    }

    internal sealed class PortBindingSpec
    {
        /// <summary>"80/tcp".</summary>
        public string ContainerPort { get; set; }

        public string HostIp { get; set; }

        /// <summary>"8080", "8000-8010", or empty for an ephemeral port.</summary>
        public string HostPort { get; set; }
    }

    internal sealed class HealthcheckSpec
    {
        /// <summary>["CMD", ...], ["CMD-SHELL", "..."], or ["NONE"] for disable: true.</summary>
        public IList<string> Test { get; set; }

        public TimeSpan? Interval { get; set; }
        public TimeSpan? Timeout { get; set; }
        public TimeSpan? StartPeriod { get; set; }

        /// <summary>Needs API 1.44+ (Docker 25); Compose refuses it on older engines.</summary>
        public TimeSpan? StartInterval { get; set; }

        public int? Retries { get; set; }
    }

    internal sealed class MountSpec
    {
        /// <summary>bind | volume | tmpfs | npipe | image | cluster.</summary>
        public string Type { get; set; }

        /// <summary>Absolute host path (bind) or engine volume name (volume); null for anonymous volumes and tmpfs.</summary>
        public string Source { get; set; }

        public string Target { get; set; }
        public bool ReadOnly { get; set; }
        public string Consistency { get; set; }

        // bind
        public string BindPropagation { get; set; }

        /// <summary>bind.create_host_path (sent as CreateMountpoint when bind options exist).</summary>
        public bool? BindCreateMountpoint { get; set; }

        public bool? BindNonRecursive { get; set; }
        public bool? BindReadOnlyNonRecursive { get; set; }
        public bool? BindReadOnlyForceRecursive { get; set; }

        /// <summary>True when the service volume had a bind: section (Compose sends BindOptions only then).</summary>
        public bool HasBindOptions { get; set; }

        // volume
        public bool HasVolumeOptions { get; set; }
        public bool? VolumeNoCopy { get; set; }
        public string VolumeSubpath { get; set; }
        public IDictionary<string, string> VolumeLabels { get; set; }
        public string VolumeDriver { get; set; }
        public IDictionary<string, string> VolumeDriverOptions { get; set; }

        // tmpfs
        public bool HasTmpfsOptions { get; set; }
        public long? TmpfsSizeBytes { get; set; }

        /// <summary>File mode bits, e.g. Convert.ToUInt32("1777", 8).</summary>
        public uint? TmpfsMode { get; set; }

        // image (API 1.47+)
        public string ImageSubpath { get; set; }
    }

    /// <summary>One network endpoint: used in the create request and in network connect.</summary>
    internal sealed class EndpointSpec
    {
        /// <summary>Engine name (or id) of the network.</summary>
        public string Network { get; set; }

        /// <summary>Compose: container name, then service name and the configured aliases (unless `run` without --use-aliases).</summary>
        public IList<string> Aliases { get; set; } = new List<string>();

        public IList<string> Links { get; set; } = new List<string>();
        public string Ipv4Address { get; set; }
        public string Ipv6Address { get; set; }
        public IList<string> LinkLocalIps { get; set; } = new List<string>();
        public string MacAddress { get; set; }
        public IDictionary<string, string> DriverOpts { get; set; } = new Dictionary<string, string>();

        /// <summary>gw_priority (API 1.48+).</summary>
        public long GatewayPriority { get; set; }

        /// <summary>Compose sends an IPAMConfig object whenever the service lists the network with a config block.</summary>
        public bool HasConfig { get; set; }
    }

    internal sealed class RestartPolicySpec
    {
        /// <summary>no | always | on-failure | unless-stopped (already mapped from deploy conditions none/any).</summary>
        public string Name { get; set; }

        public long MaximumRetryCount { get; set; }
    }

    internal sealed class LogConfigSpec
    {
        public string Driver { get; set; }
        public IDictionary<string, string> Options { get; set; } = new Dictionary<string, string>();
    }

    /// <summary>container.Resources as Compose fills it (getDeployResources).</summary>
    internal sealed class ResourcesSpec
    {
        public string CgroupParent { get; set; }
        public long Memory { get; set; }
        public long MemorySwap { get; set; }
        public long MemoryReservation { get; set; }
        public long? MemorySwappiness { get; set; }

        /// <summary>Compose always sends a pointer to service.oom_kill_disable (false when unset).</summary>
        public bool? OomKillDisable { get; set; } = false;

        public long NanoCpus { get; set; }
        public long CpuShares { get; set; }
        public long CpuPeriod { get; set; }
        public long CpuQuota { get; set; }
        public long CpuRealtimePeriod { get; set; }
        public long CpuRealtimeRuntime { get; set; }
        public long CpuCount { get; set; }
        public long CpuPercent { get; set; }
        public string CpusetCpus { get; set; }
        public string CpusetMems { get; set; }
        public long? PidsLimit { get; set; }
        public int BlkioWeight { get; set; }
        public IList<WeightDeviceSpec> BlkioWeightDevice { get; set; } = new List<WeightDeviceSpec>();
        public IList<ThrottleDeviceSpec> BlkioDeviceReadBps { get; set; } = new List<ThrottleDeviceSpec>();
        public IList<ThrottleDeviceSpec> BlkioDeviceWriteBps { get; set; } = new List<ThrottleDeviceSpec>();
        public IList<ThrottleDeviceSpec> BlkioDeviceReadIOps { get; set; } = new List<ThrottleDeviceSpec>();
        public IList<ThrottleDeviceSpec> BlkioDeviceWriteIOps { get; set; } = new List<ThrottleDeviceSpec>();
        public IList<DeviceMappingSpec> Devices { get; set; } = new List<DeviceMappingSpec>();
        public IList<string> DeviceCgroupRules { get; set; } = new List<string>();
        public IList<DeviceRequestSpec> DeviceRequests { get; set; } = new List<DeviceRequestSpec>();
        public IList<UlimitSpec> Ulimits { get; set; } = new List<UlimitSpec>();
    }

    internal sealed class WeightDeviceSpec
    {
        public string Path { get; set; }
        public int Weight { get; set; }
    }

    internal sealed class ThrottleDeviceSpec
    {
        public string Path { get; set; }
        public ulong Rate { get; set; }
    }

    internal sealed class DeviceMappingSpec
    {
        public string PathOnHost { get; set; }
        public string PathInContainer { get; set; }
        public string CgroupPermissions { get; set; }
    }

    internal sealed class DeviceRequestSpec
    {
        public string Driver { get; set; }
        public long Count { get; set; }
        public IList<string> DeviceIds { get; set; } = new List<string>();
        public IList<IList<string>> Capabilities { get; set; } = new List<IList<string>>();
        public IDictionary<string, string> Options { get; set; } = new Dictionary<string, string>();
    }

    internal sealed class UlimitSpec
    {
        public string Name { get; set; }
        public long Soft { get; set; }
        public long Hard { get; set; }
    }
}
