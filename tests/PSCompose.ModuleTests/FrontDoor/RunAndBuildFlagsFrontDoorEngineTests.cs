using System.IO;
using System.Linq;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.FrontDoor
{
    /// <summary>`build --build-arg` and `run --cap-add/--cap-drop`: the same image and one-off as `docker compose` makes.</summary>
    public class RunAndBuildFlagsFrontDoorEngineTests
    {
        [EngineFact]
        public void BuildArg_OverridesTheFilesArgs_BareNamesFromTheProjectEnvironment()
        {
            using FrontDoorProject p = FrontDoorProject.Empty(
                "services:\n  app:\n    build:\n      context: .\n      args: {V: fromfileV, W: fromfileW, X: fromfileX}\n");
            File.WriteAllText(Path.Combine(p.Directory, "Dockerfile"),
                $"FROM {LifecycleProject.Busybox}\nARG V\nARG W\nARG X\nARG Z\nRUN echo \"$V/$W/$X/$Z\" > /x\n");
            File.WriteAllText(Path.Combine(p.Directory, ".env"), "Z=fromdotenv\n");
            string image = p.Name + "-app";
            // X given, Z bare (the .env file has it), W bare (no such variable: the file's value goes too), V untouched.
            string[] line = { "build", "--build-arg", "X=cli", "--build-arg", "Z", "--build-arg", "W" };

            p.Compose(line).Check();
            string expected = Docker.Run("run", "--rm", image, "cat", "/x").Check().Stdout;
            Docker.Run("image", "rm", "-f", image).Check();

            FrontResult ours = p.Front(string.Join(" ", line));
            Assert.Empty(ours.Run.Errors);
            Assert.Equal(0, ours.ExitCode);
            Assert.Equal("fromfileV//cli/fromdotenv\n", expected);
            Assert.Equal(expected, Docker.Run("run", "--rm", image, "cat", "/x").Check().Stdout);
        }

        [EngineFact]
        public void RunCapAddAndCapDrop_GiveTheOneOffComposesCapabilities()
        {
            using FrontDoorProject p = FrontDoorProject.Empty(
                $"services:\n  app:\n    image: {LifecycleProject.Busybox}\n    cap_add: [SYS_TIME, NET_ADMIN]\n    cap_drop: [CHOWN, MKNOD]\n");
            string flags = "--cap-add CHOWN --cap-add SYS_PTRACE --cap-drop NET_ADMIN --cap-drop KILL";
            try
            {
                p.Compose(new[] { "run", "-d", "--name", p.Name + "-ref" }.Concat(flags.Split(' ')).Concat(new[] { "app", "sleep", "120" }).ToArray()).Check();
                FrontResult ours = p.Front($"run -d --name {p.Name}-ours {flags} app sleep 120");
                Assert.Empty(ours.Run.Errors);
                Assert.Equal(0, ours.ExitCode);

                string Capabilities(string container) =>
                    Docker.Run("inspect", "--format", "{{json .HostConfig.CapAdd}} {{json .HostConfig.CapDrop}}", container).Check().Stdout;
                string expected = Capabilities(p.Name + "-ref");
                Assert.Contains("CAP_SYS_PTRACE", expected);
                Assert.Equal(expected, Capabilities(p.Name + "-ours"));
            }
            finally
            {
                Docker.Run("rm", "-f", p.Name + "-ref", p.Name + "-ours");
            }
        }
    }
}
