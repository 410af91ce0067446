using System.Collections.Generic;

namespace PSCompose
{
    /// <summary>One service of a loaded project, in canonical form (what docker compose config prints).</summary>
    public sealed class ComposeServiceConfig
    {
        public string ProjectName { get; set; }
        public string Name { get; set; }
        public string Image { get; set; }
        /// <summary>The build context directory, when the service is built.</summary>
        public string Build { get; set; }
        public string[] Command { get; set; }
        public string[] Entrypoint { get; set; }
        public IDictionary<string, string> Environment { get; set; }
        public IDictionary<string, string> Labels { get; set; }
        /// <summary>Published ports as host_ip:published:target/protocol.</summary>
        public string[] Ports { get; set; }
        /// <summary>Mounts as source:target[:ro] (type in front for tmpfs).</summary>
        public string[] Volumes { get; set; }
        public string[] Networks { get; set; }
        public string[] DependsOn { get; set; }
        public string[] Profiles { get; set; }
        public int Scale { get; set; }
        public string ContainerName { get; set; }
        public string Restart { get; set; }
    }

    /// <summary>A service's config hash: the com.docker.compose.config-hash label value (docker compose config --hash).</summary>
    public sealed class ComposeServiceHash
    {
        public string Service { get; set; }
        public string Hash { get; set; }
    }
}
