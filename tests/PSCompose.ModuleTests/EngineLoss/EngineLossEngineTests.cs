using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.ModuleTests.Up;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.EngineLoss
{
    /// <summary>
    /// The daemon goes away in the middle of a plan (an <see cref="EngineProxy"/> in front of the shared engine is
    /// killed): one EngineUnavailable error naming the endpoint, the cut-short operations on -Verbose, and a rerun
    /// against the real engine converges.
    /// </summary>
    public class EngineLossEngineTests
    {
        private static readonly Dictionary<string, string> RealEngine = new Dictionary<string, string> { ["DOCKER_HOST"] = "unix:///var/run/docker.sock" };

        /// <summary>A process that ignores SIGTERM, so each stop request stays open for the whole -Timeout.</summary>
        private const string Stubborn = "[\"sh\", \"-c\", \"trap '' TERM; while true; do sleep 1; done\"]";

        private static Task<RunResult> ThroughProxy(EngineProxy proxy, UpProject p, string command) =>
            Task.Run(() => PowerShellRunner.Run(
                "$env:DOCKER_HOST = $h; try { " + command + " -Path $dir -ProjectName $p -Verbose } finally { $env:DOCKER_HOST = $null }",
                new Dictionary<string, object> { ["h"] = proxy.Host, ["dir"] = p.Directory, ["p"] = p.Name }));

        private static void WaitFor(Func<bool> condition, string what)
        {
            var clock = Stopwatch.StartNew();
            while (!condition())
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("waited 60 s for " + what);
                Thread.Sleep(200);
            }
        }

        private static ErrorRecord AssertOneEngineUnavailable(RunResult r, EngineProxy proxy, string cmdlet)
        {
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.Equal("EngineUnavailable,PSCompose.Cmdlets." + cmdlet, e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, e.CategoryInfo.Category);
            Assert.Equal(proxy.Host, e.TargetObject);
            Assert.Contains(proxy.Host, e.Exception.Message);
            return e;
        }

        private static int Running(UpProject p) =>
            Docker.RunIn(null, RealEngine, "ps", "-q", "--filter", "label=com.docker.compose.project=" + p.Name, "--filter", "status=running")
                .Check().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

        [EngineFact]
        public void Up_EngineLostWhileTwoServicesWaitForHealthyDependencies_IsOneError_AndARerunConverges()
        {
            using var p = new UpProject("psc-engine2-lostup");
            string slowDb = "    image: " + UpProject.Busybox + "\n" +
                            "    command: [\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 6; touch /tmp/ok; sleep 600 & wait\"]\n" +
                            "    healthcheck: { test: [\"CMD\", \"test\", \"-f\", \"/tmp/ok\"], interval: 1s, retries: 60 }\n";
            p.WriteCompose("services:\n" +
                "  db1:\n" + slowDb + "  db2:\n" + slowDb +
                $"  a:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n    depends_on: {{ db1: {{ condition: service_healthy }} }}\n" +
                $"  b:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n    depends_on: {{ db2: {{ condition: service_healthy }} }}\n");

            RunResult r;
            using (var proxy = new EngineProxy())
            {
                Task<RunResult> up = ThroughProxy(proxy, p, "Invoke-ComposeUp");
                WaitFor(() => up.IsCompleted || Running(p) == 2, "db1 and db2 to start");
                proxy.Kill();
                Assert.True(up.Wait(TimeSpan.FromSeconds(60)), "Invoke-ComposeUp did not return after the engine went away");
                r = up.Result;
                AssertOneEngineUnavailable(r, proxy, "InvokeComposeUpCommand");
            }
            // Both waits were cut short; the services after them were skipped. All of it is on -Verbose.
            Assert.Contains(r.Verbose, v => v.Message.Contains("not done: the engine at tcp://127.0.0.1:"));
            Assert.Contains(r.Verbose, v => v.Message.StartsWith("service:a:1 StartContainer") && v.Message.Contains("Skipped"));
            Assert.Contains(r.Verbose, v => v.Message.StartsWith("service:b:1 StartContainer") && v.Message.Contains("Skipped"));

            p.PsUp().AssertNoErrors();
            Assert.Equal(4, Running(p));
            Dictionary<string, string> ids = p.ContainerIds();
            p.PsUp().AssertNoErrors();
            Assert.Equal(ids, p.ContainerIds());
        }

        /// <summary>Runs the command through a proxy, kills the proxy once three stop requests are open, and checks for one error.</summary>
        private static RunResult KilledDuringThreeStops(UpProject p, string command, string cmdlet)
        {
            using var proxy = new EngineProxy();
            Task<RunResult> run = ThroughProxy(proxy, p, command);
            WaitFor(() => run.IsCompleted || proxy.StopRequests >= 3, "three stop requests");
            proxy.Kill();
            Assert.True(run.Wait(TimeSpan.FromSeconds(60)), command + " did not return after the engine went away");
            AssertOneEngineUnavailable(run.Result, proxy, cmdlet);
            return run.Result;
        }

        [EngineFact]
        public void StopAndDown_EngineLostWhileThreeStopsAreInFlight_IsOneErrorEach_AndARerunConverges()
        {
            using var p = new UpProject("psc-engine2-loststop");
            p.WriteCompose("services:\n" + string.Concat(new[] { "x", "y", "z" }.Select(s =>
                $"  {s}:\n    image: {UpProject.Busybox}\n    command: {Stubborn}\n    stop_grace_period: 30s\n")));
            p.Compose("up", "-d").Check();

            RunResult stop = KilledDuringThreeStops(p, "Stop-ComposeService -Timeout 30", "StopComposeServiceCommand");
            Assert.Equal(3, stop.Verbose.Count(v => v.Message.Contains("not done: the engine at tcp://127.0.0.1:")));

            p.Compose("up", "-d").Check();
            KilledDuringThreeStops(p, "Invoke-ComposeDown -Timeout 30", "InvokeComposeDownCommand");

            PowerShellRunner.Run("Invoke-ComposeDown -Path $dir -ProjectName $p -Timeout 0",
                new Dictionary<string, object> { ["dir"] = p.Directory, ["p"] = p.Name }).AssertNoErrors();
            Assert.Empty(p.ContainerIds());
        }
    }
}
