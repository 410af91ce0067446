using System.Linq;
using PSCompose.Model;
using PSCompose.Plan;
using Xunit;
using static PSCompose.Tests.Plan.PlanBuilders;

namespace PSCompose.Tests.Plan
{
    public class NamingAndOrderTests
    {
        [Theory]
        [InlineData(false, "demo-web-2", "demo-web", "web-2")]
        [InlineData(true, "demo_web_2", "demo_web", "web_2")]
        public void ComposeNames_UseTheCompatibilitySeparator_ButNotForNetworksAndVolumes(bool compatibility, string container, string image, string replace)
        {
            Assert.Equal(container, ComposeNames.Container("demo", "web", null, 2, compatibility));
            Assert.Equal(image, ComposeNames.Image(null, "demo", "web", compatibility));
            Assert.Equal(replace, ComposeNames.ReplaceLabel("web", null, 2, compatibility));
            Assert.Equal("demo_default", ComposeNames.ProjectResource("demo", "default"));
            Assert.Equal("fixed", ComposeNames.Container("demo", "web", "fixed", 2, compatibility));
            Assert.Equal("fixed", ComposeNames.ReplaceLabel("web", "fixed", 2, compatibility));
            Assert.Equal("reg/app:1", ComposeNames.Image("reg/app:1", "demo", "web", compatibility));
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
