using System.Collections.Generic;
using System.Linq;
using PSCompose.Model.Typed;

namespace PSCompose.Model
{
    /// <summary>
    /// A loaded project: the canonical, normalised document exactly as `docker compose config` would print
    /// it (Root), plus what the loader learnt on the way.
    /// </summary>
    internal sealed class ProjectModel
    {
        public string Name { get; set; }

        public string WorkingDirectory { get; set; }

        public IReadOnlyList<string> ConfigFiles { get; set; } = new string[0];

        /// <summary>Env files given explicitly (-EnvFile / COMPOSE_ENV_FILES): the environment_file label.</summary>
        public IReadOnlyList<string> EnvFiles { get; set; } = new string[0];

        /// <summary>The interpolation environment the project was resolved with.</summary>
        public IReadOnlyDictionary<string, string> Environment { get; set; } = new Dictionary<string, string>();

        /// <summary>name, services, networks, volumes, secrets, configs, models, x-* — canonical long syntax.</summary>
        public YMap Root { get; set; } = new YMap();

        /// <summary>Services turned off by profiles: not started, and not orphans either.</summary>
        public YMap DisabledServices { get; set; } = new YMap();

        public IReadOnlyList<string> ActiveProfiles { get; set; } = new string[0];

        /// <summary>--compatibility: Compose V1 names (<see cref="ComposeNames"/>).</summary>
        public bool Compatibility { get; set; }

        private ProjectConfig typed;

        /// <summary>
        /// The project decoded into typed records (the loader decodes it once, where loading ends); read this, not
        /// <see cref="Root"/>, everywhere but `config` output and the config hash.
        /// </summary>
        public ProjectConfig Typed
        {
            get => typed ?? (typed = ProjectDecoder.Decode(this));
            set => typed = value;
        }

        public YMap Services => Root.Map("services") ?? new YMap();

        public YMap Networks => Root.Map("networks") ?? new YMap();

        public YMap Volumes => Root.Map("volumes") ?? new YMap();

        public YMap Secrets => Root.Map("secrets") ?? new YMap();

        public YMap Configs => Root.Map("configs") ?? new YMap();

        public IEnumerable<string> ServiceNames => Services.Keys;

        public YMap Service(string name) => Services.Map(name);

        public IEnumerable<string> AllProfiles =>
            Services.Concat(DisabledServices)
                .SelectMany(s => ((s.Value as YMap)?.List("profiles") ?? new List<object>()).OfType<string>())
                .Distinct().OrderBy(p => p, System.StringComparer.Ordinal);
    }
}
