using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PSCompose.Model;
using PSCompose.Model.Loading;

namespace PSCompose.Execution
{
    /// <summary>A project as a command found it: loaded from its compose files, or known by name alone (its labels).</summary>
    internal sealed class ResolvedProject
    {
        public string Name { get; set; }

        /// <summary>Null when the project is found by its labels.</summary>
        public ProjectModel Model { get; set; }

        public bool FromLabels => Model == null;

        /// <summary>V1 names (-Compatibility or COMPOSE_COMPATIBILITY).</summary>
        public bool Compatibility { get; set; }

        /// <summary>The process environment the command started with (COMPOSE_* settings).</summary>
        public IDictionary<string, string> Environment { get; set; } = new Dictionary<string, string>();
    }

    /// <summary>
    /// The one place that decides how a command finds its project. Commands that act on an existing project (down,
    /// start, stop, ps, logs, cp, exec, top, …) load the compose files when files are named (-File, -Path, a piped
    /// project) or no project name is given; with a project name alone, any compose file here is ignored and the
    /// project is found by its labels, as Compose's projectOrName does (cmd/compose/compose.go). If the files cannot
    /// be loaded but COMPOSE_PROJECT_NAME is set, that project is used from its labels, as Compose does. Commands
    /// that build a project (up, run, config, build) always load it (<see cref="Load"/>).
    /// </summary>
    internal static class ProjectResolver
    {
        /// <summary>True when the compose files are read; false when the project name alone finds it by its labels.</summary>
        public static bool LoadsFiles(ProjectSource source) =>
            source.Files != null || source.Path != null || source.Piped != null || source.ProjectName == null;

        /// <summary>
        /// The project of a command on an existing project. Named services disabled by profiles are enabled, as
        /// Compose's WithServicesEnabled does; names with wildcards are not services and enable nothing.
        /// </summary>
        public static ResolvedProject Resolve(ProjectSource source, IEnumerable<string> services, Action<string> warn, Action<string> verbose)
        {
            ResolvedProject FromLabels(string name) =>
                new ResolvedProject { Name = name, Compatibility = Compatible(source), Environment = source.Environment };
            if (!LoadsFiles(source)) return FromLabels(source.ProjectName.ToLowerInvariant());
            try
            {
                ProjectModel model = Load(source, null, warn);
                List<string> profiles = (services ?? Enumerable.Empty<string>())
                    .Where(s => !model.Typed.Services.ContainsKey(s) && model.Typed.DisabledServices.ContainsKey(s))
                    .SelectMany(s => model.Typed.DisabledServices[s].Profiles)
                    .Distinct().ToList();
                if (profiles.Count > 0) model = Load(WithProfiles(source, profiles), null, warn);
                return new ResolvedProject { Name = model.Name, Model = model, Compatibility = model.Compatibility, Environment = source.Environment };
            }
            catch (ComposeFileException e) when (source.Environment.TryGetValue("COMPOSE_PROJECT_NAME", out string name) && !string.IsNullOrEmpty(name))
            {
                verbose($"The compose file could not be loaded ({e.Message}); using project {name} from COMPOSE_PROJECT_NAME.");
                return FromLabels(name);
            }
        }

        /// <summary>The project loaded from its compose files. Services named on the command line enable their profiles.</summary>
        public static ProjectModel Load(ProjectSource source, IReadOnlyList<string> services, Action<string> warn) =>
            ProjectLoader.Load(Options(source, services, warn));

        /// <summary>The load options the source describes.</summary>
        public static LoadOptions Options(ProjectSource source, IReadOnlyList<string> services, Action<string> warn)
        {
            var options = new LoadOptions
            {
                WorkingDirectory = source.WorkingDirectory,
                ProjectName = source.ProjectName,
                ProjectDirectory = source.ProjectDirectory,
                Profiles = source.Profiles,
                EnvFiles = source.EnvFiles,
                Environment = source.Environment,
                Services = services,
                Warn = warn ?? (_ => { }),
                StandardInput = source.StandardInput,
                Compatibility = Compatible(source),
            };
            var files = new List<string>();
            if (source.Piped != null) UsePiped(source.Piped, options, files);
            if (source.Path != null)
            {
                if (Directory.Exists(source.Path)) options.WorkingDirectory = source.Path;
                else if (File.Exists(source.Path)) files.Add(source.Path);
                else throw new ComposeFileException(ErrorIds.FileNotFound,
                    $"The path '{source.Path}' is neither a compose file nor a project directory.", source.Path);
            }
            if (source.Files != null) files.AddRange(source.Files);
            options.ConfigFiles = files.Count > 0 ? files : null;
            return options;
        }

        /// <summary>A piped project is loaded like docker compose -p NAME -f FILES --project-directory DIR from its labels.</summary>
        private static void UsePiped(ComposeProject piped, LoadOptions options, List<string> files)
        {
            options.ProjectName = piped.Name;
            if (!string.IsNullOrEmpty(piped.WorkingDirectory))
            {
                options.WorkingDirectory = piped.WorkingDirectory;
                if (options.ProjectDirectory == null) options.ProjectDirectory = piped.WorkingDirectory;
            }
            foreach (string file in piped.ConfigFiles ?? new string[0])
            {
                if (!File.Exists(file))
                    throw new ComposeFileException(ErrorIds.FileNotFound,
                        $"Project '{piped.Name}' was created from '{file}', which no longer exists.", target: file);
                files.Add(file);
            }
        }

        private static ProjectSource WithProfiles(ProjectSource source, IEnumerable<string> extra)
        {
            ProjectSource copy = source.WithProjectName(source.ProjectName);
            copy.Profiles = (source.Profiles ?? new string[0]).Concat(extra).Distinct().ToArray();
            return copy;
        }

        private static bool Compatible(ProjectSource source) =>
            source.Compatibility || (source.Environment.TryGetValue("COMPOSE_COMPATIBILITY", out string v)
                && (v == "1" || string.Equals(v, "true", StringComparison.OrdinalIgnoreCase)));
    }
}
