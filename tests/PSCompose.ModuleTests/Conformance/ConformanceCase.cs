using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace PSCompose.ModuleTests.Conformance
{
    /// <summary>
    /// One project of the conformance corpus (tests/conformance/&lt;name&gt;/case.json): how to load it, with which
    /// environment, and whether the reference accepts it. Paths in the manifest are relative to the case folder.
    /// </summary>
    internal sealed class ConformanceCase
    {
        public string Name { get; private set; }

        public string Directory { get; private set; }

        public string Description { get; private set; }

        /// <summary>Absolute -f files; empty means discovery from <see cref="WorkingDirectory"/>.</summary>
        public IReadOnlyList<string> Files { get; private set; }

        /// <summary>Where both sides run (the case folder, or its "path" subfolder).</summary>
        public string WorkingDirectory { get; private set; }

        public string ProjectDirectory { get; private set; }

        public string ProjectName { get; private set; }

        public IReadOnlyList<string> Profiles { get; private set; }

        public IReadOnlyList<string> EnvFiles { get; private set; }

        /// <summary>The case's own variables (case.json "env").</summary>
        public IReadOnlyDictionary<string, string> Environment { get; private set; }

        /// <summary>
        /// The whole environment both sides run with, and nothing else: PATH and HOME of the test process plus the
        /// case's variables. Together with <see cref="WorkingDirectory"/> this is all either side gets from outside.
        /// </summary>
        public IReadOnlyDictionary<string, string> ProcessEnvironment
        {
            get
            {
                var env = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (string keep in new[] { "PATH", "HOME" })
                    env[keep] = System.Environment.GetEnvironmentVariable(keep) ?? "";
                foreach (var kv in Environment) env[kv.Key] = kv.Value;
                return env;
            }
        }

        public bool ExpectValid { get; private set; }

        /// <summary>For invalid cases: the ErrorIds value the FullyQualifiedErrorId must start with.</summary>
        public string ErrorId { get; private set; }

        /// <summary>Also compare -Services/-Volumes/-Networks/-Profiles/-Images with the reference flags.</summary>
        public bool CompareListings { get; private set; }

        public override string ToString() => Name;

        public static string CorpusRoot => PSCompose.Testing.RepoPaths.Combine("tests", "conformance");

        /// <summary>Every case, sorted by name; PSC_CONFORMANCE_CASES (comma-separated names) narrows the run.</summary>
        public static IReadOnlyList<ConformanceCase> LoadAll()
        {
            string filter = System.Environment.GetEnvironmentVariable("PSC_CONFORMANCE_CASES");
            var only = string.IsNullOrWhiteSpace(filter) ? null : new HashSet<string>(filter.Split(',').Select(s => s.Trim()));
            return System.IO.Directory.GetDirectories(CorpusRoot)
                .Where(d => File.Exists(Path.Combine(d, "case.json")))
                .Where(d => only == null || only.Contains(Path.GetFileName(d)))
                .OrderBy(d => d, StringComparer.Ordinal)
                .Select(Load)
                .ToList();
        }

        public static ConformanceCase Load(string directory)
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "case.json")));
            JsonElement m = doc.RootElement;
            string Abs(string rel) => Path.GetFullPath(Path.Combine(directory, rel));
            string Str(string key) => m.TryGetProperty(key, out JsonElement e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            List<string> Strings(string key) => m.TryGetProperty(key, out JsonElement e)
                ? e.EnumerateArray().Select(x => x.GetString()).ToList()
                : new List<string>();

            var env = new Dictionary<string, string>(StringComparer.Ordinal);
            if (m.TryGetProperty("env", out JsonElement envElement))
                foreach (JsonProperty p in envElement.EnumerateObject()) env[p.Name] = p.Value.GetString();

            string expected = Str("expected") ?? "valid";
            return new ConformanceCase
            {
                Name = Path.GetFileName(directory),
                Directory = directory,
                Description = Str("description"),
                Files = Strings("files").Select(Abs).ToList(),
                WorkingDirectory = Str("path") == null ? directory : Abs(Str("path")),
                ProjectDirectory = Str("projectDirectory") == null ? null : Abs(Str("projectDirectory")),
                ProjectName = Str("projectName"),
                Profiles = Strings("profiles"),
                EnvFiles = Strings("envFiles").Select(Abs).ToList(),
                Environment = env,
                ExpectValid = expected == "valid",
                ErrorId = Str("errorId"),
                CompareListings = m.TryGetProperty("listings", out JsonElement l) && l.ValueKind == JsonValueKind.True,
            };
        }
    }
}
