using System.Collections.Generic;
using System.Linq;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.FrontDoor
{
    /// <summary>
    /// The counter app walkthrough (examples/counter) as `docker compose` command lines, run through Invoke-Compose and
    /// checked against the reference `docker compose` on the same project: engine state, texts and exit codes.
    /// </summary>
    public class CounterWalkthroughEngineTests
    {
        private static FrontDoorProject Counter() =>
            FrontDoorProject.FromExample("counter", (yaml, name) => yaml.Replace("\"127.0.0.1:8000:5000\"", "\"127.0.0.1::5000\""));

        private static Dictionary<string, string> IdsByName(FrontDoorProject p) =>
            LifecycleProject.ContainersOf(p.Name).ToDictionary(n => n, n => Docker.Run("inspect", "--format", "{{.Id}} {{index .Config.Labels \"com.docker.compose.config-hash\"}}", n).Check().Stdout.Trim());

        [EngineFact]
        public void CounterWalkthrough_ThroughInvokeCompose_MatchesDockerCompose()
        {
            using FrontDoorProject p = Counter();

            FrontResult up = p.Front("up -d --build");
            Assert.True(up.ExitCode == 0, up.Run.ErrorText);
            Assert.Empty(up.Lines);
            Assert.Equal(new[] { p.Name + "-redis-1", p.Name + "-web-1" }, p.Containers());
            // Same names, labels and config hashes as Compose's: the reference finds nothing to recreate.
            Dictionary<string, string> before = IdsByName(p);
            p.Compose("up", "-d").Check();
            Assert.Equal(before, IdsByName(p));

            FrontDoorProject.AssertSameText(() => FrontDoorProject.Lines(p.Compose("ps").Check().Stdout), () => p.Front("ps").Lines);
            Assert.Equal(FrontDoorProject.Lines(p.Compose("ps", "-q").Check().Stdout), p.Front("ps -q").Lines);
            Assert.Equal(FrontDoorProject.Lines(p.Compose("ps", "--services").Check().Stdout), p.Front("ps --services").Lines);
            Assert.Equal(FrontDoorProject.Lines(p.Compose("config").Check().Stdout), p.Front("config").Lines.SelectMany(FrontDoorProject.Lines));
            Assert.Equal(FrontDoorProject.Lines(p.Compose("config", "--hash", "*").Check().Stdout), p.Front("config --hash '*'").Lines);
            Assert.Equal(FrontDoorProject.Lines(p.Compose("logs", "web").Check().Stdout), p.Front("logs web").Lines);
            FrontDoorProject.AssertSameText(() => FrontDoorProject.Lines(p.Compose("images").Check().Stdout), () => p.Front("images").Lines);
            // images -q: Compose's order follows a Go map; the ids are what must agree.
            Assert.Equal(FrontDoorProject.Lines(p.Compose("images", "-q").Check().Stdout).OrderBy(l => l), p.Front("images -q").Lines.OrderBy(l => l));
            FrontDoorProject.AssertSameText(() => FrontDoorProject.Lines(p.Compose("top").Check().Stdout), () => p.Front("top").Lines);
            Docker.Result composePort = p.Compose("port", "web", "5000");
            Assert.Equal(FrontDoorProject.Lines(composePort.Stdout), p.Front("port web 5000").Lines);

            Docker.Result composeExec = p.Compose("exec", "-T", "redis", "redis-cli", "ping");
            FrontResult exec = p.Front("exec redis redis-cli ping");
            Assert.Equal(FrontDoorProject.Lines(composeExec.Stdout), exec.Lines);
            Assert.Equal(composeExec.ExitCode, exec.ExitCode);
            Assert.Equal(3, p.Compose("exec", "-T", "web", "sh", "-c", "exit 3").ExitCode);
            Assert.Equal(3, p.Front("exec -T web sh -c 'exit 3'").ExitCode);

            Docker.Result composeRun = p.Compose("run", "--rm", "-T", "web", "python3", "-c", "print(6 * 7)");
            FrontResult run = p.Front("run --rm web python3 -c 'print(6 * 7)'");
            Assert.Equal(FrontDoorProject.Lines(composeRun.Stdout), run.Lines);
            Assert.Equal(composeRun.ExitCode, run.ExitCode);
            Assert.Equal(new[] { p.Name + "-redis-1", p.Name + "-web-1" }, p.Containers());

            FrontResult stop = p.Front("stop -t 1");
            Assert.Equal(0, stop.ExitCode);
            Assert.All(p.Containers(), c => Assert.Equal("exited", LifecycleProject.Status(c)));
            Assert.Equal(FrontDoorProject.Lines(p.Compose("ps", "-q").Stdout).Where(l => l.Length > 0), p.Front("ps -q").Lines);
            Assert.Equal(0, p.Front("start").ExitCode);
            Assert.All(p.Containers(), c => Assert.Equal("running", LifecycleProject.Status(c)));
            string startedAt = LifecycleProject.StartedAt(p.Name + "-web-1");
            Assert.Equal(0, p.Front("restart web").ExitCode);
            Assert.NotEqual(startedAt, LifecycleProject.StartedAt(p.Name + "-web-1"));
            Assert.Equal("running", LifecycleProject.Status(p.Name + "-web-1"));
            p.Compose("up", "-d").Check();
            Assert.Equal(before, IdsByName(p));

            FrontResult down = p.Front("down -v");
            Assert.True(down.ExitCode == 0, down.Run.ErrorText);
            Assert.Empty(p.Containers());
            Assert.Empty(LifecycleProject.NetworksOf(p.Name));
            Assert.Empty(LifecycleProject.VolumesOf(p.Name));
            Assert.Equal("", p.Compose("ps", "-a", "-q").Check().Stdout.Trim());
        }

        [EngineFact]
        public void AsObject_ReturnsTheCmdletsObjects()
        {
            using FrontDoorProject p = Counter();
            Assert.Equal(0, p.Front("up -d --no-build redis").ExitCode);
            FrontResult ps = p.Front("ps -AsObject");
            object container = Assert.Single(ps.Run.Output.Take(ps.Run.Output.Count - 1)).BaseObject;
            Assert.Equal("PSCompose.ComposeContainer", container.GetType().FullName);
            Assert.Equal(p.Name + "-redis-1", container.GetType().GetProperty("Name").GetValue(container));
        }
    }
}
