using System.Collections.Generic;
using System.IO;
using System.Linq;
using PSCompose.Model;
using PSCompose.Model.Schema;
using PSCompose.Model.Yaml;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.Tests.Model.Schema
{
    public class ComposeSchemaTests
    {
        // Messages printed by docker compose 2.40.3 (`config -q`) for these documents, after "validating <file>: ".
        public static IEnumerable<object[]> Invalid() => new[]
        {
            new object[] { "services:\n  web:\n    image: nginx\n    foo: bar\n", "services.web additional properties 'foo' not allowed" },
            new object[] { "services:\n  web:\n    image: nginx\n    ports: 3\n", "services.web.ports must be a array" },
            new object[] { "services:\n  web:\n    image: 3\n", "services.web.image must be a string" },
            new object[] { "services:\n  web: {image: x, build: {context: ., foo: 1}}\n", "services.web.build additional properties 'foo' not allowed" },
            new object[] { "servics:\n  web: {}\n", " additional properties 'servics' not allowed" },
            new object[] { "services:\n  web: {image: x, restart: 5}\n", "services.web.restart must be a string" },
            new object[] { "services:\n  web: {image: x, volumes: [{type: foo, target: /x}]}\n", "services.web.volumes.0.type value must be one of 'bind', 'volume', 'tmpfs', 'cluster', 'npipe', 'image'" },
            new object[] { "services:\n  web: {image: x, pull_policy: sometimes}\n", "services.web.pull_policy 'sometimes' does not match pattern 'always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+'" },
            new object[] { "services:\n  web: {image: x, cpu_count: -1}\n", "services.web.cpu_count must be a string" },
            new object[] { "services:\n  web: {image: x, ports: [{target: 80, foo: 1}]}\n", "services.web.ports.0 additional properties 'foo' not allowed" },
            new object[] { "services:\n  web: {image: x, environment: {a: [1]}}\n", "services.web.environment.a must be a boolean, null, number or string" },
            new object[] { "services:\n  web: {image: x, env_file: 3}\n", "services.web.env_file must be a string" },
            new object[] { "services:\n  web: {image: x, depends_on: {a: {conditio: x}}}\n", "services.web.depends_on.a additional properties 'conditio' not allowed" },
            new object[] { "services:\n  web: {image: x, networks: {a: 3}}\n", "services.web.networks.a must be a mapping" },
            new object[] { "x-foo: 1\nvolumes:\n  v: {driver: 3}\nservices:\n  web: {image: x}\n", "volumes.v.driver must be a string" },
            new object[] { "services:\n  \"we b\": {image: x}\n", "services additional properties 'we b' not allowed" },
            new object[] { "services:\n  web: {image: x, ulimits: {nofile: {soft: 1}}}\n", "services.web.ulimits.nofile must be a integer or string" },
            new object[] { "networks:\n  n: {ipam: {config: [{subnet: 3}]}}\nservices:\n  web: {image: x}\n", "networks.n.ipam.config.0.subnet must be a string" },
            new object[] { "services:\n  web: {image: x, stop_grace_period: 10}\n", "services.web.stop_grace_period must be a string" },
        };

        internal static YMap Parse(string yaml) => (YMap)YamlReader.ReadDocuments(yaml, "compose.yaml").Single();

        [Theory]
        [MemberData(nameof(Invalid))]
        public void ReportsTheMostSpecificErrorLikeCompose(string yaml, string expected)
        {
            var e = Assert.Throws<ComposeFileException>(() => ComposeSchema.Validate(Parse(yaml), "/p/compose.yaml"));
            Assert.Equal("validating /p/compose.yaml: " + expected, e.Message);
            Assert.Equal(ErrorIds.FileInvalid, e.ErrorId);
        }

        [Fact]
        public void KeyPathPointsAtTheOffendingValue()
        {
            var e = Assert.Throws<ComposeFileException>(() => ComposeSchema.Validate(Parse("services:\n  web: {image: x, ports: [{target: 80, foo: 1}]}\n"), "f"));
            Assert.Equal("services.web.ports.0", e.KeyPath);
        }

        [Theory]
        [InlineData("services:\n  web:\n    image: nginx\n")]
        [InlineData("name: x\nx-a: {b: 1}\nservices:\n  web:\n    build: .\n    ports: [\"80:80\", 53, {target: 1}]\n    environment: [A=1, B]\n    deploy: {resources: {limits: {cpus: '0.5', memory: 1g}}}\nvolumes:\n  v: {}\nnetworks:\n  n: {external: true}\n")]
        [InlineData("services:\n  web:\n    image: x\n    depends_on: {db: {condition: service_healthy, restart: true}}\n    healthcheck: {test: [CMD, \"true\"], interval: 10s}\n  db: {image: y}\n")]
        public void AcceptsValidDocuments(string yaml)
        {
            ComposeSchema.Validate(Parse(yaml), "compose.yaml");
        }

        [Fact]
        public void EmbedsTheSchemaOfTheReferenceBinary()
        {
            Assert.Contains("\"$id\": \"compose_spec.json\"", ComposeSchema.Text);
        }

    }

    /// <summary>The same invalid documents, checked against the reference binary's own messages.</summary>
    public class ComposeSchemaEngineTests
    {
        [EngineFact]
        public void MatchesReferenceBinary()
        {
            string dir = Path.Combine(Path.GetTempPath(), "psc-schema-" + System.Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(dir);
            try
            {
                string file = Path.Combine(dir, "compose.yaml");
                foreach (object[] c in ComposeSchemaTests.Invalid())
                {
                    File.WriteAllText(file, (string)c[0]);
                    var reference = PSCompose.Testing.Docker.RunIn(dir, null, "compose", "-f", file, "config", "-q");
                    var e = Assert.Throws<ComposeFileException>(() => ComposeSchema.Validate(ComposeSchemaTests.Parse((string)c[0]), file));
                    Assert.Equal(reference.Stderr.Trim(), e.Message);
                }
            }
            finally { Directory.Delete(dir, true); }
        }
    }
}
