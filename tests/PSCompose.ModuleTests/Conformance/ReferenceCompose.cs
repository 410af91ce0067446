using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace PSCompose.ModuleTests.Conformance
{
    /// <summary>
    /// Runs the reference `docker compose` for a case in the case's working directory with exactly the case's
    /// <see cref="ConformanceCase.ProcessEnvironment"/>, so no stray COMPOSE_* or test-host variable leaks in.
    /// </summary>
    internal static class ReferenceCompose
    {
        internal sealed class Result
        {
            public int ExitCode { get; set; }
            public string Stdout { get; set; }
            public string Stderr { get; set; }
            public bool Ok => ExitCode == 0;
        }

        public static Result Run(ConformanceCase c, params string[] commandArgs) => RunGlobal(c, new string[0], commandArgs);

        /// <summary>With global flags (e.g. --compatibility) before the case's own and the command.</summary>
        public static Result RunGlobal(ConformanceCase c, string[] globalArgs, params string[] commandArgs)
        {
            var psi = new ProcessStartInfo("docker")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = c.WorkingDirectory,
            };
            psi.Environment.Clear();
            foreach (var kv in c.ProcessEnvironment) psi.Environment[kv.Key] = kv.Value;

            psi.ArgumentList.Add("compose");
            foreach (string g in globalArgs) psi.ArgumentList.Add(g);
            foreach (string f in c.Files) { psi.ArgumentList.Add("-f"); psi.ArgumentList.Add(f); }
            if (c.ProjectDirectory != null) { psi.ArgumentList.Add("--project-directory"); psi.ArgumentList.Add(c.ProjectDirectory); }
            if (c.ProjectName != null) { psi.ArgumentList.Add("-p"); psi.ArgumentList.Add(c.ProjectName); }
            foreach (string p in c.Profiles) { psi.ArgumentList.Add("--profile"); psi.ArgumentList.Add(p); }
            foreach (string e in c.EnvFiles) { psi.ArgumentList.Add("--env-file"); psi.ArgumentList.Add(e); }
            foreach (string a in commandArgs) psi.ArgumentList.Add(a);

            using (Process p = Process.Start(psi))
            {
                var stderr = new StringBuilder();
                p.ErrorDataReceived += (s, e) => { if (e.Data != null) stderr.AppendLine(e.Data); };
                p.BeginErrorReadLine();
                string stdout = p.StandardOutput.ReadToEnd();
                if (!p.WaitForExit(60_000))
                {
                    p.Kill(true);
                    throw new TimeoutException("docker compose did not finish in 60 s for " + c.Name);
                }
                p.WaitForExit();
                return new Result { ExitCode = p.ExitCode, Stdout = stdout, Stderr = stderr.ToString() };
            }
        }

        /// <summary>`config --hash '*'` output: one "service hash" line per enabled service.</summary>
        public static Dictionary<string, string> ParseHashes(string stdout)
        {
            var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string line in stdout.Split('\n'))
            {
                string[] parts = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2) hashes[parts[0]] = parts[1];
            }
            return hashes;
        }

        public static List<string> Lines(string stdout)
        {
            var lines = new List<string>();
            foreach (string line in stdout.Split('\n'))
                if (line.Trim().Length > 0) lines.Add(line.TrimEnd('\r'));
            return lines;
        }
    }
}
