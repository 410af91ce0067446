using System.Collections.Generic;
using PSCompose.Engine;
using PSCompose.Model.Typed;

namespace PSCompose.Execution
{
    /// <summary>What the spec builder needs to know about the one container it describes.</summary>
    internal sealed class ServiceContainer
    {
        public ProjectConfig Project { get; set; }

        /// <summary>The service as created: the project's, or a typed copy with overrides (run) or resolved references.</summary>
        public ServiceConfig Service { get; set; }

        public string ServiceName => Service.Name;
        public int Number { get; set; }
        public string ContainerName { get; set; }
        public string ConfigHash { get; set; }

        /// <summary>com.docker.compose.image: the local image id the container is created from.</summary>
        public string ImageId { get; set; }

        /// <summary>The container being replaced: its anonymous volumes are inherited (unless renewed).</summary>
        public EngineContainerDetails Replaces { get; set; }

        /// <summary>The image's declared VOLUMEs: anonymous volumes Compose carries over on recreate.</summary>
        public IReadOnlyCollection<string> ImageVolumes { get; set; } = new string[0];

        /// <summary>Resolved ids of containers referenced by network_mode/ipc/pid "service:x" and volumes_from.</summary>
        public IReadOnlyDictionary<string, string> ServiceContainerIds { get; set; } = new Dictionary<string, string>();

        /// <summary>Legacy links already resolved to "container:alias" pairs.</summary>
        public IReadOnlyList<string> Links { get; set; } = new string[0];

        public bool OneOff { get; set; }

        /// <summary>run -UseAliases: a one-off's endpoints also get the service name and its aliases.</summary>
        public bool UseAliases { get; set; }
    }
}
