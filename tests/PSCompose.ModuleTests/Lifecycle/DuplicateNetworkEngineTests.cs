using System.Linq;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Lifecycle
{
    /// <summary>
    /// Two networks of one name with the project's labels (what two racing first ups can leave on an API 1.41
    /// engine): up fails as the reference does, down removes both by id as the reference does.
    /// </summary>
    public class DuplicateNetworkEngineTests
    {
        private static readonly string OneService =
            "services:\n" +
            $"  app:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n";

        private static void CreateTwoDefaultNetworks(string project)
        {
            for (int i = 0; i < 2; i++)
                RawEngineApi.CreateNetworkAllowingDuplicates(project + "_default",
                    ("com.docker.compose.project", project), ("com.docker.compose.network", "default"), ("com.docker.compose.version", "2.40.3"));
            Assert.Equal(2, LifecycleProject.NetworksOf(project).Count);
        }

        [EngineFact]
        public void Down_RemovesBothDuplicateNamedProjectNetworks_AsTheReferenceDoes()
        {
            using var p = new LifecycleProject(OneService, "psc-safety-dupnet-" + System.Guid.NewGuid().ToString("N").Substring(0, 8));
            CreateTwoDefaultNetworks(p.Name);

            p.Ps("Invoke-ComposeDown -Path $dir -ProjectName $p").AssertNoErrors();
            Assert.Empty(LifecycleProject.NetworksOf(p.Name));

            CreateTwoDefaultNetworks(p.Name);
            p.Compose("down").Check();
            Assert.Empty(LifecycleProject.NetworksOf(p.Name));
        }

        [EngineFact]
        public void Up_WithDuplicateNetworks_FailsAsTheReferenceDoes_AndDownThenLetsItConverge()
        {
            using var p = new LifecycleProject(OneService, "psc-safety-dupnet-" + System.Guid.NewGuid().ToString("N").Substring(0, 8));
            CreateTwoDefaultNetworks(p.Name);

            Docker.Result reference = p.Compose("up", "-d");
            Assert.NotEqual(0, reference.ExitCode);
            Assert.Contains("is ambiguous", reference.Stderr);
            p.Compose("rm", "-f").Check();

            RunResult up = p.Ps("Invoke-ComposeUp -Path $dir -ProjectName $p");
            Assert.Contains(up.Errors, e => e.ToString().Contains("is ambiguous"));
            // The warning names the duplicates instead of blaming the compose file.
            Assert.Contains(up.Warnings, w => w.Message.Contains($"2 networks named \"{p.Name}_default\""));
            Assert.Equal(2, LifecycleProject.NetworksOf(p.Name).Count);

            p.Ps("Invoke-ComposeDown -Path $dir -ProjectName $p").AssertNoErrors();
            p.Ps("Invoke-ComposeUp -Path $dir -ProjectName $p").AssertNoErrors();
            Assert.Equal("running", LifecycleProject.Status(p.Container("app")));
            Assert.Single(LifecycleProject.NetworksOf(p.Name));
        }
    }
}
