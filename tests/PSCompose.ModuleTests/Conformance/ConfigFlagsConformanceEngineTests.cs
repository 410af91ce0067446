using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using PSCompose.Testing;
using Xunit;
using Xunit.Abstractions;

namespace PSCompose.ModuleTests.Conformance
{
    /// <summary>
    /// Get-ComposeConfig's flag parameters against `docker compose config` with the same flags, on every valid
    /// project of tests/conformance: the text byte for byte (the reference's Go-map-ordered rows sorted first).
    /// Known gaps are listed below and reported; one that closes must leave the list, so the list only shrinks.
    /// </summary>
    public class ConfigFlagsConformanceEngineTests
    {
        /// <summary>A flag set: the reference's arguments after `config`, and our parameters for the same output.</summary>
        internal sealed class Variant
        {
            public string Name;
            public string[] Reference;
            public Dictionary<string, object> Ours;
            public Func<string, string> NormalizeReference = s => s;
            public bool Sampled;
        }

        internal static readonly Variant[] Variants =
        {
            V("--no-interpolate", new[] { "--no-interpolate" }, Yaml("NoInterpolate")),
            V("--no-interpolate --format json", new[] { "--no-interpolate", "--format", "json" }, Json("NoInterpolate")),
            V("--no-normalize", new[] { "--no-normalize" }, Yaml("NoNormalize")),
            V("--no-normalize --format json", new[] { "--no-normalize", "--format", "json" }, Json("NoNormalize")),
            V("--no-path-resolution", new[] { "--no-path-resolution" }, Yaml("NoPathResolution")),
            Sampled(V("--no-consistency", new[] { "--no-consistency" }, Yaml("NoConsistency"))),
            Sampled(V("--no-env-resolution", new[] { "--no-env-resolution" }, Yaml("NoEnvResolution"))),
            V("--no-interpolate --no-normalize --no-path-resolution", new[] { "--no-interpolate", "--no-normalize", "--no-path-resolution" },
                Yaml("NoInterpolate", "NoNormalize", "NoPathResolution")),
            V("--variables", new[] { "--variables" }, Params(("Variables", true), ("Format", "Table")), SortRowsAfterHeader),
            V("--variables --format json", new[] { "--variables", "--format", "json" }, Params(("Variables", true), ("Format", "Json"))),
            V("--variables --format yaml", new[] { "--variables", "--format", "yaml" }, Params(("Variables", true), ("Format", "Yaml"))),
            Sampled(V("--environment", new[] { "--environment" }, Params(("Environment", true), ("Format", "Yaml")), WithoutPluginVariables)),
            Sampled(V("-q", new[] { "-q" }, Params(("Quiet", true)))),
        };

        /// <summary>
        /// Projects whose --no-interpolate model we do not print as Compose does: compose-go's LoadModel keeps
        /// what its map transforms leave as written (environment/labels/annotations/args lists, command and
        /// healthcheck strings, numbers and sizes as typed, ports holding ${…}, null resources), where our loader
        /// binds to Compose's Go types while it loads. -Variables reads that same model, so it shares the gap when a
        /// variable sits in such a place.
        /// </summary>
        internal static readonly HashSet<string> RawModelGaps = new HashSet<string>(StringComparer.Ordinal)
        {
            "bool-yaml11-and-numbers", "canonical-build", "canonical-deploy", "canonical-durations-bytes",
            "canonical-float-strings", "canonical-healthcheck", "canonical-networks", "canonical-ports",
            "canonical-volumes", "develop-watch-and-hooks", "discovery-compose-file-env", "discovery-legacy-names",
            "discovery-override", "environment-valueless", "extends-chain", "extends-other-file", "extends-same-file",
            "extends-with-override", "include-long", "interp-env-list-and-labels",
            "interp-name-and-keys", "interp-operators", "merge-depends-on", "merge-key-value-lists", "merge-logging",
            "merge-replaced", "merge-top-level", "multi-document", "rw-nginx-flask-mysql",
            "rw-prometheus-grafana", "rw-react-express-mongo", "rw-traefik", "rw-wordpress",
            "service-misc", "volumes-external-named", "yaml-scalars",
        };

        /// <summary>Raw-model gaps only when normalised (the implicit depends_on Compose adds gets restart: false) or only when not (a null resource stays null).</summary>
        internal static readonly HashSet<string> RawNormalizedGaps = new HashSet<string>(StringComparer.Ordinal) { "implicit-depends-on" };

        internal static readonly HashSet<string> RawUnnormalizedGaps = new HashSet<string>(StringComparer.Ordinal) { "rw-elk", "rw-web-db-cache" };

        /// <summary>The raw-model gaps -Variables shows (a variable inside a list Compose keeps as written, or in a typed field).</summary>
        internal static readonly HashSet<string> VariablesGaps = new HashSet<string>(StringComparer.Ordinal)
        {
            "interp-env-list-and-labels", "interp-name-and-keys", "interp-operators",
        };

        /// <summary>Projects using one variable with different defaults in several places: Compose lists whichever its map order meets last.</summary>
        internal static readonly HashSet<string> VariablesRandomInReference = new HashSet<string>(StringComparer.Ordinal)
        {
            "interp-nested", "interp-unusual",
        };

        private static bool IsKnownGap(Variant v, ConformanceCase c) =>
            (v.Name.Contains("--no-interpolate") && RawModelGaps.Contains(c.Name)) ||
            (v.Name.Contains("--no-interpolate") && !v.Name.Contains("--no-normalize") && RawNormalizedGaps.Contains(c.Name)) ||
            (v.Name.Contains("--no-interpolate") && v.Name.Contains("--no-normalize") && RawUnnormalizedGaps.Contains(c.Name)) ||
            (v.Name.StartsWith("--variables", StringComparison.Ordinal) && VariablesGaps.Contains(c.Name));

        private static bool ReferenceIsRandom(Variant v, ConformanceCase c) =>
            v.Name.StartsWith("--variables", StringComparison.Ordinal) && VariablesRandomInReference.Contains(c.Name);

        private readonly ITestOutputHelper output;

        public ConfigFlagsConformanceEngineTests(ITestOutputHelper output) => this.output = output;

        [EngineFact]
        public void GetComposeConfigFlags_PrintWhatDockerComposeConfigPrints()
        {
            List<ConformanceCase> cases = ConformanceCase.LoadAll().Where(c => c.ExpectValid).ToList();
            var references = cases.AsParallel().WithDegreeOfParallelism(4)
                .SelectMany(c => Variants.Where(v => Runs(v, c)).Select(v => (Key: c.Name + "|" + v.Name, Result: ReferenceCompose.Run(c, new[] { "config" }.Concat(v.Reference).ToArray()))))
                .ToDictionary(x => x.Key, x => x.Result);

            var problems = new List<string>();
            var equal = Variants.ToDictionary(v => v.Name, _ => 0);
            int bothRejected = 0, gaps = 0;
            using (Runspace runspace = PowerShellRunner.OpenRunspace())
            {
                var ours = new OurCompose(runspace);
                foreach (ConformanceCase c in cases)
                    foreach (Variant v in Variants.Where(v => Runs(v, c)))
                    {
                        ReferenceCompose.Result reference = references[c.Name + "|" + v.Name];
                        RunResult mine = ours.Run(c, v.Ours);
                        if ((!reference.Ok || mine.Errors.Count > 0) && !IsKnownGap(v, c))
                        {
                            if (!reference.Ok && mine.Errors.Count > 0) { bothRejected++; continue; }
                            problems.Add($"[{c.Name}] {v.Name}: " + (reference.Ok
                                ? "ours failed: " + mine.ErrorText
                                : "the reference failed (" + reference.Stderr.Trim() + ") and ours did not"));
                            continue;
                        }
                        string expected = v.NormalizeReference(reference.Stdout);
                        string actual = string.Concat(mine.Output.Select(o => o?.BaseObject?.ToString()));
                        bool same = expected == actual;
                        if (ReferenceIsRandom(v, c)) continue;
                        if (IsKnownGap(v, c))
                        {
                            if (same) problems.Add($"[{c.Name}] {v.Name}: equal now; take it off the known gaps");
                            else gaps++;
                            continue;
                        }
                        if (same) equal[v.Name]++;
                        else problems.Add($"[{c.Name}] {v.Name}: {FirstDifference(expected, actual)}");
                    }
            }

            output.WriteLine($"cases: {cases.Count}; both rejected: {bothRejected}; known gaps still open: {gaps}");
            foreach (var kv in equal) output.WriteLine($"{kv.Key}: {kv.Value} equal");
            foreach (string p in problems) output.WriteLine(p);
            Assert.True(problems.Count == 0, $"{problems.Count} differences:\n" + string.Join("\n", problems));
        }

        [EngineFact]
        public void DuplicateContainerName_IsComposesError_UnlessNoConsistency()
        {
            using (var project = new TempProject())
            {
                project.Write("compose.yaml",
                    "services:\n  a:\n    image: pscompose/busybox:latest\n    container_name: same\n" +
                    "  b:\n    image: pscompose/busybox:latest\n    container_name: same\n");
                ConformanceCase c = ConformanceCase.Load(project.Directory);
                using (Runspace runspace = PowerShellRunner.OpenRunspace())
                {
                    var ours = new OurCompose(runspace);
                    ReferenceCompose.Result reference = ReferenceCompose.Run(c, "config");
                    Assert.False(reference.Ok);
                    RunResult mine = ours.Run(c, Yaml());
                    System.Management.Automation.ErrorRecord error = Assert.Single(mine.Errors);
                    Assert.StartsWith("ComposeFileInvalid,", error.FullyQualifiedErrorId);
                    // Compose reports whichever of the two its map order meets second.
                    string message = error.Exception.Message;
                    Assert.Contains(message.Replace("services.b:", "services.a:"), new[] { reference.Stderr.Trim().Replace("services.b:", "services.a:") });

                    reference = ReferenceCompose.Run(c, "config", "--no-consistency");
                    Assert.True(reference.Ok, reference.Stderr);
                    mine = ours.Run(c, Yaml("NoConsistency"));
                    mine.AssertNoErrors();
                    Assert.Equal(reference.Stdout, string.Concat(mine.Output.Select(o => o?.BaseObject?.ToString())));
                }
            }
        }

        [EngineFact]
        public void Compatibility_PrintsTheUnnormalisedProject_AndTableIsNoConfigFormat()
        {
            using (var project = new TempProject())
            {
                project.Write("compose.yaml", "services:\n  web:\n    image: pscompose/busybox:latest\n  built:\n    build: .\n");
                ConformanceCase c = ConformanceCase.Load(project.Directory);
                using (Runspace runspace = PowerShellRunner.OpenRunspace())
                {
                    var ours = new OurCompose(runspace);
                    ReferenceCompose.Result reference = ReferenceCompose.RunGlobal(c, new[] { "--compatibility" }, "config");
                    Assert.True(reference.Ok, reference.Stderr);
                    RunResult mine = ours.Run(c, Params(("Compatibility", true), ("Format", "Yaml")));
                    mine.AssertNoErrors();
                    Assert.Equal(reference.Stdout, string.Concat(mine.Output.Select(o => o?.BaseObject?.ToString())));

                    reference = ReferenceCompose.Run(c, "config", "--format", "table");
                    Assert.False(reference.Ok);
                    System.Management.Automation.ErrorRecord error = Assert.Single(ours.Run(c, Params(("Format", "Table"))).Errors);
                    Assert.StartsWith("ComposeConfigFormatUnsupported,", error.FullyQualifiedErrorId);
                    Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
                    Assert.Equal(reference.Stderr.Trim(), error.Exception.Message);
                }
            }
        }

        internal static string FirstDifference(string expected, string actual)
        {
            string[] e = expected.Split('\n'), a = actual.Split('\n');
            for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
            {
                string el = i < e.Length ? e[i] : "<end>", al = i < a.Length ? a[i] : "<end>";
                if (el != al) return $"line {i + 1}: ours \"{al}\" vs reference \"{el}\"";
            }
            return "same lines, different bytes";
        }

        // The reference lists variables in Go map order, which changes from run to run.
        internal static string SortRowsAfterHeader(string table)
        {
            List<string> lines = table.Split('\n').ToList();
            if (lines.Count < 3) return table;
            string header = lines[0];
            List<string> rows = lines.Skip(1).Take(lines.Count - 2).OrderBy(l => l, StringComparer.Ordinal).ToList();
            return string.Join("\n", new[] { header }.Concat(rows)) + "\n" + lines[lines.Count - 1];
        }

        // The docker CLI hands its plugins DOCKER_CLI_PLUGIN_* variables of its own; a PowerShell session has none.
        internal static string WithoutPluginVariables(string environment) =>
            string.Concat(environment.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("DOCKER_CLI_PLUGIN_", StringComparison.Ordinal)).Select(l => l + "\n"));

        // Flags whose output only a few projects can tell apart run on a sample, to keep the test's time down.
        private static Variant Sampled(Variant v)
        {
            v.Sampled = true;
            return v;
        }

        internal static bool Runs(Variant v, ConformanceCase c) =>
            !v.Sampled || c.CompareListings || c.Name.StartsWith("interp-", StringComparison.Ordinal) || c.Name.StartsWith("env", StringComparison.Ordinal);

        private static Variant V(string name, string[] reference, Dictionary<string, object> ours, Func<string, string> normalize = null) =>
            new Variant { Name = name, Reference = reference, Ours = ours, NormalizeReference = normalize ?? (s => s) };

        private static Dictionary<string, object> Yaml(params string[] switches) =>
            Params(switches.Select(s => (s, (object)true)).Append(("Format", "Yaml")).ToArray());

        private static Dictionary<string, object> Json(params string[] switches) =>
            Params(switches.Select(s => (s, (object)true)).Append(("Format", "Json")).ToArray());

        private static Dictionary<string, object> Params(params (string Name, object Value)[] parameters) =>
            parameters.ToDictionary(p => p.Name, p => p.Value);
    }
}
