using System.Linq;
using PSCompose.Model;
using Xunit;

namespace PSCompose.Tests.Model.Loading
{
    // Expected messages: docker compose 2.40.3 `config` (and `config <service>`) on the same files.
    public class ProfilesAndConsistencyTests
    {
        private const string WithProfiles = "services:\n  web:\n    image: a\n  dbg:\n    image: b\n    profiles: [debug]\n  tools:\n    image: c\n    profiles: [tools, debug]\n";

        [Fact]
        public void ServicesWithInactiveProfilesAreDisabled()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", WithProfiles);
            var model = p.Load();
            Assert.Equal(new[] { "web" }, model.ServiceNames.ToArray());
            Assert.Equal(new[] { "dbg", "tools" }, model.DisabledServices.Keys.OrderBy(k => k).ToArray());
            Assert.Equal(new[] { "debug", "tools" }, model.AllProfiles.ToArray());
        }

        [Fact]
        public void AnyMatchingProfileEnables()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", WithProfiles);
            var model = p.Load(o => o.Profiles = new[] { "tools" });
            Assert.Equal(new[] { "tools", "web" }, model.ServiceNames.OrderBy(k => k).ToArray());
        }

        [Fact]
        public void StarEnablesEveryProfile()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", WithProfiles);
            Assert.Equal(3, p.Load(o => o.Profiles = new[] { "*" }).ServiceNames.Count());
        }

        [Fact]
        public void NamingAServiceEnablesItAndItsProfiles()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", WithProfiles);
            var model = p.Load(o => o.Services = new[] { "dbg" });
            Assert.Equal(new[] { "dbg" }, model.ServiceNames.ToArray());
            Assert.Contains("debug", model.ActiveProfiles);
        }

        [Fact]
        public void NamingAnUnknownServiceFails()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", WithProfiles);
            var e = Assert.Throws<ComposeFileException>(() => p.Load(o => o.Services = new[] { "zz" }));
            Assert.Equal("no such service: zz", e.Message);
            Assert.Equal(ErrorIds.ServiceNotFound, e.ErrorId);
        }

        [Fact]
        public void DependencyOnADisabledServiceIsAnError()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    profiles: [p1]\n");
            var e = Assert.Throws<ComposeFileException>(() => p.Load());
            Assert.Equal("service \"a\" depends on undefined service \"b\": invalid compose project", e.Message);
            Assert.Equal(ErrorIds.ReferenceUndefined, e.ErrorId);
        }

        [Fact]
        public void OptionalDependencyOnADisabledServiceIsAccepted()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "services:\n  a:\n    image: x\n    depends_on:\n      b: {condition: service_started, required: false}\n  b:\n    image: x\n    profiles: [p1]\n");
            var model = p.Load();
            Assert.NotNull(model.Service("a"));
        }

        [Fact]
        public void SelectingAServiceWhoseDependencyIsDisabledFails()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "services:\n  a:\n    image: x\n    depends_on: [b]\n    profiles: [p2]\n  b:\n    image: x\n    profiles: [p1]\n");
            Assert.Equal("no such service: b", Assert.Throws<ComposeFileException>(() => p.Load(o => o.Services = new[] { "a" })).Message);
        }

        [Fact]
        public void SelectionKeepsDependenciesAndPrunesUnusedResources()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "services:\n  a:\n    image: x\n    depends_on: [b]\n    networks: [n1]\n  b:\n    image: x\n  c:\n    image: x\n    networks: [n2]\nnetworks: {n1: {}, n2: {}}\nvolumes: {v1: {}}\n");
            var model = p.Load(o => o.Services = new[] { "a" });
            Assert.Equal(new[] { "a", "b" }, model.ServiceNames.OrderBy(k => k).ToArray());
            Assert.True(model.Networks.ContainsKey("n1"));
            Assert.False(model.Networks.ContainsKey("n2"));
            Assert.False(model.Root.ContainsKey("volumes"));
            Assert.True(model.DisabledServices.ContainsKey("c"));
        }

        [Fact]
        public void DependencyCycleIsReportedWithItsPath()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on: [a]\n");
            var e = Assert.Throws<ComposeFileException>(() => p.Load());
            Assert.Equal("dependency cycle detected: a -> b -> a", e.Message);
            Assert.Equal(ErrorIds.DependencyCycle, e.ErrorId);
        }

        [Fact]
        public void AReplicaCountOutOfRangeInTheFile_IsInvalidData_NotTheScaleParametersInvalidArgument()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "services:\n  a:\n    image: x\n    scale: 10001\n");
            var e = Assert.Throws<ComposeFileException>(() => p.Load());
            Assert.Equal(ErrorIds.ScaleInvalidInFile, e.ErrorId);
            Assert.Equal("services.a", e.KeyPath);
            Assert.Equal(System.Management.Automation.ErrorCategory.InvalidData, PSCompose.ErrorCatalogue.CategoryOf(e.ErrorId));
        }

        [Theory]
        [InlineData("services:\n  a: {}\n", "service \"a\" has neither an image nor a build context specified: invalid compose project")]
        [InlineData("services:\n  a:\n    image: x\n    container_name: foo\n    scale: 2\n", "services.scale: can't set container_name and a as container name must be unique: invalid compose project")]
        [InlineData("services:\n  a:\n    image: x\n    scale: 2\n    deploy: {replicas: 3}\n", "services.a: can't set distinct values on 'scale' and 'deploy.replicas': invalid compose project")]
        [InlineData("services:\n  a:\n    image: x\n    networks: [nonet]\n", "service \"a\" refers to undefined network nonet: invalid compose project")]
        [InlineData("services:\n  a:\n    image: x\n    volumes:\n      - type: volume\n        source: vv\n        target: /x\n", "service \"a\" refers to undefined volume vv: invalid compose project")]
        [InlineData("services:\n  a:\n    image: x\n    secrets:\n      - source: s\n", "service \"a\" refers to undefined secret s: invalid compose project")]
        [InlineData("services:\n  a:\n    image: x\n    configs:\n      - source: c\n", "service \"a\" refers to undefined config c: invalid compose project")]
        [InlineData("services:\n  a:\n    image: x\n    healthcheck: {test: [FOO]}\n", "healthcheck.test must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\"")]
        [InlineData("services:\n  a:\n    image: x\n    network_mode: host\n    networks: {default: {}}\nnetworks: {default: {}}\n", "service a declares mutually exclusive `network_mode` and `networks`: invalid compose project")]
        [InlineData("services:\n  a:\n    image: x\n    develop: {watch: [{path: ., action: sync}]}\n", "services.a.develop.watch: target is required for non-rebuild actions: invalid compose project")]
        public void ConsistencyErrorsUseComposeMessages(string yaml, string message)
        {
            using var p = new TempProject();
            p.Write("compose.yaml", yaml);
            Assert.Equal(message, Assert.Throws<ComposeFileException>(() => p.Load()).Message);
        }

        [Fact]
        public void EmptyFileIsAnError()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "# nothing\n");
            Assert.Equal("empty compose file", Assert.Throws<ComposeFileException>(() => p.Load()).Reason);
        }

        [Fact]
        public void TopLevelMustBeAMapping()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "services:\n  a:\n    image: x\n---\n");
            Assert.Equal("top-level object must be a mapping", Assert.Throws<ComposeFileException>(() => p.Load()).Reason);
        }

        [Fact]
        public void VersionIsObsoleteWarnedAndDropped()
        {
            using var p = new TempProject();
            string file = p.Write("compose.yaml", "version: \"3\"\nservices:\n  a:\n    image: x\n");
            var model = p.Load();
            Assert.False(model.Root.ContainsKey("version"));
            Assert.Contains($"{file}: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion", p.Warnings);
        }

        [Fact]
        public void ResetAndOverrideAcrossFiles()
        {
            using var p = new TempProject();
            string a = p.Write("a.yaml", "services:\n  web:\n    image: x\n    ports: [\"80:80\"]\n    command: [a]\n");
            string b = p.Write("b.yaml", "services:\n  web:\n    ports: !reset []\n    command: !override [b]\n");
            var web = p.Load(o => o.ConfigFiles = new[] { a, b }).Service("web");
            Assert.False(web.ContainsKey("ports"));
            Assert.Equal("b", ((System.Collections.Generic.List<object>)web["command"])[0]);
        }

        [Fact]
        public void EnvFileIsMergedUnderEnvironmentAndDropped()
        {
            using var p = new TempProject();
            p.Write("a.env", "A=fromfile\nB=fromfile\n");
            p.Write("compose.yaml", "services:\n  web:\n    image: x\n    env_file: a.env\n    environment:\n      B: explicit\n");
            var web = p.Load().Service("web");
            Assert.False(web.ContainsKey("env_file"));
            var env = (YMap)web["environment"];
            Assert.Equal("fromfile", env["A"]);
            Assert.Equal("explicit", env["B"]);
        }
    }
}

namespace PSCompose.Tests.Model.Loading
{
    public class EnvFileResolutionTests
    {
        [Fact]
        public void MissingEnvFileOfADisabledServiceIsNotRead()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "services:\n  w:\n    image: x\n  d:\n    image: x\n    env_file: missing.env\n    profiles: [p]\n");
            Assert.NotNull(p.Load().Service("w"));
        }

        [Fact]
        public void MissingEnvFileOfAnEnabledServiceFailsEvenWhenAnotherIsSelected()
        {
            using var p = new TempProject();
            p.Write("a.env", "A=1\n");
            p.Write("compose.yaml", "services:\n  d:\n    image: x\n    env_file: a.env\n    profiles: [p]\n  m:\n    image: x\n    env_file: missing.env\n");
            string missing = System.IO.Path.Combine(p.Root, "missing.env");
            var e = Assert.Throws<PSCompose.Model.ComposeFileException>(() => p.Load(o => o.Services = new[] { "d" }));
            Assert.Equal($"env file {missing} not found: stat {missing}: no such file or directory", e.Reason);
        }

        [Fact]
        public void ServiceEnabledByNameGetsItsEnvFile()
        {
            using var p = new TempProject();
            p.Write("a.env", "A=1\n");
            p.Write("compose.yaml", "services:\n  w:\n    image: x\n  d:\n    image: x\n    env_file: a.env\n    profiles: [p]\n");
            var d = p.Load(o => o.Services = new[] { "d" }).Service("d");
            Assert.Equal("1", ((PSCompose.Model.YMap)d["environment"])["A"]);
            Assert.False(d.ContainsKey("env_file"));
        }

        [Fact]
        public void OptionalMissingEnvFileIsIgnored()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "services:\n  w:\n    image: x\n    env_file:\n      - path: missing.env\n        required: false\n");
            Assert.False(p.Load().Service("w").ContainsKey("env_file"));
        }
    }
}
