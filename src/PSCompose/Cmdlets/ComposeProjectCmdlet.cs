using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PSCompose.Model;
using PSCompose.Model.Loading;

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

        private void UsePipedProject(LoadOptions options, List<string> files)
        {
            options.ProjectName = pipedProject.Name;
            if (!string.IsNullOrEmpty(pipedProject.WorkingDirectory))
            {
                options.WorkingDirectory = pipedProject.WorkingDirectory;
                if (options.ProjectDirectory == null) options.ProjectDirectory = pipedProject.WorkingDirectory;
            }
            foreach (string file in pipedProject.ConfigFiles ?? new string[0])
            {
                if (!System.IO.File.Exists(file))
                    throw new ComposeFileException(ErrorIds.FileNotFound,
                        $"Project '{pipedProject.Name}' was created from '{file}', which no longer exists.", target: file);
                files.Add(file);
            }
        }

        /// <summary>A path resolved against PowerShell's current location.</summary>
        internal string ResolvePath(string path) => SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);

        internal string CurrentDirectory => SessionState.Path.CurrentFileSystemLocation.ProviderPath;

        /// <summary>The load options the common parameters describe. Services named on the command line enable their profiles.</summary>
        internal LoadOptions BuildLoadOptions(IReadOnlyList<string> services = null)
        {
            var options = new LoadOptions
            {
                WorkingDirectory = CurrentDirectory,
                ProjectName = ProjectName,
                ProjectDirectory = ProjectDirectory == null ? null : ResolvePath(ProjectDirectory),
                Profiles = Profile,
                EnvFiles = EnvFile?.Select(ResolvePath).ToArray(),
                Environment = EnvironmentSnapshot(),
                Services = services,
                Warn = WriteWarning,
                StandardInput = ReadStandardInput,
            };
            var files = new List<string>();
            if (pipedProject != null) UsePipedProject(options, files);
            if (Path != null)
            {
                string resolved = ResolvePath(Path);
                if (Directory.Exists(resolved)) options.WorkingDirectory = resolved;
                else if (System.IO.File.Exists(resolved)) files.Add(resolved);
                else throw new ComposeFileException(ErrorIds.FileNotFound,
                    $"The path '{resolved}' is neither a compose file nor a project directory.", resolved);
            }
            if (File != null) files.AddRange(File.Select(f => f == "-" ? f : ResolvePath(f)));
            options.ConfigFiles = files.Count > 0 ? files : null;
            options.Compatibility = Compatibility.IsPresent || IsTrue(options.Environment, "COMPOSE_COMPATIBILITY");
            return options;
        }

        internal ProjectModel LoadProject(IReadOnlyList<string> services = null) =>
            ProjectLoader.Load(BuildLoadOptions(services));

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

        private static bool IsTrue(IDictionary<string, string> env, string key) =>
            env.TryGetValue(key, out string v) && (v == "1" || string.Equals(v, "true", StringComparison.OrdinalIgnoreCase));
    }
}
