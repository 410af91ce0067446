using System;
using System.Collections.Generic;
using System.Linq;
using PSCompose.Model.Canonical;

namespace PSCompose.Model.Typed
{
    /// <summary>One services.*.ports entry in long syntax (a short-syntax range is one entry per port).</summary>
    internal sealed class ServicePort
    {
        public string Name { get; init; }

        /// <summary>ingress (default) or host.</summary>
        public string Mode { get; init; }
        public string HostIp { get; init; }
        public long Target { get; init; }

        /// <summary>The host port or range as written ("8080", "8000-8010"); null when not published.</summary>
        public string Published { get; init; }

        /// <summary>tcp (default), udp or sctp.</summary>
        public string Protocol { get; init; }
        public string AppProtocol { get; init; }

        internal YMap Canonical { get; init; }

        /// <summary>"[ip:][host[-range]:]container[-range][/proto]" as Compose parses it; FormatException when invalid.</summary>
        public static IReadOnlyList<ServicePort> ParseShortSyntax(string spec) =>
            PortShortSyntax.Parse(spec).Select(ProjectDecoder.Port).ToList();
    }

    /// <summary>One services.*.volumes entry in long syntax.</summary>
    internal sealed class ServiceVolume
    {
        /// <summary>volume, bind, tmpfs, npipe, cluster or image.</summary>
        public string Type { get; init; }

        /// <summary>A project volume key, a named volume, a host path (absolute), an image; null/empty for anonymous.</summary>
        public string Source { get; init; }
        public string Target { get; init; }
        public bool ReadOnly { get; init; }
        public string Consistency { get; init; }

        /// <summary>Null when not set.</summary>
        public BindOptions Bind { get; init; }

        /// <summary>Null when not set.</summary>
        public VolumeOptions Volume { get; init; }

        /// <summary>Null when not set.</summary>
        public TmpfsOptions Tmpfs { get; init; }

        /// <summary>Null when not set.</summary>
        public ImageVolumeOptions Image { get; init; }

        internal YMap Canonical { get; init; }

        /// <summary>"[source:]target[:mode]" as Compose parses it; FormatException when invalid.</summary>
        public static ServiceVolume ParseShortSyntax(string spec) => ProjectDecoder.Volume(VolumeShortSyntax.Parse(spec));

        /// <summary>A copy with another source (e.g. a relative bind path made absolute).</summary>
        public ServiceVolume WithSource(string source)
        {
            var copy = (YMap)YMap.DeepClone(Canonical);
            copy["source"] = source;
            return ProjectDecoder.Volume(copy);
        }
    }

    internal sealed class BindOptions
    {
        public string Selinux { get; init; }
        public string Propagation { get; init; }
        public bool? CreateHostPath { get; init; }

        /// <summary>enabled, disabled, writable or readonly; null when not set.</summary>
        public string Recursive { get; init; }
    }

    internal sealed class VolumeOptions
    {
        public OrderedMap<string> Labels { get; init; } = OrderedMap<string>.Empty;
        public bool? NoCopy { get; init; }
        public string Subpath { get; init; }
    }

    internal sealed class TmpfsOptions
    {
        /// <summary>Bytes; null when not set.</summary>
        public long? Size { get; init; }

        /// <summary>The file mode; null when not set.</summary>
        public long? Mode { get; init; }
    }

    internal sealed class ImageVolumeOptions
    {
        public string Subpath { get; init; }
    }

    /// <summary>A service's settings on one network (services.*.networks.&lt;key&gt;).</summary>
    internal sealed class ServiceNetworkConfig
    {
        public IReadOnlyList<string> Aliases { get; init; } = Array.Empty<string>();
        public OrderedMap<string> DriverOpts { get; init; } = OrderedMap<string>.Empty;
        public long GwPriority { get; init; }
        public string InterfaceName { get; init; }
        public string Ipv4Address { get; init; }
        public string Ipv6Address { get; init; }
        public IReadOnlyList<string> LinkLocalIps { get; init; } = Array.Empty<string>();
        public string MacAddress { get; init; }
        public long Priority { get; init; }

        /// <summary>Highest priority first, then by key (compose-go NetworksByPriority).</summary>
        public static IReadOnlyList<string> ByPriority(OrderedMap<ServiceNetworkConfig> networks) =>
            (networks ?? OrderedMap<ServiceNetworkConfig>.Empty)
                .OrderByDescending(n => n.Value?.Priority ?? 0)
                .ThenBy(n => n.Key, StringComparer.Ordinal)
                .Select(n => n.Key).ToList();
    }
}
