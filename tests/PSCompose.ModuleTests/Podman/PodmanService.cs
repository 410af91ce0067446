using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Podman
{
    /// <summary>
    /// Runs when podman is installed (.ci/setup-machine.sh installs it); under CI=true it always runs, so a
    /// missing podman fails instead of skipping.
    /// </summary>
    public sealed class PodmanFactAttribute : FactAttribute
    {
        public PodmanFactAttribute()
        {
            if (!EngineAvailability.IsCi && !PodmanService.Installed)
                Skip = "podman is not installed (apt-get install podman); these tests run in CI.";
        }
    }

    /// <summary>A private `podman system service` on its own socket, stopped on dispose.</summary>
    internal sealed class PodmanService : IDisposable
    {
        private readonly Process process;

        public static bool Installed =>
            Environment.GetEnvironmentVariable("PATH").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, "podman")));

        public PodmanService()
        {
            SocketPath = Path.Combine(Path.GetTempPath(), "psc-engine-podman-" + Guid.NewGuid().ToString("N").Substring(0, 10) + ".sock");
            // Output redirected and drained: an inherited stdout would keep the test host's pipes open after the run.
            process = Process.Start(new ProcessStartInfo("podman")
            {
                ArgumentList = { "system", "service", "--time=0", "unix://" + SocketPath },
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            for (int i = 0; i < 100 && !File.Exists(SocketPath); i++) Thread.Sleep(100);
            Assert.True(File.Exists(SocketPath), "podman system service did not create " + SocketPath);
        }

        public string SocketPath { get; }

        public string Host => "unix://" + SocketPath;

        /// <summary>Runs the podman CLI; returns stdout (exit code checked).</summary>
        public static string Run(params string[] args)
        {
            var psi = new ProcessStartInfo("podman") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in args) psi.ArgumentList.Add(a);
            using Process p = Process.Start(psi);
            var stderrTask = p.StandardError.ReadToEndAsync();
            string stdout = p.StandardOutput.ReadToEnd();
            string stderr = stderrTask.Result;
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException($"podman {string.Join(" ", args)} exited {p.ExitCode}: {stderr}");
            return stdout;
        }

        public void Dispose()
        {
            if (!process.HasExited) process.Kill();
            process.WaitForExit(10000);
            process.Dispose();
            File.Delete(SocketPath);
        }
    }
}
