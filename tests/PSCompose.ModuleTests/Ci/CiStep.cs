using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using PSCompose.Testing;

namespace PSCompose.ModuleTests.Ci
{
    /// <summary>
    /// A script run as a CI step runs it: `pwsh -File step.ps1` in the directory, stdout and stderr read apart (the
    /// Azure Pipelines agent and the GitHub runner read commands from stdout; ADO's failOnStderr fails on stderr).
    /// TF_BUILD and GITHUB_ACTIONS are only those the test gives, whatever the test process has.
    /// </summary>
    internal static class CiStep
    {
        public sealed class Result
        {
            public int ExitCode;
            public string Stdout;
            public string Stderr;

            /// <summary>stdout's lines, without line ends.</summary>
            public List<string> Lines => Stdout.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();

            public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
        }

        public static Result Run(string directory, string script, params (string Name, string Value)[] environment)
        {
            string file = Path.Combine(directory, "step-" + Guid.NewGuid().ToString("N").Substring(0, 6) + ".ps1");
            File.WriteAllText(file, $"Import-Module '{RepoPaths.ModuleManifest}'\nSet-Location -LiteralPath '{directory}'\n{script}\n");
            ProcessStartInfo psi = Pwsh.StartInfo(new[] { "-NoProfile", "-NonInteractive", "-File", file });
            psi.RedirectStandardOutput = true;
            psi.RedirectStandardError = true;
            psi.RedirectStandardInput = true;
            psi.Environment.Remove("TF_BUILD");
            psi.Environment.Remove("GITHUB_ACTIONS");
            psi.Environment["NO_COLOR"] = "1";
            foreach (var (name, value) in environment) psi.Environment[name] = value;
            using (Process p = Process.Start(psi))
            {
                var stderr = new StringBuilder();
                p.ErrorDataReceived += (s, e) => { if (e.Data != null) stderr.AppendLine(e.Data); };
                p.BeginErrorReadLine();
                p.StandardInput.Close();
                string stdout = p.StandardOutput.ReadToEnd();
                if (!p.WaitForExit(180_000))
                {
                    p.Kill(true);
                    throw new TimeoutException("the step did not finish in 180 s");
                }
                p.WaitForExit();
                return new Result { ExitCode = p.ExitCode, Stdout = stdout, Stderr = stderr.ToString() };
            }
        }
    }
}
