using System;
using System.Collections.Generic;

namespace PSCompose.Engine
{
    /// <summary>docker container inspect, reduced to what Compose reads (state, health, labels, networks, mounts).</summary>
    internal sealed class EngineContainerDetails
    {
        public string Id { get; set; }

        /// <summary>Without the leading slash.</summary>
        public string Name { get; set; }

        /// <summary>Image ID (sha256:…).</summary>
        public string ImageId { get; set; }

        /// <summary>The image reference the container was created from (Config.Image).</summary>
        public string Image { get; set; }

        public DateTime Created { get; set; }
        public string Platform { get; set; }
        public long RestartCount { get; set; }

        // state
        public string Status { get; set; }
        public bool Running { get; set; }
        public bool Paused { get; set; }
        public bool Restarting { get; set; }
        public bool Dead { get; set; }
        public bool OomKilled { get; set; }
        public long ExitCode { get; set; }
        public string Error { get; set; }
        public string StartedAt { get; set; }
        public string FinishedAt { get; set; }

        /// <summary>starting | healthy | unhealthy, or null without a healthcheck.</summary>
        public string HealthStatus { get; set; }

        /// <summary>True when Config.Healthcheck is set (Compose's isServiceHealthy falls back to "running" without it).</summary>
        public bool HasHealthcheck { get; set; }

        // config
        public IReadOnlyDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();
        public IReadOnlyList<string> Env { get; set; } = Array.Empty<string>();
        public IReadOnlyList<string> Command { get; set; }
        public IReadOnlyList<string> Entrypoint { get; set; }
        public string User { get; set; }
        public string WorkingDir { get; set; }
        public string Hostname { get; set; }
        public bool Tty { get; set; }
        public bool OpenStdin { get; set; }
        public string StopSignal { get; set; }
        public int? StopTimeoutSeconds { get; set; }

        // host config
        public string NetworkMode { get; set; }
        public string RestartPolicy { get; set; }
        public bool AutoRemove { get; set; }

        public IReadOnlyDictionary<string, EngineNetworkAttachment> Networks { get; set; } = new Dictionary<string, EngineNetworkAttachment>();
        public IReadOnlyList<EngineMount> Mounts { get; set; } = Array.Empty<EngineMount>();

        /// <summary>Published ports: "80/tcp" → bindings (empty when exposed but not published).</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<EnginePortBinding>> Ports { get; set; } = new Dictionary<string, IReadOnlyList<EnginePortBinding>>();

        public string Label(string key) => Labels.TryGetValue(key, out string v) ? v : null;
    }

    /// <summary>A container's endpoint on one network (NetworkSettings.Networks[name]).</summary>
    internal sealed class EngineNetworkAttachment
    {
        public string NetworkId { get; set; }
        public string EndpointId { get; set; }
        public IReadOnlyList<string> Aliases { get; set; } = Array.Empty<string>();
        public IReadOnlyList<string> DnsNames { get; set; } = Array.Empty<string>();
        public string IpAddress { get; set; }
        public string GlobalIpv6Address { get; set; }
        public string MacAddress { get; set; }
        public string Gateway { get; set; }
    }

    internal sealed class EngineMount
    {
        public string Type { get; set; }

        /// <summary>Volume name (volume mounts only).</summary>
        public string Name { get; set; }

        public string Source { get; set; }
        public string Destination { get; set; }
        public bool ReadWrite { get; set; }
        public string Driver { get; set; }
    }

    internal sealed class EnginePortBinding
    {
        public string HostIp { get; set; }
        public string HostPort { get; set; }
    }

    internal sealed class EngineNetwork
    {
        public string Id { get; set; }
        public string Name { get; set; }
        public string Driver { get; set; }
        public string Scope { get; set; }
        public bool Internal { get; set; }
        public bool Attachable { get; set; }
        public bool EnableIpv6 { get; set; }
        public DateTime Created { get; set; }
        public IReadOnlyDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();
        public IReadOnlyDictionary<string, string> Options { get; set; } = new Dictionary<string, string>();
        public string IpamDriver { get; set; }
        public IReadOnlyList<IpamPoolSpec> IpamConfig { get; set; } = Array.Empty<IpamPoolSpec>();

        /// <summary>Attached containers: id → name (filled by inspect, usually empty in list).</summary>
        public IReadOnlyDictionary<string, string> Containers { get; set; } = new Dictionary<string, string>();

        public string Label(string key) => Labels.TryGetValue(key, out string v) ? v : null;
    }

    internal sealed class EngineVolume
    {
        public string Name { get; set; }
        public string Driver { get; set; }
        public string Mountpoint { get; set; }
        public string Scope { get; set; }
        public string CreatedAt { get; set; }
        public IReadOnlyDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();
        public IReadOnlyDictionary<string, string> Options { get; set; } = new Dictionary<string, string>();

        public string Label(string key) => Labels.TryGetValue(key, out string v) ? v : null;
    }

    internal sealed class EngineImage
    {
        /// <summary>sha256:… image ID.</summary>
        public string Id { get; set; }

        public IReadOnlyList<string> RepoTags { get; set; } = Array.Empty<string>();
        public IReadOnlyList<string> RepoDigests { get; set; } = Array.Empty<string>();
        public DateTime? Created { get; set; }

        /// <summary>Metadata.LastTagTime (pull_policy daily/weekly); null when never tagged locally.</summary>
        public DateTime? LastTagTime { get; set; }

        public string Os { get; set; }
        public string Architecture { get; set; }
        public string Variant { get; set; }
        public long Size { get; set; }
        public IReadOnlyDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();

        /// <summary>Config.Volumes keys: the image's anonymous volumes (inherited on recreate).</summary>
        public IReadOnlyList<string> Volumes { get; set; } = Array.Empty<string>();

        public IReadOnlyList<string> Env { get; set; } = Array.Empty<string>();
        public IReadOnlyList<string> Command { get; set; }
        public IReadOnlyList<string> Entrypoint { get; set; }
        public string WorkingDir { get; set; }

        public string Label(string key) => Labels.TryGetValue(key, out string v) ? v : null;
    }

    internal sealed class EngineCreateResult
    {
        public string Id { get; set; }
        public IReadOnlyList<string> Warnings { get; set; } = Array.Empty<string>();
    }
}
