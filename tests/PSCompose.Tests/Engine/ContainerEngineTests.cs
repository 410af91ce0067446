using System;
using System.Collections.Generic;
using System.Diagnostics;
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
    public class ContainerEngineTests
    {
        private static readonly CancellationToken None = CancellationToken.None;

        [EngineFact]
        public void RichSpec_RoundTripsThroughCreateStartInspect()
        {
            string name = Unique("psc-rich");
            string network = Unique("psc-net");
            string volume = Unique("psc-vol");
            string hostDir = Path.Combine(Path.GetTempPath(), Unique("psc-bind"));
            Directory.CreateDirectory(hostDir);
            File.WriteAllText(Path.Combine(hostDir, "hello.txt"), "from-host");
            using (DockerEngineClient engine = Connect())
            {
                try
                {
                    engine.CreateNetworkAsync(new NetworkSpec { Name = network, Labels = { ["psc.test"] = "1" } }, None).GetAwaiter().GetResult();
                    engine.CreateVolumeAsync(new VolumeSpec { Name = volume }, None).GetAwaiter().GetResult();
                    var spec = new ContainerSpec
                    {
                        Name = name,
                        Image = Busybox,
                        Command = new List<string> { "sleep", "300" },
                        Env = { "A=1", "WITH_SPACE=a b" },
                        Labels = { ["com.example.role"] = "test", ["psc.test"] = "1" },
                        WorkingDir = "/tmp",
                        Hostname = "h1",
                        Domainname = "example.test",
                        User = "1000:1000",
                        OpenStdin = true,
                        StopSignal = "SIGUSR1",
                        StopTimeoutSeconds = 7,
                        Healthcheck = new HealthcheckSpec
                        {
                            Test = new List<string> { "CMD-SHELL", "true" },
                            Interval = TimeSpan.FromSeconds(2),
                            Timeout = TimeSpan.FromSeconds(1),
                            StartPeriod = TimeSpan.FromSeconds(1),
                            Retries = 2,
                        },
                        Init = true,
                        ExposedPorts = { "9000" },
                        PortBindings = { new PortBindingSpec { ContainerPort = "80/tcp", HostIp = "127.0.0.1", HostPort = "" } },
                        Mounts =
                        {
                            new MountSpec { Type = "volume", Source = volume, Target = "/data", HasVolumeOptions = true, VolumeNoCopy = true },
                            new MountSpec { Type = "tmpfs", Target = "/scratch", HasTmpfsOptions = true, TmpfsSizeBytes = 1048576, TmpfsMode = Convert.ToUInt32("1777", 8) },
                            new MountSpec { Type = "bind", Source = hostDir, Target = "/host", ReadOnly = true, HasBindOptions = true, BindCreateMountpoint = false },
                        },
                        Tmpfs = { ["/run/extra"] = "size=65536" },
                        Networks = { new EndpointSpec { Network = network, Aliases = { name, "rich", "rich-alias" } } },
                        RestartPolicy = new RestartPolicySpec { Name = "on-failure", MaximumRetryCount = 2 },
                        Resources = new ResourcesSpec
                        {
                            Memory = 64L * 1024 * 1024,
                            NanoCpus = 500000000,
                            PidsLimit = 100,
                            Ulimits = { new UlimitSpec { Name = "nofile", Soft = 1024, Hard = 2048 } },
                        },
                        Sysctls = { ["net.core.somaxconn"] = "1024" },
                        Logging = new LogConfigSpec { Driver = "json-file", Options = { ["max-size"] = "1m" } },
                        CapAdd = { "NET_ADMIN" },
                        CapDrop = { "MKNOD" },
                        Dns = { "9.9.9.9" },
                        DnsSearch = { "example.test" },
                        ExtraHosts = { "myhost:10.0.0.5" },
                        SecurityOpt = { "no-new-privileges:true" },
                        GroupAdd = { "100" },
                        ShmSize = 32L * 1024 * 1024,
                        OomScoreAdj = 100,
                    };

                    EngineCreateResult created = engine.CreateContainerAsync(spec, None).GetAwaiter().GetResult();
                    engine.StartContainerAsync(created.Id, None).GetAwaiter().GetResult();

                    JsonElement c = Inspect("container", name);
                    JsonElement config = c.GetProperty("Config");
                    JsonElement host = c.GetProperty("HostConfig");
                    Assert.Equal(created.Id, c.GetProperty("Id").GetString());
                    Assert.Equal(new[] { "sleep", "300" }, config.GetProperty("Cmd").EnumerateArray().Select(e => e.GetString()).ToArray());
                    string[] env = config.GetProperty("Env").EnumerateArray().Select(e => e.GetString()).ToArray();
                    Assert.Contains("A=1", env);
                    Assert.Contains("WITH_SPACE=a b", env);
                    Assert.Equal("test", config.GetProperty("Labels").GetProperty("com.example.role").GetString());
                    Assert.Equal("/tmp", config.GetProperty("WorkingDir").GetString());
                    Assert.Equal("h1", config.GetProperty("Hostname").GetString());
                    Assert.Equal("example.test", config.GetProperty("Domainname").GetString());
                    Assert.Equal("1000:1000", config.GetProperty("User").GetString());
                    Assert.True(config.GetProperty("OpenStdin").GetBoolean());
                    Assert.Equal("SIGUSR1", config.GetProperty("StopSignal").GetString());
                    Assert.Equal(7, config.GetProperty("StopTimeout").GetInt32());
                    JsonElement hc = config.GetProperty("Healthcheck");
                    Assert.Equal(new[] { "CMD-SHELL", "true" }, hc.GetProperty("Test").EnumerateArray().Select(e => e.GetString()).ToArray());
                    Assert.Equal(2000000000L, hc.GetProperty("Interval").GetInt64());
                    Assert.Equal(1000000000L, hc.GetProperty("Timeout").GetInt64());
                    Assert.Equal(1000000000L, hc.GetProperty("StartPeriod").GetInt64());
                    Assert.Equal(2, hc.GetProperty("Retries").GetInt32());
                    Assert.True(config.GetProperty("ExposedPorts").TryGetProperty("9000", out _));
                    Assert.True(host.GetProperty("Init").GetBoolean());
                    Assert.Equal("on-failure", host.GetProperty("RestartPolicy").GetProperty("Name").GetString());
                    Assert.Equal(2, host.GetProperty("RestartPolicy").GetProperty("MaximumRetryCount").GetInt32());
                    Assert.Equal(64L * 1024 * 1024, host.GetProperty("Memory").GetInt64());
                    Assert.Equal(500000000L, host.GetProperty("NanoCpus").GetInt64());
                    Assert.Equal(100, host.GetProperty("PidsLimit").GetInt64());
                    Assert.Equal("1024", host.GetProperty("Sysctls").GetProperty("net.core.somaxconn").GetString());
                    Assert.Equal("json-file", host.GetProperty("LogConfig").GetProperty("Type").GetString());
                    Assert.Equal("1m", host.GetProperty("LogConfig").GetProperty("Config").GetProperty("max-size").GetString());
                    // Normalized as the moby client sends them (what docker compose's containers read back).
                    Assert.Equal(new[] { "CAP_NET_ADMIN" }, host.GetProperty("CapAdd").EnumerateArray().Select(e => e.GetString()).ToArray());
                    Assert.Equal(new[] { "CAP_MKNOD" }, host.GetProperty("CapDrop").EnumerateArray().Select(e => e.GetString()).ToArray());
                    Assert.Equal(new[] { "9.9.9.9" }, host.GetProperty("Dns").EnumerateArray().Select(e => e.GetString()).ToArray());
                    Assert.Equal(new[] { "myhost:10.0.0.5" }, host.GetProperty("ExtraHosts").EnumerateArray().Select(e => e.GetString()).ToArray());
                    Assert.Equal(new[] { "no-new-privileges:true" }, host.GetProperty("SecurityOpt").EnumerateArray().Select(e => e.GetString()).ToArray());
                    Assert.Equal(new[] { "100" }, host.GetProperty("GroupAdd").EnumerateArray().Select(e => e.GetString()).ToArray());
                    Assert.Equal(32L * 1024 * 1024, host.GetProperty("ShmSize").GetInt64());
                    Assert.Equal(100, host.GetProperty("OomScoreAdj").GetInt32());
                    Assert.Equal("size=65536", host.GetProperty("Tmpfs").GetProperty("/run/extra").GetString());
                    JsonElement ulimit = host.GetProperty("Ulimits")[0];
                    Assert.Equal("nofile", ulimit.GetProperty("Name").GetString());
                    Assert.Equal(1024, ulimit.GetProperty("Soft").GetInt64());
                    Assert.Equal(2048, ulimit.GetProperty("Hard").GetInt64());
                    Assert.Equal(network, host.GetProperty("NetworkMode").GetString());
                    JsonElement binding = host.GetProperty("PortBindings").GetProperty("80/tcp")[0];
                    Assert.Equal("127.0.0.1", binding.GetProperty("HostIp").GetString());
                    JsonElement[] mounts = host.GetProperty("Mounts").EnumerateArray().ToArray();
                    JsonElement tmpfs = mounts.Single(m => m.GetProperty("Type").GetString() == "tmpfs");
                    Assert.Equal(1048576, tmpfs.GetProperty("TmpfsOptions").GetProperty("SizeBytes").GetInt64());
                    Assert.Equal(Convert.ToInt32("1777", 8), tmpfs.GetProperty("TmpfsOptions").GetProperty("Mode").GetInt32());
                    Assert.True(mounts.Single(m => m.GetProperty("Type").GetString() == "volume").GetProperty("VolumeOptions").GetProperty("NoCopy").GetBoolean());
                    Assert.True(mounts.Single(m => m.GetProperty("Type").GetString() == "bind").GetProperty("ReadOnly").GetBoolean());
                    string[] aliases = c.GetProperty("NetworkSettings").GetProperty("Networks").GetProperty(network).GetProperty("Aliases")
                        .EnumerateArray().Select(e => e.GetString()).ToArray();
                    Assert.Contains("rich", aliases);
                    Assert.Contains("rich-alias", aliases);

                    // Inside the running container.
                    Assert.Matches(@"Max open files\s+1024\s+2048\s", Exec(name, "cat", "/proc/1/limits"));
                    Assert.Contains("10.0.0.5\tmyhost", Exec(name, "cat", "/etc/hosts"));
                    Assert.Equal("from-host", Exec(name, "cat", "/host/hello.txt"));
                    Assert.Equal("1000", Exec(name, "id", "-u").Trim());

                    // Our own inspect agrees.
                    EngineContainerDetails details = engine.InspectContainerAsync(name, None).GetAwaiter().GetResult();
                    Assert.Equal(name, details.Name);
                    Assert.True(details.Running);
                    Assert.Equal("running", details.Status);
                    Assert.Equal(7, details.StopTimeoutSeconds);
                    Assert.True(details.HasHealthcheck);
                    Assert.Contains(details.HealthStatus, new[] { "starting", "healthy" });
                    Assert.Equal("on-failure", details.RestartPolicy);
                    Assert.Equal("test", details.Label("com.example.role"));
                    Assert.Contains("rich-alias", details.Networks[network].Aliases);
                    Assert.Equal(volume, details.Mounts.Single(m => m.Destination == "/data").Name);
                    Assert.False(string.IsNullOrEmpty(details.Ports["80/tcp"].Single().HostPort));
                }
                finally
                {
                    Quietly(() => engine.RemoveContainerAsync(name, true, true, None).GetAwaiter().GetResult());
                    Quietly(() => engine.RemoveNetworkAsync(network, None).GetAwaiter().GetResult());
                    Quietly(() => engine.RemoveVolumeAsync(volume, true, None).GetAwaiter().GetResult());
                    Quietly(() => Directory.Delete(hostDir, true));
                }
            }
        }

        [EngineFact]
        public void Exec_SeparatesStreams_FeedsStdin_AndReturnsTheExitCode()
        {
            string name = Unique("psc-exec");
            using (DockerEngineClient engine = Connect())
            {
                try
                {
                    var spec = new ContainerSpec { Name = name, Image = Busybox, Command = new List<string> { "sleep", "300" } };
                    string id = engine.CreateContainerAsync(spec, None).GetAwaiter().GetResult().Id;
                    engine.StartContainerAsync(id, None).GetAwaiter().GetResult();

                    var stdout = new StringBuilder();
                    var stderr = new StringBuilder();
                    var exec = new ExecSpec
                    {
                        Command = { "sh", "-c", "cat; echo \"$FOO in $(pwd) as $(id -u)\"; echo oops >&2; exit 5" },
                        Env = { "FOO=bar" },
                        WorkingDir = "/etc",
                        User = "1234",
                    };
                    using (var stdin = new MemoryStream(Encoding.UTF8.GetBytes("piped-in\n")))
                    {
                        long code = engine.ExecAsync(id, exec, stdin, Lines(stdout, stderr), None).GetAwaiter().GetResult();
                        Assert.Equal(5, code);
                    }
                    Assert.Equal("piped-in\nbar in /etc as 1234\n", stdout.ToString());
                    Assert.Equal("oops\n", stderr.ToString());
                }
                finally
                {
                    Quietly(() => engine.RemoveContainerAsync(name, true, false, None).GetAwaiter().GetResult());
                }
            }
        }

        [EngineFact]
        public void AttachBeforeStart_SeesAllOutput_FollowedLogsEndOnCancel()
        {
            string name = Unique("psc-attach");
            using (DockerEngineClient engine = Connect())
            {
                try
                {
                    var spec = new ContainerSpec
                    {
                        Name = name,
                        Image = Busybox,
                        Command = new List<string> { "sh", "-c", "echo first; echo to-err >&2; sleep 1; echo ünïcödé; sleep 300" },
                    };
                    string id = engine.CreateContainerAsync(spec, None).GetAwaiter().GetResult().Id;
                    var attached = new StringBuilder();
                    var errors = new StringBuilder();
                    var attachCts = new CancellationTokenSource();
                    System.Threading.Tasks.Task pump = engine.AttachOutputAsync(id, Lines(attached, errors), attachCts.Token)
                        .GetAwaiter().GetResult();
                    engine.StartContainerAsync(id, None).GetAwaiter().GetResult();

                    var deadline = DateTime.UtcNow.AddSeconds(10);
                    while (DateTime.UtcNow < deadline) { lock (attached) if (attached.ToString().Contains("ünïcödé")) break; Thread.Sleep(50); }
                    lock (attached)
                    {
                        Assert.Equal("first\nünïcödé\n", attached.ToString());
                        Assert.Equal("to-err\n", errors.ToString());
                    }

                    using (var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(700)))
                    {
                        var followed = new StringBuilder();
                        Assert.ThrowsAny<OperationCanceledException>(() =>
                            engine.StreamLogsAsync(id, new LogOptions { Follow = true, Stderr = false }, Lines(followed, null), cts.Token).GetAwaiter().GetResult());
                        Assert.Equal("first\nünïcödé\n", followed.ToString());
                    }

                    engine.StopContainerAsync(id, 0, None).GetAwaiter().GetResult();
                    Assert.True(pump.Wait(TimeSpan.FromSeconds(10)), "the attach stream ends when the container stops");
                }
                finally
                {
                    Quietly(() => engine.RemoveContainerAsync(name, true, false, None).GetAwaiter().GetResult());
                }
            }
        }

        [EngineFact]
        public void Inspect_OfAMissingContainer_IsNotFound()
        {
            using (DockerEngineClient engine = Connect())
            {
                var e = Assert.Throws<EngineException>(() => engine.InspectContainerAsync(Unique("psc-missing"), None).GetAwaiter().GetResult());
                Assert.True(e.IsNotFound);
            }
        }

        [EngineFact]
        public void Stop_UsesTheGivenTimeout_OrTheContainersStopTimeout()
        {
            string name = Unique("psc-stop");
            using (DockerEngineClient engine = Connect())
            {
                try
                {
                    // busybox sleep as PID 1 ignores SIGTERM, so stop always waits the full timeout then kills (137).
                    var spec = new ContainerSpec { Name = name, Image = Busybox, Command = new List<string> { "sleep", "300" }, StopTimeoutSeconds = 2 };
                    string id = engine.CreateContainerAsync(spec, None).GetAwaiter().GetResult().Id;
                    engine.StartContainerAsync(id, None).GetAwaiter().GetResult();

                    var watch = Stopwatch.StartNew();
                    engine.StopContainerAsync(id, null, None).GetAwaiter().GetResult();
                    double byContainerTimeout = watch.Elapsed.TotalSeconds;
                    Assert.InRange(byContainerTimeout, 1.8, 6);
                    Assert.Equal(137, engine.InspectContainerAsync(id, None).GetAwaiter().GetResult().ExitCode);

                    engine.StartContainerAsync(id, None).GetAwaiter().GetResult();
                    watch.Restart();
                    engine.StopContainerAsync(id, 0, None).GetAwaiter().GetResult();
                    Assert.InRange(watch.Elapsed.TotalSeconds, 0, 1.5);
                    Assert.Equal(137, engine.InspectContainerAsync(id, None).GetAwaiter().GetResult().ExitCode);
                    engine.StopContainerAsync(id, 0, None).GetAwaiter().GetResult(); // already stopped: no error

                    engine.StartContainerAsync(id, None).GetAwaiter().GetResult();
                    watch.Restart();
                    engine.StopContainerAsync(id, 4, None).GetAwaiter().GetResult();
                    Assert.InRange(watch.Elapsed.TotalSeconds, 3.8, 8);
                }
                finally
                {
                    Quietly(() => engine.RemoveContainerAsync(name, true, false, None).GetAwaiter().GetResult());
                }
            }
        }

        [EngineFact]
        public void Lifecycle_RenameKillPauseWaitLogs()
        {
            string name = Unique("psc-life");
            string renamed = name + "-renamed";
            using (DockerEngineClient engine = Connect())
            {
                try
                {
                    var spec = new ContainerSpec
                    {
                        Name = name,
                        Image = Busybox,
                        Command = new List<string> { "sh", "-c", "trap 'echo got-usr1; exit 7' USR1; echo started; echo err-line >&2; while true; do sleep 0.1; done" },
                    };
                    string id = engine.CreateContainerAsync(spec, None).GetAwaiter().GetResult().Id;
                    engine.RenameContainerAsync(id, renamed, None).GetAwaiter().GetResult();
                    Assert.Equal(renamed, engine.InspectContainerAsync(id, None).GetAwaiter().GetResult().Name);

                    engine.StartContainerAsync(id, None).GetAwaiter().GetResult();
                    engine.PauseContainerAsync(id, None).GetAwaiter().GetResult();
                    Assert.Equal("paused", engine.InspectContainerAsync(id, None).GetAwaiter().GetResult().Status);
                    engine.UnpauseContainerAsync(id, None).GetAwaiter().GetResult();
                    Assert.Equal("running", engine.InspectContainerAsync(id, None).GetAwaiter().GetResult().Status);

                    var wait = engine.WaitContainerAsync(id, None);
                    Thread.Sleep(300);
                    engine.KillContainerAsync(id, "SIGUSR1", None).GetAwaiter().GetResult();
                    Assert.Equal(7, wait.GetAwaiter().GetResult());

                    var stdout = new StringBuilder();
                    var stderr = new StringBuilder();
                    engine.StreamLogsAsync(id, new LogOptions(), Lines(stdout, stderr), None).GetAwaiter().GetResult();
                    Assert.Equal("started\ngot-usr1\n", stdout.ToString());
                    Assert.Equal("err-line\n", stderr.ToString());
                }
                finally
                {
                    Quietly(() => engine.RemoveContainerAsync(renamed, true, false, None).GetAwaiter().GetResult());
                    Quietly(() => engine.RemoveContainerAsync(name, true, false, None).GetAwaiter().GetResult());
                }
            }
        }

        /// <summary>
        /// The log reader takes the bytes under Docker.DotNet's streams (private fields of the pinned 4.3.3): the chunked
        /// HTTP body is decoded by PSCompose with large reads. If a library update changes those internals, reading still
        /// works but falls back to one chunk per read (several times slower): this test is what notices.
        /// </summary>
        [EngineFact]
        public void Logs_are_read_below_the_librarys_one_chunk_per_read_stream()
        {
            string name = Unique("psc-engine-rawlogs");
            Cli.Run("run", "--name", name, Busybox, "sh", "-c", "echo one; echo two").Check();
            try
            {
                using (global::Docker.DotNet.DockerClient client = new global::Docker.DotNet.DockerClientBuilder(new global::Docker.DotNet.DockerConfig()).Build())
                using (global::Docker.DotNet.MultiplexedStream logs = client.Containers.GetContainerLogsAsync(name, new global::Docker.DotNet.Models.ContainerLogsParameters { ShowStdout = true }, None).GetAwaiter().GetResult())
                {
                    Assert.IsType<ChunkedTransferReader>(DockerEngineClient.RawStream.Get(logs));
                    Assert.True(DockerEngineClient.RawStream.IsMultiplexed(logs));
                }
            }
            finally
            {
                Quietly(() => Cli.Run("rm", "-f", name));
            }
        }

        /// <summary>Appends each line and its newline to the builder of its stream (stderr lines dropped when null).</summary>
        private static Func<IReadOnlyList<OutputLine>, System.Threading.Tasks.Task> Lines(StringBuilder stdout, StringBuilder stderr) => batch =>
        {
            foreach (OutputLine line in batch)
            {
                StringBuilder target = line.Stream == OutputStream.Stderr ? stderr : stdout;
                if (target == null) continue;
                lock (target) target.Append(line.Text).Append('\n');
            }
            return System.Threading.Tasks.Task.CompletedTask;
        };
    }
}
