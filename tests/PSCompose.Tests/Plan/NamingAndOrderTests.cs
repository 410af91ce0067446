using System.Linq;
using PSCompose.Plan;
using Xunit;
using static PSCompose.Tests.Plan.PlanBuilders;

namespace PSCompose.Tests.Plan
{
    public class NamingAndOrderTests
    {
        [Theory]
        [InlineData("nginx", "nginx:latest")]
        [InlineData("nginx:1.27", "nginx:1.27")]
        [InlineData("docker.io/library/redis", "redis:latest")]
        [InlineData("docker.io/bitnami/redis:7", "bitnami/redis:7")]
        [InlineData("127.0.0.1:5000/app", "127.0.0.1:5000/app:latest")]
        [InlineData("127.0.0.1:5000/app:2", "127.0.0.1:5000/app:2")]
        [InlineData("alpine@sha256:abc", "alpine@sha256:abc")]
        public void ImageReference_Familiar(string input, string familiar)
        {
            Assert.Equal(familiar, ImageReference.Familiar(input));
        }

        [Fact]
        public void RecreateTempName_IsTheShortIdThenTheFinalName()
        {
            Assert.Equal("0123456789ab_demo-web-1", ContainerNaming.RecreateTempName("0123456789abcdef0123", "demo-web-1"));
            Assert.Equal("c1_demo-web-1", ContainerNaming.RecreateTempName("c1", "demo-web-1"));
        }

        [Fact]
        public void UpOrder_DependenciesFirst_ThenByName()
        {
            var graph = new DependencyGraph(new[]
            {
                Service("web").DependsOn("api").DependsOn("cache"),
                Service("api").DependsOn("db"),
                Service("db"),
                Service("cache"),
                Service("zeta"),
            });
            Assert.Equal(new[] { "cache", "db", "api", "web", "zeta" }, graph.UpOrder().Select(s => s.Name));
            Assert.Equal(new[] { "web", "api", "cache", "db", "zeta" }, graph.DownOrder().Select(s => s.Name));
        }

        [Fact]
        public void DependencyOnAnUnknownService_IsIgnoredByTheGraph()
        {
            var graph = new DependencyGraph(new[] { Service("web").DependsOn("gone", required: false) });
            Assert.Equal(new[] { "web" }, graph.UpOrder().Select(s => s.Name));
        }

        [Fact]
        public void Cycle_IsReportedWithItsPath()
        {
            var error = Assert.Throws<ComposeException>(() => new DependencyGraph(new[] { Service("a").DependsOn("b"), Service("b").DependsOn("a") }));
            Assert.Equal("dependency cycle detected: a -> b -> a", error.Message);
        }

        [Fact]
        public void ObservedContainer_FromLabels()
        {
            var labels = new System.Collections.Generic.Dictionary<string, string>
            {
                ["com.docker.compose.service"] = "web",
                ["com.docker.compose.container-number"] = "3",
                ["com.docker.compose.oneoff"] = "False",
                ["com.docker.compose.config-hash"] = "abc",
                ["com.docker.compose.image"] = "sha256:img",
            };
            ObservedContainer container = ObservedContainer.FromLabels("id1", "/demo-web-3", "running", labels);
            Assert.Equal(("demo-web-3", "web", 3, false, "abc", "sha256:img"),
                (container.Name, container.Service, container.Number, container.OneOff, container.ConfigHash, container.ImageDigest));
            labels["com.docker.compose.oneoff"] = "True";
            Assert.True(ObservedContainer.FromLabels("id2", "x", "exited", labels).OneOff);
        }
    }
}
