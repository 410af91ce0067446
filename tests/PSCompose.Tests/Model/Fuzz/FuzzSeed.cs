using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using PSCompose.Model;

namespace PSCompose.Tests.Model.Fuzz
{
    /// <summary>
    /// A conformance corpus project used as fuzzing seed: its text files (compose files first) and the load
    /// options its case.json describes, re-rooted on whichever copy of the folder is being fuzzed.
    /// </summary>
    internal sealed class FuzzSeed
    {
        private static readonly Regex ValidProjectName = new Regex("^[a-z0-9][a-z0-9_-]*$");

        public string Name { get; private set; }

        public string SourceDirectory { get; private set; }

        /// <summary>Relative paths of the files mutations may touch: YAML files and env files.</summary>
        public IReadOnlyList<string> MutableFiles { get; private set; }

        private JsonElement manifest;

        public static IReadOnlyList<FuzzSeed> LoadCorpus()
        {
            string root = PSCompose.Testing.RepoPaths.Combine("tests", "conformance");
            return Directory.GetDirectories(root)
                .Where(d => File.Exists(Path.Combine(d, "case.json")))
                .OrderBy(d => d, StringComparer.Ordinal)
                .Select(Load)
                .Where(s => s.MutableFiles.Count > 0)
                .ToList();
        }

        private static FuzzSeed Load(string directory)
        {
            var files = Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
                .Where(f => f != "case.json")
                .Where(f => f.EndsWith(".yaml") || f.EndsWith(".yml") || f.EndsWith(".env") || Path.GetFileName(f) == ".env")
                .OrderBy(f => f.EndsWith(".env") ? 1 : 0).ThenBy(f => f, StringComparer.Ordinal)
                .ToList();
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "case.json")));
            return new FuzzSeed
            {
                Name = Path.GetFileName(directory),
                SourceDirectory = directory,
                MutableFiles = files,
                manifest = doc.RootElement.Clone(),
            };
        }

        /// <summary>The options `docker compose` would get for this case, with the case folder at <paramref name="root"/>.</summary>
        public LoadOptions Options(string root)
        {
            string Abs(string rel) => Path.GetFullPath(Path.Combine(root, rel));
            string Str(string key) => manifest.TryGetProperty(key, out JsonElement e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            List<string> Strings(string key) => manifest.TryGetProperty(key, out JsonElement e)
                ? e.EnumerateArray().Select(x => x.GetString()).ToList() : new List<string>();

            var env = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["HOME"] = System.Environment.GetEnvironmentVariable("HOME") ?? "/root",
                ["PATH"] = System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin",
            };
            if (manifest.TryGetProperty("env", out JsonElement envElement))
                foreach (JsonProperty p in envElement.EnumerateObject()) env[p.Name] = p.Value.GetString();

            string name = Str("projectName");
            var files = Strings("files").Select(Abs).ToList();
            return new LoadOptions
            {
                ConfigFiles = files.Count == 0 ? null : files,
                WorkingDirectory = Str("path") == null ? root : Abs(Str("path")),
                ProjectName = name != null && ValidProjectName.IsMatch(name) ? name : null,
                ProjectDirectory = Str("projectDirectory") == null ? null : Abs(Str("projectDirectory")),
                Profiles = Strings("profiles"),
                EnvFiles = Strings("envFiles").Select(Abs).ToList(),
                Environment = env,
            };
        }
    }
}
