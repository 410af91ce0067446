using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Images
{
    /// <summary>Build, push and pull through the image cmdlets, against the real engine and the local registry on 127.0.0.1:5000.</summary>
    public class ImageEngineTests : IDisposable
    {
        private readonly string project = "psc-img-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        private readonly string dir;
        private readonly string image;

        public ImageEngineTests()
        {
            dir = Path.Combine(Path.GetTempPath(), project);
            Directory.CreateDirectory(dir);
            image = $"127.0.0.1:5000/{project}/app:1";
            File.WriteAllText(Path.Combine(dir, "Dockerfile"), "FROM pscompose/busybox:latest\nARG GREETING=none\nRUN echo \"$GREETING\" > /greeting\n");
            File.WriteAllText(Path.Combine(dir, "compose.yaml"),
                "services:\n" +
                "  app:\n" +
                $"    image: {image}\n" +
                "    build:\n      context: .\n      args:\n        GREETING: hello-from-compose\n" +
                $"  plain:\n    image: {image}\n    pull_policy: missing\n");
        }

        [EngineFact]
        public void BuildPushRemovePull_RoundTripsThroughTheRegistry()
        {
            RunResult built = PowerShellRunner.Run("New-ComposeImage -Path $dir", new() { ["dir"] = dir }).AssertNoErrors();
            PSObject result = Assert.Single(built.Output);
            Assert.Equal("Built", result.Properties["Action"].Value);
            Assert.Equal(image, result.Properties["Image"].Value);
            string id = Docker.Run("image", "inspect", image, "--format", "{{.Id}}").Check().Stdout.Trim();
            Assert.Equal(id, result.Properties["Id"].Value);
            // The build arg reached the build, and the image carries Compose's labels.
            Assert.Equal("hello-from-compose", Docker.Run("run", "--rm", image, "cat", "/greeting").Check().Stdout.Trim());
            Assert.Equal(project, Docker.Run("image", "inspect", image, "--format", "{{index .Config.Labels \"com.docker.compose.project\"}}").Check().Stdout.Trim());
            Assert.NotEmpty(built.Information);

            RunResult pushed = PowerShellRunner.Run("Publish-ComposeImage -Path $dir", new() { ["dir"] = dir }).AssertNoErrors();
            Assert.Equal("Pushed", Assert.Single(pushed.Output).Properties["Action"].Value);

            Docker.Run("image", "rm", image).Check();
            RunResult pulled = PowerShellRunner.Run("Request-ComposeImage -Path $dir", new() { ["dir"] = dir }).AssertNoErrors();
            PSObject app = pulled.Output.Single(o => (string)o.Properties["Service"].Value == "app");
            Assert.Equal("Pulled", app.Properties["Action"].Value);
            Assert.Equal(id, Docker.Run("image", "inspect", image, "--format", "{{.Id}}").Check().Stdout.Trim());
            // pull_policy missing, and a tag other than latest present locally (app just pulled it): not pulled again.
            PSObject plain = pulled.Output.Single(o => (string)o.Properties["Service"].Value == "plain");
            Assert.Equal("Skipped", plain.Properties["Action"].Value);
            Assert.Equal("image already present", plain.Properties["Reason"].Value);
        }

        [EngineFact]
        public void FailingBuildStep_IsAnErrorNamingTheMessage()
        {
            File.WriteAllText(Path.Combine(dir, "Dockerfile"), "FROM pscompose/busybox:latest\nRUN exit 3\n");
            RunResult r = PowerShellRunner.Run("New-ComposeImage -Path $dir app", new() { ["dir"] = dir });
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.Contains("exit", e.Exception.Message);
            Assert.Empty(r.Output);
        }

        [EngineFact]
        public void UnknownService_IsServiceNotFound()
        {
            RunResult r = PowerShellRunner.Run("New-ComposeImage -Path $dir nosuch", new() { ["dir"] = dir });
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.Equal("ComposeServiceNotFound,PSCompose.Cmdlets.NewComposeImageCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
        }

        [EngineFact]
        public void WhatIf_BuildsNothing()
        {
            RunResult r = PowerShellRunner.Run("New-ComposeImage -Path $dir -WhatIf", new() { ["dir"] = dir }).AssertNoErrors();
            Assert.Empty(r.Output);
            Assert.NotEqual(0, Docker.Run("image", "inspect", image).ExitCode);
        }

        public void Dispose()
        {
            Docker.Run("image", "rm", "-f", image);
            Directory.Delete(dir, true);
        }
    }
}
