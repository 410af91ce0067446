using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text.RegularExpressions;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Up
{
    /// <summary>Failures, Ctrl+C and -WhatIf: errors name the service and the engine's message, nothing half-done is left.</summary>
    public class FaultEngineTests
    {
        [EngineFact]
        public void FailingContainers_AreReportedPerService_TheRestConverges_AndARerunFixesThem()
        {
            using var p = new UpProject();
            int port = UpProject.FreePort();
            string blocker = p.Name + "-blocker";
            Docker.Run("run", "-d", "--name", blocker, "-p", $"127.0.0.1:{port}:80", UpProject.Busybox, "sleep", "600").Check();
            try
            {
                p.WriteCompose(
                    "services:\n" +
                    $"  web:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n    ports: [\"127.0.0.1:{port}:80\"]\n" +
                    $"  mounts:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n" +
                    "    volumes:\n      - type: bind\n        source: ./missing\n        target: /m\n        bind: {create_host_path: false}\n" +
                    $"  other:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n");

                RunResult failed = p.PsUp();
                ErrorRecord portError = Assert.Single(failed.Errors, e => e.ToString().Contains("service web"));
                Assert.Contains("port is already allocated", portError.ToString());
                ErrorRecord mountError = Assert.Single(failed.Errors, e => e.ToString().Contains("service mounts"));
                Assert.Contains("bind source path does not exist", mountError.ToString());
                Assert.Equal(2, failed.Errors.Count);
                // Every service is still reported; the one that could start is running.
                Dictionary<string, PSObject> services = failed.Output.ToDictionary(o => (string)o.Properties["Name"].Value);
                Assert.Equal(new[] { "mounts", "other", "web" }, services.Keys.OrderBy(k => k));
                Assert.Equal(1, services["other"].Properties["Running"].Value);
                Assert.Equal(0, services["web"].Properties["Running"].Value);
                string otherId = p.ContainerIds()[p.Name + "-other-1"];

                // Remove both causes: a rerun converges and leaves the healthy service alone.
                Docker.Run("rm", "-f", blocker).Check();
                System.IO.Directory.CreateDirectory(System.IO.Path.Combine(p.Directory, "missing"));
                RunResult fixedUp = p.PsUp().AssertNoErrors();
                Assert.All(fixedUp.Output, s => Assert.Equal(1, s.Properties["Running"].Value));
                Assert.Equal(otherId, p.ContainerIds()[p.Name + "-other-1"]);
                p.Compose("up", "-d").Check();
                Assert.Equal(3, p.ContainerIds().Count);
            }
            finally
            {
                Docker.Run("rm", "-f", blocker);
            }
        }

        [EngineFact]
        public void CtrlC_WhileWaitingOnAHealthcheck_StopsPromptly()
        {
            using var p = new UpProject();
            p.WriteCompose(
                "services:\n" +
                $"  slow:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n" +
                "    healthcheck: {test: [\"CMD\", \"test\", \"-f\", \"/never\"], interval: 1s, retries: 1000}\n" +
                $"  app:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n" +
                "    depends_on: {slow: {condition: service_healthy}}\n");

            TimeSpan stopTook = StopWhen(p, "", () => IsRunning(p.Name + "-slow-1"));
            Assert.True(stopTook < TimeSpan.FromSeconds(5), $"Stop() took {stopTook}");
            Assert.False(IsRunning(p.Name + "-app-1"));
            Assert.Empty(TempNamed(p));
        }

        [EngineFact]
        public void CtrlC_MidRecreate_LeavesNoTempNamedContainer()
        {
            using var p = new UpProject();
            // PID 1 `sleep` ignores SIGTERM: each stop takes the whole grace period, a wide window to stop in.
            p.WriteCompose(
                "services:\n" +
                $"  stubborn:\n    image: {UpProject.Busybox}\n    command: [\"sleep\", \"600\"]\n    stop_grace_period: 20s\n");
            p.PsUp().AssertNoErrors();
            string original = p.ContainerIds()[p.Name + "-stubborn-1"];

            StopWhen(p, "-ForceRecreate", () => TempNamed(p).Count > 0);
            Assert.Empty(TempNamed(p));
            // The original container is still there under its own name (the engine may still be stopping it).
            Assert.Equal(original, p.ContainerIds()[p.Name + "-stubborn-1"]);
            Docker.Run("kill", original);
        }

        [EngineFact]
        public void WhatIf_ShowsThePlan_AndChangesNothing()
        {
            using var p = new UpProject();
            p.Write("img/Dockerfile", "FROM " + UpProject.Busybox + "\n");
            p.WriteCompose(
                "services:\n" +
                $"  web:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n    volumes: [\"data:/data\"]\n    networks: [front]\n" +
                "  built:\n    build: ./img\n" +
                "volumes:\n  data: {}\nnetworks:\n  front: {}\n");
            var host = new RecordingHost();
            using (Runspace runspace = PowerShellRunner.OpenRunspace(host: host))
                PowerShellRunner.Run(runspace, "Invoke-ComposeUp -Path $dir -ProjectName $p -WhatIf",
                    new Dictionary<string, object> { ["dir"] = p.Directory, ["p"] = p.Name }).AssertNoErrors();

            Assert.Contains("What if:", host.Text);
            Assert.Contains("BuildImage", host.Text);
            Assert.Contains("CreateNetwork", host.Text);
            Assert.Contains("CreateVolume", host.Text);
            Assert.Matches("service:web:1 CreateContainer", host.Text);
            Assert.Empty(p.ContainerIds());
            Assert.Empty(p.NetworkNames());
            Assert.Empty(p.VolumeNames());
            Assert.NotEqual(0, Docker.Run("image", "inspect", p.Name + "-built").ExitCode);
        }

        private static TimeSpan StopWhen(UpProject p, string parameters, Func<bool> condition) =>
            StoppedUp.Run(p, parameters, _ => condition(), 500, mustStillRun: true);

        private static bool IsRunning(string container)
        {
            Docker.Result r = Docker.Run("inspect", "-f", "{{.State.Running}}", container);
            return r.ExitCode == 0 && r.Stdout.Trim() == "true";
        }

        private static List<string> TempNamed(UpProject p) =>
            Docker.Run("ps", "-a", "--format", "{{.Names}}").Check().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(n => n.Trim()).Where(n => Regex.IsMatch(n, "^[0-9a-f]{12}_" + Regex.Escape(p.Name) + "-")).ToList();
    }
}
