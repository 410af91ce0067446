using System.Linq;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.FrontDoor
{
    /// <summary>
    /// The Django quick start (examples/django) as `docker compose` command lines through Invoke-Compose, checked
    /// against the reference `docker compose` on the same project.
    /// </summary>
    public class DjangoQuickStartEngineTests
    {
        [EngineFact]
        public void DjangoQuickStart_ThroughInvokeCompose_MatchesDockerCompose()
        {
            using FrontDoorProject p = FrontDoorProject.FromExample("django", (yaml, name) => yaml
                .Replace("container_name: music_service", "container_name: " + name + "-music_service")
                .Replace("\"127.0.0.1:8000:8000\"", "\"127.0.0.1::8000\""));
            string container = p.Name + "-music_service";

            FrontResult migrate = p.Front("run --rm web python manage.py migrate");
            Assert.True(migrate.ExitCode == 0, migrate.Run.ErrorText + string.Join("\n", migrate.Lines));
            Assert.Contains(migrate.Lines, l => l.Contains("Applying"));
            Assert.Empty(p.Containers());
            // The migrations landed in the bind-mounted project folder: the reference sees them applied, and says so in
            // the same words as a one-off run through Invoke-Compose.
            Docker.Result shown = p.Compose("run", "--rm", "-T", "web", "python", "manage.py", "showmigrations", "admin");
            Assert.Contains("[X]", shown.Stdout);
            FrontResult ours = p.Front("run --rm web python manage.py showmigrations admin");
            Assert.Equal(FrontDoorProject.Lines(shown.Stdout), ours.Lines);
            Assert.Equal(shown.ExitCode, ours.ExitCode);

            FrontResult up = p.Front("up -d");
            Assert.True(up.ExitCode == 0, up.Run.ErrorText);
            Assert.Equal(new[] { container }, p.Containers());
            string id = Docker.Run("inspect", "--format", "{{.Id}}", container).Check().Stdout;
            p.Compose("up", "-d").Check();
            Assert.Equal(id, Docker.Run("inspect", "--format", "{{.Id}}", container).Check().Stdout);

            FrontDoorProject.AssertSameText(() => FrontDoorProject.Lines(p.Compose("ps").Check().Stdout), () => p.Front("ps").Lines);

            Docker.Result composeExec = p.Compose("exec", "-T", "web", "python", "manage.py", "showmigrations", "admin");
            FrontResult exec = p.Front("exec web python manage.py showmigrations admin");
            Assert.Equal(FrontDoorProject.Lines(composeExec.Stdout), exec.Lines);
            Assert.Equal(composeExec.ExitCode, exec.ExitCode);

            FrontResult down = p.Front("down");
            Assert.True(down.ExitCode == 0, down.Run.ErrorText);
            Assert.Empty(p.Containers());
            Assert.Empty(LifecycleProject.NetworksOf(p.Name));
            Assert.Equal("", p.Compose("ps", "-a", "-q").Check().Stdout.Trim());
        }
    }
}
