using System.Linq;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.FrontDoor
{
    /// <summary>`config`'s flags through Invoke-Compose print what `docker compose config` prints for the same flags.</summary>
    public class ConfigFlagsFrontDoorEngineTests
    {
        [EngineFact]
        public void ConfigFlags_PrintComposesText()
        {
            string yaml = "services:\n  web:\n    image: ${IMAGE:-" + Lifecycle.LifecycleProject.Busybox + "}\n"
                + "    command: [sh, -c, '${COMMAND:?command required}']\n    environment:\n      GREETING: ${GREETING:+hello}\n";
            using FrontDoorProject p = FrontDoorProject.Empty(yaml);
            System.IO.File.WriteAllText(System.IO.Path.Combine(p.Directory, ".env"), "COMMAND=sleep 5\nGREETING=1\n");
            var lines = new[]
            {
                "config --variables", "config --variables --format json", "config --variables --format yaml",
                "config --environment", "config --no-interpolate", "config --no-interpolate --format json", "config -q",
                "config --no-normalize", "config --no-path-resolution",
            };
            foreach (string line in lines)
            {
                Docker.Result compose = p.Compose(line.Split(' '));
                FrontResult ours = p.Front(line);
                Assert.True(compose.ExitCode == ours.ExitCode, line + ": exit " + compose.ExitCode + " vs " + ours.ExitCode);
                var expected = compose.Stdout.Length == 0 ? new System.Collections.Generic.List<string>() : FrontDoorProject.Lines(compose.Stdout);
                var actual = ours.Lines.SelectMany(FrontDoorProject.Lines).ToList();
                // Compose lists the variables in Go's random map order: the rows are compared as a set.
                if (line.StartsWith("config --variables", System.StringComparison.Ordinal))
                {
                    expected = expected.OrderBy(l => l, System.StringComparer.Ordinal).ToList();
                    actual = actual.OrderBy(l => l, System.StringComparer.Ordinal).ToList();
                }
                // The process environments differ (the reference runs as a docker CLI plugin): the .env's lines are compared.
                if (line == "config --environment")
                {
                    expected = expected.Where(l => l.StartsWith("COMMAND=") || l.StartsWith("GREETING=")).ToList();
                    actual = actual.Where(l => l.StartsWith("COMMAND=") || l.StartsWith("GREETING=")).ToList();
                    Assert.Equal(2, expected.Count);
                }
                Assert.True(expected.SequenceEqual(actual),
                    line + ":\n--- docker compose\n" + compose.Stdout + "\n--- Invoke-Compose\n" + string.Join("\n", ours.Lines));
            }
        }
    }
}
