using System;
using PSCompose.Plan;
using Xunit;
using static PSCompose.Tests.Plan.PlanBuilders;

namespace PSCompose.Tests.Plan
{
    /// <summary>Pull and build decisions of ensureImagesExists (pkg/compose/build.go).</summary>
    public class ImagePlanTests
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

        private static DesiredService WithImage(string name, string image, string policy = null, bool build = false)
        {
            DesiredService service = Service(name);
            service.Image = image;
            service.PullPolicy = policy;
            service.HasBuild = build;
            return service;
        }

        private static ObservedState Local(string tag, DateTimeOffset? tagged = null)
        {
            ObservedState observed = Observed();
            observed.Images.Add(new ObservedImage { Id = "sha256:1", RepoTags = { tag }, LastTagTime = tagged });
            return observed;
        }

        [Theory]
        [InlineData(null, false, "image not found")]
        [InlineData(null, true, null)]
        [InlineData("missing", false, "image not found")]
        [InlineData("if_not_present", true, null)]
        [InlineData("always", true, "pull_policy always")]
        [InlineData("never", false, null)]
        [InlineData("build", false, null)]
        public void PullPolicies(string policy, bool present, string reason)
        {
            ObservedState observed = present ? Local("nginx:latest") : Observed();
            Assert.Equal(reason, ImagePlanner.PullReason(WithImage("web", "docker.io/library/nginx", policy), observed, Now));
        }

        [Theory]
        [InlineData("daily", 23, null)]
        [InlineData("daily", 25, "pull_policy daily")]
        [InlineData("weekly", 24 * 6, null)]
        [InlineData("weekly", 24 * 8, "pull_policy weekly")]
        [InlineData("every_12h", 11, null)]
        [InlineData("every_12h", 13, "pull_policy every_12h")]
        [InlineData("every_1h30m", 2, "pull_policy every_1h30m")]
        [InlineData("every_2d", 47, null)]
        public void RefreshPolicies_PullWhenTheLocalTagIsOlder(string policy, int hoursAgo, string reason)
        {
            ObservedState observed = Local("nginx:latest", Now.AddHours(-hoursAgo));
            Assert.Equal(reason, ImagePlanner.PullReason(WithImage("web", "nginx", policy), observed, Now));
        }

        [Fact]
        public void BuildOnlyService_IsBuiltUnderTheDefaultName_WhenMissing()
        {
            DesiredService web = WithImage("web", null, build: true);
            ComposePlan plan = ImagePlanner.Plan(Project().With(web), Observed(), Now);
            AssertTranscript(plan, "#1 image:myproject-web:latest BuildImage (image not found)");
            Assert.Equal("myproject-web", plan.Operations[0].Name);
            Assert.True(ImagePlanner.Plan(Project().With(web), Local("myproject-web:latest"), Now).IsEmpty);
        }

        [Fact]
        public void ImageWithBuild_PullIsTriedFirst_AndItsFailureTolerated()
        {
            ComposePlan plan = ImagePlanner.Plan(Project().With(WithImage("app", "registry.local/app:2", build: true)), Observed(), Now);
            AssertTranscript(plan,
                "#1 image:registry.local/app:2 PullImage (image not found)",
                "#2 image:registry.local/app:2 BuildImage <- #1 (image not found)");
            Assert.True(plan.Operations[0].BestEffort);
            Assert.True(plan.Operations[1].OnlyIfImageMissing);
        }

        [Fact]
        public void PullPolicyBuild_AlwaysBuilds()
        {
            ComposePlan plan = ImagePlanner.Plan(Project().With(WithImage("app", "app:dev", "build", build: true)), Local("app:dev"), Now);
            AssertTranscript(plan, "#1 image:app:dev BuildImage (pull_policy build)");
        }

        [Fact]
        public void SharedImage_IsPulledOnce()
        {
            DesiredProject project = Project().With(WithImage("a", "redis:7"), WithImage("b", "redis:7"));
            AssertTranscript(ImagePlanner.Plan(project, Observed(), Now), "#1 image:redis:7 PullImage (image not found)");
        }
    }
}
