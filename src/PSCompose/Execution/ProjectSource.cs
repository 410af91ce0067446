using System;
using System.Collections.Generic;

namespace PSCompose.Execution
{
    /// <summary>
    /// What a command was given to find its project by: the common project parameters (paths already absolute,
    /// resolved against the caller's location), the environment, and a project piped in. <see cref="ProjectResolver"/>
    /// decides from it whether the compose files are loaded or the project is found by its labels.
    /// </summary>
    internal sealed class ProjectSource
    {
        /// <summary>The caller's current location: discovery starts here, relative paths in the files resolve here.</summary>
        public string WorkingDirectory { get; set; }

        /// <summary>-Path: a project directory or a compose file; null when not given.</summary>
        public string Path { get; set; }

        /// <summary>-File: compose files ('-' is standard input); null when not given.</summary>
        public IReadOnlyList<string> Files { get; set; }

        /// <summary>-ProjectName, or the project of the record piped in.</summary>
        public string ProjectName { get; set; }

        public string ProjectDirectory { get; set; }

        public IReadOnlyList<string> Profiles { get; set; }

        public IReadOnlyList<string> EnvFiles { get; set; }

        /// <summary>The -Compatibility switch (COMPOSE_COMPATIBILITY in <see cref="Environment"/> also turns it on).</summary>
        public bool Compatibility { get; set; }

        /// <summary>The process environment when the command started.</summary>
        public IDictionary<string, string> Environment { get; set; } = new Dictionary<string, string>();

        /// <summary>Reads the compose file '-' (-File -); null when there is no standard input.</summary>
        public Func<string> StandardInput { get; set; }

        /// <summary>A project piped in to be loaded from the files and directory it was created from (its labels).</summary>
        public ComposeProject Piped { get; set; }

        /// <summary>The same source for another project name (a piped record's).</summary>
        public ProjectSource WithProjectName(string projectName)
        {
            var copy = (ProjectSource)MemberwiseClone();
            copy.ProjectName = projectName;
            return copy;
        }
    }
}
