using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PSCompose.ModuleTests.Up;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Ci
{
    /// <summary>
    /// PSCompose in a CI step (a real pwsh process with TF_BUILD=True or GITHUB_ACTIONS=true): the exact text the agent
    /// and the runner read from stdout. The line of a compose-file error comes from the reference `docker compose`.
    /// </summary>
    public class CiOutputEngineTests : IDisposable
    {
        private readonly string directory = Path.Combine(Path.GetTempPath(), "cioutput-" + Guid.NewGuid().ToString("N").Substring(0, 8));

        public CiOutputEngineTests()
        {
            Directory.CreateDirectory(directory);
            // A tab where YAML needs spaces: the reference and PSCompose agree on the line.
            File.WriteAllText(Path.Combine(directory, "bad.yaml"), "services:\n  web:\n\timage: x\n");
            File.WriteAllText(Path.Combine(directory, "old.yaml"), "version: \"3\"\nservices:\n  web:\n    image: pscompose/busybox:latest\n");
        }

        public void Dispose()
        {
            try { Directory.Delete(directory, true); } catch (IOException) { }
        }

        private string BadFile => Path.Combine(directory, "bad.yaml");

        private int ReferenceLine()
        {
            Docker.Result reference = Docker.RunIn(directory, null, "compose", "-f", BadFile, "config");
            Assert.NotEqual(0, reference.ExitCode);
            return int.Parse(Regex.Match(reference.Stderr, @"line (\d+):").Groups[1].Value);
        }

        [EngineFact]
        public void AzurePipelines_ComposeFileError_IsAnIssueWithFileAndLine()
        {
            int line = ReferenceLine();
            CiStep.Result step = CiStep.Run(directory, "Get-ComposeConfig -File bad.yaml", ("TF_BUILD", "True"));
            string prefix = $"##vso[task.logissue type=error;sourcepath={BadFile};linenumber={line};";
            string issue = step.Lines.SingleOrDefault(l => l.StartsWith("##vso[", StringComparison.Ordinal));
            Assert.True(issue != null && issue.StartsWith(prefix, StringComparison.Ordinal), step.ToString());
            Assert.Contains(";code=ComposeYamlSyntax;]", issue);
            Assert.Contains("Get-ComposeConfig:", step.Stderr); // the ErrorRecord is still written, as ever
        }

        [EngineFact]
        public void GitHubActions_ComposeFileError_IsAnErrorCommandWithFileAndLine()
        {
            int line = ReferenceLine();
            CiStep.Result step = CiStep.Run(directory, "Get-ComposeConfig -File bad.yaml", ("GITHUB_ACTIONS", "true"));
            string issue = step.Lines.SingleOrDefault(l => l.StartsWith("::", StringComparison.Ordinal));
            Assert.True(issue != null && issue.StartsWith($"::error file={BadFile},line={line}::", StringComparison.Ordinal), step.ToString());
        }

        [EngineFact]
        public void OutsideCi_OrWithCiOutputNone_NothingIsAdded()
        {
            foreach (CiStep.Result step in new[]
            {
                CiStep.Run(directory, "Get-ComposeConfig -File bad.yaml"),
                CiStep.Run(directory, "Get-ComposeConfig -File bad.yaml -CiOutput None", ("TF_BUILD", "True"), ("GITHUB_ACTIONS", "true")),
            })
            {
                Assert.DoesNotContain(step.Lines, l => l.Contains("##vso[") || l.StartsWith("::", StringComparison.Ordinal));
                Assert.Contains("Get-ComposeConfig:", step.Stderr);
            }
        }

        [EngineFact]
        public void CiOutputSwitch_ForcesTheDialect_WithoutTheVariable()
        {
            CiStep.Result step = CiStep.Run(directory, "Get-ComposeConfig -File bad.yaml -CiOutput AzurePipelines");
            Assert.Contains(step.Lines, l => l.StartsWith($"##vso[task.logissue type=error;sourcepath={BadFile};", StringComparison.Ordinal));
        }

        [EngineFact]
        public void Warning_IsAWarningIssue_AndLeavesStderrEmptyAndExitCodeZero()
        {
            foreach (var (variable, value, expected) in new[]
            {
                ("TF_BUILD", "True", "##vso[task.logissue type=warning;]"),
                ("GITHUB_ACTIONS", "true", "::warning::"),
            })
            {
                // As an ADO PowerShell task runs a script: errors stop it, and any stderr line would fail it (failOnStderr).
                CiStep.Result step = CiStep.Run(directory, "$ErrorActionPreference = 'Stop'\nGet-ComposeConfig -File old.yaml | Out-Null", (variable, value));
                Assert.True(step.ExitCode == 0 && step.Stderr.Length == 0, step.ToString());
                string warning = step.Lines.SingleOrDefault(l => l.StartsWith(expected, StringComparison.Ordinal));
                Assert.True(warning != null && warning.Contains("the attribute `version` is obsolete"), step.ToString());
            }
        }

        [EngineFact]
        public void SilencedWarning_GetsNoIssueEither()
        {
            CiStep.Result step = CiStep.Run(directory, "Get-ComposeConfig -File old.yaml -WarningAction SilentlyContinue | Out-Null", ("TF_BUILD", "True"));
            Assert.DoesNotContain(step.Lines, l => l.Contains("##vso["));
        }
    }
}
