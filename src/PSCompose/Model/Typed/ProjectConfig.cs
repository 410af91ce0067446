using System;
using System.Collections.Generic;
using System.Linq;

namespace PSCompose.Model.Typed
{
    /// <summary>
    /// The loaded project, typed (compose-go types.Project): decoded once where loading ends. `config` output and
    /// the config hash keep using the canonical tree (<see cref="ProjectModel.Root"/>); everything else reads this.
    /// Changes are typed copies (<see cref="WithService"/>), never writes.
    /// </summary>
    internal sealed class ProjectConfig
    {
        public string Name { get; init; }
        public string WorkingDirectory { get; init; }
        public IReadOnlyList<string> ConfigFiles { get; init; } = Array.Empty<string>();

        /// <summary>Env files given explicitly (-EnvFile / COMPOSE_ENV_FILES): the environment_file label.</summary>
        public IReadOnlyList<string> EnvFiles { get; init; } = Array.Empty<string>();

        /// <summary>The interpolation environment the project was resolved with.</summary>
        public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

        /// <summary>The profiles in effect (given, plus those enabled by naming a service).</summary>
        public IReadOnlyList<string> Profiles { get; init; } = Array.Empty<string>();

        /// <summary>--compatibility: Compose V1 names (<see cref="ComposeNames"/>).</summary>
        public bool Compatibility { get; init; }

        /// <summary>The enabled services, in the canonical order.</summary>
        public OrderedMap<ServiceConfig> Services { get; init; } = OrderedMap<ServiceConfig>.Empty;

        /// <summary>Services turned off by profiles: not started, and not orphans either.</summary>
        public OrderedMap<ServiceConfig> DisabledServices { get; init; } = OrderedMap<ServiceConfig>.Empty;

        public OrderedMap<NetworkConfig> Networks { get; init; } = OrderedMap<NetworkConfig>.Empty;
        public OrderedMap<VolumeConfig> Volumes { get; init; } = OrderedMap<VolumeConfig>.Empty;
        public OrderedMap<FileObjectConfig> Secrets { get; init; } = OrderedMap<FileObjectConfig>.Empty;
        public OrderedMap<FileObjectConfig> Configs { get; init; } = OrderedMap<FileObjectConfig>.Empty;
        public OrderedMap<ModelConfig> Models { get; init; } = OrderedMap<ModelConfig>.Empty;

        /// <summary>The top-level x-* keys, as plain data.</summary>
        public OrderedMap<object> Extensions { get; init; } = OrderedMap<object>.Empty;

        /// <summary>Where keys were written in the compose files (file and line), read on first use.</summary>
        public SourcePositions Sources { get; init; } = new SourcePositions(Array.Empty<string>());

        public IEnumerable<string> ServiceNames => Services.Keys;

        /// <summary>The enabled service named <paramref name="name"/>; null when there is none.</summary>
        public ServiceConfig Service(string name) => Services[name];

        /// <summary>Every profile any service (enabled or not) names, sorted.</summary>
        public IEnumerable<string> AllProfiles =>
            Services.Values.Concat(DisabledServices.Values).SelectMany(s => s.Profiles)
                .Distinct().OrderBy(p => p, StringComparer.Ordinal);

        /// <summary>The engine name of a project network key.</summary>
        public string NetworkName(string key) => Networks[key]?.EngineName(Name) ?? ComposeNames.ProjectResource(Name, key);

        /// <summary>The engine name of a project volume key.</summary>
        public string VolumeName(string key) => Volumes[key]?.EngineName(Name) ?? ComposeNames.ProjectResource(Name, key);

        /// <summary>A copy with <paramref name="service"/> in place of the enabled service of the same name.</summary>
        public ProjectConfig WithService(ServiceConfig service)
        {
            if (!Services.ContainsKey(service.Name)) throw new ArgumentException("no enabled service " + service.Name, nameof(service));
            return Copy(Services.SetItems(new[] { new KeyValuePair<string, ServiceConfig>(service.Name, service) }));
        }

        private ProjectConfig Copy(OrderedMap<ServiceConfig> services) => new ProjectConfig
        {
            Name = Name,
            WorkingDirectory = WorkingDirectory,
            ConfigFiles = ConfigFiles,
            EnvFiles = EnvFiles,
            Environment = Environment,
            Profiles = Profiles,
            Compatibility = Compatibility,
            Services = services,
            DisabledServices = DisabledServices,
            Networks = Networks,
            Volumes = Volumes,
            Secrets = Secrets,
            Configs = Configs,
            Models = Models,
            Extensions = Extensions,
            Sources = Sources,
        };
    }
}
