using System;
using System.Linq;
using PSCompose.Plan;
using Xunit;
using static PSCompose.Tests.Plan.PlanBuilders;

namespace PSCompose.Tests.Plan
{
    /// <summary>
    /// start/stop/kill/restart/pause/unpause/rm as plans for the one executor: start dependencies first behind
    /// their depends_on conditions, stop dependents first, restart along restart: true, the rest all at once.
    /// </summary>
    public class LifecyclePlanTests
    {
        /// <summary>db; web depends on db (healthy); worker on its own.</summary>
        private static DesiredProject Healthy() => Project()
            .With(Service("db"), Service("web").DependsOn("db", DependencyConditions.Healthy), Service("worker"));

        /// <summary>web → cache → db, and worker on its own.</summary>
        private static DesiredProject Chain() => Project()
            .With(Service("db"), Service("cache").DependsOn("db", restart: true), Service("web").DependsOn("cache"), Service("worker"));

        private static ComposePlan Plan(DesiredProject project, ObservedState observed, LifecycleVerb verb, params string[] services) =>
            LifecyclePlanner.Plan(project, observed, new LifecycleOptions { Verb = verb, Services = services.ToList() });

        private static ObservedState AllIn(string state, params string[] services) =>
            Observed(services.Select(s => Container(s.Substring(0, 1) + "1", s, 1, state)).ToArray());

        [Fact]
        public void Start_DependenciesFirst_BehindTheirCondition()
        {
            AssertTranscript(Plan(Healthy(), AllIn(ContainerStates.Exited, "db", "web", "worker"), LifecycleVerb.Start),
                "#1 service:db:1 StartContainer (start)",
                "#2 wait:db:service_healthy WaitCondition <- #1 (depends_on condition)",
                "#3 service:web:1 StartContainer <- #2 (start)",
                "#4 service:worker:1 StartContainer (start)");
        }

        [Fact]
        public void Start_OfOneService_AddsItsDependencies_WaitsOnARunningOne_AndStartsReplicasInTurn()
        {
            ObservedState observed = Observed(Container("d1", "db", 1), Container("w1", "web", 1, ContainerStates.Exited),
                Container("w2", "web", 2, ContainerStates.Created), Container("k1", "worker", 1, ContainerStates.Exited));
            AssertTranscript(Plan(Healthy(), observed, LifecycleVerb.Start, "web"),
                "#1 wait:db:service_healthy WaitCondition (depends_on condition)",
                "#2 service:web:1 StartContainer <- #1 (start)",
                "#3 service:web:2 StartContainer <- #2 (start)");
            Assert.Equal(new[] { "db", "web" }, LifecyclePlanner.Selection(Healthy(),
                new LifecycleOptions { Verb = LifecycleVerb.Start, Services = { "web" } }).OrderBy(s => s));
        }

        [Fact]
        public void Start_ServiceWithoutContainer_FailsIt_AndWhatDependsOnIt()
        {
            DesiredProject project = Project().With(Service("db"), Service("web").DependsOn("db"), Service("idle", scale: 0));
            AssertTranscript(Plan(project, AllIn(ContainerStates.Exited, "web"), LifecycleVerb.Start),
                "#1 service:db RequireContainer (no container to start)",
                "#2 service:web:1 StartContainer <- #1 (start)");
        }

        [Fact]
        public void Stop_DependentsFirst_ThroughUnselectedServices()
        {
            // cache is not selected, yet db waits for web through it.
            ObservedState observed = Observed(Container("d1", "db", 1), Container("c1", "cache", 1), Container("w1", "web", 1, ContainerStates.Paused),
                Container("w2", "web", 2, ContainerStates.Exited), Container("k1", "worker", 1));
            ComposePlan plan = LifecyclePlanner.Plan(Chain(), observed,
                new LifecycleOptions { Verb = LifecycleVerb.Stop, Services = { "web", "db" }, Timeout = TimeSpan.FromSeconds(3) });
            AssertTranscript(plan,
                "#1 service:web:1 StopContainer (stop)",
                "#2 service:db:1 StopContainer <- #1 (stop)");
            Assert.All(plan.Operations, o => Assert.Equal(TimeSpan.FromSeconds(3), o.Timeout));
        }

        [Fact]
        public void Restart_FollowsOnlyRestartTrue_WaitsOnConditions_AndNoDepsKeepsToTheNamed()
        {
            DesiredProject project = Project().With(Service("db"),
                Service("web").DependsOn("db", DependencyConditions.Healthy, restart: true), Service("api").DependsOn("db"));
            ObservedState observed = AllIn(ContainerStates.Running, "db", "web", "api");
            AssertTranscript(Plan(project, observed, LifecycleVerb.Restart, "db"),
                "#1 service:db:1 RestartContainer (restart)",
                "#2 wait:db:service_healthy WaitCondition <- #1 (depends_on condition)",
                "#3 service:web:1 RestartContainer <- #2 (restart)");
            ComposePlan noDeps = LifecyclePlanner.Plan(project, observed,
                new LifecycleOptions { Verb = LifecycleVerb.Restart, Services = { "db" }, NoDeps = true });
            AssertTranscript(noDeps, "#1 service:db:1 RestartContainer (restart)");
            // Restarting web alone with --no-deps does not wait on db, which is no longer in the project.
            AssertTranscript(LifecyclePlanner.Plan(project, observed,
                    new LifecycleOptions { Verb = LifecycleVerb.Restart, Services = { "web" }, NoDeps = true }),
                "#1 service:web:1 RestartContainer (restart)");
        }

        [Fact]
        public void RestartSelection_AddsOnlyRestartTrueDependents()
        {
            LifecycleOptions Restart(string service, bool noDeps) =>
                new LifecycleOptions { Verb = LifecycleVerb.Restart, Services = { service }, NoDeps = noDeps };
            // cache depends on db with restart: true; web depends on cache without it.
            Assert.Equal(new[] { "cache", "db" }, LifecyclePlanner.Selection(Chain(), Restart("db", false)).OrderBy(s => s));
            Assert.Equal(new[] { "db" }, LifecyclePlanner.Selection(Chain(), Restart("db", true)));
            Assert.Equal(new[] { "cache" }, LifecyclePlanner.Selection(Chain(), Restart("cache", false)));
        }

        [Fact]
        public void KillPauseUnpause_AllAtOnce_OnTheContainersInTheRightState()
        {
            ObservedState observed = Observed(Container("d1", "db", 1), Container("w1", "web", 1, ContainerStates.Paused),
                Container("k1", "worker", 1, ContainerStates.Exited));
            ComposePlan kill = LifecyclePlanner.Plan(Healthy(), observed, new LifecycleOptions { Verb = LifecycleVerb.Kill, Signal = "SIGUSR1" });
            AssertTranscript(kill,
                "#1 service:db:1 KillContainer (kill SIGUSR1)",
                "#2 service:web:1 KillContainer (kill SIGUSR1)");
            Assert.All(kill.Operations, o => Assert.Equal("SIGUSR1", o.Signal));
            AssertTranscript(Plan(Healthy(), observed, LifecycleVerb.Pause), "#1 service:db:1 PauseContainer (pause)");
            AssertTranscript(Plan(Healthy(), observed, LifecycleVerb.Unpause), "#1 service:web:1 UnpauseContainer (unpause)");
        }

        [Fact]
        public void Remove_StoppedOnesAtOnce_LeavesOneOffs_AndWarnsWhenNothingIsStopped()
        {
            ObservedContainer oneOff = Container("r1", "worker", 0, ContainerStates.Exited);
            oneOff.OneOff = true;
            ObservedState observed = Observed(Container("d1", "db", 1), Container("w1", "web", 1),
                Container("k1", "worker", 1, ContainerStates.Exited), oneOff);
            AssertTranscript(Plan(Healthy(), observed, LifecycleVerb.Remove), "#1 service:worker:1 RemoveContainer (rm)");

            ComposePlan nothing = Plan(Healthy(), observed, LifecycleVerb.Remove, "web");
            Assert.True(nothing.IsEmpty);
            Assert.Equal("No stopped containers", Assert.Single(nothing.Warnings));
        }

        [Fact]
        public void Remove_WithStop_StopsDependentsFirst_ThenRemovesEachAfterItsStop()
        {
            ObservedState observed = Observed(Container("d1", "db", 1), Container("w1", "web", 1), Container("k1", "worker", 1, ContainerStates.Exited));
            ComposePlan plan = LifecyclePlanner.Plan(Healthy(), observed,
                new LifecycleOptions { Verb = LifecycleVerb.Remove, StopFirst = true, RemoveVolumes = true });
            AssertTranscript(plan,
                "#1 service:web:1 StopContainer (rm --stop)",
                "#2 service:db:1 StopContainer <- #1 (rm --stop)",
                "#3 service:db:1 RemoveContainer <- #2 (rm)",
                "#4 service:web:1 RemoveContainer <- #1 (rm)",
                "#5 service:worker:1 RemoveContainer (rm)");
            Assert.All(plan.Operations.Where(o => o.Kind == OperationKind.RemoveContainer), o => Assert.True(o.RemoveVolumes));
        }
    }
}
