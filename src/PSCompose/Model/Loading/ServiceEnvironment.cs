using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PSCompose.Model.Loading
{
    /// <summary>
    /// The environment steps of the loader: compose-go ResolveEnvironment (valueless `environment` and build
    /// `args` entries filled from the project environment) and Project.WithServicesEnvironmentResolved
    /// (env_file contents merged under `environment`, then env_file dropped), plus label_file the same way.
    /// The loader owns the reading of env_file/label_file files, after profiles and service selection, so a
    /// disabled service's missing env file is not an error.
    /// </summary>
    internal static class ServiceEnvironment
    {
        public static void ResolveUnsetValues(YMap dict, IDictionary<string, string> environment)
        {
            if (!(dict["services"] is YMap services)) return;
            foreach (var service in services.Select(s => s.Value).OfType<YMap>())
            {
                if (service["environment"] is YMap env) FillFrom(env, environment);
                if (service["build"] is YMap build && build["args"] is YMap args) FillFrom(args, environment);
            }
        }

        private static void FillFrom(YMap map, IDictionary<string, string> environment)
        {
            foreach (var key in map.Keys.ToList())
            {
                if (map[key] == null && environment != null && environment.TryGetValue(key, out string value)) map[key] = value;
            }
        }

        /// <summary>
        /// Merges every env_file of the given services into their environment and every label_file into their
        /// labels; explicit values win. Without environment resolution only label files are merged, as Compose does.
        /// </summary>
        public static void ResolveEnvFiles(YMap services, IDictionary<string, string> projectEnvironment, string workingDir, bool resolveEnvironment = true)
        {
            foreach (var entry in services.ToList())
            {
                if (!(entry.Value is YMap service) || !(service.ContainsKey("env_file") || service.ContainsKey("label_file"))) continue;
                if (resolveEnvironment) MergeEnvFiles(service, projectEnvironment, workingDir);
                MergeLabelFiles(service, workingDir);
            }
        }

        private static void MergeEnvFiles(YMap service, IDictionary<string, string> projectEnvironment, string workingDir)
        {
            var environment = AsMapping(service["environment"]);
            FillFrom(environment, projectEnvironment);
            if (service["env_file"] is List<object> envFiles)
            {
                var fromFiles = new YMap();
                foreach (var envFile in envFiles)
                {
                    string Lookup(string key)
                    {
                        if (projectEnvironment.TryGetValue(key, out string v)) return v;
                        return environment[key] as string;
                    }
                    foreach (var kv in ReadMappingFile(envFile, Lookup, "env file", workingDir)) fromFiles[kv.Key] = kv.Value;
                }
                foreach (var kv in environment) fromFiles[kv.Key] = kv.Value;
                environment = fromFiles;
                service.Remove("env_file");
            }
            if (environment.Count > 0 || service.ContainsKey("environment")) service["environment"] = environment;
        }

        private static void MergeLabelFiles(YMap service, string workingDir)
        {
            if (service["label_file"] is List<object> labelFiles)
            {
                var labels = new YMap();
                foreach (var labelFile in labelFiles)
                {
                    foreach (var kv in ReadMappingFile(labelFile, _ => null, "label file", workingDir)) labels[kv.Key] = kv.Value;
                }
                if (service["labels"] is YMap explicitLabels)
                {
                    foreach (var kv in explicitLabels) labels[kv.Key] = kv.Value;
                }
                service["labels"] = labels;
                service.Remove("label_file");
            }
        }

        // The canonical form is a mapping; a KEY=VALUE list is accepted too (KEY alone means no value).
        private static YMap AsMapping(object value)
        {
            switch (value)
            {
                case YMap map:
                    return map;
                case List<object> list:
                    var converted = new YMap();
                    foreach (var item in list.Select(GoFormat.Value))
                    {
                        int eq = item.IndexOf('=');
                        if (eq < 0) converted[item] = null;
                        else converted[item.Substring(0, eq)] = item.Substring(eq + 1);
                    }
                    return converted;
                default:
                    return new YMap();
            }
        }

        private static List<KeyValuePair<string, string>> ReadMappingFile(object entry, Func<string, string> lookup, string kind, string workingDir)
        {
            string path;
            bool required = true;
            string format = null;
            switch (entry)
            {
                case string s:
                    path = s;
                    break;
                case YMap m:
                    path = m["path"] as string;
                    if (m["required"] is bool r) required = r;
                    format = m["format"] as string;
                    break;
                default:
                    return new List<KeyValuePair<string, string>>();
            }
            // Paths are absolute once resolved; without path resolution they are relative to the project directory.
            if (path != null && !Path.IsPathRooted(path)) path = Path.Combine(workingDir, path);
            if (!File.Exists(path))
            {
                if (!required) return new List<KeyValuePair<string, string>>();
                throw new ComposeFileException(ErrorIds.EnvFileNotFound,
                    $"{kind} {path} not found: stat {path}: no such file or directory", path);
            }
            // format: raw follows the docker CLI --env-file rules (no quotes, no interpolation).
            return format == "raw" ? LoaderStages.ReadRawEnvFile(path, lookup) : LoaderStages.ReadEnvFile(path, lookup);
        }
    }
}
