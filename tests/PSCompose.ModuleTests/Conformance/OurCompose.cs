using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using PSCompose.Testing;

namespace PSCompose.ModuleTests.Conformance
{
    /// <summary>
    /// Runs Get-ComposeConfig for a case in a hosted runspace: the case's variables are set in the process
    /// environment (what $env: writes) for the call only, COMPOSE_* variables of the test host are hidden meanwhile,
    /// and the location is the case's working directory.
    /// </summary>
    internal sealed class OurCompose
    {
        // Set-Location is not among CreateDefault2's core cmdlets, so the location is set through the session state.
        // [NullString]::Value removes a variable: PowerShell would pass $null as "", leaving an empty variable behind.
        private const string Script = @"
$null = $ExecutionContext.SessionState.Path.SetLocation($caseDirectory)
$hidden = @{}
foreach ($entry in [Environment]::GetEnvironmentVariables().GetEnumerator()) {
    if ($entry.Key -like 'COMPOSE_*') { $hidden[$entry.Key] = $entry.Value; [Environment]::SetEnvironmentVariable($entry.Key, [NullString]::Value) }
}
foreach ($k in $caseEnv.Keys) { [Environment]::SetEnvironmentVariable($k, $caseEnv[$k]) }
try {
    Get-ComposeConfig @composeParams
}
finally {
    foreach ($k in $caseEnv.Keys) { [Environment]::SetEnvironmentVariable($k, [NullString]::Value) }
    foreach ($k in $hidden.Keys) { [Environment]::SetEnvironmentVariable($k, $hidden[$k]) }
}";

        private readonly Runspace runspace;

        public OurCompose(Runspace runspace) => this.runspace = runspace;

        /// <summary>Get-ComposeConfig with the case's project parameters plus the given output parameters.</summary>
        public RunResult Run(ConformanceCase c, IDictionary<string, object> output)
        {
            var parameters = new Hashtable();
            if (c.Files.Count > 0) parameters["File"] = c.Files.ToArray();
            if (c.ProjectDirectory != null) parameters["ProjectDirectory"] = c.ProjectDirectory;
            if (c.ProjectName != null) parameters["ProjectName"] = c.ProjectName;
            if (c.Profiles.Count > 0) parameters["Profile"] = c.Profiles.ToArray();
            if (c.EnvFiles.Count > 0) parameters["EnvFile"] = c.EnvFiles.ToArray();
            foreach (var kv in output) parameters[kv.Key] = kv.Value;

            var env = new Hashtable();
            foreach (var kv in c.Environment) env[kv.Key] = kv.Value;

            return PowerShellRunner.Run(runspace, Script,
                new Dictionary<string, object> { ["composeParams"] = parameters, ["caseEnv"] = env, ["caseDirectory"] = c.WorkingDirectory });
        }

        public static string Text(RunResult r) => string.Join("\n", r.Output.Select(o => o?.BaseObject?.ToString()));
    }
}
