using System.Collections.Generic;

namespace PSCompose.Engine
{
    /// <summary>A network create request as Compose sends it (ensureNetwork/resolveOrCreateNetwork).</summary>
    internal sealed class NetworkSpec
    {
        public string Name { get; set; }
        public string Driver { get; set; }
        public IDictionary<string, string> Options { get; set; } = new Dictionary<string, string>();
        public IDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();
        public bool Internal { get; set; }
        public bool Attachable { get; set; }
        public bool? EnableIpv6 { get; set; }
        public bool? EnableIpv4 { get; set; }

        /// <summary>Null = engine default IPAM (Compose sends IPAM only when ipam.driver or ipam.config is set).</summary>
        public IpamSpec Ipam { get; set; }
    }

    internal sealed class IpamSpec
    {
        public string Driver { get; set; }
        public IDictionary<string, string> Options { get; set; } = new Dictionary<string, string>();
        public IList<IpamPoolSpec> Config { get; set; } = new List<IpamPoolSpec>();
    }

    internal sealed class IpamPoolSpec
    {
        public string Subnet { get; set; }
        public string IpRange { get; set; }
        public string Gateway { get; set; }
        public IDictionary<string, string> AuxAddresses { get; set; } = new Dictionary<string, string>();
    }

    internal sealed class VolumeSpec
    {
        public string Name { get; set; }
        public string Driver { get; set; }
        public IDictionary<string, string> DriverOpts { get; set; } = new Dictionary<string, string>();
        public IDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();
    }

    /// <summary>A classic-builder build (docker/compose build_classic.go + imageBuildOptions).</summary>
    internal sealed class BuildSpec
    {
        /// <summary>Local context directory.</summary>
        public string ContextDirectory { get; set; }

        /// <summary>Dockerfile path, relative to the context or absolute; default "Dockerfile".</summary>
        public string Dockerfile { get; set; }

        /// <summary>dockerfile_inline content; wins over Dockerfile.</summary>
        public string DockerfileInline { get; set; }

        public IList<string> Tags { get; set; } = new List<string>();

        /// <summary>Build args; a null value means "declared without value" (the engine takes it from its environment: none).</summary>
        public IDictionary<string, string> Args { get; set; } = new Dictionary<string, string>();

        public IDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();
        public string Target { get; set; }
        public IList<string> CacheFrom { get; set; } = new List<string>();
        public string NetworkMode { get; set; }
        public long? ShmSize { get; set; }

        /// <summary>"host:ip" entries.</summary>
        public IList<string> ExtraHosts { get; set; } = new List<string>();

        public bool NoCache { get; set; }

        public bool Pull { get; set; }
        public string Platform { get; set; }
        public string Isolation { get; set; }
    }

    /// <summary>One line of a pull/push/build progress stream.</summary>
    internal sealed class EngineProgress
    {
        /// <summary>Layer id or image reference the line is about (pull/push), or null.</summary>
        public string Id { get; set; }

        public string Status { get; set; }

        /// <summary>Builder output text (build), newline included.</summary>
        public string Stream { get; set; }

        public long? Current { get; set; }
        public long? Total { get; set; }

        /// <summary>Non-null when the engine reported a failure in the stream.</summary>
        public string Error { get; set; }
    }

    /// <summary>An engine event (docker events), reduced to what Compose reads.</summary>
    internal sealed class EngineEvent
    {
        public string Type { get; set; }
        public string Action { get; set; }
        public string ActorId { get; set; }
        public IReadOnlyDictionary<string, string> Attributes { get; set; } = new Dictionary<string, string>();
        public long TimeNano { get; set; }
    }
}
