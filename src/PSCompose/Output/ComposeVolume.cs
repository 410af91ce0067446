using System.Collections.Generic;

namespace PSCompose
{
    /// <summary>A volume of a project (docker compose volumes): an engine volume labelled with the project.</summary>
    public sealed class ComposeVolume
    {
        public string ProjectName { get; set; }

        /// <summary>The engine's volume name, e.g. shop_data.</summary>
        public string Name { get; set; }

        public string Driver { get; set; }

        public string Mountpoint { get; set; }

        /// <summary>local or global.</summary>
        public string Scope { get; set; }

        public IDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();
    }
}
