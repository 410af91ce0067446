using System;
using System.Collections.Generic;

namespace PSCompose.Model.Loading
{
    /// <summary>
    /// compose-go loader.Options plus the ConfigDetails a (sub)model is loaded with: included files and extends
    /// bases get their own copy with their directory, environment and skipped stages.
    /// </summary>
    internal sealed class LoadContext
    {
        /// <summary>Directory relative references (extends.file, include paths) resolve against.</summary>
        public string WorkingDir { get; set; }

        /// <summary>
        /// Directory the model's relative paths are resolved against: the project directory at the top; for an
        /// included model its directory relative to the including one (compose-go's relworkingdir), so paths
        /// stay relative to the top project until (and unless) the top level resolves them.
        /// </summary>
        public string PathBase { get; set; }

        public IDictionary<string, string> Environment { get; set; } = new Dictionary<string, string>();

        public bool Interpolate { get; set; } = true;

        public bool ResolvePaths { get; set; } = true;

        public bool ResolveEnvironment { get; set; } = true;

        public bool SkipValidation { get; set; }

        public bool SkipExtends { get; set; }

        public bool SkipInclude { get; set; }

        public bool SkipDefaults { get; set; }

        public Action<string> Warn { get; set; } = _ => { };

        /// <summary>The text of the compose file "-" (read once, on first use).</summary>
        public Func<string> StandardInput { get; set; }

        /// <summary>Files already warned about for `version:` (compose-go warns once per file).</summary>
        public HashSet<string> VersionWarned { get; set; } = new HashSet<string>(StringComparer.Ordinal);

        public string Lookup(string key) => Environment != null && Environment.TryGetValue(key, out string v) ? v : null;

        public LoadContext Clone() => (LoadContext)MemberwiseClone();
    }
}
