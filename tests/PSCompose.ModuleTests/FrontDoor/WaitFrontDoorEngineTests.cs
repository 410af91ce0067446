using System.Collections.Generic;
using System.Linq;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.FrontDoor
{
    /// <summary>
    /// `wait` prints Compose's `container "ID" exited with status code N` line as each container exits and exits with
    /// the code of the one that exited last; with nothing running it fails as Compose does; --down-project then takes
    /// the project down. Compared with the reference `docker compose` on the same containers.
    /// </summary>
    public class WaitFrontDoorEngineTests
    {
        // ok exits first (0), job last (3): the exit code is job's.
        private static FrontDoorProject Project() => FrontDoorProject.Empty(
            $"services:\n  app:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n" +
            $"  ok:\n    image: {LifecycleProject.Busybox}\n    command: [\"sh\", \"-c\", \"sleep 3\"]\n" +
            $"  job:\n    image: {LifecycleProject.Busybox}\n    command: [\"sh\", \"-c\", \"sleep 6; exit 3\"]\n");

        [EngineFact]
        public void Wait_PrintsEachExitAndExitsWithTheLastCode_AsCompose()
        {
            using FrontDoorProject p = Project();
            Assert.Equal(0, p.Front("version").ExitCode);

            p.Compose("up", "-d").Check();
            Docker.Result reference = p.Compose("wait", "job", "ok");
            // up -d starts the same containers again: the same ids, so the same text.
            p.Compose("up", "-d").Check();
            FrontResult ours = p.Front("wait job ok");
            Assert.True(ours.Run.Errors.Count == 0, ours.Run.ErrorText);
            Assert.Equal(3, reference.ExitCode);
            Assert.Equal(reference.ExitCode, ours.ExitCode);
            List<string> expected = FrontDoorProject.Lines(reference.Stdout);
            Assert.Equal(2, expected.Count);
            Assert.Equal(expected, ours.Lines);

            // Nothing running among the named services: Compose's error and exit code, no output.
            Docker.Result none = p.Compose("wait", "job");
            FrontResult oursNone = p.Front("wait job");
            Assert.Equal(FrontDoorProject.Lines(none.Stderr).Last(), Assert.Single(oursNone.Run.Errors).Exception.Message);
            Assert.Equal(none.ExitCode, oursNone.ExitCode);
            Assert.Empty(oursNone.Lines);
        }

        [EngineFact]
        public void WaitDownProject_TakesTheProjectDownAfterTheExit_WithTheContainersCode()
        {
            using FrontDoorProject p = Project();
            Assert.Equal(0, p.Front("version").ExitCode);
            p.Compose("up", "-d").Check();
            Docker.Result reference = p.Compose("wait", "--down-project", "job");
            Assert.Empty(p.Containers());

            p.Compose("up", "-d").Check();
            string job = Docker.Run("inspect", "--format", "{{.Id}}", p.Name + "-job-1").Check().Stdout.Trim();
            FrontResult ours = p.Front("wait --down-project job");
            Assert.True(ours.Run.Errors.Count == 0, ours.Run.ErrorText);
            Assert.Equal(3, reference.ExitCode);
            Assert.Equal(reference.ExitCode, ours.ExitCode);
            Assert.Equal(new[] { $"container \"{job}\" exited with status code 3" }, ours.Lines);
            Assert.Matches("^container \"[0-9a-f]{64}\" exited with status code 3$", Assert.Single(FrontDoorProject.Lines(reference.Stdout)));
            Assert.Empty(p.Containers());
            Assert.Empty(LifecycleProject.NetworksOf(p.Name));
        }
    }
}
