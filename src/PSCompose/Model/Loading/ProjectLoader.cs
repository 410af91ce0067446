using System;
using System.Collections.Generic;
using System.Linq;

namespace PSCompose.Model.Loading
{
    /// <summary>
    /// Loads a Compose project the way docker compose 2.40.3 does (cmd/compose ToProject over compose-go's
    /// loader): settle files, directory, environment and name; load and merge the files; then defaults, paths,
    /// environment, normalisation, profiles, consistency, service selection, pruning and env_file resolution.
    /// </summary>
    internal static class ProjectLoader
    {
        public static ProjectModel Load(LoadOptions options) => Guarded(options, () => LoadProject(options));

        private static T Guarded<T>(LoadOptions options, Func<T> load)
        {
            try
            {
                return load();
            }
            catch (InsufficientExecutionStackException e)
            {
                // The depth limits keep real files far from this; a thread with a very small stack may still get here.
                string first = options.ConfigFiles?.FirstOrDefault() ?? options.WorkingDirectory;
                throw new ComposeFileException(ErrorIds.NestingTooDeep,
                    "the project nests too deeply to load on this thread's stack", inner: e, target: first);
            }
        }

        /// <summary>
        /// compose-go's LoadModel (what `config --no-interpolate` and `--variables` print from): the files loaded,
        /// merged and, unless disabled, normalised; no profiles, consistency check or service selection.
        /// </summary>
        public static YMap LoadModel(LoadOptions options) => Guarded(options, () => LoadDocument(options).Root);

        private static ProjectModel LoadProject(LoadOptions options)
        {
            LoadedDocument loaded = LoadDocument(options);
            var (setup, environment, projectDirectory, name, root) =
                (loaded.Setup, loaded.Setup.Environment, loaded.Setup.ProjectDirectory, loaded.Name, loaded.Root);
            // Unnormalised, the document keeps the name: its files give (`config --no-normalize` prints it as
            // written) unless -p or COMPOSE_PROJECT_NAME named the project.
            string documentName = !options.Normalize && !loaded.NamedOutsideFiles && root["name"] is string written && written.Length > 0 ? written : name;
            root.Remove("name");
            // Kept as written while files merge (compose-go compares the raw strings); canonical from here on.
            Canonical.HostsList.CanonicalizeServices(root.Map("services"));

            var disabled = new YMap();
            var profiles = setup.Profiles;
            ServiceSelection.ApplyProfiles(root, disabled, profiles);
            if (options.CheckConsistency) Consistency.Check(root, disabled);
            // env_file is read for every enabled service (a missing one fails even if not selected), then for
            // the services a name enabled; a service left disabled is never read. Paths left unresolved
            // (--no-path-resolution) are opened as Compose opens them: relative to the current directory.
            string envFileBase = options.ResolvePaths ? projectDirectory : options.WorkingDirectory ?? projectDirectory;
            ServiceEnvironment.ResolveEnvFiles(root.Map("services") ?? new YMap(), environment, envFileBase, options.ResolveEnvironment);
            var selected = options.Services ?? new string[0];
            profiles = ServiceSelection.EnableServices(root, disabled, profiles, selected);
            ServiceEnvironment.ResolveEnvFiles(root.Map("services") ?? new YMap(), environment, envFileBase, options.ResolveEnvironment);
            ServiceSelection.SelectServices(root, disabled, selected.ToList());
            ServiceSelection.PruneUnusedResources(root);

            var document = new YMap { ["name"] = documentName };
            foreach (var entry in root) document[entry.Key] = entry.Value;
            var model = new ProjectModel
            {
                Name = name,
                WorkingDirectory = projectDirectory,
                ConfigFiles = setup.ConfigFiles,
                EnvFiles = setup.ExplicitEnvFiles,
                Environment = environment,
                Root = document,
                DisabledServices = disabled,
                ActiveProfiles = profiles.Where(p => p.Length > 0).Distinct().ToList(),
                Compatibility = options.Compatibility,
            };
            model.Typed = Typed.ProjectDecoder.Decode(model);
            return model;
        }

        private sealed class LoadedDocument
        {
            public ProjectSetup Setup;
            public string Name;
            public bool NamedOutsideFiles;
            public YMap Root;
        }

        private static LoadedDocument LoadDocument(LoadOptions options)
        {
            var setup = ProjectSetup.Resolve(options);
            Func<string> standardInput = ReadOnce(options.StandardInput);
            var environment = setup.Environment;
            var warn = options.Warn ?? (_ => { });
            string projectDirectory = setup.ProjectDirectory;

            bool namedOutsideFiles = !string.IsNullOrEmpty(options.ProjectName) ||
                (environment.TryGetValue("COMPOSE_PROJECT_NAME", out string fromEnvironment) && !string.IsNullOrEmpty(fromEnvironment));
            string name = ResolveName(options, setup, standardInput, warn);
            environment["COMPOSE_PROJECT_NAME"] = name;

            var context = new LoadContext
            {
                WorkingDir = projectDirectory,
                Environment = environment,
                Interpolate = options.Interpolate,
                ResolvePaths = options.ResolvePaths,
                ResolveEnvironment = options.ResolveEnvironment,
                Warn = warn,
                StandardInput = standardInput,
            };
            var root = ModelLoader.LoadModel(setup.ConfigFiles, context, new List<string>());
            if (root.Count == 0)
            {
                throw new ComposeFileException(ErrorIds.FileInvalid, "empty compose file", setup.ConfigFiles[0]);
            }
            if (string.IsNullOrEmpty(name))
            {
                throw new ComposeFileException(ErrorIds.ProjectNameInvalid, "project name must not be empty",
                    target: projectDirectory);
            }

            if (options.Normalize)
            {
                root["name"] = name;
                root = LoaderStages.Normalize(root, name, environment) ?? root;
            }
            return new LoadedDocument { Setup = setup, Name = name, NamedOutsideFiles = namedOutsideFiles, Root = root };
        }

        // -p, then COMPOSE_PROJECT_NAME (both must already be valid), then the last non-empty top-level name:
        // (interpolated, normalised), then the project directory's base name (normalised).
        private static Func<string> ReadOnce(Func<string> read)
        {
            if (read == null) return null;
            var text = new Lazy<string>(read);
            return () => text.Value;
        }

        private static string ResolveName(LoadOptions options, ProjectSetup setup, Func<string> standardInput, Action<string> warn)
        {
            if (!string.IsNullOrEmpty(options.ProjectName))
            {
                ProjectNames.EnsureValid(options.ProjectName);
                return options.ProjectName;
            }
            if (setup.Environment.TryGetValue("COMPOSE_PROJECT_NAME", out string fromEnv) && !string.IsNullOrEmpty(fromEnv))
            {
                ProjectNames.EnsureValid(fromEnv);
                return fromEnv;
            }
            string fromFiles = "", nameFile = null;
            foreach (var file in setup.ConfigFiles)
            {
                List<object> documents;
                try
                {
                    documents = LoaderStages.ReadDocuments(ModelLoader.ReadText(file, standardInput), file);
                }
                catch (ComposeFileException)
                {
                    // Like compose: a file that does not parse here fails later with the real error.
                    break;
                }
                foreach (var doc in documents.OfType<YMap>())
                {
                    if (doc["name"] is string n && n.Length > 0)
                    {
                        fromFiles = n;
                        nameFile = file;
                    }
                }
            }
            if (options.Interpolate && fromFiles.Length > 0)
            {
                string Lookup(string key) => setup.Environment.TryGetValue(key, out string v) ? v : null;
                fromFiles = LoaderStages.InterpolateName(fromFiles, nameFile, Lookup, warn);
            }
            string normalized = ProjectNames.Normalize(fromFiles);
            if (normalized.Length > 0) return normalized;
            return ProjectNames.Normalize(System.IO.Path.GetFileName(setup.ProjectDirectory.TrimEnd('/', '\\')));
        }
    }
}
