using System.Collections.Generic;
using PSCompose.Engine;
using PSCompose.Execution;
using Xunit;

namespace PSCompose.Tests.Execution
{
    /// <summary>docker compose events' client-side filter and shape (pkg/compose/events.go).</summary>
    public class ProjectEventsTests
    {
        private static EngineEvent Event(string type, string action, string service, string oneOff = "False") => new EngineEvent
        {
            Type = type,
            Action = action,
            ActorId = "abc123",
            TimeNano = 1796014766652158673,
            Attributes = new Dictionary<string, string>
            {
                ["com.docker.compose.project"] = "p",
                ["com.docker.compose.service"] = service,
                ["com.docker.compose.oneoff"] = oneOff,
                ["com.docker.compose.config-hash"] = "x",
                ["image"] = "pscompose/busybox:latest",
                ["name"] = "p-" + service + "-1",
                ["exitCode"] = "143",
                ["org.example.team"] = "web",
            },
        };

        [Fact]
        public void OnlyContainerEvents_AreShown()
        {
            Assert.Null(ProjectEvents.FromEngine(Event("network", "connect", "web"), null));
            Assert.Null(ProjectEvents.FromEngine(Event("volume", "mount", "web"), null));
            Assert.NotNull(ProjectEvents.FromEngine(Event("container", "die", "web"), null));
        }

        [Fact]
        public void OneOffContainers_AreDropped() =>
            Assert.Null(ProjectEvents.FromEngine(Event("container", "start", "web", oneOff: "True"), null));

        [Fact]
        public void Services_AreMatchedByLabel_NoneMeansAll()
        {
            var only = new HashSet<string> { "db" };
            Assert.Null(ProjectEvents.FromEngine(Event("container", "start", "web"), only));
            Assert.Equal("db", ProjectEvents.FromEngine(Event("container", "start", "db"), only).Service);
            Assert.Equal("web", ProjectEvents.FromEngine(Event("container", "start", "web"), new HashSet<string>()).Service);
        }

        [Fact]
        public void ComposeLabels_AreRemoved_OtherAttributesKept()
        {
            ComposeEvent e = ProjectEvents.FromEngine(Event("container", "die", "web"), null);
            Assert.Equal(new[] { "exitCode", "image", "name", "org.example.team" }, e.Attributes.Keys);
            Assert.Equal("143", e.Attributes["exitCode"]);
            Assert.Equal("p-web-1", e.Container);
            Assert.Equal("abc123", e.Id);
            Assert.Equal("container", e.Type);
            Assert.Equal(1796014766652158673, e.TimeNano);
        }

        [Theory]
        [InlineData("health_status: healthy", "health_status", "healthy")]
        [InlineData("exec_create: sh -c true ", "exec_create", "sh -c true ")]
        [InlineData("die", "die", null)]
        public void ActionsWithData_SplitAtTheColon(string action, string expectedAction, string detail)
        {
            ComposeEvent e = ProjectEvents.FromEngine(Event("container", action, "web"), null);
            Assert.Equal(expectedAction, e.Action);
            Assert.Equal(detail, e.ActionDetail);
            Assert.Equal(action, e.ToString());
        }
    }
}
