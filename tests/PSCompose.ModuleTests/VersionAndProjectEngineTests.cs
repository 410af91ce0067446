using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests
{
    public class VersionAndProjectEngineTests
    {
        [EngineFact]
        public void GetComposeVersion_ReportsTheEngineTheDockerCliSees()
        {
            string expected = Docker.Run("version", "--format", "{{.Server.Version}} {{.Server.APIVersion}}").Check().Stdout.Trim();
            RunResult r = PowerShellRunner.Run("Get-ComposeVersion").AssertNoErrors();
            PSObject v = r.Output.Single();
            Assert.Equal("PSCompose.ComposeVersionInfo", v.BaseObject.GetType().FullName);
            Assert.Equal(expected, v.Properties["EngineVersion"].Value + " " + v.Properties["EngineApiVersion"].Value);
            // Negotiated: never newer than the engine's API.
            Assert.Equal(expected.Split(' ')[1], v.Properties["ApiVersion"].Value);
            Assert.Equal("2.40.3", v.Properties["ComposeVersion"].Value);
        }

        [EngineFact]
        public void GetComposeProject_ListsAProjectStartedByDockerCompose()
        {
            string project = "psc-ls-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            string dir = Path.Combine(Path.GetTempPath(), project);
            Directory.CreateDirectory(dir);
            string file = Path.Combine(dir, "compose.yaml");
            File.WriteAllText(file,
                "services:\n" +
                "  a:\n    image: pscompose/busybox\n    command: [\"sleep\", \"600\"]\n    init: true\n" +
                "  b:\n    image: pscompose/busybox\n    command: [\"true\"]\n");
            try
            {
                Docker.RunIn(dir, null, "compose", "-p", project, "up", "-d").Check();
                Docker.RunIn(dir, null, "compose", "-p", project, "wait", "b");

                RunResult running = PowerShellRunner.Run("Get-ComposeProject -Name $p", new() { ["p"] = project }).AssertNoErrors();
                PSObject listed = Assert.Single(running.Output);
                Assert.Equal("PSCompose.ComposeProject", listed.BaseObject.GetType().FullName);
                Assert.Equal(project, listed.Properties["Name"].Value);
                Assert.Equal("running(1)", listed.Properties["Status"].Value);
                Assert.Equal(new[] { file }, (string[])listed.Properties["ConfigFiles"].Value);

                RunResult all = PowerShellRunner.Run("Get-ComposeProject -All | Where-Object Name -eq $p", new() { ["p"] = project }).AssertNoErrors();
                Assert.Equal("exited(1), running(1)", Assert.Single(all.Output).Properties["Status"].Value);

                // docker compose ls agrees on the status.
                string ls = Docker.Run("compose", "ls", "-a", "--filter", "name=" + project, "--format", "json").Check().Stdout;
                Assert.Contains("\"Status\":\"exited(1), running(1)\"", ls);
            }
            finally
            {
                Docker.ComposeDownQuietly(project);
                Directory.Delete(dir, true);
            }
            RunResult gone = PowerShellRunner.Run("Get-ComposeProject -All -Name $p", new() { ["p"] = project }).AssertNoErrors();
            Assert.Empty(gone.Output);
        }
    }
}
