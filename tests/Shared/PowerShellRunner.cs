using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;

namespace PSCompose.Testing
{
    /// <summary>What one PowerShell invocation produced, stream by stream.</summary>
    public sealed class RunResult
    {
        public IReadOnlyList<PSObject> Output { get; set; }
        public IReadOnlyList<ErrorRecord> Errors { get; set; }
        public IReadOnlyList<WarningRecord> Warnings { get; set; }
        public IReadOnlyList<VerboseRecord> Verbose { get; set; }
        public IReadOnlyList<InformationRecord> Information { get; set; }
        public IReadOnlyList<ProgressRecord> Progress { get; set; }
        public bool HadErrors { get; set; }

        /// <summary>Output base objects of type T.</summary>
        public IEnumerable<object> BaseObjects => Output.Select(o => o?.BaseObject);

        public string ErrorText => string.Join(Environment.NewLine, Errors.Select(e => e.FullyQualifiedErrorId + ": " + e));

        public RunResult AssertNoErrors()
        {
            if (Errors.Count > 0) throw new Xunit.Sdk.XunitException("PowerShell errors:" + Environment.NewLine + ErrorText);
            return this;
        }
    }

    /// <summary>
    /// Runs scripts in a fresh runspace (CreateDefault2: the 48 core cmdlets) with the built module
    /// imported by full path, so the test exercises out/PSCompose exactly as a user would load it.
    /// </summary>
    public static class PowerShellRunner
    {
        public static Runspace OpenRunspace(bool importModule = true, PSHost host = null)
        {
            InitialSessionState iss = InitialSessionState.CreateDefault2();
            if (OperatingSystem.IsWindows()) iss.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
            if (importModule)
            {
                iss.ImportPSModule(new[] { RepoPaths.ModuleManifest });
                iss.ThrowOnRunspaceOpenError = true;
            }
            Runspace runspace = host == null ? RunspaceFactory.CreateRunspace(iss) : RunspaceFactory.CreateRunspace(host, iss);
            runspace.Open();
            return runspace;
        }

        /// <summary>Runs a script in a new runspace; variables are set before it runs.</summary>
        public static RunResult Run(string script, Dictionary<string, object> variables = null, string location = null)
        {
            using (Runspace runspace = OpenRunspace())
                return Run(runspace, script, variables, location);
        }

        public static RunResult Run(Runspace runspace, string script, Dictionary<string, object> variables = null, string location = null)
        {
            if (variables != null)
                foreach (var kv in variables) runspace.SessionStateProxy.SetVariable(kv.Key, kv.Value);
            using (PowerShell ps = PowerShell.Create())
            {
                ps.Runspace = runspace;
                if (location != null) runspace.SessionStateProxy.Path.SetLocation(WildcardPattern.Escape(location));
                ps.AddScript(script);
                return Collect(ps, () => ps.Invoke());
            }
        }

        internal static RunResult Collect(PowerShell ps, Func<IEnumerable<PSObject>> invoke)
        {
            var output = new List<PSObject>();
            try
            {
                output.AddRange(invoke());
            }
            catch (RuntimeException e)
            {
                // A terminating error: record it with the streams so tests can assert on it.
                ps.Streams.Error.Add(e.ErrorRecord);
            }
            return new RunResult
            {
                Output = output,
                Errors = ps.Streams.Error.ToList(),
                Warnings = ps.Streams.Warning.ToList(),
                Verbose = ps.Streams.Verbose.ToList(),
                Information = ps.Streams.Information.ToList(),
                Progress = ps.Streams.Progress.ToList(),
                HadErrors = ps.HadErrors || ps.Streams.Error.Count > 0,
            };
        }
    }
}
