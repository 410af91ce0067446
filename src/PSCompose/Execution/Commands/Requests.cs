using System.Collections.Generic;

namespace PSCompose.Execution.Commands
{
    /// <summary>What every command on a project is given: the project as resolved, and whether it is a dry run.</summary>
    internal abstract class ProjectRequest
    {
        public ResolvedProject Project { get; set; }

        /// <summary>-WhatIf / --dry-run: show what would be done, change nothing.</summary>
        public bool DryRun { get; set; }
    }

    /// <summary>A command on some of the project's services.</summary>
    internal abstract class ServicesRequest : ProjectRequest
    {
        /// <summary>The services named; empty means every service. The query commands allow wildcards.</summary>
        public IReadOnlyList<string> Services { get; set; } = new string[0];
    }
}
