using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Events
{
    /// <summary>Wait-ComposeService against the real engine, exit codes compared with the reference `docker compose wait`.</summary>
    public class WaitEngineTests
    {
        private const string Busybox = LifecycleProject.Busybox;
        private const string Sleeper = LifecycleProject.Sleeper;

        /// <summary>The project's name is also in the file, so commands run in its directory need no -ProjectName.</summary>
        private static LifecycleProject NewProject(string yaml)
        {
            string name = "events-wait-" + Guid.NewGuid().ToString("N").Substring(0, 10);
            return new LifecycleProject($"name: {name}\n" + yaml, name);
        }

        private static Dictionary<string, object> Vars(LifecycleProject p) => new Dictionary<string, object> { ["dir"] = p.Directory, ["p"] = p.Name };

        private static int InspectExitCode(string container) => LifecycleProject.State(container).GetProperty("ExitCode").GetInt32();

        /// <summary>Exits with the code once /tmp/go exists (docker exec … touch /tmp/go), so the test decides the order.</summary>
        private static string ExitOnSignal(int code) =>
            $"[\"sh\", \"-c\", \"while [ ! -f /tmp/go ]; do sleep 0.1; done; exit {code}\"]";

        [EngineFact]
        public void Exited_GivesEachExitCodeAsItExits_TheLastOneIsComposeWaitsCode()
        {
            using LifecycleProject p = NewProject("services:\n" +
                $"  quick:\n    image: {Busybox}\n    command: {ExitOnSignal(3)}\n" +
                $"  slow:\n    image: {Busybox}\n    command: {ExitOnSignal(5)}\n" +
                $"  web:\n    image: {Busybox}\n    command: {Sleeper}\n").Up();
            using var reference = new BackgroundProcess(p.Directory, "compose", "-p", p.Name, "wait", "quick", "slow");
            using var ours = new BackgroundScript("Wait-ComposeService -Path $dir -ProjectName $p -Name quick, slow", Vars(p));
            Thread.Sleep(4000); // both have listed the running containers
            Docker.Run("exec", p.Container("quick"), "touch", "/tmp/go").Check();
            Thread.Sleep(1000);
            Docker.Run("exec", p.Container("slow"), "touch", "/tmp/go").Check();
            int composeCode = reference.WaitForExit(TimeSpan.FromSeconds(60));
            DateTime deadline = DateTime.UtcNow.AddSeconds(30);
            while (!ours.IsCompleted && DateTime.UtcNow < deadline) Thread.Sleep(100);
            Assert.True(ours.IsCompleted, "Wait-ComposeService did not return");
            Assert.Empty(ours.Errors);
            List<PSObject> output = ours.Output.Select(o => new PSObject(o)).ToList();

            Assert.Equal(new[] { "quick", "slow" }, output.Select(o => (string)o.Properties["Service"].Value));
            Assert.Equal(new[] { 3, 5 }, output.Select(o => (int)o.Properties["ExitCode"].Value));
            Assert.Equal(composeCode, (int)output.Last().Properties["ExitCode"].Value);
            Assert.All(output, o => Assert.Equal(InspectExitCode((string)o.Properties["Container"].Value), (int)o.Properties["ExitCode"].Value));
            Assert.Equal("running", LifecycleProject.Status(p.Container("web")));
        }

        [EngineFact]
        public void NameJob_HasAnExitCode_AndNothingRunningIsComposesError()
        {
            using LifecycleProject p = NewProject("services:\n" + $"  job:\n    image: {Busybox}\n    command: {ExitOnSignal(7)}\n").Up();
            using var exit = new Timer(_ => Docker.Run("exec", p.Container("job"), "touch", "/tmp/go"), null, 4000, Timeout.Infinite);
            RunResult r = PowerShellRunner.Run("(Wait-ComposeService -Name job).ExitCode", Vars(p), p.Directory).AssertNoErrors();
            Assert.Equal(7, (int)Assert.Single(r.Output).BaseObject);

            // Nothing running any more: docker compose wait fails with `no containers for project "p"`.
            Docker.Result compose = p.Compose("wait", "job");
            Assert.Equal(1, compose.ExitCode);
            RunResult none = p.Ps("Wait-ComposeService -Path $dir -ProjectName $p -Name job");
            ErrorRecord error = Assert.Single(none.Errors);
            Assert.StartsWith("NoContainerToWait,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal(p.Name, error.TargetObject);
            Assert.Contains($"no containers for project \"{p.Name}\"", compose.Stderr);
            Assert.Contains($"no containers for project \"{p.Name}\"", error.Exception.Message);
        }

        [EngineFact]
        public void DownProject_TakesTheProjectDownAfterAllExited()
        {
            using LifecycleProject p = NewProject("services:\n" +
                $"  job:\n    image: {Busybox}\n    command: {ExitOnSignal(0)}\n" +
                $"  web:\n    image: {Busybox}\n    command: {Sleeper}\n").Up();
            using var exit = new Timer(_ => Docker.Run("exec", p.Container("job"), "touch", "/tmp/go"), null, 4000, Timeout.Infinite);
            RunResult r = p.Ps("Wait-ComposeService -ProjectName $p -Name job -DownProject").AssertNoErrors();
            Assert.Equal(0, (int)Assert.Single(r.Output).Properties["ExitCode"].Value);
            Assert.Empty(LifecycleProject.ContainersOf(p.Name));
            Assert.Empty(LifecycleProject.NetworksOf(p.Name));

            RunResult conflict = p.Ps("Wait-ComposeService -ProjectName $p -Condition Healthy -DownProject");
            Assert.StartsWith("ParameterConflict,", Assert.Single(conflict.Errors).FullyQualifiedErrorId);
        }

        [EngineFact]
        public void Healthy_TimesOut_NamingTheServiceItsStateAndLastLogLines()
        {
            using LifecycleProject p = NewProject("services:\n" +
                $"  sick:\n    image: {Busybox}\n" +
                "    command: [\"sh\", \"-c\", \"for i in $$(seq 1 12); do echo line $$i; done; trap 'exit 0' TERM; sleep 600 & wait\"]\n" +
                "    healthcheck: {test: [\"CMD\", \"false\"], interval: 1s, retries: 1000}\n" +
                $"  fine:\n    image: {Busybox}\n    command: {Sleeper}\n" +
                "    healthcheck: {test: [\"CMD\", \"true\"], interval: 1s}\n").Up();
            var clock = Stopwatch.StartNew();
            RunResult r = p.Ps("Wait-ComposeService -Path $dir -ProjectName $p -Condition Healthy -Timeout 4");
            Assert.InRange(clock.Elapsed.TotalSeconds, 3.5, 15);
            ErrorRecord error = Assert.Single(r.Errors);
            Assert.StartsWith("ComposeWaitTimeout,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.Equal("sick", error.TargetObject);
            string message = error.Exception.Message;
            Assert.Contains("service \"sick\" is not healthy after 4s", message);
            Assert.Contains($"{p.Container("sick")} is running (health: starting)", message);
            string[] logged = message.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("line ")).ToArray();
            Assert.Equal(Enumerable.Range(3, 10).Select(i => "line " + i), logged);
            Assert.Empty(r.Output);
        }

        [EngineFact]
        public void HealthyAndRunning_ReturnTheContainersOnceReady_TimeoutInSecondsOrTimeSpan()
        {
            using LifecycleProject p = NewProject("services:\n" +
                $"  db:\n    image: {Busybox}\n    command: {Sleeper}\n" +
                "    healthcheck: {test: [\"CMD\", \"true\"], interval: 1s}\n" +
                $"  web:\n    image: {Busybox}\n    command: {Sleeper}\n    scale: 2\n").Up();
            // -Timeout 30 is 30 seconds (as Wait-Job's), not 30 ticks: the wait must not time out at once.
            RunResult healthy = p.Ps("Wait-ComposeService -Path $dir -ProjectName $p -Name db -Condition Healthy -Timeout 30").AssertNoErrors();
            Assert.Equal(p.Container("db"), Assert.Single(healthy.Output).Properties["Name"].Value);
            Assert.Equal("healthy", LifecycleProject.State(p.Container("db")).GetProperty("Health").GetProperty("Status").GetString());

            RunResult running = p.Ps("Wait-ComposeService -ProjectName $p -Condition Running -Timeout ([TimeSpan]::FromSeconds(30))").AssertNoErrors();
            Assert.Equal(new[] { p.Container("db"), p.Container("web", 1), p.Container("web", 2) },
                running.Output.Select(o => (string)o.Properties["Name"].Value).OrderBy(n => n, StringComparer.Ordinal));

            // Healthy asked of a service without a healthcheck can never be met: an error at once, not a hang.
            RunResult noCheck = p.Ps("Wait-ComposeService -ProjectName $p -Name web -Condition Healthy");
            Assert.StartsWith("ServiceUnhealthy,", noCheck.Errors.First().FullyQualifiedErrorId);
            Assert.Contains("has no healthcheck configured", noCheck.Errors.First().Exception.Message);
        }

        [EngineFact]
        public void CtrlC_EndsTheWaitPromptly_AndLeavesTheContainersAlone()
        {
            using LifecycleProject p = NewProject("services:\n" + $"  web:\n    image: {Busybox}\n    command: {Sleeper}\n").Up();
            using var waiting = new BackgroundScript("Wait-ComposeService -ProjectName $p -Name web", Vars(p));
            Thread.Sleep(1500);
            Assert.False(waiting.IsCompleted);
            TimeSpan stopping = waiting.Stop();
            Assert.True(stopping < TimeSpan.FromSeconds(3), $"Ctrl+C took {stopping}");
            Assert.Empty(waiting.Errors);
            Assert.Equal("running", LifecycleProject.Status(p.Container("web")));
        }
    }
}
