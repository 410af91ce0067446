using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PSCompose.Model;
using PSCompose.Model.Serialization;
using PSCompose.Model.Typed;
using PSCompose.Tests.Model.Loading;
using Xunit;

namespace PSCompose.Tests.Model.Typed
{
    // Expected values: `docker compose config --format json` of Compose 2.40.3 on the same files (sizes in bytes,
    // durations as Go prints them, short syntax expanded), written here as typed values.
    public class ProjectDecoderTests : IDisposable
    {
        private const string File = @"name: typed
x-common: &common
  labels: {tier: back}
services:
  web:
    image: nginx:1.27
    build:
      context: ./ctx
      args: [A=1, B]
      tags: [reg/web:dev]
      shm_size: 64m
      extra_hosts: [""h1:10.0.0.1""]
    command: echo ""hello world""
    entrypoint: [/bin/sh, -c]
    environment:
      FOO: bar
      EMPTY:
    ports:
      - ""127.0.0.1:8080-8081:80-81/udp""
      - target: 443
        published: ""8443""
        mode: host
    volumes:
      - ./data:/data:ro
      - named:/var/lib
      - type: tmpfs
        target: /tmp
        tmpfs: {size: 1m, mode: 01777}
    networks:
      front:
        aliases: [www]
        ipv4_address: 172.30.0.5
        priority: 100
      back:
    depends_on:
      db:
        condition: service_healthy
        restart: true
    healthcheck:
      test: curl -f http://localhost
      interval: 1m30s
      timeout: 500ms
      retries: 3
    deploy:
      replicas: 2
      resources:
        limits: {cpus: ""0.5"", memory: 512M, pids: 100}
        reservations:
          devices:
            - capabilities: [gpu]
              count: all
      restart_policy: {condition: on-failure, delay: 5s, max_attempts: 3}
      update_config: {parallelism: 2, delay: 10s, order: start-first}
      placement:
        constraints: [node.role==manager]
        preferences: [{spread: node.labels.zone}]
    ulimits:
      nproc: 65535
      nofile: {soft: 20000, hard: 40000}
    logging:
      driver: json-file
      options: {max-size: 10m}
    secrets:
      - source: pw
        target: password
        mode: 0400
    extra_hosts: {somehost: 162.242.195.82}
    stop_grace_period: 1m
    mem_limit: 512m
    pull_policy: always
    x-custom: {a: 1}
    develop:
      watch:
        - path: ./ctx
          action: sync
          target: /app
          ignore: [node_modules/]
  db:
    image: postgres
    <<: *common
    devices: [""/dev/fuse:/dev/fuse:rwm""]
  dbg:
    image: busybox
    profiles: [debug]
networks:
  front:
    ipam:
      config: [{subnet: 172.30.0.0/24}]
  back:
    external: true
    name: shared_back
volumes:
  named:
    labels: [a=b]
secrets:
  pw:
    file: ./secret.txt
x-top: [1, two]
";

        private readonly TempProject project = new TempProject();
        private readonly ProjectModel model;
        private readonly ProjectConfig typed;

        public ProjectDecoderTests()
        {
            project.Write("compose.yaml", File);
            project.Write("secret.txt", "s3cret\n");
            project.Dir("ctx");
            model = project.Load();
            typed = model.Typed;
        }

        public void Dispose() => project.Dispose();

        private string InProject(string relative) => Path.Combine(project.Root, relative);

        [Fact]
        public void ProjectCarriesNameDirectoryFilesAndProfiles()
        {
            Assert.Equal("typed", typed.Name);
            Assert.Equal(project.Root, typed.WorkingDirectory);
            Assert.Equal(new[] { InProject("compose.yaml") }, typed.ConfigFiles);
            Assert.Equal(new[] { "db", "web" }, typed.ServiceNames.OrderBy(n => n, StringComparer.Ordinal));
            Assert.Equal(new[] { "dbg" }, typed.DisabledServices.Keys);
            Assert.Equal(new[] { "debug" }, typed.DisabledServices["dbg"].Profiles);
            Assert.Equal(new[] { "debug" }, typed.AllProfiles);
            Assert.False(typed.Compatibility);
        }

        [Fact]
        public void TopLevelResourcesAreTyped()
        {
            Assert.Equal(new[] { "back", "default", "front" }, typed.Networks.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.True(typed.Networks["back"].External);
            Assert.Equal("shared_back", typed.NetworkName("back"));
            Assert.Equal("typed_front", typed.NetworkName("front"));
            Assert.Equal("172.30.0.0/24", typed.Networks["front"].Ipam.Config.Single().Subnet);
            Assert.True(typed.Networks["front"].Ipam.IsSet);
            Assert.False(typed.Networks["default"].Ipam.IsSet);
            Assert.Equal("typed_named", typed.VolumeName("named"));
            Assert.Equal("b", typed.Volumes["named"].Labels["a"]);
            Assert.Equal(InProject("secret.txt"), typed.Secrets["pw"].File);
            Assert.Equal("typed_pw", typed.Secrets["pw"].Name);
            Assert.Equal(new object[] { 1L, "two" }, (List<object>)typed.Extensions["x-top"]);
            Assert.True(typed.Extensions.ContainsKey("x-common"));
        }

        [Fact]
        public void ShortSyntaxIsExpanded()
        {
            ServiceConfig web = typed.Service("web");
            Assert.Equal(new[] { "echo", "hello world" }, web.Command);
            Assert.Equal(new[] { "/bin/sh", "-c" }, web.Entrypoint);
            Assert.Null(typed.Service("db").Command);
            Assert.Equal(new[] { "CMD-SHELL", "curl -f http://localhost" }, web.HealthCheck.Test);
            Assert.Equal(new[] { "somehost=162.242.195.82" }, web.ExtraHosts);

            Assert.Equal(3, web.Ports.Count);
            Assert.Equal(("ingress", "127.0.0.1", 80L, "8080", "udp"), Port(web.Ports[0]));
            Assert.Equal(("ingress", "127.0.0.1", 81L, "8081", "udp"), Port(web.Ports[1]));
            Assert.Equal(("host", (string)null, 443L, "8443", "tcp"), Port(web.Ports[2]));

            ServiceVolume bind = web.Volumes[0];
            Assert.Equal(("bind", InProject("data"), "/data", true), (bind.Type, bind.Source, bind.Target, bind.ReadOnly));
            Assert.True(bind.Bind.CreateHostPath);
            ServiceVolume named = web.Volumes[1];
            Assert.Equal(("volume", "named", "/var/lib"), (named.Type, named.Source, named.Target));
            Assert.NotNull(named.Volume);
            Assert.Null(named.Volume.NoCopy);
            ServiceVolume tmpfs = web.Volumes[2];
            Assert.Equal(1048576L, tmpfs.Tmpfs.Size);
            Assert.Equal(1023L, tmpfs.Tmpfs.Mode);

            DeviceMapping device = typed.Service("db").Devices.Single();
            Assert.Equal(("/dev/fuse", "/dev/fuse", "rwm"), (device.Source, device.Target, device.Permissions));
        }

        private static (string, string, long, string, string) Port(ServicePort p) => (p.Mode, p.HostIp, p.Target, p.Published, p.Protocol);

        [Fact]
        public void SizesAreBytesAndDurationsParsed()
        {
            ServiceConfig web = typed.Service("web");
            Assert.Equal(536870912L, web.MemLimit);
            Assert.Equal(67108864L, web.Build.ShmSize);
            Assert.Equal(TimeSpan.FromMinutes(1), web.StopGracePeriod);
            Assert.Equal(TimeSpan.FromSeconds(90), web.HealthCheck.Interval);
            Assert.Equal(TimeSpan.FromMilliseconds(500), web.HealthCheck.Timeout);
            Assert.Equal(3L, web.HealthCheck.Retries);
            Assert.Null(web.HealthCheck.StartPeriod);
        }

        [Fact]
        public void BuildEnvironmentAndLabelsKeepUnsetValues()
        {
            ServiceConfig web = typed.Service("web");
            Assert.Equal(InProject("ctx"), web.Build.Context);
            Assert.Equal("Dockerfile", web.Build.Dockerfile);
            Assert.Equal(new[] { "A" }, web.Build.Args.Keys);
            Assert.Equal("1", web.Build.Args["A"]);
            Assert.Equal(new[] { "reg/web:dev" }, web.Build.Tags);
            Assert.Equal(new[] { "h1=10.0.0.1" }, web.Build.ExtraHosts);
            Assert.Equal("bar", web.Environment["FOO"]);
            Assert.True(web.Environment.ContainsKey("EMPTY"));
            Assert.Null(web.Environment["EMPTY"]);
            Assert.Equal("back", typed.Service("db").Labels["tier"]);
            Assert.Null(typed.Service("db").Build);
            Assert.Equal("always", web.PullPolicy);
            Assert.Equal(1L, ((YMap)web.Extensions["x-custom"])["a"]);
        }

        [Fact]
        public void NetworksAndDependenciesAreTyped()
        {
            ServiceConfig web = typed.Service("web");
            Assert.Equal(new[] { "front", "back" }, web.NetworksByPriority());
            Assert.Null(web.Networks["back"]);
            Assert.Equal(new[] { "www" }, web.Networks["front"].Aliases);
            Assert.Equal("172.30.0.5", web.Networks["front"].Ipv4Address);
            Assert.Equal(new[] { "default" }, typed.Service("db").Networks.Keys);
            ServiceDependency db = web.DependsOn["db"];
            Assert.Equal(("service_healthy", true, true), (db.Condition, db.Restart, db.Required));
            Assert.Empty(typed.Service("db").DependsOn);
        }

        [Fact]
        public void DeployIsTyped()
        {
            DeployConfig deploy = typed.Service("web").Deploy;
            Assert.Equal(2L, deploy.Replicas);
            Assert.Equal(2, typed.Service("web").ExpectedReplicas);
            Assert.Equal(1, typed.Service("db").ExpectedReplicas);
            Assert.Equal(0.5, deploy.Resources.Limits.Cpus);
            Assert.Equal(536870912L, deploy.Resources.Limits.Memory);
            Assert.Equal(100L, deploy.Resources.Limits.Pids);
            DeviceRequest gpu = deploy.Resources.Reservations.Devices.Single();
            Assert.Equal((-1L, "gpu"), (gpu.Count, gpu.Capabilities.Single()));
            Assert.Equal(("on-failure", TimeSpan.FromSeconds(5), 3L), (deploy.RestartPolicy.Condition, deploy.RestartPolicy.Delay.Value, deploy.RestartPolicy.MaxAttempts.Value));
            Assert.Equal((2L, TimeSpan.FromSeconds(10), "start-first"), (deploy.UpdateConfig.Parallelism.Value, deploy.UpdateConfig.Delay.Value, deploy.UpdateConfig.Order));
            Assert.Null(deploy.RollbackConfig);
            Assert.Equal(new[] { "node.role==manager" }, deploy.Placement.Constraints);
            Assert.Equal(new[] { "node.labels.zone" }, deploy.Placement.Preferences);
        }

        [Fact]
        public void UlimitsLoggingSecretsAndWatchAreTyped()
        {
            ServiceConfig web = typed.Service("web");
            Assert.Equal(65535L, web.Ulimits["nproc"].Single);
            Assert.Equal((20000L, 40000L), (web.Ulimits["nofile"].Soft, web.Ulimits["nofile"].Hard));
            Assert.Equal("json-file", web.Logging.Driver);
            Assert.Equal("10m", web.Logging.Options["max-size"]);
            FileReference secret = web.Secrets.Single();
            Assert.Equal(("pw", "password", 256L), (secret.Source, secret.Target, secret.Mode.Value));
            WatchTrigger trigger = web.Develop.Watch.Single();
            Assert.Equal((InProject("ctx"), "sync", "/app"), (trigger.Path, trigger.Action, trigger.Target));
            Assert.Equal(new[] { "node_modules/" }, trigger.Ignore);
        }

        [Fact]
        public void SourcePositionsFindWhereAKeyWasWritten()
        {
            (string file, int line) = typed.Sources.Find("web", "pull_policy");
            Assert.Equal(InProject("compose.yaml"), file);
            Assert.Equal(File.Split('\n').ToList().FindIndex(l => l.Contains("pull_policy")) + 1, line);
        }

        [Fact]
        public void TypedServiceHashesAsTheCanonicalTree()
        {
            foreach (string name in model.ServiceNames)
                Assert.Equal(ConfigHash.Service(model.Service(name)), ConfigHash.Service(typed.Service(name)));
        }

        [Fact]
        public void WithCopiesChangeTheCopyOnly()
        {
            ServiceConfig web = typed.Service("web");
            string hash = ConfigHash.Service(web);
            ServiceConfig changed = web.WithCommand(new[] { "true" }).WithoutDeployRestartPolicy().WithPorts(null)
                .WithVolumes(web.Volumes.Concat(new[] { ServiceVolume.ParseShortSyntax("/host:/extra") }));
            Assert.Equal(new[] { "true" }, changed.Command);
            Assert.Null(changed.Deploy.RestartPolicy);
            Assert.Empty(changed.Ports);
            Assert.Equal("/extra", changed.Volumes.Last().Target);
            Assert.NotEqual(hash, ConfigHash.Service(changed));
            // The original, the project and its tree are untouched.
            Assert.Equal(new[] { "echo", "hello world" }, web.Command);
            Assert.Same(web, model.Typed.Service("web"));
            Assert.Equal(hash, ConfigHash.Service(model.Service("web")));
            Assert.Equal(new[] { "true" }, typed.WithService(changed).Service("web").Command);
            Assert.Equal(new[] { "echo", "hello world" }, typed.Service("web").Command);
        }

        [Fact]
        public void ChangingAHashedKeyBackGivesTheSameHash()
        {
            ServiceConfig web = typed.Service("web");
            ServiceConfig roundTrip = web.WithUser("nobody").WithUser(null);
            Assert.Equal(ConfigHash.Service(web), ConfigHash.Service(roundTrip));
            // pull_policy is blanked from Compose's hash.
            Assert.Equal(ConfigHash.Service(web), ConfigHash.Service(web.WithPullPolicy("build")));
        }
    }
}
