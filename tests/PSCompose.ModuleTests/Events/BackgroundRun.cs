using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using PSCompose.Testing;

namespace PSCompose.ModuleTests.Events
{
    /// <summary>A script running in its own runspace while the test goes on; Stop() is Ctrl+C as a host sends it.</summary>
    internal sealed class BackgroundScript : IDisposable
    {
        private readonly Runspace runspace = PowerShellRunner.OpenRunspace();
        private readonly PowerShell ps = PowerShell.Create();
        private readonly PSDataCollection<PSObject> output = new PSDataCollection<PSObject>();
        private readonly IAsyncResult running;

        public BackgroundScript(string script, Dictionary<string, object> variables)
        {
            foreach (var kv in variables) runspace.SessionStateProxy.SetVariable(kv.Key, kv.Value);
            ps.Runspace = runspace;
            ps.AddScript(script);
            running = ps.BeginInvoke<PSObject, PSObject>(null, output);
        }

        /// <summary>What the script has written so far.</summary>
        public List<object> Output
        {
            get
            {
                // Not foreach: a PSDataCollection's enumerator blocks until the collection is completed.
                var items = new List<object>();
                for (int i = 0; i < output.Count; i++) items.Add(output[i]?.BaseObject);
                return items;
            }
        }

        public IReadOnlyList<ErrorRecord> Errors => ps.Streams.Error.ToList();

        /// <summary>The information stream so far (read by index, as <see cref="Output"/>).</summary>
        public List<string> Information => Snapshot(ps.Streams.Information, r => r.MessageData?.ToString());

        /// <summary>The information records so far, with their tags.</summary>
        public List<InformationRecord> InformationRecords => Snapshot(ps.Streams.Information, r => r);

        public List<string> Warnings => Snapshot(ps.Streams.Warning, r => r.Message);

        private static List<TItem> Snapshot<T, TItem>(PSDataCollection<T> records, Func<T, TItem> text)
        {
            var items = new List<TItem>();
            for (int i = 0; i < records.Count; i++) items.Add(text(records[i]));
            return items;
        }

        public bool IsCompleted => running.IsCompleted;

        /// <summary>Stops the pipeline; returns how long PowerShell.Stop() took.</summary>
        public TimeSpan Stop()
        {
            var clock = Stopwatch.StartNew();
            ps.Stop();
            return clock.Elapsed;
        }

        public void Dispose()
        {
            if (!running.IsCompleted) ps.Stop();
            ps.Dispose();
            runspace.Dispose();
        }
    }

    /// <summary>A process (the reference docker compose) whose stdout lines are collected while it runs.</summary>
    internal sealed class BackgroundProcess : IDisposable
    {
        private readonly Process process;

        public ConcurrentQueue<string> Lines { get; } = new ConcurrentQueue<string>();

        public BackgroundProcess(string workingDirectory, params string[] dockerArgs)
            : this(Docker(workingDirectory, dockerArgs))
        {
        }

        public BackgroundProcess(ProcessStartInfo psi)
        {
            psi.RedirectStandardOutput = true;
            psi.RedirectStandardError = true;
            psi.UseShellExecute = false;
            process = Process.Start(psi);
            process.OutputDataReceived += (s, e) => { if (!string.IsNullOrEmpty(e.Data)) Lines.Enqueue(e.Data); };
            process.ErrorDataReceived += (s, e) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        /// <summary>A script in real pwsh (the pinned one) with the built module imported.</summary>
        public static BackgroundProcess Pwsh(string script) => new BackgroundProcess(Testing.Pwsh.StartInfo(new[]
        {
            "-NoProfile", "-NonInteractive", "-Command", $"Import-Module '{RepoPaths.ModuleManifest}'; {script}",
        }));

        private static ProcessStartInfo Docker(string workingDirectory, string[] args)
        {
            var psi = new ProcessStartInfo("docker") { WorkingDirectory = workingDirectory };
            foreach (string a in args) psi.ArgumentList.Add(a);
            return psi;
        }

        public int WaitForExit(TimeSpan limit)
        {
            if (!process.WaitForExit((int)limit.TotalMilliseconds))
                throw new TimeoutException(string.Join(" ", process.StartInfo.ArgumentList) + " did not end");
            process.WaitForExit();
            return process.ExitCode;
        }

        public void Dispose()
        {
            if (!process.HasExited) process.Kill(true);
            process.Dispose();
        }
    }
}
