using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;
using Xunit;
using Xunit.Abstractions;
using static PSCompose.ModuleTests.OneOff.OneOffProject;

namespace PSCompose.ModuleTests.OneOff
{
    /// <summary>
    /// Ctrl+C (PowerShell.Stop()) while Invoke-ComposeRun waits for its one-off: Compose forwards SIGINT and leaves a
    /// one-off that ignores it running, even with --rm (#12965); PSCompose stops it after a grace and removes it.
    /// </summary>
    public class RunCtrlCEngineTests
    {
        private readonly ITestOutputHelper output;

        public RunCtrlCEngineTests(ITestOutputHelper output) => this.output = output;

        private const int Trials = 4;

        /// <summary>PSCompose waits this long after SIGINT before it stops the one-off (OneOffRunner.InterruptGrace).</summary>
        private static readonly TimeSpan OneOffGrace = TimeSpan.FromSeconds(3);

        [EngineFact]
        public void CtrlC_OnRunRemove_StopsAndRemovesEvenAOneOffThatIgnoresSigint()
        {
            using var p = New();
            for (int trial = 1; trial <= Trials; trial++)
            {
                // The first variant ends on SIGINT; the second ignores it and must be stopped.
                string command = trial % 2 == 1 ? "trap 'exit 130' INT; echo ready; sleep 60 & wait" : "trap '' INT; echo ready; sleep 60 & wait";
                TimeSpan took = Interrupt(p, $"Invoke-ComposeRun -Path $dir -ProjectName $p -NoDeps -Remove web -- sh -c \"{command}\"");
                Assert.Empty(LifecycleProject.ContainersOf(p.Name));
                Assert.True(took < TimeSpan.FromSeconds(15), $"trial {trial}: Stop() took {took.TotalSeconds:0.0} s");
                Assert.True(trial % 2 == 1 || took >= OneOffGrace, $"trial {trial}: a one-off that ignores SIGINT was given no grace ({took.TotalSeconds:0.0} s)");
                output.WriteLine($"trial {trial} ({(trial % 2 == 1 ? "obeys" : "ignores")} SIGINT): Stop() returned after {took.TotalSeconds:0.0} s; one-offs left: 0");
            }
            output.WriteLine($"[trials] Ctrl+C on Invoke-ComposeRun -Remove: {Trials} interrupted one-offs, {Trials} removed, 0 left running");
        }

        [EngineFact]
        public void CtrlC_OnRunWithoutRemove_LeavesTheOneOffStopped()
        {
            using var p = New();
            Interrupt(p, "Invoke-ComposeRun -Path $dir -ProjectName $p -NoDeps web -- sh -c \"trap '' INT; echo ready; sleep 60 & wait\"");
            string oneOff = Assert.Single(LifecycleProject.ContainersOf(p.Name));
            Assert.Equal("exited", LifecycleProject.Status(oneOff));
        }

        /// <summary>
        /// Starts the script, waits for the one-off's first output line, calls Stop(), and returns how long until the
        /// cmdlet had ended. The one-off sleeps 60 s: a Stop() that did not interrupt it cannot pass the bound.
        /// </summary>
        private static TimeSpan Interrupt(LifecycleProject p, string script)
        {
            using var runspace = PowerShellRunner.OpenRunspace();
            runspace.SessionStateProxy.SetVariable("dir", p.Directory);
            runspace.SessionStateProxy.SetVariable("p", p.Name);
            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript(script);
            var outputs = new PSDataCollection<PSObject>();
            IAsyncResult running = ps.BeginInvoke<PSObject, PSObject>(null, outputs);
            var deadline = Stopwatch.StartNew();
            // Only Count is read: indexing or enumerating the collection of a running pipeline blocks until it ends.
            while (outputs.Count == 0)
            {
                Assert.False(running.IsCompleted, "Invoke-ComposeRun ended before it could be stopped: " + string.Join("; ", ps.Streams.Error.ToList()));
                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "the one-off never wrote its first line");
                Thread.Sleep(20);
            }
            var clock = Stopwatch.StartNew();
            ps.Stop();
            Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
            return clock.Elapsed;
        }
    }
}
