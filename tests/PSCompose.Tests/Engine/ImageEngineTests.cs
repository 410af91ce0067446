using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using PSCompose.Engine;
using PSCompose.Testing;
using Cli = PSCompose.Testing.Docker;
using Xunit;
using static PSCompose.Tests.Engine.EngineTestSupport;

namespace PSCompose.Tests.Engine
{
    public class ImageEngineTests : IDisposable
    {
        private static readonly CancellationToken None = CancellationToken.None;
        private readonly string dir = Path.Combine(Path.GetTempPath(), Unique("psc-build"));

        public ImageEngineTests()
        {
            Directory.CreateDirectory(dir);
        }

        public void Dispose()
        {
            Quietly(() => Directory.Delete(dir, true));
        }

        private void Write(string relative, string content)
        {
            string path = Path.Combine(dir, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path));
            File.WriteAllText(path, content);
        }

        [EngineFact]
        public void Build_FromATarContext_HonoursDockerignoreArgsTargetAndLabels()
        {
            string tag = Unique("psc-built") + ":test";
            string container = Unique("psc-run-built");
            Write("Dockerfile",
                "FROM " + Busybox + " AS base\n" +
                "ARG GREETING=unset\n" +
                "COPY . /ctx\n" +
                "RUN echo \"$GREETING\" > /greeting\n" +
                "FROM base AS final\n" +
                "RUN echo final > /stage\n" +
                "FROM base AS other\n" +
                "RUN echo other > /stage\n");
            Write(".dockerignore", "secrets\n*.log\n!keep.log\n");
            Write("app.txt", "app");
            Write("debug.log", "debug");
            Write("keep.log", "keep");
            Write("secrets/key", "k");
            Write("run.sh", "#!/bin/sh\necho ran\n");
            File.SetUnixFileMode(Path.Combine(dir, "run.sh"), (UnixFileMode)Convert.ToInt32("755", 8));
            using (DockerEngineClient engine = Connect())
            {
                try
                {
                    var lines = new List<string>();
                    string id = engine.BuildImageAsync(new BuildSpec
                    {
                        ContextDirectory = dir,
                        Tags = { tag },
                        Args = { ["GREETING"] = "hello-arg" },
                        Labels = { ["com.example.built"] = "yes" },
                        Target = "final",
                    }, p => { if (p.Stream != null) lines.Add(p.Stream); }, None).GetAwaiter().GetResult();

                    Assert.StartsWith("sha256:", id);
                    Assert.Contains(lines, l => l.StartsWith("Step 1/", StringComparison.Ordinal));
                    EngineImage image = engine.InspectImageAsync(tag, None).GetAwaiter().GetResult();
                    Assert.Equal(id, image.Id);
                    Assert.Equal("yes", image.Label("com.example.built"));

                    string output = Cli.Run("run", "--rm", "--name", container, tag, "sh", "-c",
                        "cat /greeting /stage; ls -a /ctx | sort | tr '\\n' ' '; /ctx/run.sh").Check().Stdout;
                    // Expected from the .dockerignore rules: secrets/ and debug.log are not sent; keep.log is re-included.
                    Assert.Equal("hello-arg\nfinal\n. .. .dockerignore Dockerfile app.txt keep.log run.sh ran\n", output);
                }
                finally
                {
                    Quietly(() => Cli.Run("rm", "-f", container));
                    Quietly(() => engine.RemoveImageAsync(tag, true, None).GetAwaiter().GetResult());
                }
            }
        }

        [EngineFact]
        public void Build_NetworkExtraHostsShmSize_AndNoCache()
        {
            string tag = Unique("psc-opts") + ":test";
            // Each RUN fails the build unless the option reached the builder's step containers.
            Write("Dockerfile",
                "FROM " + Busybox + "\n" +
                "RUN grep -q '10.0.0.9' /etc/hosts\n" +
                "RUN df -k /dev/shm | grep -q ' 65536 '\n" +
                "RUN test ! -e /sys/class/net/eth0\n");
            var built = new List<string>();
            using (DockerEngineClient engine = Connect())
            {
                try
                {
                    Func<bool, string> build = noCache =>
                    {
                        var output = new StringBuilder();
                        string id = engine.BuildImageAsync(new BuildSpec
                        {
                            ContextDirectory = dir,
                            Tags = { tag },
                            NetworkMode = "none",
                            ExtraHosts = { "extra.test:10.0.0.9" },
                            ShmSize = 64L * 1024 * 1024,
                            NoCache = noCache,
                        }, p => output.Append(p.Stream), None).GetAwaiter().GetResult();
                        built.Add(id);
                        return output.ToString();
                    };
                    build(false);
                    Assert.Contains("Using cache", build(false));
                    Assert.DoesNotContain("Using cache", build(true));
                }
                finally
                {
                    // The no-cache build re-tags; the earlier image is left untagged, so remove every ID we built.
                    Quietly(() => engine.RemoveImageAsync(tag, true, None).GetAwaiter().GetResult());
                    foreach (string id in built.Distinct()) Quietly(() => engine.RemoveImageAsync(id, true, None).GetAwaiter().GetResult());
                }
            }
        }

        [EngineFact]
        public void Build_WithAFailingRun_SurfacesTheBuildMessage()
        {
            string tag = Unique("psc-broken") + ":test";
            using (DockerEngineClient engine = Connect())
            {
                try
                {
                    var errors = new List<string>();
                    var e = Assert.Throws<EngineStreamException>(() => engine.BuildImageAsync(new BuildSpec
                    {
                        ContextDirectory = dir,
                        DockerfileInline = "FROM " + Busybox + "\nRUN echo about-to-fail && exit 3\n",
                        Tags = { tag },
                    }, p => { if (p.Error != null) errors.Add(p.Error); }, None).GetAwaiter().GetResult());

                    // Classic builder wording: The command '/bin/sh -c echo about-to-fail && exit 3' returned a non-zero code: 3
                    Assert.Contains("returned a non-zero code: 3", e.Message);
                    Assert.Equal(3, e.Code);
                    Assert.Single(errors);
                    Assert.True(Assert.Throws<EngineException>(() => engine.InspectImageAsync(tag, None).GetAwaiter().GetResult()).IsNotFound);
                }
                finally
                {
                    Quietly(() => engine.RemoveImageAsync(tag, true, None).GetAwaiter().GetResult());
                }
            }
        }

        [EngineFact]
        public void TagPushRemovePull_AgainstTheLocalRegistry()
        {
            string tagName = "x-" + Guid.NewGuid().ToString("N").Substring(0, 10);
            string reference = "127.0.0.1:5000/psc-test/busybox:" + tagName;
            using (DockerEngineClient engine = Connect())
            {
                try
                {
                    string sourceId = engine.InspectImageAsync(Busybox, None).GetAwaiter().GetResult().Id;
                    engine.TagImageAsync(Busybox, "127.0.0.1:5000/psc-test/busybox", tagName, None).GetAwaiter().GetResult();
                    Assert.Equal(sourceId, engine.InspectImageAsync(reference, None).GetAwaiter().GetResult().Id);

                    var pushed = new List<EngineProgress>();
                    engine.PushImageAsync(reference, pushed.Add, None).GetAwaiter().GetResult();
                    Assert.Contains(pushed, p => p.Status != null && p.Status.Contains("digest: sha256:"));

                    IReadOnlyList<string> removed = engine.RemoveImageAsync(reference, false, None).GetAwaiter().GetResult();
                    Assert.Contains("Untagged: " + reference, removed);
                    Assert.True(Assert.Throws<EngineException>(() => engine.InspectImageAsync(reference, None).GetAwaiter().GetResult()).IsNotFound);

                    var pulled = new List<EngineProgress>();
                    engine.PullImageAsync(reference, null, pulled.Add, None).GetAwaiter().GetResult();
                    Assert.Contains(pulled, p => p.Status != null && p.Status.StartsWith("Status: ", StringComparison.Ordinal));
                    Assert.Equal(sourceId, engine.InspectImageAsync(reference, None).GetAwaiter().GetResult().Id);

                    var missing = Assert.ThrowsAny<EngineException>(() =>
                        engine.PullImageAsync("127.0.0.1:5000/psc-test/does-not-exist:nope", null, null, None).GetAwaiter().GetResult());
                    Assert.Contains("not found", missing.Message);
                }
                finally
                {
                    Quietly(() => engine.RemoveImageAsync(reference, false, None).GetAwaiter().GetResult());
                }
            }
        }
    }
}
