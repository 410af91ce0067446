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
            V("--no-path-resolution --no-normalize --format json", new[] { "--no-path-resolution", "--no-normalize", "--format", "json" },
                Json("NoPathResolution", "NoNormalize")),
            V("--variables", new[] { "--variables" }, Params(("Variables", true), ("Format", "Table")), SortRowsAfterHeader),
            V("--variables --format json", new[] { "--variables", "--format", "json" }, Params(("Variables", true), ("Format", "Json"))),
            V("--variables --format yaml", new[] { "--variables", "--format", "yaml" }, Params(("Variables", true), ("Format", "Yaml"))),
            Sampled(V("--environment", new[] { "--environment" }, Params(("Environment", true), ("Format", "Yaml")), WithoutPluginVariables)),
            Sampled(V("-q", new[] { "-q" }, Params(("Quiet", true)))),
        };

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
            int bothRejected = 0;
            using (Runspace runspace = PowerShellRunner.OpenRunspace())
            {
                var ours = new OurCompose(runspace);
                foreach (ConformanceCase c in cases)
                    foreach (Variant v in Variants.Where(v => Runs(v, c)))
                    {
                        ReferenceCompose.Result reference = references[c.Name + "|" + v.Name];
                        RunResult mine = ours.Run(c, v.Ours);
                        if (!reference.Ok || mine.Errors.Count > 0)
                        {
                            if (!reference.Ok && mine.Errors.Count > 0) { bothRejected++; continue; }
                            problems.Add($"[{c.Name}] {v.Name}: " + (reference.Ok
                                ? "ours failed: " + mine.ErrorText
                                : "the reference failed (" + reference.Stderr.Trim() + ") and ours did not"));
                            continue;
                        }
                        string expected = v.NormalizeReference(reference.Stdout);
                        string actual = string.Concat(mine.Output.Select(o => o?.BaseObject?.ToString()));
                        if (expected == actual) equal[v.Name]++;
                        else problems.Add($"[{c.Name}] {v.Name}: {FirstDifference(expected, actual)}");
                    }
            }

            output.WriteLine($"cases: {cases.Count}; both rejected: {bothRejected}");
            foreach (var kv in equal) output.WriteLine($"{kv.Key}: {kv.Value} equal");
            foreach (string p in problems) output.WriteLine(p);
            Assert.True(problems.Count == 0, $"{problems.Count} differences:\n" + string.Join("\n", problems));
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
