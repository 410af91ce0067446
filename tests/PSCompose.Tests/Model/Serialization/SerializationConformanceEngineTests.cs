using System.Collections.Generic;
using PSCompose.Model;
using PSCompose.Model.Serialization;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.Tests.Model.Serialization
{
    /// <summary>End to end: PSCompose's loader + writers against `docker compose config` of the reference binary.</summary>
    public class SerializationConformanceEngineTests
    {
        public static IEnumerable<object[]> Projects()
        {
            yield return new object[] { "minimal", "services:\n  web:\n    image: nginx\n" };
            yield return new object[] { "ports", "services:\n  web:\n    image: nginx\n    ports: [\"8080:80\", \"127.0.0.1:9000-9001:9000-9001/udp\", 53, \"[::1]:7000:7000\", {target: 81, published: 8081}]\n" };
            yield return new object[] { "volumes", "services:\n  web:\n    image: nginx\n    volumes: [\"./data:/data:ro,z\", \"cache:/cache:nocopy\", \"/abs/../p:/t/../q/\", \"~/x:/x\", {type: tmpfs, target: /tmp, tmpfs: {size: 1k}}, {type: bind, source: ./b, target: /b}]\nvolumes:\n  cache: {}\n" };
            yield return new object[] { "environment", "services:\n  web:\n    image: nginx\n    environment: [FOO=bar, EMPTY, \"D=a$$b\", \"X=<&>\"]\n    labels: [b=2, a=1, c]\n    annotations: {n: 1, f: 1.5, t: true}\n" };
            yield return new object[] { "depends", "services:\n  web:\n    image: nginx\n    depends_on: [db]\n    links: [cache:c]\n    volumes_from: [data:ro]\n  db:\n    image: postgres\n    network_mode: service:net\n  cache:\n    image: redis\n  data:\n    image: busybox\n  net:\n    image: busybox\n" };
            yield return new object[] { "build", "services:\n  web:\n    build: ./ctx\n  api:\n    build:\n      context: .\n      args: [A=1, B]\n      ssh: [default]\n      extra_hosts: [\"h1:1.2.3.4\"]\n      shm_size: 1g\n      secrets: [s]\n    pull_policy: if_not_present\nsecrets:\n  s: {file: ./s.txt}\n" };
            yield return new object[] { "resources", "services:\n  web:\n    image: nginx\n    mem_limit: 1g\n    shm_size: 64m\n    stop_grace_period: 90s\n    healthcheck: {test: curl x, interval: 1m, retries: 3}\n    command: echo \"a b\" $$HOME\n    entrypoint: []\n    ulimits: {nproc: 65535, nofile: {soft: 1, hard: 2}}\n    deploy: {replicas: 2, resources: {limits: {memory: 1g, cpus: '0.5'}}, restart_policy: {delay: 5s}}\n    extra_hosts: [\"b=2.2.2.2\", \"a:1.1.1.1\"]\n    dns: 8.8.8.8\n    tmpfs: /run\n    secrets: [s]\n    configs: [c]\nsecrets:\n  s: {external: true}\nconfigs:\n  c: {file: ./c.txt}\n" };
            yield return new object[] { "networks", "services:\n  web:\n    image: nginx\n    networks: [front, back]\n  other:\n    image: nginx\n    networks:\n      front: {aliases: [o], ipv4_address: 10.0.0.5}\nnetworks:\n  front: {ipam: {config: [{subnet: 10.0.0.0/24}]}}\n  back: {external: true, name: real_back}\n" };
            yield return new object[] { "port-ranges", "services:\n  web:\n    image: nginx\n    ports: [\"98-101:98-101\", \"8000-8001:80\", \"9090-9091:9090-9091/sctp\", \"1.2.3.4::5000\"]\n    expose: [\"3000-3001\", 4000]\n" };
            yield return new object[] { "devices", "services:\n  web:\n    image: nginx\n    gpus: [{driver: nvidia}]\n    devices: [\"/dev/a:/dev/b:r\"]\n    deploy:\n      resources:\n        reservations:\n          devices: [{capabilities: [gpu]}]\n" };
            yield return new object[] { "binds", "services:\n  web:\n    image: nginx\n    volumes:\n      - {type: bind, source: ./a, target: /a/, bind: {propagation: rshared}}\n      - {type: volume, target: /anon}\n      - /anon2\n      - {type: volume, source: v, target: /v, read_only: true}\n      - lv:/lv\nvolumes:\n  v: {labels: [a=b], driver_opts: {o: bind, device: ./dev, type: none}}\n  lv: {driver: local, driver_opts: {o: bind, device: ./dev}}\n" };
            yield return new object[] { "hosts", "services:\n  web:\n    image: nginx\n    extra_hosts: {b: \"::1\", a: [1.1.1.1, 2.2.2.2]}\n    dns_search: [a, b]\n    sysctls: {net.a: 1}\n    logging: {options: {max-file: 3}}\n    user: \"1000\"\n    working_dir: /w\n    init: true\n    privileged: false\n" };
            yield return new object[] { "hooks-develop", "services:\n  web:\n    image: nginx\n    post_start: [{command: echo hi, environment: [A=1]}]\n    develop: {watch: [{path: ./a, action: sync, target: /x, ignore: [y]}, {path: ./b, action: rebuild}]}\n    healthcheck: {test: [NONE]}\n    stop_signal: SIGINT\n" };
            yield return new object[] { "extensions", "x-common: &c {b: 2, a: [1, 2]}\nservices:\n  web:\n    image: nginx\n    x-meta: {z: 1}\n    labels: {\"y\": \"n\", long: \"a: b\", \"on\": \"1e3\"}\n" };
        }

        [EngineFact]
        public void JsonMatchesReference()
        {
            foreach (object[] p in Projects()) AssertSame((string)p[0], (string)p[1], json: true);
        }

        [EngineFact]
        public void YamlMatchesReference()
        {
            foreach (object[] p in Projects()) AssertSame((string)p[0], (string)p[1], json: false);
        }

        [EngineFact]
        public void HashesMatchReference()
        {
            foreach (object[] p in Projects())
            {
                using (var project = new ReferenceConfig((string)p[1], Files()))
                {
                    ProjectModel model = project.Load();
                    foreach (string line in project.Reference("config", "--hash", "*").Split('\n'))
                    {
                        if (line.Trim().Length == 0) continue;
                        string[] parts = line.Trim().Split(' ');
                        Assert.True(parts[1] == ConfigHash.Service(model.Service(parts[0])),
                            $"{p[0]}: service {parts[0]} hashed {ConfigHash.ServiceJson(model.Service(parts[0]))}");
                    }
                }
            }
        }

        [EngineFact]
        public void FixturesMatchReference()
        {
            foreach (string fixture in new[] { "full", "newer-fields", "yaml-quoting" })
            {
                string yaml = System.IO.File.ReadAllText(RepoPaths.Combine("tests", "PSCompose.Tests", "Model", "Serialization", "Fixtures", fixture + ".yaml"));
                using (var project = new ReferenceConfig(yaml, Files()) { Profiles = new[] { "p1" } })
                {
                    ProjectModel model = project.Load();
                    Compare(fixture + " json", project.Reference("config", "--format", "json"), ConfigJson.Write(model));
                    Compare(fixture + " yaml", project.Reference("config"), ConfigYaml.Write(model));
                }
            }
        }

        private static void Compare(string name, string expected, string actual)
        {
            if (expected != actual) Assert.Fail($"{name} differs.\n--- expected\n{expected}\n--- actual\n{actual}");
        }

        private static Dictionary<string, string> Files() => new Dictionary<string, string>
        {
            ["a.env"] = "A=1\n",
            ["l.txt"] = "lab=el\n",
            ["ctx/Dockerfile"] = "FROM scratch\n",
            ["s.txt"] = "secret\n",
            ["c.txt"] = "config\n",
        };

        private static void AssertSame(string name, string yaml, bool json)
        {
            using (var project = new ReferenceConfig(yaml, Files()))
            {
                string expected = json ? project.Reference("config", "--format", "json") : project.Reference("config");
                ProjectModel model = project.Load();
                string actual = json ? ConfigJson.Write(model) : ConfigYaml.Write(model);
                if (expected != actual || System.Environment.GetEnvironmentVariable("PSC_DUMP") == name)
                    Assert.Fail($"{name} ({(json ? "json" : "yaml")}) differs.\n--- expected\n{expected}\n--- actual\n{actual}");
            }
        }
    }
}
