using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PSCompose.ModuleTests.Up;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Podman
{
    /// <summary>
    /// Podman's Docker-compatible API (4.3) stores a loaded "name:tag" as "localhost/name:tag". Compose inspects the
    /// image by the reference as written (podman resolves it) and pulls only when that fails; so must PSCompose.
    /// Containers cannot start in the sandbox, so up runs with -NoStart (create only).
    /// </summary>
    public class PodmanImageResolutionTests
    {
        [PodmanFact]
        public void LocalImageStoredAsLocalhostName_IsFoundNotPulled_LikeDockerCompose()
        {
            using var podman = new PodmanService();
            string tar = Path.Combine(Path.GetTempPath(), "psc-engine-podman-" + Guid.NewGuid().ToString("N") + ".tar");
            Docker.Run("save", "-o", tar, UpProject.Busybox).Check();
            try { PodmanService.Run("load", "-i", tar); }
            finally { File.Delete(tar); }
            string imageId = PodmanService.Run("image", "inspect", "--format", "{{.Id}}", "localhost/" + UpProject.Busybox).Trim();

            // Everything below talks to podman only, so no UpProject (its cleanup targets the Docker engine).
            string name = "psc-engine-podman-" + Guid.NewGuid().ToString("N").Substring(0, 10);
            string dir = Path.Combine(Path.GetTempPath(), name);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "compose.yaml"), $"services:\n  web:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n");
            var env = new Dictionary<string, string> { ["DOCKER_HOST"] = podman.Host };
            string reference = name + "-ref";
            try
            {
                // The reference: no pull (there is no registry to pull from here, so a pull would fail).
                Docker.Result created = Docker.RunIn(dir, env, "compose", "-p", reference, "create").Check();
                Assert.DoesNotContain("Pulling", created.Stdout + created.Stderr);

                RunResult r = PowerShellRunner.Run(
                    "$env:DOCKER_HOST = $h; try { Invoke-ComposeUp -Path $dir -ProjectName $p -NoStart } finally { $env:DOCKER_HOST = $null }",
                    new() { ["h"] = podman.Host, ["dir"] = dir, ["p"] = name }).AssertNoErrors();
                Assert.Equal("created(1)", Assert.Single(r.Output).Properties["State"].Value);
                string ours = PodmanService.Run("container", "inspect", "--format", "{{.Image}}", name + "-web-1").Trim();
                string theirs = PodmanService.Run("container", "inspect", "--format", "{{.Image}}", reference + "-web-1").Trim();
                Assert.Equal(imageId, ours);
                Assert.Equal(theirs, ours);
            }
            finally
            {
                Docker.RunIn(dir, env, "compose", "-p", reference, "down");
                Docker.RunIn(dir, env, "compose", "-p", name, "down");
                Directory.Delete(dir, true);
            }
        }
    }
}
