using System;
using System.Collections.Generic;

namespace PSCompose.Model.Typed
{
    /// <summary>A top-level network (compose-go NetworkConfig).</summary>
    internal sealed class NetworkConfig
    {
        /// <summary>The key under networks:.</summary>
        public string Key { get; init; }

        /// <summary>The engine name when set (external networks, name:); null = &lt;project&gt;_&lt;key&gt;.</summary>
        public string Name { get; init; }
        public string Driver { get; init; }
        public OrderedMap<string> DriverOpts { get; init; } = OrderedMap<string>.Empty;
        public IpamConfig Ipam { get; init; } = new IpamConfig();
        public bool External { get; init; }
        public bool Internal { get; init; }
        public bool Attachable { get; init; }
        public OrderedMap<string> Labels { get; init; } = OrderedMap<string>.Empty;
        public bool? EnableIpv4 { get; init; }
        public bool? EnableIpv6 { get; init; }
        public OrderedMap<object> Extensions { get; init; } = OrderedMap<object>.Empty;

        internal YMap Canonical { get; init; }

        /// <summary>The engine's name for this network.</summary>
        public string EngineName(string project) => Name ?? ComposeNames.ProjectResource(project, Key);
    }

    internal sealed class IpamConfig
    {
        public string Driver { get; init; }
        public IReadOnlyList<IpamPool> Config { get; init; } = Array.Empty<IpamPool>();
        public OrderedMap<string> Options { get; init; } = OrderedMap<string>.Empty;

        /// <summary>Whether anything is set that the engine's IPAM config carries (a driver or a pool).</summary>
        public bool IsSet => Driver != null || Config.Count > 0;
    }

    internal sealed class IpamPool
    {
        public string Subnet { get; init; }
        public string Gateway { get; init; }
        public string IpRange { get; init; }
        public OrderedMap<string> AuxAddresses { get; init; } = OrderedMap<string>.Empty;
    }

    /// <summary>A top-level volume (compose-go VolumeConfig).</summary>
    internal sealed class VolumeConfig
    {
        public string Key { get; init; }

        /// <summary>The engine name when set; null = &lt;project&gt;_&lt;key&gt;.</summary>
        public string Name { get; init; }
        public string Driver { get; init; }
        public OrderedMap<string> DriverOpts { get; init; } = OrderedMap<string>.Empty;
        public bool External { get; init; }
        public OrderedMap<string> Labels { get; init; } = OrderedMap<string>.Empty;
        public OrderedMap<object> Extensions { get; init; } = OrderedMap<object>.Empty;

        internal YMap Canonical { get; init; }

        /// <summary>The engine's name for this volume.</summary>
        public string EngineName(string project) => Name ?? ComposeNames.ProjectResource(project, Key);
    }

    /// <summary>A top-level secret or config (compose-go FileObjectConfig): from a file, a variable or inline content.</summary>
    internal sealed class FileObjectConfig
    {
        public string Key { get; init; }
        public string Name { get; init; }

        /// <summary>An absolute path; null when the content comes from elsewhere.</summary>
        public string File { get; init; }

        /// <summary>The name of the variable holding the content.</summary>
        public string Environment { get; init; }
        public string Content { get; init; }
        public bool External { get; init; }
        public OrderedMap<string> Labels { get; init; } = OrderedMap<string>.Empty;
        public string Driver { get; init; }
        public OrderedMap<string> DriverOpts { get; init; } = OrderedMap<string>.Empty;
        public string TemplateDriver { get; init; }
        public OrderedMap<object> Extensions { get; init; } = OrderedMap<object>.Empty;
    }

    /// <summary>A top-level model (compose-go ModelConfig).</summary>
    internal sealed class ModelConfig
    {
        public string Key { get; init; }
        public string Name { get; init; }
        public string Model { get; init; }
        public long ContextSize { get; init; }
        public IReadOnlyList<string> RuntimeFlags { get; init; } = Array.Empty<string>();
        public OrderedMap<object> Extensions { get; init; } = OrderedMap<object>.Empty;
    }
}
