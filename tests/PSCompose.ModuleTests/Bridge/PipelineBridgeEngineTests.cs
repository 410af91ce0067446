using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.ModuleTests.Up;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Bridge
{
    /// <summary>
    /// A write posted from the worker to the pipeline thread can throw there (-WarningAction Stop, a downstream
    /// command that throws). The cmdlet must then stop its worker before it ends and its engine client is disposed.
    /// </summary>
    public class PipelineBridgeEngineTests
    {
        [EngineFact]
        public void WarningActionStop_StopsTheWorker_NoLaterEngineCalls() => AssertWorkerStopsWhenAWriteThrows("-WarningAction Stop");

        [EngineFact]
        public void ThrowingDownstreamCommand_StopsTheWorker_NoLaterEngineCalls() =>
            AssertWorkerStopsWhenAWriteThrows("3>&1 | ForEach-Object { throw \"downstream refused: $_\" }");

        private static void AssertWorkerStopsWhenAWriteThrows(string tail)
        {
            using var p = new UpProject("psc-engine-bridge");
            p.WriteCompose(
                "services:\n" +
                $"  a:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n" +
                $"  b:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n");
            p.PsUp().AssertNoErrors();

            // b becomes an orphan: up warns about it before it executes the plan. d can only be started once c is
            // healthy (a second or more later), long after the warning has thrown on the pipeline thread.
            p.WriteCompose(
                "services:\n" +
                $"  a:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n" +
                $"  c:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n" +
                "    healthcheck: {test: [\"CMD\", \"true\"], interval: 1s, start_period: 0s}\n" +
                $"  d:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n" +
                "    depends_on: {c: {condition: service_healthy}}\n");

            var unobserved = new ConcurrentQueue<Exception>();
            EventHandler<UnobservedTaskExceptionEventArgs> handler = (_, e) => unobserved.Enqueue(e.Exception);
            TaskScheduler.UnobservedTaskException += handler;
            try
            {
                RunResult r = p.PsUp(tail);
                Dictionary<string, string> atReturn = States(p.Name);
                ErrorRecord stop = Assert.Single(r.Errors);
                Assert.Contains("orphan", stop.ToString(), StringComparison.OrdinalIgnoreCase);

                Thread.Sleep(TimeSpan.FromSeconds(6));
                GC.Collect();
                GC.WaitForPendingFinalizers();
                Dictionary<string, string> later = States(p.Name);
                Assert.Equal(atReturn.OrderBy(k => k.Key), later.OrderBy(k => k.Key));
                Assert.DoesNotContain(" running", later.GetValueOrDefault(p.Name + "-d-1") ?? "");
                Assert.DoesNotContain(later.Keys, n => Regex.IsMatch(n, "^[0-9a-f]{12}_"));
                Assert.DoesNotContain(unobserved, e => e.ToString().Contains("PSCompose"));
            }
            finally
            {
                TaskScheduler.UnobservedTaskException -= handler;
            }
        }

        /// <summary>Container name → id and state (created, running, exited …) for the project's containers.</summary>
        private static Dictionary<string, string> States(string project) =>
            Docker.Run("ps", "-a", "--filter", "label=com.docker.compose.project=" + project, "--format", "{{.Names}} {{.ID}} {{.State}}")
                .Check().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Trim().Split(' ')).ToDictionary(f => f[0], f => f[1] + " " + f[2]);
    }
}
