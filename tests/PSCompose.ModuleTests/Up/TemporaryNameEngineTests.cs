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

        private static string TwoServices(int trial) =>
            "services:\n" +
            $"  a:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n    environment: {{TRIAL: \"{trial}\"}}\n" +
            $"  b:\n    image: {UpProject.Busybox}\n    command: [\"sleep\", \"600\"]\n    stop_grace_period: 2s\n    environment: {{TRIAL: \"{trial}\"}}\n";

        /// <summary>
        /// docker compose up fails on service a (a container of the test's holds a's temporary name) while it recreates b:
        /// it cancels b's recreate after creating b's replacement, which stays as &lt;id&gt;_&lt;project&gt;-b-1. Whether b's
        /// create is sent before the cancel is a race, so the failing up is repeated until it is. Returns the trial.
        /// </summary>
        private static int FailedDockerComposeUp(UpProject p)
        {
            p.WriteCompose(TwoServices(0));
            p.Compose("up", "-d").Check();
            for (int trial = 1; trial <= 8; trial++)
            {
                string a = p.ContainerIds()[$"{p.Name}-a-1"];
                string blocker = Docker.Run("create", "--name", a.Substring(0, 12) + "_" + p.Name + "-a-1", UpProject.Busybox, "true").Check().Stdout.Trim();
                p.WriteCompose(TwoServices(trial));
                Assert.NotEqual(0, p.Compose("up", "-d").ExitCode);
                Docker.Run("rm", blocker).Check();
                if (p.ContainerIds().Keys.Any(n => n.EndsWith("_" + p.Name + "-b-1"))) return trial;
            }
            throw new Xunit.Sdk.XunitException("docker compose never left b's replacement behind in 8 failed ups");
        }

        [EngineFact]
        public void AfterAFailedDockerComposeUp_DockerComposeKeepsTheTemporaryName_InvokeComposeUpConverges()
        {
            using var reference = new UpProject("psc-tempname");
            using var ours = new UpProject("psc-tempname");
            FailedDockerComposeUp(reference);
            int trial = FailedDockerComposeUp(ours);
            string leftover = ours.ContainerIds().Single(c => c.Key.EndsWith("_" + ours.Name + "-b-1")).Value;

            reference.Compose("up", "-d").Check();
            Assert.Contains(reference.ContainerIds().Keys, n => n.EndsWith("_" + reference.Name + "-b-1"));

            ours.PsUp().AssertNoErrors();
            var ids = ours.ContainerIds();
            Assert.Equal(new[] { $"{ours.Name}-a-1", $"{ours.Name}-b-1" }, ids.Keys.OrderBy(n => n).ToArray());
            foreach (string name in ids.Keys)
            {
                var inspect = UpProject.Inspect(name);
                Assert.True(inspect.GetProperty("State").GetProperty("Running").GetBoolean(), name);
                Assert.Contains("TRIAL=" + trial, inspect.GetProperty("Config").GetProperty("Env").EnumerateArray().Select(e => e.GetString()));
            }
            Assert.Equal(leftover, ids[$"{ours.Name}-b-1"]);
        }
    }
}
