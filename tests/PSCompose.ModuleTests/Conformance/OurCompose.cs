using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using PSCompose.Testing;

namespace PSCompose.ModuleTests.Conformance
{
    /// <summary>
    /// Runs Get-ComposeConfig for a case in a hosted runspace with what the reference gets: for the call only, the
    /// process environment is exactly the case's <see cref="ConformanceCase.ProcessEnvironment"/> (every other
    /// variable of the test host is hidden) and both the PowerShell location and the process directory are the
    /// case's working directory.
    /// </summary>
    internal sealed class OurCompose
    {
        // Set-Location is not among CreateDefault2's core cmdlets, so the location is set through the session state.
        // [NullString]::Value removes a variable: PowerShell would pass $null as "", leaving an empty variable behind.
        private const string Script = @"
$null = $ExecutionContext.SessionState.Path.SetLocation($caseDirectory)
$savedDirectory = [Environment]::CurrentDirectory
$saved = @{}
foreach ($entry in [Environment]::GetEnvironmentVariables().GetEnumerator()) { $saved[$entry.Key] = $entry.Value }
try {
    foreach ($k in $saved.Keys) { [Environment]::SetEnvironmentVariable($k, [NullString]::Value) }
    foreach ($k in $caseEnv.Keys) { [Environment]::SetEnvironmentVariable($k, $caseEnv[$k]) }
    [Environment]::CurrentDirectory = $caseDirectory
    Get-ComposeConfig @composeParams
}
finally {
    [Environment]::CurrentDirectory = $savedDirectory
    foreach ($entry in @([Environment]::GetEnvironmentVariables().GetEnumerator())) { [Environment]::SetEnvironmentVariable($entry.Key, [NullString]::Value) }
    foreach ($k in $saved.Keys) { [Environment]::SetEnvironmentVariable($k, $saved[$k]) }
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
            foreach (var kv in c.ProcessEnvironment) env[kv.Key] = kv.Value;

            return PowerShellRunner.Run(runspace, Script,
                new Dictionary<string, object> { ["composeParams"] = parameters, ["caseEnv"] = env, ["caseDirectory"] = c.WorkingDirectory });
        }

        public static string Text(RunResult r) => string.Join("\n", r.Output.Select(o => o?.BaseObject?.ToString()));
    }
}
