using PSCompose.Plan;
using Xunit;

namespace PSCompose.Tests.Plan
{
    /// <summary>docker compose pull's skip rules (pull.go); the engine-backed comparison is PullPolicyEngineTests.</summary>
    public class PullCommandRulesTests
    {
        [Theory]
        [InlineData("app:1", null, null)]
        [InlineData("app:1", "always", null)]
        [InlineData("app:1", "daily", null)]
        [InlineData("app:1", "missing", "image already present")]
        [InlineData("app:1", "if_not_present", "image already present")]
        [InlineData("app", "missing", null)]
        [InlineData("app:latest", "missing", null)]
        [InlineData("app@sha256:abc", "missing", null)]
        [InlineData("app:1", "never", "pull_policy never")]
        [InlineData("app:1", "build", "pull_policy build")]
        [InlineData(null, null, "no image to be pulled")]
        public void PresentImage(string image, string policy, string skip)
        {
            Assert.Equal(skip, PullCommandRules.SkipReason(image, policy, false, false, () => true));
        }

        [Fact]
        public void AbsentImage_IsPulledUnderMissing()
        {
            Assert.Null(PullCommandRules.SkipReason("app:1", "missing", false, false, () => false));
        }

        [Fact]
        public void IgnoreBuildable_SkipsOnlyBuildableServices()
        {
            Assert.Equal("buildable service", PullCommandRules.SkipReason("app:1", null, true, true, () => true));
            Assert.Null(PullCommandRules.SkipReason("app:1", null, false, true, () => true));
        }
    }
}
