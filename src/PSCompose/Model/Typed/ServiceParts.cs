using System;
using System.Collections.Generic;

namespace PSCompose.Model.Typed
{
    /// <summary>services.*.build (compose-go BuildConfig).</summary>
    internal sealed class BuildConfig
    {
        /// <summary>The build context: an absolute directory, or a URL (defaults to ".", resolved by the loader).</summary>
        public string Context { get; init; }
        public string Dockerfile { get; init; }
        public string DockerfileInline { get; init; }
        public IReadOnlyList<string> Entitlements { get; init; } = Array.Empty<string>();

        /// <summary>Build args; an arg without a value is null.</summary>
        public OrderedMap<string> Args { get; init; } = OrderedMap<string>.Empty;
        public string Provenance { get; init; }
        public string Sbom { get; init; }

        /// <summary>"default" or "id=path" entries.</summary>
        public IReadOnlyList<string> Ssh { get; init; } = Array.Empty<string>();
        public OrderedMap<string> Labels { get; init; } = OrderedMap<string>.Empty;
        public IReadOnlyList<string> CacheFrom { get; init; } = Array.Empty<string>();
        public IReadOnlyList<string> CacheTo { get; init; } = Array.Empty<string>();
        public bool NoCache { get; init; }
        public OrderedMap<string> AdditionalContexts { get; init; } = OrderedMap<string>.Empty;
        public bool Pull { get; init; }

        /// <summary>Canonical "host=ip" entries.</summary>
        public IReadOnlyList<string> ExtraHosts { get; init; } = Array.Empty<string>();
        public string Isolation { get; init; }
        public string Network { get; init; }
        public string Target { get; init; }
        public IReadOnlyList<FileReference> Secrets { get; init; } = Array.Empty<FileReference>();

        /// <summary>Bytes; null when not set.</summary>
        public long? ShmSize { get; init; }
        public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();
        public OrderedMap<UlimitConfig> Ulimits { get; init; } = OrderedMap<UlimitConfig>.Empty;
        public IReadOnlyList<string> Platforms { get; init; } = Array.Empty<string>();
        public bool Privileged { get; init; }
        public OrderedMap<object> Extensions { get; init; } = OrderedMap<object>.Empty;
    }

    /// <summary>services.*.develop (compose-go DevelopConfig).</summary>
    internal sealed class DevelopConfig
    {
        public IReadOnlyList<WatchTrigger> Watch { get; init; } = Array.Empty<WatchTrigger>();
        public OrderedMap<object> Extensions { get; init; } = OrderedMap<object>.Empty;
    }

    /// <summary>One develop.watch entry (compose-go Trigger), as the loader resolved it (path absolute).</summary>
    internal sealed class WatchTrigger
    {
        public string Path { get; init; }

        /// <summary>sync, rebuild, restart, sync+restart or sync+exec, as written (checked when watch starts).</summary>
        public string Action { get; init; }
        public string Target { get; init; }

        /// <summary>The sync+exec hook; null when not set.</summary>
        public ServiceHook Exec { get; init; }
        public IReadOnlyList<string> Ignore { get; init; } = Array.Empty<string>();
        public IReadOnlyList<string> Include { get; init; } = Array.Empty<string>();
        public bool InitialSync { get; init; }
        public OrderedMap<object> Extensions { get; init; } = OrderedMap<object>.Empty;
    }

    /// <summary>A lifecycle hook (post_start, pre_stop, develop.watch[].exec).</summary>
    internal sealed class ServiceHook
    {
        public IReadOnlyList<string> Command { get; init; } = Array.Empty<string>();
        public string User { get; init; }
        public bool Privileged { get; init; }
        public string WorkingDir { get; init; }

        /// <summary>A variable without a value is null.</summary>
        public OrderedMap<string> Environment { get; init; } = OrderedMap<string>.Empty;
    }

    /// <summary>services.*.blkio_config.</summary>
    internal sealed class BlkioConfig
    {
        public long Weight { get; init; }
        public IReadOnlyList<WeightDevice> WeightDevice { get; init; } = Array.Empty<WeightDevice>();
        public IReadOnlyList<ThrottleDevice> DeviceReadBps { get; init; } = Array.Empty<ThrottleDevice>();
        public IReadOnlyList<ThrottleDevice> DeviceReadIops { get; init; } = Array.Empty<ThrottleDevice>();
        public IReadOnlyList<ThrottleDevice> DeviceWriteBps { get; init; } = Array.Empty<ThrottleDevice>();
        public IReadOnlyList<ThrottleDevice> DeviceWriteIops { get; init; } = Array.Empty<ThrottleDevice>();
    }

    internal sealed class WeightDevice
    {
        public string Path { get; init; }
        public long Weight { get; init; }
    }

    internal sealed class ThrottleDevice
    {
        public string Path { get; init; }

        /// <summary>Bytes (or operations) per second.</summary>
        public long Rate { get; init; }
    }

    internal sealed class CredentialSpecConfig
    {
        public string Config { get; init; }
        public string File { get; init; }
        public string Registry { get; init; }
    }

    /// <summary>One depends_on entry; the loader fills condition (service_started) and required (true).</summary>
    internal sealed class ServiceDependency
    {
        public string Condition { get; init; }
        public bool Restart { get; init; }
        public bool Required { get; init; } = true;
    }

    /// <summary>services.*.deploy (compose-go DeployConfig).</summary>
    internal sealed class DeployConfig
    {
        public string Mode { get; init; }
        public long? Replicas { get; init; }
        public OrderedMap<string> Labels { get; init; } = OrderedMap<string>.Empty;

        /// <summary>Null when not set.</summary>
        public UpdateConfig UpdateConfig { get; init; }

        /// <summary>Null when not set.</summary>
        public UpdateConfig RollbackConfig { get; init; }
        public ResourcesConfig Resources { get; init; } = new ResourcesConfig();

        /// <summary>Null when not set.</summary>
        public RestartPolicyConfig RestartPolicy { get; init; }
        public PlacementConfig Placement { get; init; } = new PlacementConfig();
        public string EndpointMode { get; init; }
        public OrderedMap<object> Extensions { get; init; } = OrderedMap<object>.Empty;
    }

    internal sealed class UpdateConfig
    {
        public long? Parallelism { get; init; }
        public TimeSpan? Delay { get; init; }
        public string FailureAction { get; init; }
        public TimeSpan? Monitor { get; init; }
        public double MaxFailureRatio { get; init; }
        public string Order { get; init; }
    }

    internal sealed class ResourcesConfig
    {
        /// <summary>Null when not set.</summary>
        public ResourceSpec Limits { get; init; }

        /// <summary>Null when not set.</summary>
        public ResourceSpec Reservations { get; init; }
    }

    internal sealed class ResourceSpec
    {
        public double Cpus { get; init; }

        /// <summary>Bytes.</summary>
        public long Memory { get; init; }
        public long Pids { get; init; }
        public IReadOnlyList<DeviceRequest> Devices { get; init; } = Array.Empty<DeviceRequest>();
        public IReadOnlyList<GenericResource> GenericResources { get; init; } = Array.Empty<GenericResource>();
    }

    internal sealed class GenericResource
    {
        public string Kind { get; init; }
        public long Value { get; init; }
    }

    /// <summary>A device request (deploy.resources.reservations.devices, gpus); Count -1 = all.</summary>
    internal sealed class DeviceRequest
    {
        public IReadOnlyList<string> Capabilities { get; init; } = Array.Empty<string>();
        public string Driver { get; init; }
        public long Count { get; init; }
        public IReadOnlyList<string> DeviceIds { get; init; } = Array.Empty<string>();
        public OrderedMap<string> Options { get; init; } = OrderedMap<string>.Empty;
    }

    internal sealed class RestartPolicyConfig
    {
        public string Condition { get; init; }
        public TimeSpan? Delay { get; init; }
        public long? MaxAttempts { get; init; }
        public TimeSpan? Window { get; init; }
    }

    internal sealed class PlacementConfig
    {
        public IReadOnlyList<string> Constraints { get; init; } = Array.Empty<string>();

        /// <summary>The spread of each preference (null where a preference has none).</summary>
        public IReadOnlyList<string> Preferences { get; init; } = Array.Empty<string>();
        public long MaxReplicasPerNode { get; init; }
    }

    /// <summary>services.*.devices entry (the short syntax is expanded by the loader).</summary>
    internal sealed class DeviceMapping
    {
        public string Source { get; init; }
        public string Target { get; init; }
        public string Permissions { get; init; }
    }

    /// <summary>services.*.healthcheck.</summary>
    internal sealed class HealthCheckConfig
    {
        /// <summary>["CMD", ...], ["CMD-SHELL", text], ["NONE"]; null when not set.</summary>
        public IReadOnlyList<string> Test { get; init; }
        public TimeSpan? Timeout { get; init; }
        public TimeSpan? Interval { get; init; }
        public long? Retries { get; init; }
        public TimeSpan? StartPeriod { get; init; }
        public TimeSpan? StartInterval { get; init; }
        public bool Disable { get; init; }
    }

    internal sealed class ProviderConfig
    {
        public string Type { get; init; }
        public OrderedMap<IReadOnlyList<string>> Options { get; init; } = OrderedMap<IReadOnlyList<string>>.Empty;
    }

    internal sealed class EnvFileReference
    {
        public string Path { get; init; }
        public bool Required { get; init; } = true;
        public string Format { get; init; }
    }

    internal sealed class ExtendsConfig
    {
        public string File { get; init; }
        public string Service { get; init; }
    }

    internal sealed class LoggingConfig
    {
        public string Driver { get; init; }
        public OrderedMap<string> Options { get; init; } = OrderedMap<string>.Empty;
    }

    /// <summary>One ulimit: a single value (soft = hard) or soft and hard.</summary>
    internal sealed class UlimitConfig
    {
        /// <summary>The value when written as one number; 0 otherwise.</summary>
        public long Single { get; init; }
        public long Soft { get; init; }
        public long Hard { get; init; }
    }

    /// <summary>A service's use of a top-level model.</summary>
    internal sealed class ServiceModelReference
    {
        public string EndpointVar { get; init; }
        public string ModelVar { get; init; }
    }

    /// <summary>A secret or config a service uses (services.*.secrets/configs, build.secrets).</summary>
    internal sealed class FileReference
    {
        public string Source { get; init; }

        /// <summary>Null when not set (Compose's default: /run/secrets/&lt;source&gt; or /&lt;source&gt;).</summary>
        public string Target { get; init; }
        public string Uid { get; init; }
        public string Gid { get; init; }

        /// <summary>The file mode; null when not set.</summary>
        public long? Mode { get; init; }
    }
}
