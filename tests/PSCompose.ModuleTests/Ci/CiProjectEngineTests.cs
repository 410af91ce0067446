using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PSCompose.ModuleTests.Up;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Ci
{
    /// <summary>
    /// up, logs, exec and down of a small project in CI mode: plain lines in closed groups instead of progress records,
    /// and a container's logging commands neutralised wherever PSCompose prints its text.
    /// </summary>
    public class CiProjectEngineTests
    {
        /// <summary>The commands a hostile container prints, one per line.</summary>
        private static readonly string[] Injected =
        {
            "##vso[task.setvariable variable=x]1", "##vso[task.complete result=Failed]", "::error::x", "::set-output name=x::y",
        };

        private static string Project(UpProject p) =>
            $"name: {p.Name}\nservices:\n" +
            $"  db:\n    image: {UpProject.Busybox}\n    command: [\"sh\", \"-c\", \"printf '%s\\\\n' '{string.Join("' '", Injected)}'; trap 'exit 0' TERM; sleep 600 & wait\"]\n" +
            $"  web:\n    image: {UpProject.Busybox}\n    depends_on: [db]\n    command: {UpProject.Sleeper}\n";

        /// <summary>Every group is closed before the next opens, and the last one is closed.</summary>
        private static void AssertGroupsClosed(IReadOnlyList<string> lines, string start, string end)
        {
            bool open = false;
            foreach (string line in lines)
            {
                if (line.StartsWith(start, StringComparison.Ordinal)) { Assert.False(open, "a group opened inside another:\n" + string.Join("\n", lines)); open = true; }
                else if (line == end) { Assert.True(open, "a group closed that was not open:\n" + string.Join("\n", lines)); open = false; }
            }
            Assert.False(open, "the last group was left open:\n" + string.Join("\n", lines));
        }

        private static List<string> HostLines(RunResult r) =>
            r.Information.Where(i => i.Tags.Contains("PSHOST")).Select(i => i.MessageData.ToString()).ToList();

        [EngineFact]
        public void Up_InCiMode_WritesClosedGroupsPerPhaseAndService_AndNoProgress()
        {
            using var p = new UpProject("cioutput-up");
            p.WriteCompose(Project(p));
            var vars = new Dictionary<string, object> { ["dir"] = p.Directory, ["p"] = p.Name };

            RunResult ci = PowerShellRunner.Run("Invoke-ComposeUp -Path $dir -ProjectName $p -CiOutput AzurePipelines", vars).AssertNoErrors();
            Assert.Empty(ci.Progress);
            List<string> lines = HostLines(ci);
            AssertGroupsClosed(lines, "##[group]", "##[endgroup]");
            foreach (string title in new[] { "create db", "create web", "start db", "start web" })
                Assert.Contains($"##[group]Compose up {p.Name}: {title}", lines);

            RunResult down = PowerShellRunner.Run("Invoke-ComposeDown -Path $dir -ProjectName $p -CiOutput GitHubActions", vars).AssertNoErrors();
            Assert.Empty(down.Progress);
            List<string> downLines = HostLines(down);
            AssertGroupsClosed(downLines, "::group::", "::endgroup::");
            Assert.Contains($"::group::Compose down {p.Name}: stop web", downLines);

            // The same up outside CI mode writes progress records: what the CI mode replaces.
            RunResult plain = PowerShellRunner.Run("Invoke-ComposeUp -Path $dir -ProjectName $p -CiOutput None", vars).AssertNoErrors();
            Assert.NotEmpty(plain.Progress);
            Assert.Empty(HostLines(plain));
        }

        [EngineFact]
        public void ImageBuild_InCiMode_IsAGroupOfPlainNeutralisedLines_WithoutProgress()
        {
            using var p = new UpProject("cioutput-build");
            p.WriteCompose($"name: {p.Name}\nservices:\n  app:\n    build: .\n    image: {p.Name}-app\n");
            // The project's own name in the RUN line: a layer cached by an earlier run would print no output.
            p.Write("Dockerfile", $"FROM {UpProject.Busybox}\nRUN echo '##vso[task.complete result=Failed]' && echo '::error::x' && echo {p.Name}\n");
            try
            {
                RunResult r = PowerShellRunner.Run("New-ComposeImage -Path $dir -ProjectName $p -CiOutput GitHubActions",
                    new Dictionary<string, object> { ["dir"] = p.Directory, ["p"] = p.Name }).AssertNoErrors();
                Assert.Empty(r.Progress);
                List<string> lines = HostLines(r);
                AssertGroupsClosed(lines, "::group::", "::endgroup::");
                Assert.Equal("::group::Build images: app", lines[0]);
                Assert.Contains("*#vso[task.complete result=Failed]", lines);
                Assert.Contains("*:error::x", lines);
                Assert.DoesNotContain(lines, l => l.Contains("##vso[") || (l.StartsWith("::", StringComparison.Ordinal) && !l.StartsWith("::group::", StringComparison.Ordinal) && l != "::endgroup::"));
                // The build output's information records are neutralised too.
                Assert.Contains(r.Information, i => i.Tags.Contains("Build") && i.MessageData.ToString() == "*:error::x");
            }
            finally { Docker.Run("rmi", "-f", p.Name + "-app"); }
        }

        [EngineFact]
        public void FailedUp_InCiMode_StillClosesItsGroup()
        {
            using var p = new UpProject("cioutput-fail");
            p.WriteCompose($"name: {p.Name}\nservices:\n  broken:\n    image: {UpProject.Busybox}\n    command: [\"/no/such/program\"]\n");
            RunResult r = PowerShellRunner.Run("Invoke-ComposeUp -Path $dir -ProjectName $p -CiOutput AzurePipelines",
                new Dictionary<string, object> { ["dir"] = p.Directory, ["p"] = p.Name });
            Assert.NotEmpty(r.Errors);
            List<string> lines = HostLines(r);
            Assert.Contains(lines, l => l.StartsWith("##[group]", StringComparison.Ordinal));
            AssertGroupsClosed(lines, "##[group]", "##[endgroup]");
        }

        [EngineFact]
        public void ContainerText_InAnAzurePipelinesStep_CannotStartALoggingCommand()
        {
            using var p = new UpProject("cioutput-inject");
            p.WriteCompose(Project(p));
            string script = string.Join("\n",
                "$ErrorActionPreference = 'Stop'",
                $"Invoke-ComposeUp -ProjectName {p.Name} | Out-Null",
                $"for ($i = 0; $i -lt 40 -and @(Receive-ComposeLog -ProjectName {p.Name} -Name db).Count -lt 4; $i++) {{ Start-Sleep -Milliseconds 250 }}",
                "'--- view'",
                $"Receive-ComposeLog -ProjectName {p.Name} -Name db -NoLogPrefix",
                "'--- prefixed view'",
                $"Receive-ComposeLog -ProjectName {p.Name} -Name db",
                "'--- raw'",
                $"Receive-ComposeLog -ProjectName {p.Name} -Name db -NoLogPrefix -Raw",
                "'--- exec'",
                $"Invoke-ComposeExec -ProjectName {p.Name} -Name db -Command sh, -c, \"printf '%s\\n' '{string.Join("' '", Injected)}'\"",
                "'--- end'",
                // The typed record's Line keeps the text as the container wrote it (to a file, not to the log).
                $"(Receive-ComposeLog -ProjectName {p.Name} -Name db).Line | Set-Content -LiteralPath lines.txt",
                $"Invoke-ComposeDown -ProjectName {p.Name} | Out-Null");
            CiStep.Result step = CiStep.Run(p.Directory, script, ("TF_BUILD", "True"));
            Assert.True(step.ExitCode == 0 && step.Stderr.Length == 0, step.ToString());

            List<string> lines = step.Lines;
            Assert.DoesNotContain(lines, l => l.Contains("##vso["));
            Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("::", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Contains("##[") && !l.StartsWith("##[group]Compose ", StringComparison.Ordinal) && l != "##[endgroup]");
            string[] neutralised = { "*#vso[task.setvariable variable=x]1", "*#vso[task.complete result=Failed]", "*:error::x", "*:set-output name=x::y" };
            foreach (string section in new[] { "--- view", "--- raw", "--- exec" })
            {
                List<string> shown = lines.SkipWhile(l => l != section).Skip(1).TakeWhile(l => !l.StartsWith("---", StringComparison.Ordinal)).ToList();
                Assert.True(neutralised.SequenceEqual(shown), section + ":\n" + step);
            }
            List<string> prefixed = lines.SkipWhile(l => l != "--- prefixed view").Skip(1).TakeWhile(l => !l.StartsWith("---", StringComparison.Ordinal)).ToList();
            Assert.Contains(prefixed, l => l.EndsWith("| *#vso[task.complete result=Failed]", StringComparison.Ordinal));
            AssertGroupsClosed(lines, "##[group]", "##[endgroup]");

            Assert.Equal(Injected, File.ReadAllLines(Path.Combine(p.Directory, "lines.txt")));
        }
    }
}
