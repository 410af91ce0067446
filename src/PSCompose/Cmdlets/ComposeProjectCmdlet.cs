using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.Execution;
using PSCompose.Model;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Base of the cmdlets that work on a Compose project: the common project parameters, resolved against
    /// PowerShell's current location (not the process directory), and the load of the project model.
    /// </summary>
    public abstract class ComposeProjectCmdlet : ComposeCmdlet
    {
        /// <summary>A project directory or a compose file. Default: the current location.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>
        /// Compose files, like docker compose -f (later files override earlier ones). '-' reads a compose file from
        /// the process's redirected standard input.
        /// </summary>
        [Parameter]
        [Alias("ConfigFile")]
        [ValidateNotNullOrEmpty]
        public string[] File { get; set; }

        /// <summary>The project name, like docker compose -p.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectNameCompleter))]
        public string ProjectName { get; set; }

        /// <summary>Profiles to enable, like --profile; '*' enables all.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProfileCompleter))]
        public string[] Profile { get; set; }

        /// <summary>Env files used for interpolation instead of the project's .env, like --env-file.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] EnvFile { get; set; }

        /// <summary>The project directory, like --project-directory.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ProjectDirectory { get; set; }

        /// <summary>V1 naming (project_service_1), like --compatibility or COMPOSE_COMPATIBILITY.</summary>
        [Parameter]
        public SwitchParameter Compatibility { get; set; }

        private readonly List<ComposeProject> pipedProjects = new List<ComposeProject>();
        private ComposeProject pipedProject;

        /// <summary>
        /// Keeps a piped ComposeProject (from Get-ComposeProject) to be loaded from the files it was created from;
        /// false for any other record. -Path or -File with it is a conflict: which files would be meant is unclear.
        /// </summary>
        internal bool TakePipedProject(object record)
        {
            if (!(record is ComposeProject project)) return false;
            if (Path != null || File != null)
                throw new ComposeException(ErrorIds.ProjectInputConflict,
                    $"The piped project '{project.Name}' is loaded from the files it was created from; it cannot be combined with -Path or -File.", project.Name);
            if (!pipedProjects.Any(p => p.Name == project.Name)) pipedProjects.Add(project);
            return true;
        }

        /// <summary>
        /// Runs the action once per piped project, each loaded like docker compose -p NAME -f FILES --project-directory
        /// DIR from its labels (a failure is that project's error, the others still run), or once when none was piped.
        /// </summary>
        internal void ForEachPipedProject(Action action)
        {
            if (pipedProjects.Count == 0)
            {
                action();
                return;
            }
            foreach (ComposeProject project in pipedProjects)
            {
                pipedProject = project;
                try { action(); }
                catch (Exception e) when (ErrorRecords.TryCreate(e, out ErrorRecord record)) { WriteError(record); }
                finally { pipedProject = null; }
            }
        }

        /// <summary>A path resolved against PowerShell's current location.</summary>
        internal string ResolvePath(string path) => SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);

        internal string CurrentDirectory => SessionState.Path.CurrentFileSystemLocation.ProviderPath;

        /// <summary>-Path as the project's location; Copy-ComposeItem, whose -Path is what it copies, names it otherwise.</summary>
        internal virtual string ProjectLocation => Path;

        /// <summary>
        /// What this command was given to find its project by (<see cref="ProjectResolver"/> decides): the common
        /// parameters with paths resolved against PowerShell's current location, the environment, a piped project.
        /// </summary>
        internal ProjectSource Source() => new ProjectSource
        {
            WorkingDirectory = CurrentDirectory,
            Path = ProjectLocation == null ? null : ResolvePath(ProjectLocation),
            Files = File?.Select(f => f == "-" ? f : ResolvePath(f)).ToArray(),
            ProjectName = ProjectName,
            ProjectDirectory = ProjectDirectory == null ? null : ResolvePath(ProjectDirectory),
            Profiles = Profile,
            EnvFiles = EnvFile?.Select(ResolvePath).ToArray(),
            Compatibility = Compatibility.IsPresent,
            Environment = EnvironmentSnapshot(),
            StandardInput = ReadStandardInput,
            Piped = pipedProject,
        };

        /// <summary>The project of a command on an existing project: loaded from its files, or by its labels (-ProjectName alone).</summary>
        internal ResolvedProject ResolveProject(IEnumerable<string> services = null) =>
            ProjectResolver.Resolve(Source(), services, WriteWarning, WriteVerbose);

        /// <summary>The load options the common parameters describe. Services named on the command line enable their profiles.</summary>
        internal LoadOptions BuildLoadOptions(IReadOnlyList<string> services = null) => ProjectResolver.Options(Source(), services, WriteWarning);

        /// <summary>The project loaded from its compose files (up, run, config, build: commands that always read them).</summary>
        internal ProjectModel LoadProject(IReadOnlyList<string> services = null) => ProjectResolver.Load(Source(), services, WriteWarning);

        // -File - (or COMPOSE_FILE=-): the compose file is the process's redirected standard input, as with
        // `docker compose -f -`; e.g. Get-Content compose.yaml -Raw | pwsh -c 'Get-ComposeConfig -File -'.
        private static string ReadStandardInput() => Console.IsInputRedirected ? Console.In.ReadToEnd() : null;

        private static IDictionary<string, string> EnvironmentSnapshot()
        {
            var env = new Dictionary<string, string>(IsWindows ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
            foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
                env[(string)e.Key] = (string)e.Value;
            return env;
        }
    }
}
