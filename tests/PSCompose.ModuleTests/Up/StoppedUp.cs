using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Up
{
    /// <summary>Ctrl+C as a host delivers it: Invoke-ComposeUp in a hosted runspace, PowerShell.Stop() once a condition holds.</summary>
    internal static class StoppedUp
    {
        /// <summary>
        /// Starts Invoke-ComposeUp -Verbose, polls the condition (given the running pipeline), waits delayMs and calls
        /// Stop(). With mustStillRun the up must not have ended before, and must end stopped. Returns how long Stop() took.
        /// </summary>
        public static TimeSpan Run(UpProject p, string parameters, Func<PowerShell, bool> condition, int delayMs, bool mustStillRun)
        {
            using Runspace runspace = PowerShellRunner.OpenRunspace();
            using PowerShell ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript($"Invoke-ComposeUp -Path '{p.Directory}' -ProjectName '{p.Name}' -Verbose {parameters}");
            IAsyncResult running = ps.BeginInvoke();
            var deadline = Stopwatch.StartNew();
            // Streams are copied with ToList: enumerating a PSDataCollection of a running pipeline blocks until it ends.
            while (!condition(ps))
            {
                if (running.IsCompleted && !mustStillRun)
                {
                    // A trial whose trigger never showed would stop a finished up and prove nothing.
                    Assert.True(condition(ps), "Invoke-ComposeUp ended without reaching the moment to stop at; verbose:\n" +
                        string.Join("\n", ps.Streams.Verbose.ToList().Select(v => v.Message)));
                    break;
                }
                Assert.False(running.IsCompleted, "Invoke-ComposeUp ended before it could be stopped: " + string.Join("; ", ps.Streams.Error.ToList()));
                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "the condition to stop on never held; verbose so far:\n" +
                    string.Join("\n", ps.Streams.Verbose.ToList().Select(v => v.Message)));
                Thread.Sleep(mustStillRun ? 200 : 5);
            }
            Thread.Sleep(delayMs);
            var stopping = Stopwatch.StartNew();
            ps.Stop();
            TimeSpan took = stopping.Elapsed;
            if (mustStillRun) Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
            else try { ps.EndInvoke(running); } catch (PipelineStoppedException) { }
            return took;
        }

        /// <summary>True once a verbose line of the running up contains the text.</summary>
        public static Func<PowerShell, bool> AfterVerbose(string text) => ps => ps.Streams.Verbose.ToList().Any(v => v.Message.Contains(text));
    }
}
