using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Execution.Stack;
using Xunit;

namespace PSCompose.Tests.Execution.Stack
{
    public class StackDeployerTests
    {
        [Theory]
        [InlineData("inactive", false)]
        [InlineData("active", false)]
        public async Task NotASwarmManager_FailsWithSwarmNotActive_BeforeAnythingChanges(string state, bool manager)
        {
            var engine = new ScriptedEngine { SwarmState = new EngineSwarmState { LocalNodeState = state, IsManager = manager } };
            var plan = new StackPlan { Name = "shop" };
            plan.Services.Add(new SwarmServiceSpec { Name = "shop_web" });
            var e = await Assert.ThrowsAsync<ComposeException>(() =>
                StackDeployer.DeployAsync(engine, plan, new StackDeployOptions(), new StackReport(), CancellationToken.None));
            Assert.Equal(ErrorIds.SwarmNotActive, e.ErrorId);
            Assert.StartsWith("this node is not a swarm manager.", e.Message);
            Assert.Equal(new[] { "GetSwarmState " }, engine.Calls);
        }
    }
}
