using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Docker.DotNet.Models;
using PSCompose.Engine;
using PSCompose.Execution;
using PSCompose.Model;
using PSCompose.Tests.Model.Loading;
using Xunit;
using ContainerSpec = PSCompose.Engine.ContainerSpec;
using EndpointSpec = PSCompose.Engine.EndpointSpec;
using ExecutionContext = PSCompose.Execution.ExecutionContext;
using Version = System.Version;

namespace PSCompose.Tests.Execution
{
    /// <summary>
    /// A compose file → the container create request `up` sends, through the real loader, planner and executor
    /// against <see cref="ScriptedEngine"/>. Expected values are what `docker compose up -d` (2.40.3, engine 20.10,
    /// API 1.41) created from the same file, read back with `docker inspect` (Config, HostConfig,
    /// NetworkSettings), and docker/compose create.go where the engine rewrites what it received (noted inline).
    /// </summary>
    public class ServiceSpecMappingTests
    {
        private const string BusyboxId = "sha256:61d27e1ee903dd0ce41439071a4702ca78b122e8b8f97b17cd6e8c416f9fbfa5";

        private const string App = @"services:
  app:
    image: pscompose/busybox:latest
    command: [""sh"", ""-c"", ""sleep 300""]
    entrypoint: [""/bin/env"", ""--""]
    environment:
      ZED: last
      ALPHA: first
      MIDDLE: ""2""
      BARE:
    labels:
      org.example.team: core
      com.docker.compose.project: hijack
    ports:
      - ""127.0.0.1:18081:80""
      - target: 53
        protocol: udp
    expose: [""9000-9001"", ""7000"", ""7001/udp""]
    volumes:
      - ./data:/data:ro
      - named:/named
      - /anon
      - ./data:/data2
      - named:/named2:ro
      - type: tmpfs
        target: /scratch
        tmpfs:
          size: 1048576
    tmpfs: [""/run/x:size=64k""]
    networks:
      front:
        aliases: [www, web-alias]
        ipv4_address: 172.31.250.10
      back: {}
    ulimits:
      nofile: {soft: 1024, hard: 2048}
      nproc: 512
    mem_limit: 64m
    cpus: 0.5
    pids_limit: 100
    healthcheck:
      test: [""CMD-SHELL"", ""true""]
      interval: 30s
      timeout: 5s
      retries: 2
      start_period: 1s
    restart: on-failure:3
    logging:
      driver: json-file
      options:
        max-size: 1m
    extra_hosts:
      - ""gw.example:10.0.0.1""
      - ""other.example=10.0.0.2""
    user: ""1000:1000""
    working_dir: /work
    init: true
    cap_add: [NET_ADMIN]
    cap_drop: [MKNOD]
    devices: [""/dev/null:/dev/xnull:r""]
    dns: [9.9.9.9]
    dns_search: [example.com]
    sysctls:
      net.core.somaxconn: 1024
    stop_signal: SIGINT
    stop_grace_period: 1m30s
    read_only: true
    shm_size: 16m
    hostname: apphost
    oom_score_adj: 100
    security_opt: [""no-new-privileges:true""]
volumes:
  named: {}
networks:
  front:
    ipam:
      config:
        - subnet: 172.31.250.0/24
  back: {}
";

        /// <summary>Loads <paramref name="compose"/> in a folder named specs-ref and runs `up` against the fake.</summary>
        private static (ScriptedEngine Engine, string Root) Up(string compose, params string[] imageVolumes)
        {
            using var project = new TempProject("specs-ref");
            project.Write("compose.yaml", compose);
            project.Dir("data");
            ProjectModel model = project.Load();
            ScriptedEngine engine = new ScriptedEngine().WithImage("pscompose/busybox:latest", BusyboxId, imageVolumes);
            var runner = new UpRunner(engine, model, new UpRequest());
            runner.PrepareAsync(CancellationToken.None).GetAwaiter().GetResult();
            var failures = runner.RunAsync(new ExecutionContext { Project = model }, _ => { }, CancellationToken.None).GetAwaiter().GetResult();
            Assert.True(failures.Count == 0, string.Join("\n", failures.Select(f => f.Operation + ": " + f.Error)));
            return (engine, project.Root);
        }

        private static CreateContainerParameters Request(ContainerSpec spec) => ContainerSpecMapper.ToCreateParameters(spec, new Version(1, 41));

        [Fact]
        public void Process_CommandEntrypointUserWorkdirHostnameAndStop()
        {
            CreateContainerParameters p = Request(Up(App).Engine.Created("specs-ref-app-1"));
            Assert.Equal("pscompose/busybox:latest", p.Image);
            Assert.Equal(new[] { "sh", "-c", "sleep 300" }, p.Cmd);
            Assert.Equal(new[] { "/bin/env", "--" }, p.Entrypoint);
            Assert.Equal("1000:1000", p.User);
            Assert.Equal("/work", p.WorkingDir);
            Assert.Equal("apphost", p.Hostname);
            Assert.Equal("SIGINT", p.StopSignal);
            Assert.Equal(TimeSpan.FromSeconds(90), p.StopTimeout);
            Assert.True(p.HostConfig.Init);
            Assert.True(p.HostConfig.ReadonlyRootfs);
            Assert.Equal(16L * 1024 * 1024, p.HostConfig.ShmSize);
            Assert.Equal(100, p.HostConfig.OomScoreAdj);
            Assert.Equal(new[] { "no-new-privileges:true" }, p.HostConfig.SecurityOpt);
        }

        [Fact]
        public void Environment_EveryVariable_BareOnesWithoutValue()
        {
            // Compose sends the environment in Go map order (ToMobyEnv ranges over a map): 5 `up --force-recreate`
            // runs gave 4 different orders. The set is the contract; ours keeps the file's order.
            CreateContainerParameters p = Request(Up(App).Engine.Created("specs-ref-app-1"));
            Assert.Equal(new[] { "ZED=last", "ALPHA=first", "MIDDLE=2", "BARE" }, p.Env);
        }

        [Fact]
        public void Labels_UserLabelsPlusComposeLabels_WhichWin()
        {
            (ScriptedEngine engine, string root) = Up(App);
            IDictionary<string, string> labels = Request(engine.Created("specs-ref-app-1")).Labels;
            var expected = new Dictionary<string, string>
            {
                ["org.example.team"] = "core",
                ["com.docker.compose.project"] = "specs-ref",
                ["com.docker.compose.service"] = "app",
                ["com.docker.compose.container-number"] = "1",
                ["com.docker.compose.depends_on"] = "",
                ["com.docker.compose.image"] = BusyboxId,
                ["com.docker.compose.oneoff"] = "False",
                ["com.docker.compose.project.config_files"] = Path.Combine(root, "compose.yaml"),
                ["com.docker.compose.project.working_dir"] = root,
                ["com.docker.compose.version"] = "2.40.3",
            };
            Assert.Equal(expected.Keys.Append("com.docker.compose.config-hash").OrderBy(k => k, StringComparer.Ordinal),
                labels.Keys.OrderBy(k => k, StringComparer.Ordinal));
            foreach (var kv in expected) Assert.Equal(kv.Value, labels[kv.Key]);
            Assert.Matches("^[0-9a-f]{64}$", labels["com.docker.compose.config-hash"]);
        }

        [Fact]
        public void Ports_ExposeEntriesAsWritten_PortsAsTargetSlashProtocol()
        {
            // create.go buildContainerPorts: nat.Port(expose) is the string as written (no /tcp, no range
            // expansion); the reference container has ExposedPorts 7000, 7001/udp, 9000-9001, 53/udp, 80/tcp.
            CreateContainerParameters p = Request(Up(App).Engine.Created("specs-ref-app-1"));
            Assert.Equal(new[] { "53/udp", "7000", "7001/udp", "80/tcp", "9000-9001" }, p.ExposedPorts.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.Equal(new[] { "53/udp", "80/tcp" }, p.HostConfig.PortBindings.Keys.OrderBy(k => k, StringComparer.Ordinal));
            PortBinding udp = Assert.Single(p.HostConfig.PortBindings["53/udp"]);
            Assert.True(string.IsNullOrEmpty(udp.HostIP) && string.IsNullOrEmpty(udp.HostPort));
            PortBinding tcp = Assert.Single(p.HostConfig.PortBindings["80/tcp"]);
            Assert.Equal(("127.0.0.1", "18081"), (tcp.HostIP, tcp.HostPort));
        }

        [Fact]
        public void Mounts_BindsAndNamedVolumesAsBindStrings_AnonymousAndTmpfsAsMounts()
        {
            (ScriptedEngine engine, string root) = Up(App);
            CreateContainerParameters p = Request(engine.Created("specs-ref-app-1"));
            string data = Path.Combine(root, "data");
            // Binds and Mounts are in Go map order in Compose (buildContainerMountOptions): compared as sets.
            Assert.Equal(new[] { data + ":/data2:rw", data + ":/data:ro", "specs-ref_named:/named2:ro", "specs-ref_named:/named:rw" },
                p.HostConfig.Binds.OrderBy(b => b, StringComparer.Ordinal));
            Assert.Equal(new[] { "/anon", "/scratch" }, p.HostConfig.Mounts.Select(m => m.Target).OrderBy(t => t, StringComparer.Ordinal));
            Mount anon = p.HostConfig.Mounts.Single(m => m.Target == "/anon");
            Assert.Equal("volume", anon.Type);
            Assert.Null(anon.Source);
            Mount scratch = p.HostConfig.Mounts.Single(m => m.Target == "/scratch");
            Assert.Equal("tmpfs", scratch.Type);
            Assert.Equal(1048576L, scratch.TmpfsOptions.SizeBytes);
            Assert.Equal(new Dictionary<string, string> { ["/run/x"] = "size=64k" }, p.HostConfig.Tmpfs);
            Assert.Contains("CreateVolume specs-ref_named", engine.Calls);
        }

        [Fact]
        public void Networks_PrimaryByName_OthersConnectedAfterCreate_WithAliasesAndAddress()
        {
            ContainerSpec spec = Up(App).Engine.Created("specs-ref-app-1");
            CreateContainerParameters p = Request(spec);
            // Equal priorities sort by name: back is the primary network (reference NetworkMode specs-ref_back).
            Assert.Equal("specs-ref_back", p.HostConfig.NetworkMode);
            Assert.Equal(new[] { "specs-ref_back" }, p.NetworkingConfig.EndpointsConfig.Keys);
            Assert.Equal(new[] { "specs-ref-app-1", "app" }, p.NetworkingConfig.EndpointsConfig["specs-ref_back"].Aliases);
            EndpointSpec front = Assert.Single(ContainerSpecMapper.EndpointsToConnectAfterCreate(spec, new Version(1, 41)));
            EndpointSettings settings = ContainerSpecMapper.ToEndpointSettings(front);
            Assert.Equal("specs-ref_front", front.Network);
            Assert.Equal(new[] { "specs-ref-app-1", "app", "www", "web-alias" }, settings.Aliases);
            Assert.Equal("172.31.250.10", settings.IPAMConfig.IPv4Address);
        }

        [Fact]
        public void Resources_LimitsUlimitsDevices()
        {
            HostConfig h = Request(Up(App).Engine.Created("specs-ref-app-1")).HostConfig;
            Assert.Equal(64L * 1024 * 1024, h.Memory);
            Assert.Equal(500_000_000L, h.NanoCPUs);
            Assert.Equal(100L, h.PidsLimit);
            Assert.False(h.OomKillDisable);
            Assert.Null(h.MemorySwappiness);
            // Go map order in Compose (ulimits is a map): compared by name.
            Assert.Equal(new[] { ("nofile", 1024L, 2048L), ("nproc", 512L, 512L) },
                h.Ulimits.Select(u => (u.Name, u.Soft, u.Hard)).OrderBy(u => u.Name, StringComparer.Ordinal));
            DeviceMapping device = Assert.Single(h.Devices);
            Assert.Equal(("/dev/null", "/dev/xnull", "r"), (device.PathOnHost, device.PathInContainer, device.CgroupPermissions));
        }

        [Fact]
        public void Health_Restart_Logging()
        {
            CreateContainerParameters p = Request(Up(App).Engine.Created("specs-ref-app-1"));
            Assert.Equal(new[] { "CMD-SHELL", "true" }, p.Healthcheck.Test);
            Assert.Equal(TimeSpan.FromSeconds(30), p.Healthcheck.Interval);
            Assert.Equal(TimeSpan.FromSeconds(5), p.Healthcheck.Timeout);
            Assert.Equal(TimeSpan.FromSeconds(1), p.Healthcheck.StartPeriod);
            Assert.Equal(2L, p.Healthcheck.Retries);
            Assert.Equal(RestartPolicyKind.OnFailure, p.HostConfig.RestartPolicy.Name);
            Assert.Equal(3L, p.HostConfig.RestartPolicy.MaximumRetryCount);
            Assert.Equal("json-file", p.HostConfig.LogConfig.Type);
            Assert.Equal(new Dictionary<string, string> { ["max-size"] = "1m" }, p.HostConfig.LogConfig.Config);
        }

        [Fact]
        public void HostsDnsCapabilitiesSysctls_InFileOrder()
        {
            HostConfig h = Request(Up(App).Engine.Created("specs-ref-app-1")).HostConfig;
            Assert.Equal(new[] { "gw.example:10.0.0.1", "other.example:10.0.0.2" }, h.ExtraHosts);
            Assert.Equal(new[] { "9.9.9.9" }, h.DNS);
            Assert.Equal(new[] { "example.com" }, h.DNSSearch);
            // As the moby client sends Compose's (normalizeCapabilities): engine 20.10 stores what it is sent, and the
            // reference's containers read back CAP_NET_ADMIN / CAP_MKNOD.
            Assert.Equal(new[] { "CAP_NET_ADMIN" }, h.CapAdd);
            Assert.Equal(new[] { "CAP_MKNOD" }, h.CapDrop);
            Assert.Equal(new Dictionary<string, string> { ["net.core.somaxconn"] = "1024" }, h.Sysctls);
        }

        [Fact]
        public void DisabledHealthcheck_RestartAlways_DefaultNetwork()
        {
            // Reference: Healthcheck {"Test":["NONE"]}, RestartPolicy always/0, NetworkMode <project>_default.
            const string compose = "services:\n  exp:\n    image: pscompose/busybox:latest\n" +
                "    healthcheck:\n      disable: true\n    restart: always\n";
            (ScriptedEngine engine, _) = Up(compose);
            CreateContainerParameters p = Request(engine.Created("specs-ref-exp-1"));
            Assert.Equal(new[] { "NONE" }, p.Healthcheck.Test);
            Assert.Equal(RestartPolicyKind.Always, p.HostConfig.RestartPolicy.Name);
            Assert.Equal(0L, p.HostConfig.RestartPolicy.MaximumRetryCount);
            Assert.Equal("specs-ref_default", p.HostConfig.NetworkMode);
            Assert.Contains("CreateNetwork specs-ref_default", engine.Calls);
        }

        [Fact]
        public void NewerFields_OnApi144_StartIntervalAnnotationsGatewayPriority()
        {
            // create.go: annotations → HostConfig.Annotations, healthcheck.start_interval → StartInterval (API 1.44+),
            // networks.x.gw_priority → EndpointSettings.GwPriority.
            const string compose = "services:\n  new:\n    image: pscompose/busybox:latest\n" +
                "    annotations: {com.example.a: \"1\"}\n" +
                "    healthcheck:\n      test: [\"CMD\", \"true\"]\n      start_interval: 2s\n" +
                "    networks:\n      default:\n        gw_priority: 7\n";
            ContainerSpec spec = Up(compose).Engine.Created("specs-ref-new-1");
            CreateContainerParameters p = ContainerSpecMapper.ToCreateParameters(spec, new Version(1, 48));
            Assert.Equal(new Dictionary<string, string> { ["com.example.a"] = "1" }, p.HostConfig.Annotations);
            Assert.Equal(TimeSpan.FromSeconds(2), p.Healthcheck.StartInterval);
            Assert.Equal(7L, p.NetworkingConfig.EndpointsConfig["specs-ref_default"].GwPriority);
            var old = Assert.ThrowsAny<ComposeException>(() => Request(spec));
            Assert.Equal("HealthcheckStartIntervalUnsupported", old.ErrorId);
        }

        [Fact]
        public void RecreateInheritsNothing_ImageVolumesBecomeNoBinds()
        {
            // An image VOLUME is the engine's to create on a fresh container: Compose sends no mount for it.
            ContainerSpec spec = Up("services:\n  v:\n    image: pscompose/busybox:latest\n", "/imgvol").Engine.Created("specs-ref-v-1");
            CreateContainerParameters p = Request(spec);
            Assert.Null(p.HostConfig.Binds);
            Assert.Null(p.HostConfig.Mounts);
        }
    }
}
