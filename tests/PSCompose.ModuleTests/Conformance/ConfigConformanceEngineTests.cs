using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text.Json;
using PSCompose.Testing;
using Xunit;
using Xunit.Abstractions;

namespace PSCompose.ModuleTests.Conformance
{
    /// <summary>
    /// Get-ComposeConfig against `docker compose config` (2.40.3) on every project of tests/conformance: the JSON
    /// as data, the config hashes exactly, the listing switches on a subset, and the rejection of invalid
    /// projects with the expected error id. Every difference is collected and reported at once.
    /// </summary>
    public class ConfigConformanceEngineTests
    {
        private static readonly (string Ours, string Reference)[] Listings =
        {
            ("Services", "--services"), ("Volumes", "--volumes"), ("Networks", "--networks"),
            ("Profiles", "--profiles"), ("Images", "--images"),
        };

        private readonly ITestOutputHelper output;

        public ConfigConformanceEngineTests(ITestOutputHelper output) => this.output = output;

        [EngineFact]
        public void Corpus_IsLargeEnoughAndEveryManifestIsUsable()
        {
            IReadOnlyList<ConformanceCase> cases = ConformanceCase.LoadAll();
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PSC_CONFORMANCE_CASES"))) return;
            Assert.True(cases.Count(c => c.ExpectValid) >= 60, "at least 60 valid projects");
            Assert.True(cases.Count(c => !c.ExpectValid) >= 15, "at least 15 invalid projects");
            Assert.All(cases.Where(c => !c.ExpectValid), c => Assert.StartsWith("Compose", c.ErrorId));
        }

        [EngineFact]
        public void GetComposeConfig_MatchesDockerComposeConfig()
        {
            var problems = new List<string>();
            int compared = 0, hashes = 0, listings = 0, rejected = 0, yaml = 0;

            IReadOnlyList<ConformanceCase> cases = ConformanceCase.LoadAll();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            Dictionary<string, ReferenceOutputs> references = ReferenceOutputs.ForAll(cases);
            TimeSpan referenceTime = watch.Elapsed;
            using (Runspace runspace = PowerShellRunner.OpenRunspace())
            {
                var ours = new OurCompose(runspace);
                foreach (ConformanceCase c in cases)
                {
                    ReferenceOutputs reference = references[c.Name];
                    try
                    {
                        if (c.ExpectValid)
                        {
                            compared += CompareJson(ours, c, reference.Json, problems);
                            if (!reference.Json.Ok) continue;
                            hashes += CompareHashes(ours, c, reference.Hash, problems);
                            yaml += CompareYaml(ours, c, reference.Yaml, problems);
                            if (c.CompareListings) listings += CompareListings(ours, c, reference, problems);
                        }
                        else
                        {
                            rejected += CompareRejection(ours, c, reference.Json, problems);
                        }
                    }
                    catch (Exception e)
                    {
                        problems.Add($"[{c.Name}] harness error: {e.GetType().Name}: {e.Message}");
                    }
                }
            }

            output.WriteLine($"cases: {cases.Count}; reference runs {referenceTime.TotalSeconds:F0} s, ours {(watch.Elapsed - referenceTime).TotalSeconds:F0} s");
            output.WriteLine($"projects compared equal: {compared}; hashes equal: {hashes}; YAML texts equal: {yaml}; listings equal: {listings}; invalid rejected: {rejected}");
            output.WriteLine($"differences: {problems.Count}");
            foreach (string p in problems) output.WriteLine(p);
            if (problems.Count > 0)
                Assert.Fail($"{problems.Count} conformance differences (equal: {compared} projects, {hashes} hashes, {yaml} YAML texts, {listings} listings, {rejected} rejections):\n" +
                    string.Join("\n", problems));
        }

        private static int CompareJson(OurCompose ours, ConformanceCase c, ReferenceCompose.Result reference, List<string> problems)
        {
            if (!reference.Ok)
            {
                problems.Add($"[{c.Name}] corpus error: the reference rejects a valid case: {reference.Stderr.Trim()}");
                return 0;
            }
            RunResult mine = ours.Run(c, new Dictionary<string, object> { ["Format"] = "Json" });
            if (mine.Errors.Count > 0)
            {
                problems.Add($"[{c.Name}] json: ours failed: {mine.ErrorText}");
                return 0;
            }
            string ourText = OurCompose.Text(mine);
            JsonDocument ourDoc;
            try { ourDoc = JsonDocument.Parse(ourText); }
            catch (JsonException e)
            {
                problems.Add($"[{c.Name}] json: ours is not JSON ({e.Message}): {Head(ourText)}");
                return 0;
            }
            using (ourDoc)
            using (JsonDocument refDoc = JsonDocument.Parse(reference.Stdout))
            {
                List<string> diffs = JsonDiff.Compare(ourDoc.RootElement, refDoc.RootElement);
                foreach (string d in diffs) problems.Add($"[{c.Name}] json {d}");
                return diffs.Count == 0 ? 1 : 0;
            }
        }

        private static int CompareHashes(OurCompose ours, ConformanceCase c, ReferenceCompose.Result reference, List<string> problems)
        {
            if (!reference.Ok)
            {
                problems.Add($"[{c.Name}] corpus error: config --hash failed: {reference.Stderr.Trim()}");
                return 0;
            }
            Dictionary<string, string> expected = ReferenceCompose.ParseHashes(reference.Stdout);
            RunResult mine = ours.Run(c, new Dictionary<string, object> { ["Hash"] = true });
            if (mine.Errors.Count > 0)
            {
                problems.Add($"[{c.Name}] hash: ours failed: {mine.ErrorText}");
                return 0;
            }
            var actual = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (PSObject o in mine.Output)
                actual[o.Properties["Service"]?.Value?.ToString() ?? "?"] = o.Properties["Hash"]?.Value?.ToString();

            int equal = 0;
            foreach (var kv in expected)
            {
                if (!actual.TryGetValue(kv.Key, out string h)) problems.Add($"[{c.Name}] hash {kv.Key}: missing in ours");
                else if (h != kv.Value) problems.Add($"[{c.Name}] hash {kv.Key}: ours {h} vs reference {kv.Value}");
                else equal++;
            }
            foreach (string extra in actual.Keys.Except(expected.Keys))
                problems.Add($"[{c.Name}] hash {extra}: extra in ours");
            return equal;
        }

        /// <summary>-Format Yaml against plain `config`: exact text, since key order and quoting are the point there.</summary>
        private static int CompareYaml(OurCompose ours, ConformanceCase c, ReferenceCompose.Result reference, List<string> problems)
        {
            if (!reference.Ok)
            {
                problems.Add($"[{c.Name}] corpus error: config (yaml) failed: {reference.Stderr.Trim()}");
                return 0;
            }
            RunResult mine = ours.Run(c, new Dictionary<string, object> { ["Format"] = "Yaml" });
            if (mine.Errors.Count > 0)
            {
                problems.Add($"[{c.Name}] yaml: ours failed: {mine.ErrorText}");
                return 0;
            }
            string[] expected = reference.Stdout.TrimEnd('\n').Split('\n');
            string[] actual = OurCompose.Text(mine).Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
            for (int i = 0; i < Math.Max(expected.Length, actual.Length); i++)
            {
                string e = i < expected.Length ? expected[i] : "<end>", a = i < actual.Length ? actual[i] : "<end>";
                if (e == a) continue;
                problems.Add($"[{c.Name}] yaml line {i + 1}: ours \"{a}\" vs reference \"{e}\" (after \"{(i > 0 && i <= expected.Length ? expected[i - 1] : "")}\")");
                return 0;
            }
            return 1;
        }

        private static int CompareListings(OurCompose ours, ConformanceCase c, ReferenceOutputs outputs, List<string> problems)
        {
            int equal = 0;
            foreach (var (ourSwitch, referenceFlag) in Listings)
            {
                ReferenceCompose.Result reference = outputs.Listings[referenceFlag];
                if (!reference.Ok)
                {
                    problems.Add($"[{c.Name}] {referenceFlag}: the reference failed: {reference.Stderr.Trim()}");
                    continue;
                }
                RunResult mine = ours.Run(c, new Dictionary<string, object> { [ourSwitch] = true });
                if (mine.Errors.Count > 0)
                {
                    problems.Add($"[{c.Name}] -{ourSwitch}: ours failed: {mine.ErrorText}");
                    continue;
                }
                // The reference prints these in Go map order, which changes from run to run: compare sorted.
                List<string> expected = ReferenceCompose.Lines(reference.Stdout).OrderBy(x => x, StringComparer.Ordinal).ToList();
                List<string> actual = mine.Output.Select(o => o?.BaseObject?.ToString()).OrderBy(x => x, StringComparer.Ordinal).ToList();
                if (expected.SequenceEqual(actual)) equal++;
                else problems.Add($"[{c.Name}] -{ourSwitch}: ours [{string.Join(", ", actual)}] vs reference [{string.Join(", ", expected)}]");
            }
            return equal;
        }

        private static int CompareRejection(OurCompose ours, ConformanceCase c, ReferenceCompose.Result reference, List<string> problems)
        {
            if (reference.Ok)
            {
                problems.Add($"[{c.Name}] corpus error: the reference accepts an invalid case");
                return 0;
            }
            RunResult mine = ours.Run(c, new Dictionary<string, object> { ["Format"] = "Json" });
            string referenceMessage = LastLine(reference.Stderr);
            if (mine.Errors.Count == 0)
            {
                problems.Add($"[{c.Name}] invalid: ours accepted it; reference says: {referenceMessage}");
                return 0;
            }
            ErrorRecord first = mine.Errors[0];
            string fqid = first.FullyQualifiedErrorId ?? "";
            if (fqid == c.ErrorId || fqid.StartsWith(c.ErrorId + ",", StringComparison.Ordinal)) return 1;
            problems.Add($"[{c.Name}] invalid: ours {fqid} \"{first.Exception?.Message}\" vs expected {c.ErrorId}; reference says: {referenceMessage}");
            return 0;
        }

        private static string LastLine(string text) =>
            text.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? "";

        private static string Head(string text) => text == null ? "" : text.Length > 200 ? text.Substring(0, 200) + "..." : text;
    }
}
