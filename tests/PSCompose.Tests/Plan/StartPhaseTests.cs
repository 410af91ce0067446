using System.Linq;
using PSCompose.Plan;
using Xunit;
using static PSCompose.Tests.Plan.PlanBuilders;

namespace PSCompose.Tests.Plan
{
    /// <summary>up's start phase: dependency order, depends_on waits, restarting dependents stopped by a recreate.</summary>
    public class StartPhaseTests
    {
        private static PlanOptions Up() => new PlanOptions { Scope = PlanScope.CreateAndStart };

        [Fact]
        public void NewProject_StartsAfterCreate_AndWaitsForAHealthyDependency()
        {
            DesiredProject project = Project().WithNetwork("default")
                .With(Service("db").OnNetworks("default"), Service("web").OnNetworks("default").DependsOn("db", DependencyConditions.Healthy));
            ComposePlan plan = Reconciler.Plan(project, Observed(), Up());
            AssertTranscript(plan,
                "#1 network:default CreateNetwork (not found)",
                "#2 service:db:1 CreateContainer <- #1 (no existing container)",
                "#3 service:web:1 CreateContainer <- #1,#2 (no existing container)",
                "#4 service:db:1 StartContainer <- #2 (start)",
                "#5 wait:db:service_healthy WaitCondition <- #4 (depends_on condition)",
                "#6 service:web:1 StartContainer <- #3,#5 (start)");
            Assert.Same(plan.Operations[1], plan.Operations[3].CreatedBy);
            Assert.Equal(DependencyConditions.Healthy, plan.Operations[4].Condition);
            Assert.False(plan.Operations[4].BestEffort);
        }

        [Fact]
        public void OnlyContainersThatAreNotRunning_AreStarted_InNumberOrder()
        {
            ObservedState observed = Observed(Container("c3", "web", 3, ContainerStates.Created), Container("c1", "web", 1), Container("c2", "web", 2, ContainerStates.Exited));
            ComposePlan plan = Reconciler.Plan(Project().With(Service("web", 3)), observed, Up());
            AssertTranscript(plan,
                "#1 service:web:2 StartContainer (start)",
                "#2 service:web:3 StartContainer <- #1 (start)");
            Assert.Equal("c2", plan.Operations[0].Container.Id);
        }

        /// <summary>A recreate stopped between create and rename (docker compose's on a failure, ours on a lost race).</summary>
        private static ObservedContainer LeftUnderTempName(string id, string service, int number, string state) =>
            Rename(Container(id, service, number, state), "0123456789ab_myproject-" + service + "-" + number);

        private static ObservedContainer Rename(ObservedContainer container, string name)
        {
            container.Name = name;
            return container;
        }

        [Fact]
        public void ReplacementLeftUnderItsTemporaryName_GetsItsFinalNameAfterTheOldContainerGoes_ThenStarts()
        {
            ObservedState observed = Observed(Container("old", "db", 1, ContainerStates.Exited, hash: "stale"), LeftUnderTempName("new", "db", 1, ContainerStates.Created));
            ComposePlan plan = Reconciler.Plan(Project().With(Service("db")), observed, Up());
            AssertTranscript(plan,
                "#1 service:db:1 StopContainer (scale down)",
                "#2 service:db:1 RemoveContainer <- #1 (scale down)",
                "#3 service:db:1 RenameContainer <- #2 (left under a recreate's temporary name)",
                "#4 service:db:1 StartContainer <- #3 (start)");
            Assert.Equal("old", plan.Operations[1].Container.Id);
            Assert.Equal(("new", "myproject-db-1"), (plan.Operations[2].Container.Id, plan.Operations[2].Name));
            Assert.Equal("new", plan.Operations[3].Container.Id);
            Assert.Null(plan.Operations[3].CreatedBy);
        }

        [Fact]
        public void RunningContainerUnderATemporaryName_IsOnlyRenamed_AndOtherNamesAreLeftAlone()
        {
            ObservedState observed = Observed(LeftUnderTempName("new", "db", 1, ContainerStates.Running),
                Rename(Container("w1", "web", 1), "myproject_web_1"), Rename(Container("w2", "web", 2), "xyz012345678_myproject-web-2"));
            ComposePlan plan = Reconciler.Plan(Project().With(Service("db"), Service("web", 2)), observed, Up());
            AssertTranscript(plan, "#1 service:db:1 RenameContainer (left under a recreate's temporary name)");
        }

        [Fact]
        public void TemporaryNameWhoseFinalNameIsHeldByAKeptContainer_IsLeftAlone()
        {
            ObservedState observed = Observed(Container("old", "web", 1), LeftUnderTempName("new", "web", 1, ContainerStates.Running));
            Assert.True(Reconciler.Plan(Project().With(Service("web", 2)), observed, Up()).IsEmpty);
        }

        [Fact]
        public void DependentStoppedForARecreate_IsStartedAgainAfterTheDependency()
        {
            DesiredProject project = Project().With(Service("parent"), Service("dependent").DependsOn("parent", restart: true));
            ObservedState observed = Observed(Container("parent_container_abc123", "parent", 1, hash: "stale"), Container("dependent_container_xyz", "dependent", 1));
            ComposePlan plan = Reconciler.Plan(project, observed, Up());
            AssertTranscript(plan,
                "#1 service:dependent:1 StopContainer (dependency parent being recreated)",
                "#2 service:parent:1 CreateContainer <- #1 (config hash changed) [recreate:parent:1]",
                "#3 service:parent:1 StopContainer <- #2 (replaced by #2) [recreate:parent:1]",
                "#4 service:parent:1 RemoveContainer <- #3 (replaced by #2) [recreate:parent:1]",
                "#5 service:parent:1 RenameContainer <- #4 (finalize recreate) [recreate:parent:1]",
                "#6 service:parent:1 StartContainer <- #5 (start)",
                "#7 service:dependent:1 StartContainer <- #1,#6 (start)");
            Assert.Same(plan.Operations[1], plan.Operations[5].CreatedBy);
            Assert.Equal("dependent_container_xyz", plan.Operations[6].Container.Id);
        }

        [Fact]
        public void ScaleZeroDependency_IsNeverWaitedFor()
        {
            DesiredProject project = Project().With(Service("db", 0), Service("web").DependsOn("db", DependencyConditions.Healthy));
            AssertTranscript(Reconciler.Plan(project, Observed(), Up()),
                "#1 service:web:1 CreateContainer (no existing container)",
                "#2 service:web:1 StartContainer <- #1 (start)");
        }

        [Fact]
        public void WaitNodes_AreSharedBetweenDependents_AndOptionalOnlyWhenNoneRequires()
        {
            DesiredProject project = Project().With(
                Service("db"),
                Service("api").DependsOn("db", DependencyConditions.Healthy, required: false),
                Service("web").DependsOn("db", DependencyConditions.Healthy, required: true));
            ObservedState observed = Observed(Container("d", "db", 1), Container("a", "api", 1, ContainerStates.Exited), Container("w", "web", 1, ContainerStates.Exited));
            ComposePlan plan = Reconciler.Plan(project, observed, Up());
            AssertTranscript(plan,
                "#1 wait:db:service_healthy WaitCondition (depends_on condition)",
                "#2 service:api:1 StartContainer <- #1 (start)",
                "#3 service:web:1 StartContainer <- #1 (start)");
            Assert.False(plan.Operations[0].BestEffort);
        }

        [Fact]
        public void CompletedSuccessfully_WaitsAfterTheDependencyStarted()
        {
            DesiredProject project = Project().With(Service("migrate"), Service("app").DependsOn("migrate", DependencyConditions.CompletedSuccessfully));
            ObservedState observed = Observed(Container("m", "migrate", 1, ContainerStates.Exited), Container("a", "app", 1));
            AssertTranscript(Reconciler.Plan(project, observed, Up()),
                "#1 service:migrate:1 StartContainer (start)",
                "#2 wait:migrate:service_completed_successfully WaitCondition <- #1 (depends_on condition)");
        }

        [Fact]
        public void ScaledDownContainers_AreNotStarted()
        {
            ObservedState observed = Observed(Container("c1", "web", 1, ContainerStates.Exited), Container("c2", "web", 2, ContainerStates.Exited));
            AssertTranscript(Reconciler.Plan(Project().With(Service("web", 1)), observed, Up()),
                "#1 service:web:2 StopContainer (scale down)",
                "#2 service:web:2 RemoveContainer <- #1 (scale down)",
                "#3 service:web:1 StartContainer (start)");
            Assert.Single(Reconciler.Plan(Project().With(Service("web", 1)), observed, Up()).Operations, o => o.Kind == OperationKind.StartContainer);
        }
    }
}
