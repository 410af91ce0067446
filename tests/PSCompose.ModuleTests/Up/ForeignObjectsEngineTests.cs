using System.Linq;
using System.Management.Automation;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Up
{
    /// <summary>Objects PSCompose did not create in this run are never removed, even when they sit on a name it needs.</summary>
    public class ForeignObjectsEngineTests
    {
        private static string OneService(string value) =>
            "services:\n" +
            $"  web:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n    environment: {{V: \"{value}\"}}\n";

        [EngineFact]
        public void RecreateWhoseTempNameIsTaken_ReportsTheConflict_AndLeavesTheForeignContainerAlone()
        {
            using var p = new UpProject("psc-safety");
            p.WriteCompose(OneService("a"));
            p.PsUp().AssertNoErrors();
            string web = p.Name + "-web-1";
            string old = p.ContainerIds()[web];
            // The exact temporary name a recreate of web-1 uses: <old id[:12]>_<final name>.
            string tempName = old.Substring(0, 12) + "_" + web;
            string foreign = Docker.Run("create", "--name", tempName, "--label", "owner=x", UpProject.Busybox, "sleep", "5").Check().Stdout.Trim();
            try
            {
                p.WriteCompose(OneService("b"));
                RunResult up = p.PsUp();
                ErrorRecord conflict = Assert.Single(up.Errors);
                Assert.Contains("is already in use", conflict.ToString());
                Assert.Equal(ErrorCategory.ResourceExists, conflict.CategoryInfo.Category);
                Assert.Equal(foreign, UpProject.Inspect(tempName).GetProperty("Id").GetString());
                Assert.Equal(old, p.ContainerIds()[web]);

                // The reference fails the same way and leaves it alone too.
                Docker.Result reference = p.Compose("up", "-d");
                Assert.NotEqual(0, reference.ExitCode);
                Assert.Contains("is already in use", reference.Stderr);
                Assert.Equal(foreign, UpProject.Inspect(tempName).GetProperty("Id").GetString());

                // Once its owner removes it, a rerun converges.
                Docker.Run("rm", "-f", foreign).Check();
                p.PsUp().AssertNoErrors();
                Assert.Equal(new[] { web }, p.ContainerIds().Keys.ToArray());
                Assert.Contains("V=b", UpProject.Inspect(web).GetProperty("Config").GetProperty("Env").EnumerateArray().Select(e => e.GetString()));
            }
            finally
            {
                Docker.Run("rm", "-f", foreign);
            }
        }
    }
}
