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
