using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Execution;
using PSCompose.Plan;
using Xunit;
using ExecutionContext = PSCompose.Execution.ExecutionContext;

namespace PSCompose.Tests.Execution
{
    /// <summary>
    /// The executor's start hook (attached up attaches in BeforeStart, so nothing a container prints at start is lost):
    /// BeforeStart is awaited inside the start, before the engine call.
    /// </summary>
    public class StartHookTests
    {
        private static (ComposePlan Plan, PlanOperation Start) OneStart()
        {
            var plan = new ComposePlan();
            PlanOperation start = plan.Add(new PlanOperation
            {
                Kind = OperationKind.StartContainer,
                Resource = "service:web:1",
                Service = "web",
                Number = 1,
                Container = new ObservedContainer { Id = "c1", Name = "p-web-1", Service = "web", Number = 1 },
            });
            return (plan, start);
        }

        [Fact]
        public async Task BeforeStart_IsAwaitedBeforeTheContainerStarts()
        {
            var engine = new ScriptedEngine();
            var (plan, _) = OneStart();
            var context = new ExecutionContext
            {
                BeforeStart = async (op, id, ct) =>
                {
                    await Task.Delay(50, ct);
                    lock (engine.Calls) engine.Calls.Add($"BeforeStart {op.Service} {id}");
                },
            };
            var failures = await new PlanExecutor(engine, context, _ => { }).RunAsync(plan, CancellationToken.None);
            Assert.Empty(failures);
            Assert.Equal(new[] { "BeforeStart web c1", "StartContainer c1" }, engine.Calls);
        }

        [Fact]
        public async Task AFailingBeforeStart_FailsTheStart_AndTheContainerIsNotStarted()
        {
            var engine = new ScriptedEngine();
            var (plan, start) = OneStart();
            var context = new ExecutionContext { BeforeStart = (op, id, ct) => throw new InvalidOperationException("attach failed") };
            var failures = await new PlanExecutor(engine, context, _ => { }).RunAsync(plan, CancellationToken.None);
            Assert.Same(start, Assert.Single(failures).Operation);
            Assert.DoesNotContain(engine.Calls, c => c.StartsWith("StartContainer", StringComparison.Ordinal));
        }
    }
}
