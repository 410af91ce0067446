using System.Linq;
using PSCompose.Plan;
using Xunit;
using static PSCompose.Tests.Plan.PlanBuilders;

namespace PSCompose.Tests.Plan
{
    public class PseudoProjectTests
    {
        [Fact]
        public void ProjectFromLabels_DrivesDownInDependencyOrder()
        {
            ObservedContainer web = Container("w1", "web", 1);
            web.Labels["com.docker.compose.depends_on"] = "db:service_healthy:true";
            ObservedContainer db = Container("d1", "db", 1);
            db.Labels["com.docker.compose.depends_on"] = "";
            ObservedContainer run = Container("r1", "tool", 0, ContainerStates.Exited);
            run.OneOff = true;
            ObservedState observed = Observed(db, web, Container("w2", "web", 2), run)
                .WithNetwork("default", "myproject_default", "n1", "h")
                .WithVolume("data", "myproject_data", "h");

            DesiredProject project = PseudoProject.FromObserved("myproject", observed);
            Assert.Equal(new[] { "db", "web" }, project.Services.Select(s => s.Name));
            Assert.Equal(2, project.Service("web").Scale);
            ServiceDependency dependency = project.Service("web").DependsOn.Single();
            Assert.Equal(("db", DependencyConditions.Healthy, true, false), (dependency.Service, dependency.Condition, dependency.Restart, dependency.Required));
            Assert.Equal("myproject_default", project.Network("default").Name);

            AssertTranscript(DownPlanner.Plan(project, observed),
                "#1 service:web:1 StopContainer (down)",
                "#2 service:web:1 RemoveContainer <- #1 (down)",
                "#3 service:web:2 StopContainer (down)",
                "#4 service:web:2 RemoveContainer <- #3 (down)",
                "#5 service:db:1 StopContainer <- #2,#4 (down)",
                "#6 service:db:1 RemoveContainer <- #5 (down)",
                "#7 network:default RemoveNetwork <- #2,#4,#6 (down)");
        }
    }
}
