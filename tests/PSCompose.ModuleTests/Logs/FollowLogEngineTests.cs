using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.ModuleTests.EngineLoss;
using PSCompose.ModuleTests.Events;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Logs
{
    /// <summary>Receive-ComposeLog -Follow against the real engine: restarts, scale-ups, its end, Ctrl+C, a lost engine.</summary>
    public class FollowLogEngineTests
    {
        private const string Busybox = LifecycleProject.Busybox;

        /// <summary>Writes a line at start (with its hostname, one per run) and one on TERM, then exits.</summary>
        private const string Chatty = "[\"sh\", \"-c\", \"trap 'echo bye-$$(hostname); exit 0' TERM; echo start-$$(hostname); seq 1 50; sleep 600 & wait\"]";

        private static Task<RunResult> FollowAsync(LifecycleProject p, string extra = "") =>
            Task.Run(() => p.Ps("Receive-ComposeLog -Path $dir -ProjectName $p -Follow " + extra));

        private static void WaitUntil(Func<bool> condition, string what, Task<RunResult> follow = null)
        {
            var clock = Stopwatch.StartNew();
            while (!condition())
            {
                if (follow != null && follow.IsCompleted) throw new Xunit.Sdk.XunitException($"-Follow ended before {what}: {follow.Result.ErrorText}");
                if (clock.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("waited 60 s for " + what);
                Thread.Sleep(100);
            }
        }

        /// <summary>(container, line) from the engine's own log of each project container.</summary>
        private static List<string> EngineLines(LifecycleProject p) =>
            LifecycleProject.ContainersOf(p.Name)
                .SelectMany(c => Docker.Run("logs", c).Check().Stdout.Split('\n').Where(l => l.Length > 0).Select(l => c + " " + l))
                .OrderBy(l => l, StringComparer.Ordinal).ToList();

        /// <summary>Each step waits for the follow's own output, so a runspace slow to start (a loaded machine) changes nothing.</summary>
        [EngineFact]
        public void Follow_AcrossAScaleUpAndARestart_LosesAndRepeatsNothing_AndEndsWhenAllHaveStopped()
        {
            using var p = new LifecycleProject("services:\n" + $"  web:\n    image: {Busybox}\n    command: {Chatty}\n").Up();
            string web1 = p.Container("web"), web2 = p.Container("web", 2);
            ReceiveLogEngineTests.WaitForLine(p, web1, "50");
            using var follow = new BackgroundScript("Receive-ComposeLog -Path $dir -ProjectName $p -Follow",
                new Dictionary<string, object> { ["dir"] = p.Directory, ["p"] = p.Name });
            WaitUntil(() => Lines(follow, web1).Contains("50"), "web-1's lines through the follow", follow);
            p.Compose("up", "-d", "--scale", "web=2").Check();
            WaitUntil(() => Lines(follow, web2).Contains("50"), "web-2's lines through the follow", follow);
            p.Compose("restart", "web").Check();
            WaitUntil(() => Lines(follow, web1).Count(l => l == "50") == 2 && Lines(follow, web2).Count(l => l == "50") == 2,
                "the second runs' lines through the follow", follow);
            Assert.False(follow.IsCompleted, "-Follow ended while containers were running: " + string.Join("; ", follow.Errors));
            p.Compose("stop").Check();
            WaitUntil(() => follow.IsCompleted, "-Follow to end after every container stopped");
            Assert.Empty(follow.Errors);

            // Two runs of each container: start + 50 lines + bye, each exactly once.
            List<string> expected = EngineLines(p);
            Assert.Equal(2 * 2 * 52, expected.Count);
            Assert.Equal(expected, follow.Output.Select(o => Prop(o, "Container") + " " + Prop(o, "Line")).OrderBy(l => l, StringComparer.Ordinal).ToList());
            // Lines of one container stay in order, across its restart.
            Assert.Equal(Docker.Run("logs", web1).Check().Stdout.Split('\n').Where(l => l.Length > 0), Lines(follow, web1));
            // Status lines are on the Information stream, not the output: each container's two ends, in order.
            foreach (string name in new[] { "web-1", "web-2" })
            {
                List<InformationRecord> ends = follow.InformationRecords.Where(i => i.MessageData.ToString().StartsWith(name + " ", StringComparison.Ordinal)).ToList();
                Assert.All(ends, i => Assert.Equal(new[] { "PSCompose", "Status", "web" }, i.Tags));
                Assert.Equal(name + " exited with code 0", ends.Last().MessageData.ToString());
                Assert.Equal(2, ends.Count);
            }
            Assert.All(follow.Output, o => Assert.Equal("PSCompose.ComposeLogRecord", o.GetType().FullName));
        }

        private static string Prop(object record, string name) => PSObject.AsPSObject(record).Properties[name].Value?.ToString();

        /// <summary>One container's lines through a follow so far, in order.</summary>
        private static List<string> Lines(BackgroundScript follow, string container) =>
            follow.Output.Where(o => Prop(o, "Container") == container).Select(o => Prop(o, "Line")).ToList();

        private static void WaitUntil(Func<bool> condition, string what, BackgroundScript follow) =>
            WaitUntil(() => condition() || (follow.IsCompleted && Fail($"-Follow ended before {what}: {string.Join("; ", follow.Errors)}")), what);

        private static bool Fail(string message) => throw new Xunit.Sdk.XunitException(message);

        [EngineFact]
        public void Follow_AContainerStoppedAtTheStart_DoesNotKeepItOpen()
        {
            // docker compose logs -f never ends here (docker/compose#8715).
            using var p = new LifecycleProject(
                "services:\n" +
                $"  job:\n    image: {Busybox}\n    command: [\"echo\", \"job-done\"]\n" +
                $"  web:\n    image: {Busybox}\n    command: [\"sh\", \"-c\", \"echo web-up; sleep 4\"]\n").Up();
            p.Compose("wait", "job");
            Task<RunResult> follow = FollowAsync(p);
            Assert.True(follow.Wait(TimeSpan.FromSeconds(40)), "-Follow did not end after the last running container stopped");
            RunResult r = follow.Result.AssertNoErrors();
            Assert.Equal(new[] { "job-done", "web-up" }, r.Output.Select(o => (string)o.Properties["Line"].Value).OrderBy(l => l, StringComparer.Ordinal));

            // Every container already stopped: -Follow reads them and ends at once.
            var clock = Stopwatch.StartNew();
            Assert.Equal(2, p.Ps("Receive-ComposeLog -Path $dir -ProjectName $p -Follow").AssertNoErrors().Output.Count);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        }

        [EngineFact]
        public void Follow_UntilEndsItWhileContainersRun()
        {
            using var p = new LifecycleProject("services:\n" + $"  web:\n    image: {Busybox}\n    command: {Chatty}\n").Up();
            var clock = Stopwatch.StartNew();
            RunResult r = p.Ps("Receive-ComposeLog -Path $dir -ProjectName $p -Follow -Until ([DateTime]::Now.AddSeconds(3))").AssertNoErrors();
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(25), $"took {clock.Elapsed}");
            Assert.Contains(r.Output, o => ((string)o.Properties["Line"].Value).StartsWith("start-", StringComparison.Ordinal));
        }

        [EngineFact]
        public void Follow_CtrlC_EndsQuicklyAndQuietly()
        {
            using var p = new LifecycleProject("services:\n" + $"  web:\n    image: {Busybox}\n    command: {Chatty}\n").Up();
            ReceiveLogEngineTests.WaitForLine(p, p.Container("web"), "50");
            using Runspace runspace = PowerShellRunner.OpenRunspace();
            using PowerShell ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript("Receive-ComposeLog -Path $args[0] -ProjectName $args[1] -Follow").AddArgument(p.Directory).AddArgument(p.Name);
            var output = new PSDataCollection<PSObject>();
            IAsyncResult running = ps.BeginInvoke<PSObject, PSObject>(null, output);
            WaitUntil(() => output.Count >= 51, "the first lines");
            var clock = Stopwatch.StartNew();
            ps.Stop();
            Assert.True(running.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(10)));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"Stop took {clock.Elapsed}");
            Assert.Empty(ps.Streams.Error);
            Assert.Equal("running", LifecycleProject.Status(p.Container("web")));
        }

        [EngineFact]
        public void Follow_EngineConnectionCut_IsEngineStreamLostForTheContainer()
        {
            using var p = new LifecycleProject("services:\n" + $"  web:\n    image: {Busybox}\n    command: {Chatty}\n").Up();
            ReceiveLogEngineTests.WaitForLine(p, p.Container("web"), "50");
            using var proxy = new EngineProxy();
            Task<RunResult> follow = Task.Run(() => PowerShellRunner.Run(
                "$env:DOCKER_HOST = $h; try { Receive-ComposeLog -Path $dir -ProjectName $p -Follow } finally { $env:DOCKER_HOST = $null }",
                new Dictionary<string, object> { ["h"] = proxy.Host, ["dir"] = p.Directory, ["p"] = p.Name }));
            Thread.Sleep(4000);
            Assert.False(follow.IsCompleted, "ended before the cut: " + (follow.IsCompleted ? follow.Result.ErrorText : ""));
            proxy.Kill();
            Assert.True(follow.Wait(TimeSpan.FromSeconds(30)), "-Follow did not end after the engine connection was cut");
            RunResult r = follow.Result;
            Assert.Equal(51, r.Output.Count);
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.Equal("EngineStreamLost,PSCompose.Cmdlets.ReceiveComposeLogCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, e.CategoryInfo.Category);
            Assert.Equal(p.Container("web"), e.TargetObject);
        }
    }
}
