using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using PSCompose.Testing;

namespace PSCompose.ModuleTests.Up
{
    /// <summary>
    /// A separate pwsh process (the pinned local tool, see Testing.Pwsh) that imports the built
    /// module once and runs Invoke-ComposeUp once per trial, each time as soon as the trial's barrier file appears:
    /// two such processes start their ups at the same moment. Each up's errors and warnings are written to a result file.
    /// </summary>
    internal sealed class UpLoopProcess : IDisposable
    {
        private const string Script = @"
param([string]$Module, [string]$Dir, [string]$Project, [string]$Sync, [string]$Side, [int]$Trials)
Import-Module $Module
for ($t = 1; $t -le $Trials; $t++) {
    while (-not (Test-Path (Join-Path $Sync ""go-$t""))) { Start-Sleep -Milliseconds 5 }
    $errs = @(); $warns = @()
    try { $null = Invoke-ComposeUp -Path $Dir -ProjectName $Project -ErrorVariable errs -ErrorAction SilentlyContinue -WarningVariable warns -WarningAction SilentlyContinue }
    catch { $errs += $_ }
    $lines = @(""errors=$(@($errs).Count)"") + @($errs | ForEach-Object { ""$($_.FullyQualifiedErrorId): $_"" }) + @($warns | ForEach-Object { ""WARNING: $_"" })
    $tmp = Join-Path $Sync ""result-$t-$Side.tmp""
    Set-Content -LiteralPath $tmp -Value $lines
    Move-Item -LiteralPath $tmp -Destination (Join-Path $Sync ""result-$t-$Side"")
}
";

        private readonly Process process;
        private readonly string sync;
        private readonly string side;

        private UpLoopProcess(Process process, string sync, string side)
        {
            this.process = process;
            this.sync = sync;
            this.side = side;
        }

        public static UpLoopProcess Start(UpProject project, string sync, string side, int trials)
        {
            string script = Path.Combine(sync, "up-loop.ps1");
            if (!File.Exists(script)) File.WriteAllText(script, Script);
            ProcessStartInfo psi = PowerShellProcess(script);
            foreach (string a in new[] { RepoPaths.ModuleManifest, project.Directory, project.Name, sync, side, trials.ToString() })
                psi.ArgumentList.Add(a);
            psi.RedirectStandardOutput = true;
            psi.RedirectStandardError = true;
            psi.UseShellExecute = false;
            var process = Process.Start(psi);
            process.OutputDataReceived += (s, e) => { };
            process.ErrorDataReceived += (s, e) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new UpLoopProcess(process, sync, side);
        }

        /// <summary>Releases every process waiting for the trial at once.</summary>
        public static void Go(string sync, int trial) => File.WriteAllText(Path.Combine(sync, "go-" + trial), "");

        /// <summary>The errors of the trial's up (empty when it succeeded), once it has ended.</summary>
        public string[] Errors(int trial) => Result(trial).Where(l => !l.StartsWith("WARNING: ", StringComparison.Ordinal)).ToArray();

        /// <summary>The warnings of the trial's up, once it has ended.</summary>
        public string[] Warnings(int trial) => Result(trial).Where(l => l.StartsWith("WARNING: ", StringComparison.Ordinal)).ToArray();

        private string[] Result(int trial)
        {
            string path = Path.Combine(sync, $"result-{trial}-{side}");
            var waited = Stopwatch.StartNew();
            while (!File.Exists(path))
            {
                if (process.HasExited) throw new InvalidOperationException($"up loop {side} exited {process.ExitCode} before trial {trial} ended");
                if (waited.Elapsed > TimeSpan.FromSeconds(180)) throw new TimeoutException($"up loop {side}: trial {trial} did not end in 180 s");
                Thread.Sleep(50);
            }
            return File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).ToArray();
        }

        private static ProcessStartInfo PowerShellProcess(string script) =>
            Pwsh.StartInfo(new[] { "-NoProfile", "-NonInteractive", "-File", script });

        public void Dispose()
        {
            if (!process.HasExited && !process.WaitForExit(5000)) process.Kill(true);
            process.Dispose();
        }
    }
}
