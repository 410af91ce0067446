using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace PSCompose.Testing
{
    /// <summary>Runs the real docker CLI (and the reference compose plugin) for arrange/assert steps.</summary>
    public static class Docker
    {
        public sealed class Result
        {
            public int ExitCode { get; set; }
            public string Stdout { get; set; }
            public string Stderr { get; set; }

            public Result Check()
            {
                if (ExitCode != 0) throw new InvalidOperationException($"docker exited {ExitCode}: {Stderr}{Stdout}");
                return this;
            }
        }

        public static Result Run(params string[] args) => RunIn(null, null, args);

        public static Result RunIn(string workingDirectory, IDictionary<string, string> env, params string[] args)
        {
            var psi = new ProcessStartInfo("docker")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            };
            foreach (string a in args) psi.ArgumentList.Add(a);
            if (env != null) foreach (var kv in env) psi.Environment[kv.Key] = kv.Value;
            using (Process p = Process.Start(psi))
            {
                var stderr = new StringBuilder();
                p.ErrorDataReceived += (s, e) => { if (e.Data != null) stderr.AppendLine(e.Data); };
                p.BeginErrorReadLine();
                string stdout = p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                return new Result { ExitCode = p.ExitCode, Stdout = stdout, Stderr = stderr.ToString() };
            }
        }

        /// <summary>`docker compose -p project down -v --remove-orphans`, ignoring failures: test cleanup.</summary>
        public static void ComposeDownQuietly(string project) =>
            Run("compose", "-p", project, "down", "-v", "--remove-orphans", "-t", "0");
    }
}
