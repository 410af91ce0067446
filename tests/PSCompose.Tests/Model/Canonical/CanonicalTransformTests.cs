using System.Collections.Generic;
using System.Linq;
using PSCompose.Model;
using PSCompose.Model.Canonical;
using PSCompose.Model.Yaml;
using Xunit;
using CanonicalForm = PSCompose.Model.Canonical.Canonical;

namespace PSCompose.Tests.Model.Canonical
{
    /// <summary>Canonical.Transform, Defaults, Paths and Normalizer on small documents (expected values from docker compose 2.40.3 `config`).</summary>
    public class CanonicalTransformTests
    {
        private static YMap Load(string yaml) => (YMap)YamlReader.ReadDocuments(yaml, "compose.yaml").Single();

        private static YMap Service(YMap doc, string name = "web") => doc.Map("services").Map(name);

        [Fact]
        public void ListsBecomeMaps()
        {
            YMap doc = CanonicalForm.Transform(Load("services:\n  web:\n    environment: [FOO=bar, EMPTY, \"X=a=b\"]\n    labels: [a=1, b]\n    depends_on: [db]\n    networks: [front]\n    annotations: {n: 1}\n"));
            YMap web = Service(doc);
            Assert.Equal("bar", web.Map("environment")["FOO"]);
            Assert.True(web.Map("environment").ContainsKey("EMPTY"));
            Assert.Null(web.Map("environment")["EMPTY"]);
            Assert.Equal("a=b", web.Map("environment")["X"]);
            Assert.Equal("", web.Map("labels")["b"]);
            Assert.Equal("service_started", web.Map("depends_on").Map("db")["condition"]);
            Assert.Equal(true, web.Map("depends_on").Map("db")["required"]);
            Assert.True(web.Map("networks").ContainsKey("front"));
            Assert.Null(web.Map("networks")["front"]);
            Assert.Equal("1", web.Map("annotations")["n"]);
        }

        [Fact]
        public void ScalarsTakeTheirGoTypes()
        {
            YMap web = Service(CanonicalForm.Transform(Load(
                "services:\n  web:\n    mem_limit: 1g\n    shm_size: 64m\n    cpus: '0.5'\n    stop_grace_period: 90s\n    user: 1000\n    dns: 8.8.8.8\n    tmpfs: /run\n    command: echo hi\n    healthcheck: {test: curl x, interval: 2m}\n    ulimits: {nproc: 10, nofile: {soft: 1, hard: 2}}\n    gpus: all\n")));
            Assert.Equal(1073741824L, web["mem_limit"]);
            Assert.Equal(67108864L, web["shm_size"]);
            Assert.Equal(0.5, web["cpus"]);
            Assert.Equal("1m30s", web["stop_grace_period"]);
            Assert.Equal("1000", web["user"]);
            Assert.Equal(new object[] { "8.8.8.8" }, web.List("dns"));
            Assert.Equal(new object[] { "/run" }, web.List("tmpfs"));
            Assert.Equal(new object[] { "echo", "hi" }, web.List("command"));
            Assert.Equal(new object[] { "CMD-SHELL", "curl x" }, web.Map("healthcheck").List("test"));
            Assert.Equal("2m0s", web.Map("healthcheck")["interval"]);
            Assert.Equal(10L, web.Map("ulimits")["nproc"]);
            Assert.Equal(2L, web.Map("ulimits").Map("nofile")["hard"]);
            Assert.Equal(-1L, ((YMap)web.List("gpus")[0])["count"]);
        }

        [Fact]
        public void BuildStringAndDefaults()
        {
            YMap doc = CanonicalForm.Transform(Load("services:\n  web:\n    build: ./ctx\n    secrets: [s]\n    configs: [c]\n"));
            Defaults.Apply(doc);
            YMap web = Service(doc);
            Assert.Equal("./ctx", web.Map("build")["context"]);
            // compose-go sets the Dockerfile default while normalising, not among the default values.
            Assert.False(web.Map("build").ContainsKey("dockerfile"));
            Assert.Equal("/run/secrets/s", ((YMap)web.List("secrets")[0])["target"]);
            Assert.False(((YMap)web.List("configs")[0]).ContainsKey("target"));
        }

        [Fact]
        public void TransformIsIdempotent()
        {
            string yaml = "services:\n  web:\n    ports: [\"80-81:80-81\"]\n    volumes: [\"./a:/a\"]\n    extra_hosts: [\"a:1.1.1.1\"]\n    env_file: a.env\n    build: .\n    environment: [A=1]\n";
            YMap once = CanonicalForm.Transform(Load(yaml));
            string first = PSCompose.Model.Serialization.GoJson.Compact(PSCompose.Model.Serialization.GoEncoder.Json.EncodeAny(once));
            YMap twice = CanonicalForm.Transform(once);
            Assert.Equal(first, PSCompose.Model.Serialization.GoJson.Compact(PSCompose.Model.Serialization.GoEncoder.Json.EncodeAny(twice)));
        }

        [Fact]
        public void LegacyExternalName()
        {
            YMap doc = CanonicalForm.Transform(Load("services: {}\nconfigs:\n  c: {external: {name: realc}}\n"));
            Assert.Equal(true, doc.Map("configs").Map("c")["external"]);
            Assert.Equal("realc", doc.Map("configs").Map("c")["name"]);
        }

        [Fact]
        public void PathsAreMadeAbsolute()
        {
            YMap doc = CanonicalForm.Transform(Load(
                "services:\n  web:\n    build: {context: ../b, additional_contexts: {x: ./x, img: docker-image://alpine}}\n    volumes: [\"./data:/data\", \"~/x:/x\", \"/abs/../p:/p\", \"named:/n\"]\n    env_file: a.env\nsecrets:\n  s: {file: ./s.txt}\nvolumes:\n  v: {driver: local, driver_opts: {o: bind, device: ./dev}}\n"));
            Paths.Resolve(doc, "/w/proj", "/home/u");
            YMap web = Service(doc);
            Assert.Equal("/w/b", web.Map("build")["context"]);
            Assert.Equal("/w/proj/x", web.Map("build").Map("additional_contexts")["x"]);
            Assert.Equal("docker-image://alpine", web.Map("build").Map("additional_contexts")["img"]);
            var volumes = web.List("volumes").Cast<YMap>().Select(v => v["source"]).ToList();
            Assert.Equal(new object[] { "/w/proj/data", "/home/u/x", "/abs/../p", "named" }, volumes);
            Assert.Equal("/w/proj/a.env", ((YMap)web.List("env_file")[0])["path"]);
            Assert.Equal("/w/proj/s.txt", doc.Map("secrets").Map("s")["file"]);
            Assert.Equal("/w/proj/dev", doc.Map("volumes").Map("v").Map("driver_opts")["device"]);
        }

        [Fact]
        public void NormalizeAddsDefaultNetworkImplicitDependenciesAndNames()
        {
            YMap doc = CanonicalForm.Transform(Load(
                "services:\n  web:\n    image: x\n    links: [cache:c]\n    volumes_from: [data:ro, container:abc]\n    pull_policy: if_not_present\n    environment: [SET, UNSET, A=1]\n    build: {context: ., args: [SET, UNSET]}\n  db:\n    image: y\n    network_mode: service:web\n    networks: [n]\n  cache: {image: z}\n  data: {image: z}\nnetworks:\n  n: {}\nvolumes:\n  v: {external: true}\n  w: {}\n"));
            var env = new Dictionary<string, string> { ["SET"] = "s" };
            Normalizer.Normalize(doc, "proj", env);
            YMap web = Service(doc);
            Assert.Null(web.Map("networks")["default"]);
            Assert.Equal("missing", web["pull_policy"]);
            Assert.Equal("s", web.Map("environment")["SET"]);
            Assert.True(web.Map("environment").ContainsKey("UNSET"));
            Assert.Equal(new[] { "SET" }, web.Map("build").Map("args").Keys);
            Assert.Equal(true, web.Map("depends_on").Map("cache")["restart"]);
            Assert.False(web.Map("depends_on").Map("data").ContainsKey("restart"));
            Assert.False(web.Map("depends_on").ContainsKey("container"));
            YMap db = Service(doc, "db");
            Assert.Equal(new[] { "n" }, db.Map("networks").Keys);
            Assert.Equal(true, db.Map("depends_on").Map("web")["restart"]);
            Assert.Equal("proj_default", doc.Map("networks").Map("default")["name"]);
            Assert.Equal("proj_n", doc.Map("networks").Map("n")["name"]);
            Assert.Equal("v", doc.Map("volumes").Map("v")["name"]);
            Assert.Equal("proj_w", doc.Map("volumes").Map("w")["name"]);
        }

        [Fact]
        public void DefaultNetworkOnlyWhenUsed()
        {
            YMap doc = CanonicalForm.Transform(Load("services:\n  a: {image: x, networks: [n]}\n  b: {image: x, network_mode: host}\nnetworks:\n  n: {}\n"));
            Normalizer.Normalize(doc, "p", (IReadOnlyDictionary<string, string>)null);
            Assert.False(doc.Map("networks").ContainsKey("default"));
            Assert.False(Service(doc, "b").ContainsKey("networks"));
        }
    }
}
