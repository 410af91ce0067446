using System.Linq;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Up
{
    /// <summary>
    /// A recreate that stops between creating the replacement (named &lt;old id[:12]&gt;_&lt;final name&gt;) and renaming it
    /// leaves the service under that temporary name: docker compose keeps it so on every later up; Invoke-ComposeUp gives
    /// the container its final name back, without recreating it.
    /// </summary>
    public class TemporaryNameEngineTests
    {
        private static string Project(int trial) =>
            "services:\n" +
            $"  db:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n    environment: {{TRIAL: \"{trial}\"}}\n";

        [EngineFact]
        public void RunningReplacementUnderItsTemporaryName_DockerComposeKeepsTheName_InvokeComposeUpRenamesIt()
        {
            using var p = new UpProject("psc-tempname");
            p.WriteCompose(Project(1));
            p.Compose("up", "-d").Check();
            string finalName = $"{p.Name}-db-1";
            string id = p.ContainerIds()[finalName];
            string tempName = id.Substring(0, 12) + "_" + finalName;
            Docker.Run("rename", finalName, tempName).Check();

            p.Compose("up", "-d").Check();
            Assert.Equal(new[] { tempName }, p.ContainerIds().Keys.ToArray());

            p.PsUp().AssertNoErrors();
            Assert.Equal(id, p.ContainerIds().Single(c => c.Key == finalName).Value);
            Assert.Single(p.ContainerIds());
            Assert.True(UpProject.Inspect(finalName).GetProperty("State").GetProperty("Running").GetBoolean());
            // docker compose sees nothing to do on what we left.
            Assert.DoesNotContain("Recreate", p.Compose("up", "-d").Check().Stderr);
            Assert.Equal(id, p.ContainerIds()[finalName]);
        }

        [EngineFact]
        public void StoppedReplacementBesideTheOldContainer_OldOneRemoved_ReplacementRenamedAndStarted()
        {
            using var p = new UpProject("psc-tempname");
            p.WriteCompose(Project(1));
            p.PsUp().AssertNoErrors();
            string finalName = $"{p.Name}-db-1";
            string replacement = p.ContainerIds()[finalName];
            Docker.Run("stop", "-t", "0", finalName).Check();
            Docker.Run("rename", finalName, finalName + "-moving").Check();
            // The old container as a recreate leaves it: the service's labels, an outdated config hash, the final name.
            string old = Docker.Run("run", "-d", "--name", finalName,
                "--label", "com.docker.compose.project=" + p.Name, "--label", "com.docker.compose.service=db",
                "--label", "com.docker.compose.container-number=1", "--label", "com.docker.compose.oneoff=False",
                "--label", "com.docker.compose.config-hash=outdated", UpProject.Busybox, "sleep", "600").Check().Stdout.Trim();
            Docker.Run("rename", finalName + "-moving", old.Substring(0, 12) + "_" + finalName).Check();

            p.PsUp().AssertNoErrors();
            Assert.Equal(new[] { finalName }, p.ContainerIds().Keys.ToArray());
            Assert.Equal(replacement, p.ContainerIds()[finalName]);
            Assert.True(UpProject.Inspect(finalName).GetProperty("State").GetProperty("Running").GetBoolean());
            Assert.Contains("TRIAL=1", UpProject.Inspect(finalName).GetProperty("Config").GetProperty("Env").EnumerateArray().Select(e => e.GetString()));
        }
    }
}
