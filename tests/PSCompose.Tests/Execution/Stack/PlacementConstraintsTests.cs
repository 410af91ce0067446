using System.Collections.Generic;
using PSCompose.Engine;
using PSCompose.Execution.Stack;
using Xunit;

namespace PSCompose.Tests.Execution.Stack
{
    /// <summary>swarmkit constraint.NodeMatches, which decides the nodes a global service runs a task on.</summary>
    public class PlacementConstraintsTests
    {
        private static readonly EngineSwarmNode Node = new EngineSwarmNode
        {
            Id = "n1abc", Role = "manager", Hostname = "build-01", Addr = "10.1.2.3", Os = "linux", Arch = "x86_64",
            Labels = new Dictionary<string, string> { ["zone"] = "east", ["Disk"] = "ssd" },
            EngineLabels = new Dictionary<string, string> { ["tier"] = "gold" },
        };

        [Theory]
        [InlineData(true)]
        [InlineData(true, "node.role == manager")]
        [InlineData(true, "node.role==MANAGER")]
        [InlineData(false, "node.role == worker")]
        [InlineData(true, "node.role != worker")]
        [InlineData(true, "node.hostname == Build-01")]
        [InlineData(false, "node.hostname != build-01")]
        [InlineData(true, "node.id == n1abc")]
        [InlineData(true, "node.platform.os == linux", "node.platform.arch == x86_64")]
        [InlineData(true, "node.labels.zone == east")]
        [InlineData(true, "NODE.LABELS.zone == EAST")]
        [InlineData(false, "node.labels.Zone == east")]
        [InlineData(true, "node.labels.Disk == ssd")]
        [InlineData(false, "node.labels.missing == yes")]
        [InlineData(true, "node.labels.missing != yes")]
        [InlineData(true, "engine.labels.tier == gold")]
        [InlineData(false, "engine.labels.tier != gold")]
        [InlineData(false, "engine.labels.zone == east")]
        [InlineData(false, "node.labels.zone == east", "node.role == worker")]
        [InlineData(true, "node.ip == 10.1.2.3")]
        [InlineData(true, "node.ip == 10.1.0.0/16")]
        [InlineData(false, "node.ip != 10.0.0.0/8")]
        [InlineData(false, "node.ip == not-an-address")]
        [InlineData(false, "node.colour == blue")]
        [InlineData(false, "node.role = manager")]
        public void Node_MatchesAsSwarmkitDecides(bool expected, params string[] constraints) =>
            Assert.Equal(expected, PlacementConstraints.NodeMatches(constraints, Node));

        [Fact]
        public void ANodeWithoutLabels_HasTheEmptyValueForEveryLabel()
        {
            var bare = new EngineSwarmNode { Id = "n2", Role = "worker", Labels = null, EngineLabels = null };
            Assert.False(PlacementConstraints.NodeMatches(new[] { "node.labels.zone == east" }, bare));
            Assert.True(PlacementConstraints.NodeMatches(new[] { "engine.labels.zone != east" }, bare));
        }
    }
}
