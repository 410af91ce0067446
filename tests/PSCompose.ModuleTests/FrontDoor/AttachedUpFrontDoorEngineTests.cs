using System.Linq;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.FrontDoor
{
    /// <summary>`up` without -d through Invoke-Compose: attached like Compose's, with Compose's log lines and exit code.</summary>
    public class AttachedUpFrontDoorEngineTests
    {
        [EngineFact]
        public void Up_WithoutDetach_IsAttached_PrintsComposesLogLines_AndExitsWithTheServicesCode()
        {
            using FrontDoorProject p = FrontDoorProject.Empty(
                "services:\n" +
                $"  job:\n    image: {LifecycleProject.Busybox}\n    command: [\"sh\", \"-c\", \"echo one; echo two; exit 3\"]\n" +
                $"  side:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n");

            Docker.Result compose = p.Compose("up", "--exit-code-from", "job");
            Assert.Equal(3, compose.ExitCode);
            string[] expected = FrontDoorProject.Lines(compose.Stdout).Where(l => l.StartsWith("job-1  | ")).ToArray();
            Assert.Equal(new[] { "job-1  | one", "job-1  | two" }, expected);
            p.Compose("down", "-t", "0").Check();

            FrontResult ours = p.Front("up --exit-code-from job");
            Assert.Equal(compose.ExitCode, ours.ExitCode);
            // Compose's status lines ("Attaching to", "job-1 exited with code 3") are PowerShell information records here.
            Assert.Equal(expected, ours.Lines.Where(l => l.Contains(" | ")));
            Assert.All(p.Containers(), c => Assert.Equal("exited", LifecycleProject.Status(c)));
        }
    }
}
