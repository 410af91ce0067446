using PSCompose.Cmdlets;
using PSCompose.Engine;
using PSCompose.Plan;
using Xunit;

namespace PSCompose.Tests.Module
{
    /// <summary>The plain CI lines of pulls and builds, as docker's plain progress prints them, and the phase of each operation.</summary>
    public class CiLogTests
    {
        [Theory]
        [InlineData("a1b2c3", "Pulling fs layer", null, "a1b2c3: Pulling fs layer")]
        [InlineData("a1b2c3", "Pull complete", null, "a1b2c3: Pull complete")]
        [InlineData(null, "Digest: sha256:abc", null, "Digest: sha256:abc")]
        [InlineData(null, null, "Step 1/2 : FROM busybox\n", "Step 1/2 : FROM busybox")]
        [InlineData(null, null, "\n", null)]
        [InlineData("a1b2c3", "Downloading", null, null)]
        [InlineData("a1b2c3", "Extracting", null, null)]
        [InlineData("a1b2c3", "Pushing", null, null)]
        public void PlainLine(string id, string status, string stream, string expected)
        {
            Assert.Equal(expected, CiLog.PlainLine(new EngineProgress { Id = id, Status = status, Stream = stream }));
        }

        [Fact]
        public void PlainLine_OfAFailure_IsTheError()
        {
            Assert.Equal("manifest unknown", CiLog.PlainLine(new EngineProgress { Error = "manifest unknown", Status = "x" }));
        }

        [Theory]
        [InlineData(nameof(OperationKind.PullImage), "pull")]
        [InlineData(nameof(OperationKind.BuildImage), "build")]
        [InlineData(nameof(OperationKind.CreateContainer), "create")]
        [InlineData(nameof(OperationKind.CreateNetwork), "create")]
        [InlineData(nameof(OperationKind.StartContainer), "start")]
        [InlineData(nameof(OperationKind.WaitCondition), "start")]
        [InlineData(nameof(OperationKind.StopContainer), "stop")]
        [InlineData(nameof(OperationKind.RemoveContainer), "remove")]
        [InlineData(nameof(OperationKind.RemoveNetwork), "remove")]
        public void Phase(string kind, string expected)
        {
            Assert.Equal(expected, CiLog.Phase((OperationKind)System.Enum.Parse(typeof(OperationKind), kind)));
        }
    }
}
