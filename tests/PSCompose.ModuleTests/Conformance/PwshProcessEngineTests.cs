using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Conformance
{
    /// <summary>
    /// The built module in a real pwsh process, where the pipeline thread's stack and the process's standard input
    /// are the real ones, next to the reference `docker compose` given the same input.
    /// </summary>
    public class PwshProcessEngineTests : IDisposable
    {
        private readonly string directory = Path.Combine(Path.GetTempPath(), "psc-pwsh-" + Guid.NewGuid().ToString("N").Substring(0, 8), "stdinproj");

        public PwshProcessEngineTests() => Directory.CreateDirectory(directory);

        public void Dispose()
        {
            try { Directory.Delete(Path.GetDirectoryName(directory), true); } catch (IOException) { }
        }

        [EngineFact]
        public void FileDash_ReadsTheComposeFileFromStandardInput_LikeDockerCompose()
        {
            const string compose = "services:\n  web:\n    image: busybox\n    build: ./ctx\n    environment:\n      A: 1000000.0\n";
            var reference = Run("docker", new[] { "compose", "-f", "-", "config", "--format", "json" }, compose);
            Assert.True(reference.ExitCode == 0, reference.Stderr);
            var ours = Pwsh("Get-ComposeConfig -File - -Format Json", compose);
            Assert.True(ours.ExitCode == 0, ours.Stderr + ours.Stdout);
            using var referenceJson = System.Text.Json.JsonDocument.Parse(reference.Stdout);
            using var ourJson = System.Text.Json.JsonDocument.Parse(ours.Stdout);
            var diffs = JsonDiff.Compare(ourJson.RootElement, referenceJson.RootElement);
            Assert.True(diffs.Count == 0, string.Join("\n", diffs));
        }

        [EngineFact]
        public void TenThousandNestedDefaults_AreAnErrorRecord_NotACrash()
        {
            // The issue's case: the process died with exit code 134 (stack overflow); docker compose accepts it.
            string value = string.Concat(Enumerable.Repeat("${V:-", 10000)) + "x" + new string('}', 10000);
            File.WriteAllText(Path.Combine(directory, "compose.yaml"), "services:\n  a:\n    image: busybox\n    environment:\n      X: '" + value + "'\n");
            var ours = Pwsh("try { Get-ComposeConfig | Out-Null; 'loaded' } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category; $_.TargetObject }", null);
            Assert.Equal(0, ours.ExitCode);
            string[] lines = ours.Stdout.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
            Assert.Equal(new[] { "ComposeNestingTooDeep,PSCompose.Cmdlets.GetComposeConfigCommand", "LimitsExceeded", Path.Combine(directory, "compose.yaml") }, lines);
        }

        private sealed class Result
        {
            public int ExitCode;
            public string Stdout;
            public string Stderr;
        }

        private Result Pwsh(string command, string stdin)
        {
            string script = $"$ErrorActionPreference = 'Stop'; Set-Location -LiteralPath '{directory}'; " +
                $"Import-Module '{RepoPaths.ModuleManifest}'; {command}";
            return Run(PSCompose.Testing.Pwsh.StartInfo(new[] { "-NoProfile", "-NonInteractive", "-Command", script }), stdin);
        }

        private Result Run(string fileName, string[] arguments, string stdin)
        {
            var psi = new ProcessStartInfo(fileName) { WorkingDirectory = directory };
            foreach (string a in arguments) psi.ArgumentList.Add(a);
            return Run(psi, stdin);
        }

        private static Result Run(ProcessStartInfo psi, string stdin)
        {
            psi.RedirectStandardInput = true;
            psi.RedirectStandardOutput = true;
            psi.RedirectStandardError = true;
            psi.UseShellExecute = false;
            foreach (string key in psi.Environment.Keys.Where(k => k.StartsWith("COMPOSE_", StringComparison.Ordinal)).ToList())
                psi.Environment.Remove(key);
            using (Process p = Process.Start(psi))
            {
                var stderr = new StringBuilder();
                p.ErrorDataReceived += (s, e) => { if (e.Data != null) stderr.AppendLine(e.Data); };
                p.BeginErrorReadLine();
                if (stdin != null) p.StandardInput.Write(stdin);
                p.StandardInput.Close();
                string stdout = p.StandardOutput.ReadToEnd();
                if (!p.WaitForExit(120_000))
                {
                    p.Kill(true);
                    throw new TimeoutException(psi.FileName + " did not finish in 120 s");
                }
                p.WaitForExit();
                return new Result { ExitCode = p.ExitCode, Stdout = stdout, Stderr = stderr.ToString() };
            }
        }
    }
}
