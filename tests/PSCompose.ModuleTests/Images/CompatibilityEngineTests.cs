using System.Collections.Generic;
using System.Linq;
using PSCompose.ModuleTests.Up;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Images
{
    /// <summary>
    /// -Compatibility (V1 names: '_' separators) against `docker compose --compatibility`, on a project with a build:
    /// service: same container and image names, and each accepts what the other created.
    /// </summary>
    public class CompatibilityEngineTests
    {
        private static void Write(UpProject p, string env)
        {
            p.Write("img/Dockerfile", "FROM " + UpProject.Busybox + "\nCMD " + UpProject.Sleeper + "\n");
            p.WriteCompose("services:\n" +
                "  built:\n    build: ./img\n" +
                "  web:\n    image: " + UpProject.Busybox + "\n    command: " + UpProject.Sleeper + "\n" +
                "    environment: {V: \"" + env + "\"}\n    depends_on: [built]\n");
        }

        private static RunResult PsUp(UpProject p) => p.PsUp("-Compatibility");

        [EngineFact]
        public void PSComposeUp_ThenComposeCompatibilityUp_KeepsTheContainers()
        {
            using var p = new UpProject("images-compat");
            Write(p, "1");
            PsUp(p).AssertNoErrors();
            Dictionary<string, string> ours = p.ContainerIds();
            Assert.Equal(new[] { p.Name + "_built_1", p.Name + "_web_1" }, ours.Keys.OrderBy(k => k));
            Assert.Equal(0, Docker.Run("image", "inspect", p.Name + "_built").ExitCode);

            p.Compose("--compatibility", "up", "-d").Check();
            UpProject.AssertSameIds(ours, p.ContainerIds());
        }

        [EngineFact]
        public void ComposeCompatibilityUp_ThenPSComposeUp_KeepsTheContainers_AndRecreatesWithTheSameReplaceLabel()
        {
            using var p = new UpProject("images-compat");
            using var reference = new UpProject("images-compatref");
            Write(p, "1");
            Write(reference, "1");
            p.Compose("--compatibility", "up", "-d").Check();
            Dictionary<string, string> theirs = p.ContainerIds();
            PsUp(p).AssertNoErrors();
            UpProject.AssertSameIds(theirs, p.ContainerIds());

            // A recreate labels the new container with the replaced one's V1 name, as Compose does.
            reference.Compose("--compatibility", "up", "-d").Check();
            Write(p, "2");
            Write(reference, "2");
            PsUp(p).AssertNoErrors();
            reference.Compose("--compatibility", "up", "-d").Check();
            string expected = UpProject.Label(reference.Name + "_web_1", "com.docker.compose.replace");
            Assert.NotNull(expected);
            Assert.Equal(expected, UpProject.Label(p.Name + "_web_1", "com.docker.compose.replace"));
        }
    }
}
