using System.Collections.Generic;
using PSCompose.Model;
using PSCompose.Model.Serialization;
using Xunit;

namespace PSCompose.Tests.Model.Serialization
{
    /// <summary>Config-hash vectors verified against the labels docker compose 2.40.3 writes, services built by hand in canonical form.</summary>
    public class ConfigHashVectorTests
    {
        private static YMap DefaultNetwork() => new YMap { ["default"] = null };

        private static YMap Nginx() => new YMap { ["image"] = "nginx", ["networks"] = DefaultNetwork() };

        [Fact]
        public void PlainImage()
        {
            YMap web = Nginx();
            Assert.Equal("{\"command\":null,\"entrypoint\":null,\"image\":\"nginx\",\"networks\":{\"default\":null}}", ConfigHash.ServiceJson(web));
            Assert.Equal("daef7adc9ecc59d4881bd1ebc06f26a836d35656f8b5fb0adfdb95b2d856fbd3", ConfigHash.Service(web));
        }

        [Fact]
        public void Port()
        {
            YMap web = Nginx();
            web["ports"] = new List<object> { new YMap { ["mode"] = "ingress", ["target"] = 80L, ["published"] = "8080", ["protocol"] = "tcp" } };
            Assert.Equal("f3bd03ea666f08645557a71e46313f367713e950177918b309e8a1e5bde8397c", ConfigHash.Service(web));
        }

        [Fact]
        public void EnvironmentWithUnsetVariable()
        {
            YMap web = Nginx();
            web["environment"] = new YMap { ["FOO"] = "bar", ["EMPTY"] = null };
            Assert.Equal("{\"command\":null,\"entrypoint\":null,\"environment\":{\"EMPTY\":null,\"FOO\":\"bar\"},\"image\":\"nginx\",\"networks\":{\"default\":null}}", ConfigHash.ServiceJson(web));
            Assert.Equal("722560f451c7e257b8ca53ada36ef19e6d0184dea8dfdfc58208cd8d57c619ad", ConfigHash.Service(web));
        }

        [Fact]
        public void BindMount()
        {
            YMap web = Nginx();
            web["volumes"] = new List<object> { new YMap { ["type"] = "bind", ["source"] = "/home/user/tC/data", ["target"] = "/data", ["bind"] = new YMap { ["create_host_path"] = true } } };
            Assert.Equal("916063ca5cf0da4e4ac8b01ce8100b7d9e2a2dfcdea577d4ffccf6f2cc208704", ConfigHash.Service(web));
        }

        [Fact]
        public void NamedVolume()
        {
            YMap web = Nginx();
            web["volumes"] = new List<object> { new YMap { ["type"] = "volume", ["source"] = "cache", ["target"] = "/cache", ["volume"] = new YMap() } };
            Assert.Equal("cb37995f250c7b000a7ef840e74a75281cfe7c83e400d9f46d4a1f5b815ebf00", ConfigHash.Service(web));
        }

        [Fact]
        public void StopGracePeriodIsAGoDuration()
        {
            var db = new YMap { ["image"] = "postgres", ["networks"] = DefaultNetwork(), ["stop_grace_period"] = "90s" };
            Assert.Equal("{\"command\":null,\"entrypoint\":null,\"image\":\"postgres\",\"networks\":{\"default\":null},\"stop_grace_period\":\"1m30s\"}", ConfigHash.ServiceJson(db));
            Assert.Equal("30927676641060060cc301244670ca4c2bf2a1753914e13dfa23bc5a7f6ae103", ConfigHash.Service(db));
        }

        [Fact]
        public void DependsOnProfilesBuildAndReplicasAreExcluded()
        {
            var web = new YMap
            {
                ["profiles"] = new List<object> { "p" },
                ["build"] = new YMap { ["context"] = "/x", ["dockerfile"] = "Dockerfile" },
                ["depends_on"] = new YMap { ["db"] = new YMap { ["condition"] = "service_started", ["required"] = true } },
                ["environment"] = new YMap { ["EMPTY"] = null, ["FOO"] = "bar" },
                ["image"] = "nginx",
                ["networks"] = DefaultNetwork(),
                ["ports"] = new List<object> { new YMap { ["mode"] = "ingress", ["target"] = 80L, ["published"] = "8080", ["protocol"] = "tcp" } },
                ["pull_policy"] = "missing",
                ["scale"] = 2L,
                ["volumes"] = new List<object>
                {
                    new YMap { ["type"] = "bind", ["source"] = "/home/user/demo2/data", ["target"] = "/data", ["bind"] = new YMap { ["create_host_path"] = true } },
                    new YMap { ["type"] = "volume", ["source"] = "cache", ["target"] = "/cache", ["volume"] = new YMap() },
                },
            };
            Assert.Equal("80afc48748ecc4619cbe4cc41b5cb7dcf51c708a2a8f20104c6a37ed1a0d6335", ConfigHash.Service(web));
        }

        [Fact]
        public void HtmlCharactersAreEscapedLikeGo()
        {
            // Reference: docker compose 2.40.3 `config --hash a` for image "<&>" and label k: "a<b".
            var a = new YMap { ["image"] = "<&>", ["labels"] = new YMap { ["k"] = "a<b" }, ["networks"] = DefaultNetwork() };
            Assert.Equal("dbffde76ee71bbe27160f41879c3e83392d520ccb6adc88183175024891b9a91", ConfigHash.Service(a));
        }

        [Fact]
        public void DeployWithOnlyReplicasKeepsEmptyStructs()
        {
            var a = new YMap { ["image"] = "x", ["deploy"] = new YMap { ["replicas"] = 2L } };
            Assert.Equal("{\"command\":null,\"deploy\":{\"resources\":{},\"placement\":{}},\"entrypoint\":null,\"image\":\"x\"}", ConfigHash.ServiceJson(a));
        }
        [Fact]
        public void DeployHealthcheckPortsAndHtmlInCommand()
        {
            // Reference: docker compose 2.40.3 `config --hash '*'` gives c5795897… for this service.
            var a = new YMap
            {
                ["image"] = "x",
                ["command"] = new List<object> { "sh", "-c", "echo <hi> & wait" },
                ["deploy"] = new YMap { ["replicas"] = 3L, ["resources"] = new YMap { ["limits"] = new YMap { ["cpus"] = 0.25, ["memory"] = 67108864L } } },
                ["healthcheck"] = new YMap { ["test"] = new List<object> { "CMD", "true" }, ["interval"] = "30s", ["timeout"] = "5s", ["retries"] = 2L },
                ["restart"] = "unless-stopped",
                ["labels"] = new YMap { ["a"] = "1" },
                ["networks"] = DefaultNetwork(),
                ["ports"] = new List<object>
                {
                    new YMap { ["mode"] = "ingress", ["host_ip"] = "127.0.0.1", ["target"] = 80L, ["published"] = "8000", ["protocol"] = "tcp" },
                    new YMap { ["mode"] = "ingress", ["host_ip"] = "127.0.0.1", ["target"] = 81L, ["published"] = "8001", ["protocol"] = "tcp" },
                },
            };
            Assert.Equal("c579589762c8cb06fa5a426a21aac1b3d361607387fbb04a32d4290a0785137d", ConfigHash.Service(a));
        }
    }
}
