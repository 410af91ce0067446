using System;
using System.Collections.Generic;

namespace PSCompose.Model
{
    /// <summary>Everything a load depends on besides the files themselves: the CLI flags and the environment.</summary>
    internal sealed class LoadOptions
    {
        /// <summary>Absolute compose file paths (-File); null or empty means discovery (COMPOSE_FILE, then search upwards).</summary>
        public IReadOnlyList<string> ConfigFiles { get; set; }

        /// <summary>Absolute directory discovery starts from and relative paths resolve against (PowerShell's location).</summary>
        public string WorkingDirectory { get; set; }

        /// <summary>-ProjectName; must already be a valid project name.</summary>
        public string ProjectName { get; set; }

        /// <summary>-ProjectDirectory (absolute).</summary>
        public string ProjectDirectory { get; set; }

        public IReadOnlyList<string> Profiles { get; set; }

        /// <summary>-EnvFile (absolute); replaces the default &lt;project dir&gt;/.env.</summary>
        public IReadOnlyList<string> EnvFiles { get; set; }

        /// <summary>The OS environment snapshot; it always wins over .env values.</summary>
        public IDictionary<string, string> Environment { get; set; } = new Dictionary<string, string>();

        /// <summary>Services named on the command line: enabled whatever their profiles.</summary>
        public IReadOnlyList<string> Services { get; set; }

        public bool Compatibility { get; set; }

        /// <summary>The text of the compose file "-" (docker compose -f -); called at most once. Null: no standard input.</summary>
        public Func<string> StandardInput { get; set; }

        public bool Interpolate { get; set; } = true;

        public bool Normalize { get; set; } = true;

        public bool ResolvePaths { get; set; } = true;

        /// <summary>False reproduces `config --no-consistency`: references to undefined services and resources are not checked.</summary>
        public bool CheckConsistency { get; set; } = true;

        /// <summary>
        /// Fill valueless environment entries and fold env_file into environment (what up hashes and creates).
        /// False reproduces `config --no-env-resolution`, which is also how `config --hash` hashes.
        /// </summary>
        public bool ResolveEnvironment { get; set; } = true;

        /// <summary>Where warnings go (unset variables, obsolete version, …); the cmdlet turns them into WriteWarning.</summary>
        public Action<string> Warn { get; set; } = _ => { };
    }
}
