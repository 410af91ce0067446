using System;
using System.Collections.Generic;

namespace PSCompose.Model.Typed
{
    /// <summary>
    /// One service as `docker compose config` prints it (compose-go types.ServiceConfig, Compose 2.40.3), decoded once
    /// from the canonical tree. Absent strings and optional values are null, absent lists and maps empty (except where
    /// noted); durations are parsed, sizes are bytes. Changes are typed copies (the With methods), never writes.
    /// </summary>
    internal sealed partial class ServiceConfig
    {
        public string Name { get; init; }

        public IReadOnlyList<string> Profiles { get; init; } = Array.Empty<string>();
        public OrderedMap<string> Annotations { get; init; } = OrderedMap<string>.Empty;

        /// <summary>attach: false keeps the service's output out of an attached up; null = not set (attached).</summary>
        public bool? Attach { get; init; }

        /// <summary>Null when the service has no build section.</summary>
        public BuildConfig Build { get; init; }

        /// <summary>Null when the service has no develop section.</summary>
        public DevelopConfig Develop { get; init; }

        public BlkioConfig BlkioConfig { get; init; }
        public IReadOnlyList<string> CapAdd { get; init; } = Array.Empty<string>();
        public IReadOnlyList<string> CapDrop { get; init; } = Array.Empty<string>();
        public string CgroupParent { get; init; }
        public string Cgroup { get; init; }
        public long CpuCount { get; init; }
        public double CpuPercent { get; init; }
        public long CpuPeriod { get; init; }
        public long CpuQuota { get; init; }
        public long CpuRtPeriod { get; init; }
        public long CpuRtRuntime { get; init; }
        public double Cpus { get; init; }
        public string Cpuset { get; init; }
        public long CpuShares { get; init; }

        /// <summary>Null when unset (the image's CMD), empty when set to nothing.</summary>
        public IReadOnlyList<string> Command { get; init; }

        public IReadOnlyList<FileReference> Configs { get; init; } = Array.Empty<FileReference>();
        public string ContainerName { get; init; }
        public CredentialSpecConfig CredentialSpec { get; init; }
        public OrderedMap<ServiceDependency> DependsOn { get; init; } = OrderedMap<ServiceDependency>.Empty;

        /// <summary>Null when the service has no deploy section.</summary>
        public DeployConfig Deploy { get; init; }

        public IReadOnlyList<string> DeviceCgroupRules { get; init; } = Array.Empty<string>();
        public IReadOnlyList<DeviceMapping> Devices { get; init; } = Array.Empty<DeviceMapping>();
        public IReadOnlyList<string> Dns { get; init; } = Array.Empty<string>();
        public IReadOnlyList<string> DnsOpt { get; init; } = Array.Empty<string>();
        public IReadOnlyList<string> DnsSearch { get; init; } = Array.Empty<string>();
        public string Dockerfile { get; init; }
        public string Domainname { get; init; }

        /// <summary>Null when unset (the image's ENTRYPOINT), empty when set to nothing.</summary>
        public IReadOnlyList<string> Entrypoint { get; init; }

        public ProviderConfig Provider { get; init; }

        /// <summary>Resolved environment; a variable without a value is null (the engine then leaves it unset).</summary>
        public OrderedMap<string> Environment { get; init; } = OrderedMap<string>.Empty;

        public IReadOnlyList<EnvFileReference> EnvFiles { get; init; } = Array.Empty<EnvFileReference>();
        public IReadOnlyList<string> Expose { get; init; } = Array.Empty<string>();
        public ExtendsConfig Extends { get; init; }
        public IReadOnlyList<string> ExternalLinks { get; init; } = Array.Empty<string>();

        /// <summary>Canonical "host=ip" entries (an entry written without "=" is kept as written).</summary>
        public IReadOnlyList<string> ExtraHosts { get; init; } = Array.Empty<string>();

        public IReadOnlyList<string> GroupAdd { get; init; } = Array.Empty<string>();
        public IReadOnlyList<DeviceRequest> Gpus { get; init; } = Array.Empty<DeviceRequest>();
        public string Hostname { get; init; }
        public HealthCheckConfig HealthCheck { get; init; }
        public string Image { get; init; }
        public bool? Init { get; init; }
        public string Ipc { get; init; }
        public string Isolation { get; init; }
        public OrderedMap<string> Labels { get; init; } = OrderedMap<string>.Empty;
        public IReadOnlyList<string> LabelFiles { get; init; } = Array.Empty<string>();
        public IReadOnlyList<string> Links { get; init; } = Array.Empty<string>();
        public LoggingConfig Logging { get; init; }
        public string LogDriver { get; init; }
        public OrderedMap<string> LogOpt { get; init; } = OrderedMap<string>.Empty;
        public long MemLimit { get; init; }
        public long MemReservation { get; init; }
        public long MemswapLimit { get; init; }
        public long MemSwappiness { get; init; }
        public string MacAddress { get; init; }

        /// <summary>models: the model key → its endpoint settings (null when listed without any).</summary>
        public OrderedMap<ServiceModelReference> Models { get; init; } = OrderedMap<ServiceModelReference>.Empty;

        public string Net { get; init; }
        public string NetworkMode { get; init; }

        /// <summary>
        /// Network key → the service's settings on it (null when listed without settings). Null when the service has
        /// no networks key at all (an empty map means "declared, none").
        /// </summary>
        public OrderedMap<ServiceNetworkConfig> Networks { get; init; }

        public bool OomKillDisable { get; init; }
        public long OomScoreAdj { get; init; }
        public string Pid { get; init; }
        public long PidsLimit { get; init; }
        public string Platform { get; init; }
        public IReadOnlyList<ServicePort> Ports { get; init; } = Array.Empty<ServicePort>();
        public bool Privileged { get; init; }
        public string PullPolicy { get; init; }
        public bool ReadOnly { get; init; }
        public string Restart { get; init; }
        public string Runtime { get; init; }
        public long? Scale { get; init; }
        public IReadOnlyList<FileReference> Secrets { get; init; } = Array.Empty<FileReference>();
        public IReadOnlyList<string> SecurityOpt { get; init; } = Array.Empty<string>();
        public long ShmSize { get; init; }
        public bool StdinOpen { get; init; }
        public TimeSpan? StopGracePeriod { get; init; }
        public string StopSignal { get; init; }
        public OrderedMap<string> StorageOpt { get; init; } = OrderedMap<string>.Empty;
        public OrderedMap<string> Sysctls { get; init; } = OrderedMap<string>.Empty;
        public IReadOnlyList<string> Tmpfs { get; init; } = Array.Empty<string>();
        public bool Tty { get; init; }
        public OrderedMap<UlimitConfig> Ulimits { get; init; } = OrderedMap<UlimitConfig>.Empty;
        public bool UseApiSocket { get; init; }
        public string User { get; init; }
        public string UsernsMode { get; init; }
        public string Uts { get; init; }
        public string VolumeDriver { get; init; }
        public IReadOnlyList<ServiceVolume> Volumes { get; init; } = Array.Empty<ServiceVolume>();

        /// <summary>As written: "service[:mode]" or "container:name[:mode]"; references are resolved at create time.</summary>
        public IReadOnlyList<string> VolumesFrom { get; init; } = Array.Empty<string>();

        public string WorkingDir { get; init; }
        public IReadOnlyList<ServiceHook> PostStart { get; init; } = Array.Empty<ServiceHook>();
        public IReadOnlyList<ServiceHook> PreStop { get; init; } = Array.Empty<ServiceHook>();

        /// <summary>The service's x-* keys, as plain data.</summary>
        public OrderedMap<object> Extensions { get; init; } = OrderedMap<object>.Empty;

        /// <summary>The keys set on the service in the canonical tree, in its order (what the file set, after defaults).</summary>
        public IReadOnlyList<string> DeclaredKeys { get; init; } = Array.Empty<string>();

        /// <summary>
        /// The canonical subtree this was decoded from (a private copy). Only Model reads it: the config hash and
        /// the With copies. Everything else reads the typed properties.
        /// </summary>
        internal YMap Canonical { get; init; }

        /// <summary>scale, else deploy.replicas, else 1 (the loader has already checked they agree).</summary>
        public int ExpectedReplicas => (int)(Scale ?? Deploy?.Replicas ?? 1);

        /// <summary>Highest priority first, then by key (compose-go NetworksByPriority); empty when none declared.</summary>
        public IReadOnlyList<string> NetworksByPriority() => ServiceNetworkConfig.ByPriority(Networks);
    }
}
