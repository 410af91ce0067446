using System.Linq;
using System.Management.Automation;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.FrontDoor
{
    /// <summary>Command lines Compose refuses: Invoke-Compose refuses them with Compose's text and exit code, and runs nothing.</summary>
    public class FrontDoorRefusalEngineTests
    {
        private static readonly string[][] Refused =
        {
            new[] { "--bogus" }, new[] { "-dz" }, new[] { "--file" }, new[] { "bogus" }, new[] { "up", "--bogus" },
            new[] { "up", "--bogus=3" }, new[] { "up", "-z" }, new[] { "up", "-dz" }, new[] { "up", "-t" }, new[] { "up", "--scale" },
            new[] { "up", "--build=maybe" }, new[] { "up", "-d", "-p", "x" }, new[] { "logs", "--tail" }, new[] { "ps", "--format" },
            new[] { "down", "--rmi" }, new[] { "down", "-t", "x" }, new[] { "run" }, new[] { "exec" }, new[] { "exec", "web" },
            new[] { "port", "web" }, new[] { "scale", "web" }, new[] { "up", "-d", "--watch" },
            new[] { "up", "-d", "--abort-on-container-exit" }, new[] { "up", "-d", "--exit-code-from", "web" },
            new[] { "up", "--detach", "--attach", "web" },
        };

        [EngineFact]
        public void UnknownFlagsAndCommands_GetComposesTextAndExitCode_AndNothingRuns()
        {
            using FrontDoorProject p = FrontDoorProject.Empty($"services:\n  web:\n    image: {Lifecycle.LifecycleProject.Busybox}\n    command: {Lifecycle.LifecycleProject.Sleeper}\n");
            foreach (string[] line in Refused)
            {
                Docker.Result compose = p.Compose(line);
                string expected = FrontDoorProject.Lines(compose.Stderr).First();
                Assert.True(compose.ExitCode != 0, string.Join(" ", line) + " was accepted by docker compose");

                FrontResult ours = p.Front(string.Join(" ", line.Select(a => "'" + a + "'")));
                ErrorRecord error = Assert.Single(ours.Run.Errors);
                Assert.Equal(expected, error.Exception.Message);
                Assert.StartsWith("FrontDoor", error.FullyQualifiedErrorId);
                Assert.EndsWith(",Invoke-Compose", error.FullyQualifiedErrorId);
                Assert.Equal(compose.ExitCode, ours.ExitCode);
                Assert.Empty(ours.Lines);
            }
            Assert.Empty(p.Containers());
        }

        [EngineFact]
        public void AFailingCommand_SetsComposesExitCode_WithTheCmdletsError()
        {
            using FrontDoorProject p = FrontDoorProject.Empty("services:\n  web:\n    image: [unclosed\n");
            foreach (string[] line in new[] { new[] { "config" }, new[] { "up", "-d" } })
            {
                Docker.Result compose = p.Compose(line);
                FrontResult ours = p.Front(string.Join(" ", line));
                Assert.Equal(compose.ExitCode, ours.ExitCode);
                Assert.Equal(1, ours.ExitCode);
                Assert.StartsWith("ComposeYamlSyntax,", Assert.Single(ours.Run.Errors).FullyQualifiedErrorId);
            }
            // With -p, ps reads the engine only: neither tool loads the broken file.
            Assert.Equal(p.Compose("ps").ExitCode, p.Front("ps").ExitCode);
            Assert.Empty(p.Containers());
        }

        [EngineFact]
        public void Version_PrintsComposesText()
        {
            using FrontDoorProject p = FrontDoorProject.Empty("services: {}\n");
            foreach (string[] line in new[] { new[] { "version" }, new[] { "version", "--short" }, new[] { "version", "--format", "json" } })
            {
                // The reference is Debian's build, which reports its package version ("2.40.3-3") where Compose's own
                // release reports "v2.40.3" (and "2.40.3" for --short); PSCompose prints the release's text.
                string reference = p.Compose(line).Check().Stdout.Replace("2.40.3-3", line.Contains("--short") ? "2.40.3" : "v2.40.3");
                FrontResult ours = p.Front(string.Join(" ", line));
                Assert.Equal(FrontDoorProject.Lines(reference), ours.Lines);
                Assert.Equal(0, ours.ExitCode);
            }
        }
    }
}
