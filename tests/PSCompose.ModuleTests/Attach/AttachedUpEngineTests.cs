using System;
using System.Linq;
using System.Management.Automation;
using PSCompose.ModuleTests.Up;
using PSCompose.Testing;
using Xunit;
using Xunit.Abstractions;

namespace PSCompose.ModuleTests.Attach
{
    /// <summary>Invoke-ComposeUp -Attach against the real engine, its exit codes against docker compose up for the same project.</summary>
    public class AttachedUpEngineTests
    {
        private readonly ITestOutputHelper output;

        public AttachedUpEngineTests(ITestOutputHelper output) => this.output = output;

        /// <summary>app prints to both streams at once, then a fragment without a newline, and exits 3; dep runs until stopped.</summary>
        private static UpProject AppAndDep(string appCommand = "echo app-out; echo app-err >&2; printf app-partial; exit 3")
        {
            var p = new UpProject("psc-attach");
            p.WriteCompose("services:\n" +
                $"  app:\n    image: {UpProject.Busybox}\n    command: [\"sh\", \"-c\", \"{appCommand}\"]\n    depends_on: [dep]\n" +
                $"  dep:\n    image: {UpProject.Busybox}\n    command: [\"sleep\", \"600\"]\n");
            return p;
        }

        [EngineFact]
        public void OutputWrittenAtStart_IsNotLost_AndStdoutStderrStayApart()
        {
            const int trials = 5;
            using var p = AppAndDep();
            for (int trial = 1; trial <= trials; trial++)
            {
                AttachedRun r = AttachedRun.Up(p, "app -NoDeps -Timeout 0");
                r.Run.AssertNoErrors();
                // Each stream in its order; the engine reads the two through separate pipes, so not their interleaving.
                Assert.All(r.Lines, l => Assert.Equal("app", l.Service));
                Assert.Equal(new[] { "app-out", "app-partial" }, r.Lines.Where(l => l.Stream == "Stdout").Select(l => l.Line).ToArray());
                Assert.Equal(new[] { "app-err" }, r.Lines.Where(l => l.Stream == "Stderr").Select(l => l.Line).ToArray());
                Assert.Equal(0, r.ExitCode); // no cascade flag: 0 whatever the containers return, as Compose
                PSObject exit = PSObject.AsPSObject(((System.Collections.IEnumerable)AttachedRun.Prop(r.Results.Single(), "Containers")).Cast<object>().Single());
                Assert.Equal(3, (int)AttachedRun.Prop(exit, "ExitCode"));
                Assert.Contains($"app-1 exited with code 3", r.Status);
            }
            output.WriteLine($"[trials] attached up of a container that prints at once and exits: {trials} of {trials} kept every line");
        }

        [EngineFact]
        public void AbortOnContainerExit_ReturnsComposesExitCode_AsValueErrorAndLastExitCode()
        {
            using var p = AppAndDep();
            Docker.Result reference = p.Compose("up", "--abort-on-container-exit", "-t", "1");
            p.Compose("down", "-t", "0").Check();
            Assert.Equal(3, reference.ExitCode);

            RunResult run = PowerShellRunner.Run(
                "$r = Invoke-ComposeUp -Path $dir -ProjectName $p -Attach -AbortOnContainerExit -Timeout 1; $r; $global:LASTEXITCODE",
                new System.Collections.Generic.Dictionary<string, object> { ["dir"] = p.Directory, ["p"] = p.Name });
            var r = new AttachedRun(run);
            Assert.Equal(reference.ExitCode, r.ExitCode);
            Assert.Equal(reference.ExitCode, (int)run.Output.Last().BaseObject);
            ErrorRecord error = Assert.Single(run.Errors);
            Assert.Equal("ContainerExitedNonZero,PSCompose.Cmdlets.InvokeComposeUpCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
            Assert.Equal("app", error.TargetObject);
            Assert.Equal(3L, (long)error.Exception.GetType().GetProperty("ExitCode").GetValue(error.Exception));
            // The abort stopped the selected services (all of them) and removed nothing.
            foreach (string service in new[] { "app", "dep" })
                Assert.False(UpProject.Inspect($"{p.Name}-{service}-1").GetProperty("State").GetProperty("Running").GetBoolean(), service + " still runs");
        }

        [EngineFact]
        public void ExitCodeFrom_EqualsCompose_ForTheExitedServiceAndForTheOneTheAbortStopped()
        {
            using var p = AppAndDep();
            foreach (string from in new[] { "app", "dep" })
            {
                // dep's PID 1 sleep ignores SIGTERM: the abort kills it after the 1 s timeout (137).
                Docker.Result reference = p.Compose("up", "--exit-code-from", from, "-t", "1");
                p.Compose("down", "-t", "0").Check();
                AttachedRun r = AttachedRun.Up(p, $"-ExitCodeFrom {from} -Timeout 1");
                p.Compose("down", "-t", "0").Check();
                output.WriteLine($"--exit-code-from {from}: compose {reference.ExitCode}, PSCompose {r.ExitCode}");
                Assert.Equal(reference.ExitCode, r.ExitCode);
                Assert.NotEqual(0, r.ExitCode);
                ErrorRecord error = Assert.Single(r.Run.Errors);
                Assert.StartsWith("ContainerExitedNonZero,", error.FullyQualifiedErrorId);
                Assert.Equal(from, error.TargetObject);
            }
        }

        [EngineFact]
        public void AbortOnContainerFailure_IgnoresZeroExits_LikeCompose()
        {
            var p = new UpProject("psc-attach");
            using (p)
            {
                p.WriteCompose("services:\n" +
                    $"  ok:\n    image: {UpProject.Busybox}\n    command: [\"true\"]\n" +
                    $"  bad:\n    image: {UpProject.Busybox}\n    command: [\"sh\", \"-c\", \"sleep 2; exit 4\"]\n" +
                    $"  long:\n    image: {UpProject.Busybox}\n    command: [\"sleep\", \"600\"]\n");
                Docker.Result reference = p.Compose("up", "--abort-on-container-failure", "-t", "1");
                p.Compose("down", "-t", "0").Check();
                AttachedRun r = AttachedRun.Up(p, "-AbortOnContainerFailure -Timeout 1");
                Assert.Equal(reference.ExitCode, r.ExitCode);
                Assert.Equal(4, r.ExitCode);
            }
        }

        [EngineFact]
        public void NamedService_EndsWhenItExits_AndLeavesItsDependencyRunning()
        {
            using var p = AppAndDep("echo once; exit 0");
            AttachedRun r = AttachedRun.Up(p, "app");
            r.Run.AssertNoErrors();
            Assert.Equal(0, r.ExitCode);
            Assert.Equal(new[] { ("app", "Stdout", "once") }, r.Lines.ToArray()); // dep is not attached: only app was named
            Assert.True(UpProject.Inspect($"{p.Name}-dep-1").GetProperty("State").GetProperty("Running").GetBoolean());
        }

        /// <summary>
        /// A driver that cannot be read back (logging: none): a restarted run is re-followed through the attach API, as
        /// Compose does. Each run waits 1 s before it writes, so the attach made at its start event sees the line.
        /// </summary>
        [EngineFact]
        public void ARestartedContainerWithoutReadableLogs_IsAttachedAgain_LikeCompose()
        {
            using var p = new UpProject("psc-attach");
            p.WriteCompose("services:\n" +
                $"  quiet:\n    image: {UpProject.Busybox}\n    command: [\"sh\", \"-c\", \"sleep 1; echo run; exit 2\"]\n" +
                "    restart: on-failure:1\n    logging:\n      driver: none\n");
            Docker.Result reference = p.Compose("up");
            p.Compose("down", "-t", "0").Check();
            string[] lines = reference.Stdout.Split('\n').Select(l => l.Replace("\r", "").Replace("\u001b[K", "")).Where(l => l.Length > 0).ToArray();
            Assert.Equal(new[] { "quiet-1  | run", "quiet-1  | run" }, lines.Where(l => l.Contains(" | ")));
            AttachedRun r = AttachedRun.Up(p, "");
            r.Run.AssertNoErrors();
            Assert.Empty(r.Run.Warnings);
            Assert.Equal(new[] { "run", "run" }, r.Lines.Select(l => l.Line));
            Assert.Equal(lines.Where(l => l.Contains(" exited with code ")), r.Status);
        }

        /// <summary>Each run lasts 1 s and ends before the up plan would have finished waiting on it: the exits are followed from the start.</summary>
        [EngineFact]
        public void ARestartedContainer_IsFollowedAgain()
        {
            using var p = new UpProject("psc-attach");
            p.WriteCompose("services:\n" +
                $"  flaky:\n    image: {UpProject.Busybox}\n    command: [\"sh\", \"-c\", \"echo run; sleep 1; exit 1\"]\n    restart: on-failure:2\n");
            AttachedRun r = AttachedRun.Up(p, "");
            r.Run.AssertNoErrors();
            string seen = "status: " + string.Join(" / ", r.Status) + "; lines: " + string.Join(" / ", r.Lines.Select(l => l.Line));
            Assert.True(r.Lines.Count(l => l.Line == "run") == 3, seen);
            Assert.True(r.Status.Count(s => s == "flaky-1 exited with code 1 (restarting)") == 2, seen);
            Assert.True(r.Status.Last() == "flaky-1 exited with code 1", seen);
        }
    }
}
