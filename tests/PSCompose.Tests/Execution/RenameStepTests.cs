using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Execution;
using PSCompose.Plan;
using Xunit;
using ExecutionContext = PSCompose.Execution.ExecutionContext;

namespace PSCompose.Tests.Execution
{
    /// <summary>
    /// The rename that gives a container its final name, when two ups race: the engine refuses a rename to the name
    /// the container already has, which means another run did the same rename first.
    /// </summary>
    public class RenameStepTests
    {
        private static ComposePlan OneRename(string id, string name)
        {
            var plan = new ComposePlan();
            plan.Add(new PlanOperation
            {
                Kind = OperationKind.RenameContainer, Resource = "service:db:1", Service = "db", Number = 1, Name = name,
                Container = new ObservedContainer { Id = id, Name = "0123456789ab_" + name, Service = "db", Number = 1 },
            });
            return plan;
        }

        [Fact]
        public async Task RenameToTheNameAnotherRunAlreadyGave_Succeeds()
        {
            var engine = new ScriptedEngine();
            engine.ContainerNames["c1"] = "p-db-1";
            var failures = await new PlanExecutor(engine, new ExecutionContext(), _ => { }).RunAsync(OneRename("c1", "p-db-1"), CancellationToken.None);
            Assert.Empty(failures);
            Assert.Equal("p-db-1", engine.ContainerNames["c1"]);
        }

        [Fact]
        public async Task RenameOfAContainerStillUnderItsTemporaryName_Renames()
        {
            var engine = new ScriptedEngine();
            engine.ContainerNames["c1"] = "0123456789ab_p-db-1";
            var failures = await new PlanExecutor(engine, new ExecutionContext(), _ => { }).RunAsync(OneRename("c1", "p-db-1"), CancellationToken.None);
            Assert.Empty(failures);
            Assert.Equal(new[] { "RenameContainer c1 p-db-1" }, engine.Calls);
        }

        [Fact]
        public async Task RenameToANameAnotherContainerHolds_Fails()
        {
            var engine = new ScriptedEngine();
            engine.ContainerNames["c1"] = "0123456789ab_p-db-1";
            engine.ContainerNames["c2"] = "p-db-1";
            var failures = await new PlanExecutor(engine, new ExecutionContext(), _ => { }).RunAsync(OneRename("c1", "p-db-1"), CancellationToken.None);
            Assert.True(((EngineException)Assert.Single(failures).Error).IsConflict);
            Assert.Equal("0123456789ab_p-db-1", engine.ContainerNames["c1"]);
        }
    }
}
