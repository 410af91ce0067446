using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using PSCompose.ModuleTests.Up;
using PSCompose.Testing;
using Xunit;
using Xunit.Abstractions;

namespace PSCompose.ModuleTests.Attach
{
    /// <summary>Ctrl+C (PowerShell.Stop(), as a host delivers it) during Invoke-ComposeUp -Attach.</summary>
    public class AttachedCtrlCEngineTests
    {
        private readonly ITestOutputHelper output;

        public AttachedCtrlCEngineTests(ITestOutputHelper output) => this.output = output;

        /// <summary>web's PID 1 sleep ignores SIGTERM, so its stop takes the whole -Timeout; db is its dependency.</summary>
        private static UpProject WebAndDb()
        {
            var p = new UpProject("psc-attach-ctrlc");
            p.WriteCompose("services:\n" +
                $"  web:\n    image: {UpProject.Busybox}\n    command: [\"sh\", \"-c\", \"echo web-up; exec sleep 600\"]\n    depends_on: [db]\n" +
                $"  db:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n");
            return p;
        }

        [EngineFact]
        public void CtrlC_StopsTheNamedServiceWithinItsTimeout_LeavesTheDependencyRunning_RemovesNothing()
        {
            const int timeout = 3, trials = 2;
            using var p = WebAndDb();
            for (int trial = 1; trial <= trials; trial++)
            {
                using Runspace runspace = PowerShellRunner.OpenRunspace();
                using PowerShell ps = PowerShell.Create();
                ps.Runspace = runspace;
                ps.AddScript($"Invoke-ComposeUp web -Path '{p.Directory}' -ProjectName '{p.Name}' -Attach -Timeout {timeout}");
                var records = new PSDataCollection<PSObject>();
                IAsyncResult running = ps.BeginInvoke<PSObject, PSObject>(null, records);
                var waited = Stopwatch.StartNew();
                while (!records.ToList().Any(r => (string)r.Properties["Line"]?.Value == "web-up"))
                {
                    Assert.False(running.IsCompleted, "the attached up ended by itself: " + string.Join("; ", ps.Streams.Error.ToList()));
                    Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "web's first line never came");
                    Thread.Sleep(50);
                }
                var stopping = Stopwatch.StartNew();
                ps.Stop();
                TimeSpan took = stopping.Elapsed;
                Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));

                var web = UpProject.Inspect($"{p.Name}-web-1").GetProperty("State");
                Assert.False(web.GetProperty("Running").GetBoolean(), "web still runs after Ctrl+C");
                Assert.Equal(137, web.GetProperty("ExitCode").GetInt32()); // the graceful stop ran out its timeout
                Assert.True(UpProject.Inspect($"{p.Name}-db-1").GetProperty("State").GetProperty("Running").GetBoolean(), "db was stopped");
                Assert.Equal(2, p.ContainerIds().Count);
                Assert.True(took < TimeSpan.FromSeconds(timeout + 5), $"Stop() took {took.TotalSeconds:0.0} s with a {timeout} s stop timeout");
                Assert.True(took >= TimeSpan.FromSeconds(timeout - 0.5), $"Stop() returned after {took.TotalSeconds:0.0} s, before web's stop could have ended");
                Assert.Equal(130, runspace.SessionStateProxy.GetVariable("LASTEXITCODE"));
                output.WriteLine($"trial {trial}: Stop() took {took.TotalSeconds:0.0} s (stop timeout {timeout} s); web exited 137, db running");
            }
            output.WriteLine($"[trials] Ctrl+C during attached up: {trials} of {trials} stopped web within its timeout, db left running");
        }
    }
}
