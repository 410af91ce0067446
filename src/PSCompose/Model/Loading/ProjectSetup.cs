using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PSCompose.Model.Loading
{
    /// <summary>
    /// What docker compose settles before reading any compose file (cmd/compose toProjectOptions + compose-go
    /// cli options): the config files, the project directory, the interpolation environment and the profiles.
    /// </summary>
    internal sealed class ProjectSetup
    {
        public static readonly string[] DefaultFileNames = { "compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml" };

        public static readonly string[] DefaultOverrideFileNames = { "compose.override.yml", "compose.override.yaml", "docker-compose.override.yml", "docker-compose.override.yaml" };

        private readonly LoadOptions options;
        private readonly string cwd;

        private ProjectSetup(LoadOptions options)
        {
            this.options = options;
            cwd = Path.GetFullPath(string.IsNullOrEmpty(options.WorkingDirectory) ? Directory.GetCurrentDirectory() : options.WorkingDirectory);
        }

        public List<string> ConfigFiles { get; private set; } = new List<string>();

        /// <summary>The project directory: -ProjectDirectory, else the first file's directory, else the working directory.</summary>
        public string ProjectDirectory => GetWorkingDir();

        /// <summary>The interpolation environment (OS first, then .env / env files for the keys the OS lacks).</summary>
        public Dictionary<string, string> Environment { get; private set; }

        /// <summary>The env files given explicitly (-EnvFile or COMPOSE_ENV_FILES), absolute.</summary>
        public List<string> ExplicitEnvFiles { get; private set; }

        /// <summary>The env files actually read into <see cref="Environment"/>.</summary>
        public List<string> EnvFiles { get; private set; } = new List<string>();

        public List<string> Profiles { get; private set; }

        public static ProjectSetup Resolve(LoadOptions options)
        {
            var setup = new ProjectSetup(options);
            setup.Run();
            return setup;
        }

        private void Run()
        {
            // Keep the caller's key comparison (case-insensitive on Windows, like its environment).
            var comparer = (options.Environment as Dictionary<string, string>)?.Comparer ?? StringComparer.Ordinal;
            var osEnv = new Dictionary<string, string>(options.Environment ?? new Dictionary<string, string>(), comparer);
            if (!string.IsNullOrEmpty(options.ProjectName)) ProjectNames.EnsureValid(options.ProjectName);

            ExplicitEnvFiles = (options.EnvFiles != null && options.EnvFiles.Count > 0
                    ? options.EnvFiles
                    : (osEnv.TryGetValue("COMPOSE_ENV_FILES", out var list) ? list : "").Split(',').Where(f => f.Length > 0).ToList())
                .Select(Absolute).ToList();
            ConfigFiles = (options.ConfigFiles ?? new string[0]).Select(f => f == "-" ? f : Absolute(f)).ToList();

            CopyComposeVariablesFromDotEnv(osEnv);

            // cmd/compose toProjectOptions: OS env (PWD added when missing), env files from the current
            // directory, COMPOSE_FILE, discovery, then the project directory's .env for what is still unset.
            Environment = new Dictionary<string, string>(osEnv, comparer);
            if (!Environment.ContainsKey("PWD")) Environment["PWD"] = cwd;
            SelectEnvFiles();
            MergeDotEnv();
            ConfigFilesFromEnvironment();
            DiscoverConfigFiles();
            SelectEnvFiles();
            MergeDotEnv();

            if (options.Profiles != null && options.Profiles.Count > 0)
            {
                Profiles = options.Profiles.ToList();
            }
            else
            {
                Environment.TryGetValue("COMPOSE_PROFILES", out string profiles);
                Profiles = (profiles ?? "").Split(',').Select(p => p.Trim()).ToList();
            }

            if (ConfigFiles.Count == 0)
            {
                throw new ComposeFileException(ErrorIds.FileNotFound, "no configuration file provided: not found",
                    target: cwd);
            }
        }

        private string Absolute(string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(cwd, path));

        private string GetWorkingDir()
        {
            if (!string.IsNullOrEmpty(options.ProjectDirectory)) return Absolute(options.ProjectDirectory);
            foreach (var f in ConfigFiles)
            {
                if (f != "-") return Path.GetDirectoryName(Absolute(f));
            }
            return cwd;
        }

        // docker compose's setEnvWithDotEnv: COMPOSE_* keys of the .env (or --env-file) reach the process
        // environment when unset there, so COMPOSE_FILE or COMPOSE_PROFILES can live in .env. Errors are ignored.
        private void CopyComposeVariablesFromDotEnv(Dictionary<string, string> osEnv)
        {
            List<string> files = ExplicitEnvFiles.Count > 0 ? ExplicitEnvFiles : DefaultDotEnv(osEnv, GetWorkingDir());
            try
            {
                foreach (var entry in ReadEnvFiles(osEnv, files))
                {
                    if (entry.Key.StartsWith("COMPOSE_", StringComparison.Ordinal) && !osEnv.ContainsKey(entry.Key))
                    {
                        osEnv[entry.Key] = entry.Value;
                    }
                }
            }
            catch (ComposeFileException)
            {
            }
        }

        // compose-go cli.WithEnvFiles: explicit files, else <working dir>/.env when it exists and is a file
        // (an earlier choice is kept when the new directory has none), unless COMPOSE_DISABLE_ENV_FILE is true.
        private void SelectEnvFiles()
        {
            if (ExplicitEnvFiles.Count > 0)
            {
                EnvFiles = ExplicitEnvFiles;
                return;
            }
            var candidates = DefaultDotEnv(Environment, GetWorkingDir());
            if (candidates.Count > 0) EnvFiles = candidates;
        }

        private static List<string> DefaultDotEnv(IDictionary<string, string> env, string dir)
        {
            if (env.TryGetValue("COMPOSE_DISABLE_ENV_FILE", out string disabled) && GoBool(disabled)) return new List<string>();
            string file = Path.Combine(dir, ".env");
            return File.Exists(file) ? new List<string> { file } : new List<string>();
        }

        private void MergeDotEnv()
        {
            foreach (var entry in ReadEnvFiles(Environment, EnvFiles))
            {
                if (!Environment.ContainsKey(entry.Key)) Environment[entry.Key] = entry.Value;
            }
        }

        /// <summary>compose-go dotenv.GetEnvFromFile: later files win; ${VAR} resolves from the environment, then earlier files.</summary>
        internal static Dictionary<string, string> ReadEnvFiles(IDictionary<string, string> current, IEnumerable<string> files)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                string path = Path.GetFullPath(file);
                if (Directory.Exists(path))
                {
                    throw new ComposeFileException(ErrorIds.EnvFileNotAFile, $"{path} is a directory", path);
                }
                if (!File.Exists(path))
                {
                    throw new ComposeFileException(ErrorIds.EnvFileNotFound, $"couldn't find env file: {path}", target: path);
                }
                string Lookup(string key) => current.TryGetValue(key, out string v) ? v : result.TryGetValue(key, out string r) ? r : null;
                foreach (var entry in LoaderStages.ReadEnvFile(path, Lookup)) result[entry.Key] = entry.Value;
            }
            return result;
        }

        private void ConfigFilesFromEnvironment()
        {
            if (ConfigFiles.Count > 0 || !Environment.TryGetValue("COMPOSE_FILE", out string value)) return;
            Environment.TryGetValue("COMPOSE_PATH_SEPARATOR", out string separator);
            if (string.IsNullOrEmpty(separator)) separator = Path.PathSeparator.ToString();
            foreach (var f in value.Split(new[] { separator }, StringSplitOptions.None))
            {
                if (f == "-")
                {
                    ConfigFiles.Add(f);
                    continue;
                }
                string path = Absolute(f);
                if (!File.Exists(path) && !Directory.Exists(path))
                {
                    throw new ComposeFileException(ErrorIds.FileNotFound, $"stat {path}: no such file or directory", target: path);
                }
                ConfigFiles.Add(path);
            }
        }

        // compose-go cli.WithDefaultConfigPath: search the working directory, then each parent.
        private void DiscoverConfigFiles()
        {
            if (ConfigFiles.Count > 0) return;
            string dir = GetWorkingDir();
            while (dir != null)
            {
                var candidates = DefaultFileNames.Select(n => Path.Combine(dir, n)).Where(File.Exists).ToList();
                if (candidates.Count > 0)
                {
                    if (candidates.Count > 1)
                    {
                        options.Warn?.Invoke("Found multiple config files with supported names: " + string.Join(", ", candidates));
                        options.Warn?.Invoke("Using " + candidates[0]);
                    }
                    ConfigFiles.Add(candidates[0]);
                    var overrides = DefaultOverrideFileNames.Select(n => Path.Combine(dir, n)).Where(File.Exists).ToList();
                    if (overrides.Count > 0)
                    {
                        if (overrides.Count > 1)
                        {
                            options.Warn?.Invoke("Found multiple override files with supported names: " + string.Join(", ", overrides));
                            options.Warn?.Invoke("Using " + overrides[0]);
                        }
                        ConfigFiles.Add(overrides[0]);
                    }
                    return;
                }
                dir = Path.GetDirectoryName(dir);
            }
        }

        /// <summary>Go's strconv.ParseBool (invalid values count as false here).</summary>
        internal static bool GoBool(string value)
        {
            switch (value)
            {
                case "1": case "t": case "T": case "TRUE": case "true": case "True": return true;
                default: return false;
            }
        }
    }
}
