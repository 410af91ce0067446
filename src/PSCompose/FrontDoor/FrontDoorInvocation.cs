using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Management.Automation;

namespace PSCompose.FrontDoor
{
    /// <summary>How Invoke-Compose prints a command's objects when -AsObject is not given.</summary>
    public enum FrontDoorOutput
    {
        /// <summary>PowerShell's own formatting of the objects (Compose's text is not reproduced).</summary>
        Objects,
        /// <summary>Nothing on the output (Compose prints only progress to stderr); log lines still print.</summary>
        Status,
        /// <summary>Strings and log lines as Compose prints them.</summary>
        Lines,
        /// <summary>`ps`: Compose's table.</summary>
        ContainerTable,
        /// <summary>`images`: Compose's table.</summary>
        ImageTable,
        /// <summary>`ls`: Compose's table.</summary>
        ProjectTable,
        /// <summary>`top`: Compose's table.</summary>
        ProcessTable,
        /// <summary>`ps --format json` or a Go template of its fields.</summary>
        ContainerTemplate,
        /// <summary>`ps -q`: container ids.</summary>
        Ids,
        /// <summary>`images -q`: image ids without the digest algorithm, once each.</summary>
        ImageIds,
        /// <summary>`ps --services`: service names, once each.</summary>
        Services,
        /// <summary>`ls --format json`: one JSON array.</summary>
        ProjectJson,
        /// <summary>`volumes`: Compose's table.</summary>
        VolumeTable,
        /// <summary>`volumes --format json`: one JSON object a line.</summary>
        VolumeJson,
        /// <summary>`ls -q`: project names.</summary>
        Names,
        /// <summary>`config --hash`: "service hash" lines.</summary>
        Hashes,
        /// <summary>`version`: "Docker Compose version v2.40.3".</summary>
        Version,
        /// <summary>`version --short`: "2.40.3".</summary>
        VersionShort,
        /// <summary>`version --format json`.</summary>
        VersionJson,
        /// <summary>`port`: host address and port.</summary>
        Port,
        /// <summary>`wait`: `container "ID" exited with status code N` as each exits; the last code is the exit code.</summary>
        Exits,
    }

    /// <summary>How Invoke-Compose shows the cmdlet's progress (docker compose --progress, and build/pull/push -q).</summary>
    public enum FrontDoorProgress
    {
        /// <summary>Progress records (PowerShell's progress bars), or CI groups in a CI log: --progress auto and tty.</summary>
        Records,
        /// <summary>No progress at all: --progress quiet, build/pull/push -q.</summary>
        Quiet,
        /// <summary>A line per operation (the Verbose stream, shown) instead of progress bars: --progress plain.</summary>
        Lines,
    }

    /// <summary>
    /// What Invoke-Compose runs for a `docker compose` command line: the cmdlet and its parameters and how its output
    /// is printed, or the error Compose would have given (with Compose's exit code) and nothing to run.
    /// </summary>
    public sealed class FrontDoorInvocation
    {
        internal FrontDoorInvocation() { }

        /// <summary>The PSCompose cmdlet that does the command's work.</summary>
        public string CommandName { get; internal set; }

        /// <summary>The cmdlet's parameters, for splatting.</summary>
        public Hashtable Parameters { get; } = new Hashtable(System.StringComparer.OrdinalIgnoreCase);

        /// <summary>How the objects are printed without -AsObject.</summary>
        public FrontDoorOutput Output { get; internal set; } = FrontDoorOutput.Objects;

        /// <summary>-AsObject was given: the cmdlet's objects are returned as they are.</summary>
        public bool AsObject { get; internal set; }

        /// <summary>Text written to the output instead of running anything (`docker compose` with no command: its usage).</summary>
        public string Text { get; internal set; }

        /// <summary>The refusal, when the command line is one Compose (or PSCompose) does not accept; nothing runs.</summary>
        public ErrorRecord Error { get; internal set; }

        /// <summary>`ps --format`: the template, when Output is ContainerTemplate.</summary>
        internal ContainerFormat ContainerFormat { get; set; }

        /// <summary>Compose cuts ids, commands and mount names unless --no-trunc is given (ps, stats).</summary>
        internal bool Truncate { get; set; } = true;

        /// <summary>--ansi always: log prefixes in Compose's colours (--no-color takes them off again).</summary>
        internal bool Color { get; set; }

        /// <summary>`ls --filter name=X`: X matches a project name exactly or as a regular expression anywhere in it; null: no filter.</summary>
        internal IReadOnlyList<string> ProjectNameFilters { get; set; }

        /// <summary>Whether <paramref name="item"/> passes the command line's filters (`ls --filter name=`); other objects always pass.</summary>
        public bool Keeps(object item)
        {
            if (ProjectNameFilters == null || !((item is PSObject p ? p.BaseObject : item) is ComposeProject project)) return true;
            return ProjectNameFilters.Any(f => f == project.Name || Matches(f, project.Name));
        }

        // docker's filters.Match: a value that is not a valid expression matches only exactly.
        private static bool Matches(string pattern, string name)
        {
            try { return Regex.IsMatch(name, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)); }
            catch (ArgumentException) { return false; }
            catch (RegexMatchTimeoutException) { return false; }
        }

        /// <summary>How the cmdlet's progress shows.</summary>
        public FrontDoorProgress Progress { get; internal set; }

        /// <summary>Pipeline input goes to the command's stdin, as the terminal's does with Compose (run and exec; not run -i=false).</summary>
        public bool ForwardsInput { get; internal set; }

        /// <summary>The exit code <paramref name="item"/> sets, as Compose's: wait exits with the code of the container that exited last.</summary>
        public int? ExitCodeOf(object item) =>
            Output == FrontDoorOutput.Exits && (item is PSObject p ? p.BaseObject : item) is ComposeContainerExit exit ? exit.ExitCode : (int?)null;

        /// <summary>The exit code that goes with <see cref="Error"/> (Compose's: 1).</summary>
        public int ExitCode { get; internal set; }
    }
}
