using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Stack
{
    /// <summary>
    /// Publish-ComposeStack's options and the keys Swarm treats its own way, each deployed next to docker stack deploy
    /// on the same file and compared with what the engine then holds.
    /// </summary>
    public class StackDeployOptionsEngineTests : IClassFixture<SwarmFixture>
    {
        private const string Sleeper = "    command: [\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 600 & wait\"]\n";

        private readonly SwarmFixture swarm;

        public StackDeployOptionsEngineTests(SwarmFixture swarm) => this.swarm = swarm;

        private static string Inspect(string service, string format) =>
            Docker.Run("service", "inspect", service, "--format", format).Check().Stdout.Trim();

        private static string[] Services(string stack) =>
            Docker.Run("stack", "services", stack, "--format", "{{.Name}}").Check().Stdout
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(n => n.Substring(stack.Length)).OrderBy(n => n, StringComparer.Ordinal).ToArray();

        private static RunResult Publish(string dir, string stack, string options) =>
            PowerShellRunner.Run($"Publish-ComposeStack -File stack.yaml -Name {stack} {options}", location: dir).AssertNoErrors();

        [EngineFact]
        public void PortWithAHostIp_IsPublishedOnAllAddresses_WithOneWarningNamingFileAndLine()
        {
            string ours = swarm.NewStack(), theirs = swarm.NewStack();
            string File(int port) => "services:\n  web:\n    image: pscompose/busybox:latest\n" + Sleeper + $"    ports:\n      - \"127.0.0.1:{port}:5000\"\n";
            string dir = SwarmFixture.Directory(File(18291)), theirDir = SwarmFixture.Directory(File(18292));

            RunResult r = Publish(dir, ours, "-ResolveImage Never");
            var docker = Docker.RunIn(theirDir, null, "stack", "deploy", "-c", "stack.yaml", "--resolve-image", "never", theirs).Check();

            Assert.Contains("ignoring IP-address (127.0.0.1:18292:5000/tcp) service will listen on '0.0.0.0'", docker.Stderr);
            Assert.Equal(
                $"{Path.Combine(dir, "stack.yaml")}:6: services.web.ports[0] host IP 127.0.0.1 is ignored by Swarm: Swarm publishes the port on all addresses (0.0.0.0)",
                Assert.Single(r.Warnings).Message);
            const string ports = "{{json .Spec.EndpointSpec.Ports}}";
            Assert.Equal(Inspect(theirs + "_web", ports).Replace("18292", "PORT"), Inspect(ours + "_web", ports).Replace("18291", "PORT"));
        }

        [EngineFact]
        public void Prune_RemovesTheServiceTheFileNoLongerHas_AsDockerStackDeployPrune()
        {
            string ours = swarm.NewStack(), theirs = swarm.NewStack();
            string Service(string name) => $"  {name}:\n    image: pscompose/busybox:latest\n" + Sleeper;
            string both = "services:\n" + Service("web") + Service("extra"), one = "services:\n" + Service("web");
            string dir = SwarmFixture.Directory(both), theirDir = SwarmFixture.Directory(both);
            void Deploy(string file, string prune)
            {
                File.WriteAllText(Path.Combine(dir, "stack.yaml"), file);
                File.WriteAllText(Path.Combine(theirDir, "stack.yaml"), file);
                Publish(dir, ours, "-ResolveImage Never" + (prune == null ? "" : " -Prune"));
                Docker.RunIn(theirDir, null, new[] { "stack", "deploy", "-c", "stack.yaml", "--resolve-image", "never", theirs }.Concat(prune == null ? new string[0] : new[] { prune }).ToArray()).Check();
            }

            Deploy(both, null);
            Assert.Equal(new[] { "_extra", "_web" }, Services(theirs));
            Assert.Equal(Services(theirs), Services(ours));

            // Without -Prune a service dropped from the file stays, as without --prune.
            Deploy(one, null);
            Assert.Equal(new[] { "_extra", "_web" }, Services(theirs));
            Assert.Equal(Services(theirs), Services(ours));

            Deploy(one, "--prune");
            Assert.Equal(new[] { "_web" }, Services(theirs));
            Assert.Equal(Services(theirs), Services(ours));
        }

        [EngineFact]
        public void ResolveImageChanged_KeepsTheDigestOfAnUnchangedImage_AndAlwaysResolvesAgain_AsDockerStackDeploy()
        {
            string ours = swarm.NewStack(), theirs = swarm.NewStack();
            string repo = "127.0.0.1:5000/" + ours + "/busybox";
            string image = repo + ":latest", second = ours + "-second:latest";
            string File(int version) => $"services:\n  web:\n    image: {image}\n" + Sleeper + $"    environment:\n      VERSION: \"{version}\"\n";
            string dir = SwarmFixture.Directory(File(1)), theirDir = SwarmFixture.Directory(File(1));
            string buildDir = SwarmFixture.Directory("");
            System.IO.File.WriteAllText(Path.Combine(buildDir, "Dockerfile"), "FROM pscompose/busybox:latest\nLABEL pscompose.test=second\n");
            try
            {
                Docker.Run("tag", "pscompose/busybox:latest", image).Check();
                Docker.Run("push", "-q", image).Check();
                Docker.RunIn(buildDir, null, "build", "-q", "-t", second, ".").Check();
                const string ImageOf = "{{.Spec.TaskTemplate.ContainerSpec.Image}}";
                string Deploy(int version, string resolve)
                {
                    System.IO.File.WriteAllText(Path.Combine(dir, "stack.yaml"), File(version));
                    System.IO.File.WriteAllText(Path.Combine(theirDir, "stack.yaml"), File(version));
                    Publish(dir, ours, "-ResolveImage " + resolve);
                    Docker.RunIn(theirDir, null, "stack", "deploy", "-c", "stack.yaml", "--resolve-image", resolve.ToLowerInvariant(), theirs).Check();
                    string theirImage = Inspect(theirs + "_web", ImageOf);
                    Assert.Equal(theirImage, Inspect(ours + "_web", ImageOf));
                    return theirImage;
                }

                string first = Deploy(1, "Changed");
                Assert.Matches("^" + Regex.Escape(image) + "@sha256:[0-9a-f]{64}$", first);

                // The tag now names other content; the file's image did not change, so the pinned digest stays.
                Docker.Run("tag", second, image).Check();
                Docker.Run("push", "-q", image).Check();
                Assert.Equal(first, Deploy(2, "Changed"));
                Assert.Equal(first, Deploy(3, "Never"));
                Assert.NotEqual(first, Deploy(4, "Always"));
                Assert.StartsWith(image + "@sha256:", Inspect(ours + "_web", ImageOf));
            }
            finally
            {
                // The tasks hold the images; then every tag and digest reference this test gave them goes.
                SwarmFixture.RemoveStacks(new[] { ours, theirs });
                foreach (string line in Docker.Run("images", "--digests", "--format", "{{.Tag}} {{.Digest}}", repo).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    string[] parts = line.Split(' ');
                    Docker.Run("rmi", parts[0] != "<none>" ? repo + ":" + parts[0] : repo + "@" + parts[1]);
                }
                Docker.Run("rmi", second);
            }
        }

        [EngineFact]
        public void Wait_ForAGlobalService_CountsOnlyTheNodesItsConstraintsAllow()
        {
            string stack = swarm.NewStack();
            string hostname = Docker.Run("info", "--format", "{{.Name}}").Check().Stdout.Trim();
            string Global(string name, string constraints) =>
                $"  {name}:\n    image: pscompose/busybox:latest\n" + Sleeper + $"    deploy:\n      mode: global\n      placement:\n        constraints: [{constraints}]\n";
            string dir = SwarmFixture.Directory("services:\n" +
                Global("nowhere", "\"node.labels.pscompose-absent == yes\"") +
                Global("here", $"\"node.role == manager\", \"node.hostname == {hostname}\", \"node.labels.pscompose-absent != yes\", \"engine.labels.pscompose-absent != yes\""));

            var clock = System.Diagnostics.Stopwatch.StartNew();
            Publish(dir, stack, "-ResolveImage Never -Wait -Timeout 60");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(50), $"-Wait took {clock.Elapsed}");

            // The orchestrator agrees: no task for the service no node satisfies, one on this node for the other.
            Assert.Equal("0/0", Docker.Run("service", "ls", "--filter", "name=" + stack + "_nowhere", "--format", "{{.Replicas}}").Check().Stdout.Trim());
            Assert.Equal("1/1", Docker.Run("service", "ls", "--filter", "name=" + stack + "_here", "--format", "{{.Replicas}}").Check().Stdout.Trim());
        }

        [EngineFact]
        public void JobModes_DeployAsDockerStackDeployDoes_AndWaitEndsOnceTheyCompleted()
        {
            string ours = swarm.NewStack(), theirs = swarm.NewStack();
            const string file = "services:\n" +
                "  once:\n    image: pscompose/busybox:latest\n    command: [\"sleep\", \"1\"]\n    deploy:\n      mode: replicated-job\n      replicas: 2\n" +
                "  each:\n    image: pscompose/busybox:latest\n    command: [\"true\"]\n    deploy:\n      mode: global-job\n";
            string dir = SwarmFixture.Directory(file), theirDir = SwarmFixture.Directory(file);

            RunResult r = Publish(dir, ours, "-ResolveImage Never -Wait -Timeout 120");
            Docker.RunIn(theirDir, null, "stack", "deploy", "-c", "stack.yaml", "--resolve-image", "never", theirs).Check();

            Assert.Empty(r.Warnings);
            foreach (string service in new[] { "_once", "_each" })
                Assert.Equal(Inspect(theirs + service, "{{json .Spec.Mode}}"), Inspect(ours + service, "{{json .Spec.Mode}}"));
            // -Wait returned only after every task of both jobs completed.
            string Completed(string service) =>
                string.Join(",", Docker.Run("service", "ps", ours + service, "--format", "{{.DesiredState}} {{.CurrentState}}").Check().Stdout
                    .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => string.Join(" ", l.Split(' ').Take(2))));
            Assert.Equal("Complete Complete,Complete Complete", Completed("_once"));
            Assert.Equal("Complete Complete", Completed("_each"));
        }
    }
}
