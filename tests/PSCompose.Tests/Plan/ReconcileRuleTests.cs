using System.Linq;
using PSCompose.Plan;
using Xunit;
using static PSCompose.Tests.Plan.PlanBuilders;

namespace PSCompose.Tests.Plan
{
    /// <summary>The Compose 2.40.3 decision rules of pkg/compose/convergence.go (recreate triggers, policies, scaling, orphans), hand-derived.</summary>
    public class ReconcileRuleTests
    {
        [Fact]
        public void ScaleDown_RemovesObsoleteContainersFirst()
        {
            ObservedState observed = Observed(Container("c1", "web", 1, hash: "stale"), Container("c2", "web", 2), Container("c3", "web", 3));
            AssertTranscript(Reconciler.Plan(Project().With(Service("web", 2)), observed),
                "#1 service:web:1 StopContainer (scale down)",
                "#2 service:web:1 RemoveContainer <- #1 (scale down)");
        }

        [Fact]
        public void ScaleDown_ThenTheHighestNumbers()
        {
            ObservedState observed = Observed(Container("c3", "web", 3), Container("c1", "web", 1), Container("c2", "web", 2));
            AssertTranscript(Reconciler.Plan(Project().With(Service("web", 1)), observed),
                "#1 service:web:2 StopContainer (scale down)",
                "#2 service:web:2 RemoveContainer <- #1 (scale down)",
                "#3 service:web:3 StopContainer (scale down)",
                "#4 service:web:3 RemoveContainer <- #3 (scale down)");
        }

        [Fact]
        public void ScaleUp_NumbersFromTheHighest_GapsNotRefilled()
        {
            ComposePlan plan = Reconciler.Plan(Project().With(Service("web", 4)), Observed(Container("c1", "web", 1), Container("c3", "web", 3)));
            AssertTranscript(plan,
                "#1 service:web:4 CreateContainer (no existing container)",
                "#2 service:web:5 CreateContainer (no existing container)");
            Assert.Equal(new[] { "myproject-web-4", "myproject-web-5" }, plan.Operations.Select(o => o.Name));
        }

        [Fact]
        public void ScaleOption_OverridesTheServiceScale()
        {
            var options = new PlanOptions();
            options.Scale["web"] = 2;
            AssertTranscript(Reconciler.Plan(Project().With(Service("web", 5)), Observed(Container("c1", "web", 1)), options),
                "#1 service:web:2 CreateContainer (no existing container)");
        }

        [Theory]
        [InlineData(ContainerStates.Paused, true)]
        [InlineData(ContainerStates.Dead, true)]
        [InlineData(ContainerStates.Created, false)]
        [InlineData(ContainerStates.Restarting, false)]
        [InlineData(ContainerStates.Exited, false)]
        [InlineData(ContainerStates.Running, false)]
        public void UpToDateContainers_OnlyPausedOrDeadAreStartedInTheCreatePhase(string state, bool started)
        {
            ComposePlan plan = Reconciler.Plan(Project().With(Service("web")), Observed(Container("c1", "web", 1, state)));
            if (started)
            {
                AssertTranscript(plan, "#1 service:web:1 StartContainer (not running)");
            }
            else
            {
                Assert.True(plan.IsEmpty);
            }
        }

        [Fact]
        public void ImageLabel_DifferentFromTheResolvedImage_Recreates()
        {
            DesiredService web = Service("web");
            web.ImageDigest = "sha256:new";
            ObservedContainer container = Container("c1aabbccddee", "web", 1);
            container.ImageDigest = "sha256:old";
            Assert.Equal("image changed", Reconciler.Plan(Project().With(web), Observed(container)).Operations[0].Reason);

            container.ImageDigest = "sha256:new";
            Assert.True(Reconciler.Plan(Project().With(web), Observed(container)).IsEmpty);
            web.ImageDigest = null;
            container.ImageDigest = "sha256:old";
            Assert.True(Reconciler.Plan(Project().With(web), Observed(container)).IsEmpty);
        }

        [Fact]
        public void RunningContainer_NotOnAnExpectedNetwork_Recreates()
        {
            DesiredProject project = Project().WithNetwork("default").With(Service("web").OnNetworks("default"));
            ObservedState observed = Observed(Container("c1aabbccddee", "web", 1)).WithNetwork("default", "myproject_default", "net1", "nethash");
            Assert.Equal("not connected to network default", Reconciler.Plan(project, observed).Operations[0].Reason);

            observed.Containers[0].NetworkIds.Add("net1");
            Assert.True(Reconciler.Plan(project, observed).IsEmpty);

            ObservedState exited = Observed(Container("c1aabbccddee", "web", 1, ContainerStates.Exited)).WithNetwork("default", "myproject_default", "net1", "nethash");
            Assert.True(Reconciler.Plan(project, exited).IsEmpty);
        }

        [Fact]
        public void Container_LackingANamedVolumeMount_Recreates()
        {
            DesiredProject project = Project().WithVolume("data").With(Service("db").Mounting("data"));
            ObservedState observed = Observed(Container("c1aabbccddee", "db", 1).WithVolumes("other")).WithVolume("data", "myproject_data", "volhash");
            Assert.Equal("volume data not mounted", Reconciler.Plan(project, observed).Operations[0].Reason);
            observed.Containers[0].VolumeNames.Add("myproject_data");
            Assert.True(Reconciler.Plan(project, observed).IsEmpty);
        }

        [Fact]
        public void RenamedVolume_CreatesTheNewOne_AndMovesContainersOntoIt()
        {
            DesiredProject project = Project().WithVolume("data", hash: "newhash", name: "data_v2").With(Service("db").Mounting("data"));
            ObservedState observed = Observed(Container("c1aabbccddee", "db", 1).WithVolumes("myproject_data")).WithVolume("data", "myproject_data", "oldhash");
            AssertTranscript(Reconciler.Plan(project, observed),
                "#1 volume:data CreateVolume (renamed)",
                "#2 service:db:1 CreateContainer <- #1 (volume data not mounted) [recreate:db:1]",
                "#3 service:db:1 StopContainer <- #2 (replaced by #2) [recreate:db:1]",
                "#4 service:db:1 RemoveContainer <- #3 (replaced by #2) [recreate:db:1]",
                "#5 service:db:1 RenameContainer <- #4 (finalize recreate) [recreate:db:1]");
        }

        private static DesiredProject WebOnDb() => Project().With(Service("db"), Service("web").DependsOn("db"));

        [Fact]
        public void Dependencies_UseTheirOwnPolicy()
        {
            ObservedState staleDb = Observed(Container("db1", "db", 1, hash: "stale"), Container("web1", "web", 1));
            var targeted = new PlanOptions { Services = { "web" }, RecreateDependencies = RecreatePolicy.Never };
            Assert.True(Reconciler.Plan(WebOnDb(), staleDb, targeted).IsEmpty);

            var diverged = new PlanOptions { Services = { "web" } };
            Assert.Equal("service:db:1", Reconciler.Plan(WebOnDb(), staleDb, diverged).Operations[0].Resource);

            ObservedState upToDate = Observed(Container("db1", "db", 1), Container("web1", "web", 1));
            PlanOptions always = PlanOptions.ForUp(alwaysRecreateDeps: true, noStart: true);
            always.Services.Add("web");
            ComposePlan plan = Reconciler.Plan(WebOnDb(), upToDate, always);
            Assert.Equal(new[] { "force recreate" }, plan.Operations.Where(o => o.Kind == OperationKind.CreateContainer).Select(o => o.Reason).Distinct());
            Assert.Contains(plan.Operations, o => o.Resource == "service:db:1");
            Assert.DoesNotContain(plan.Operations, o => o.Resource == "service:web:1");
        }

        [Fact]
        public void ForUp_MapsTheSwitches()
        {
            PlanOptions renew = PlanOptions.ForUp(renewAnonVolumes: true);
            Assert.Equal(RecreatePolicy.Force, renew.Recreate);
            Assert.False(renew.Inherit);
            Assert.Equal(PlanScope.CreateAndStart, renew.Scope);
            ComposePlan plan = Reconciler.Plan(Project().With(Service("web")), Observed(Container("c1", "web", 1)), renew);
            Assert.Null(plan.Operations.First(o => o.Kind == OperationKind.CreateContainer).InheritFrom);

            PlanOptions never = PlanOptions.ForUp(noRecreate: true, noStart: true);
            Assert.Equal(RecreatePolicy.Never, never.Recreate);
            Assert.Equal(RecreatePolicy.Never, never.RecreateDependencies);
            Assert.Equal(PlanScope.Create, never.Scope);
            Assert.Equal(RecreatePolicy.Force, PlanOptions.ForUp(forceRecreate: true).Recreate);
            Assert.Equal(RecreatePolicy.Diverged, PlanOptions.ForUp(forceRecreate: true).RecreateDependencies);
        }

        [Fact]
        public void SelectedServices_BringTheirDependencies_UnlessNoDeps()
        {
            DesiredProject project = WebOnDb().With(Service("other"));
            AssertTranscript(Reconciler.Plan(project, Observed(), new PlanOptions { Services = { "web" } }),
                "#1 service:db:1 CreateContainer (no existing container)",
                "#2 service:web:1 CreateContainer <- #1 (no existing container)");
            AssertTranscript(Reconciler.Plan(project, Observed(), new PlanOptions { Services = { "web" }, NoDeps = true }),
                "#1 service:web:1 CreateContainer (no existing container)");
        }

        [Fact]
        public void Orphans_WarnWithoutRemoveOrphans()
        {
            ObservedContainer orphan = Container("o1", "old", 1);
            ObservedContainer disabled = Container("d1", "debug", 1);
            ObservedContainer runningOneOff = Container("r1", "web", 0);
            runningOneOff.OneOff = true;
            runningOneOff.Name = "myproject-web-run-0123456789ab";
            ObservedContainer exitedOneOff = Container("r2", "web", 0, ContainerStates.Exited);
            exitedOneOff.OneOff = true;
            exitedOneOff.Name = "myproject-web-run-ba9876543210";
            DesiredProject project = Project().With(Service("web"));
            project.DisabledServices.Add("debug");
            ComposePlan plan = Reconciler.Plan(project, Observed(Container("w1", "web", 1), orphan, disabled, runningOneOff, exitedOneOff));
            Assert.True(plan.IsEmpty);
            Assert.Equal(new[]
            {
                "Found orphan containers ([myproject-old-1 myproject-web-run-ba9876543210]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.",
            }, plan.Warnings);
        }

        [Fact]
        public void ContainerName_WithScaleAboveOne_IsAnError()
        {
            DesiredService web = Service("web", 2);
            web.ContainerName = "fixed";
            var error = Assert.Throws<ComposeException>(() => Reconciler.Plan(Project().With(web), Observed()));
            Assert.Equal("WARNING: The \"web\" service is using the custom container name \"fixed\". Docker requires each container to have a unique name. Remove the custom name to scale the service.", error.Message);
        }

        [Fact]
        public void ContainerNames_DefaultCompatibilityAndContainerName()
        {
            DesiredService web = Service("web");
            DesiredService db = Service("db");
            db.ContainerName = "my-db";
            DesiredProject project = Project().With(web, db);
            Assert.Equal(new[] { "my-db", "myproject-web-1" }, Reconciler.Plan(project, Observed()).Operations.Select(o => o.Name));
            project.Compatibility = true;
            Assert.Equal(new[] { "my-db", "myproject_web_1" }, Reconciler.Plan(project, Observed()).Operations.Select(o => o.Name));
        }

        [Fact]
        public void MissingNetworkAndVolume_AreCreatedBeforeTheContainer()
        {
            DesiredProject project = Project().WithNetwork("default").WithVolume("data").With(Service("web").OnNetworks("default").Mounting("data"));
            AssertTranscript(Reconciler.Plan(project, Observed()),
                "#1 network:default CreateNetwork (not found)",
                "#2 volume:data CreateVolume (not found)",
                "#3 service:web:1 CreateContainer <- #1,#2 (no existing container)");
        }

        [Fact]
        public void RenamedNetwork_KeepsTheContainer_AndReconnectsIt()
        {
            DesiredProject project = Project().WithNetwork("frontend", hash: "newhash", name: "renamed_net").With(Service("web").OnNetworks("frontend"));
            ObservedState observed = Observed(Container("c1", "web", 1).WithNetworks("net1")).WithNetwork("frontend", "myproject_frontend", "net1", "oldhash");
            ComposePlan plan = Reconciler.Plan(project, observed);
            AssertTranscript(plan,
                "#1 service:web:1 StopContainer (network frontend config changed)",
                "#2 service:web:1 DisconnectNetwork <- #1 (network frontend recreate)",
                "#3 network:frontend RemoveNetwork <- #2 (renamed (best-effort cleanup))",
                "#4 network:frontend CreateNetwork (renamed)",
                "#5 service:web:1 ConnectNetwork <- #2,#4 (network frontend recreate)");
            Assert.True(plan.Operations[2].BestEffort);
            Assert.Equal("myproject_frontend", plan.Operations[1].Name);
            Assert.Equal("renamed_net", plan.Operations[4].Name);
        }

        [Fact]
        public void RecreatedNetwork_IsRemovedAndDisconnectedById()
        {
            DesiredProject project = Project().WithNetwork("frontend", hash: "newhash").With(Service("web").OnNetworks("frontend"));
            ObservedState observed = Observed(Container("c1", "web", 1).WithNetworks("net1")).WithNetwork("frontend", "myproject_frontend", "net1", "oldhash");
            ComposePlan plan = Reconciler.Plan(project, observed);
            Assert.Equal(new[] { "net1", "net1" }, plan.Operations
                .Where(o => o.Kind == OperationKind.DisconnectNetwork || o.Kind == OperationKind.RemoveNetwork).Select(o => o.TargetId));
        }

        [Fact]
        public void DuplicateNamedProjectNetworks_AreNamedInTheWarning()
        {
            DesiredProject project = Project().WithNetwork("default").With(Service("web").OnNetworks("default"));
            ObservedState observed = Observed(Container("c1", "web", 1).WithNetworks("n1"))
                .WithNetwork("default", "myproject_default", "n2", "").WithNetwork("default", "myproject_default", "n1", "");
            ComposePlan plan = Reconciler.Plan(project, observed);
            Assert.Equal(new[]
            {
                "2 networks named \"myproject_default\" carry the labels of network \"default\" (ids n1, n2): the engine cannot attach a container to an ambiguous name. Invoke-ComposeDown removes them all.",
            }, plan.Warnings);
        }

        [Fact]
        public void UnmanagedNetworkWithTheSameName_IsReusedWithAWarning()
        {
            DesiredProject project = Project().WithNetwork("default").With(Service("web").OnNetworks("default"));
            ObservedState observed = Observed(Container("c1", "web", 1).WithNetworks("n1")).WithNetwork(null, "myproject_default", "n1", "");
            ComposePlan plan = Reconciler.Plan(project, observed);
            Assert.True(plan.IsEmpty);
            Assert.Equal(new[] { "a network with name myproject_default exists but was not created by compose.\nSet `external: true` to use an existing network" }, plan.Warnings);
        }

        [Fact]
        public void UnknownSelectedService_IsAnError()
        {
            var error = Assert.Throws<ComposeException>(() => Reconciler.Plan(WebOnDb(), Observed(), new PlanOptions { Services = { "nope" } }));
            Assert.Equal("no such service: nope", error.Message);
        }

        [Fact]
        public void IgnoreOrphans_NeitherWarnsNorRemoves()
        {
            ComposePlan plan = Reconciler.Plan(Project(), Observed(Container("o1", "old", 1)), new PlanOptions { RemoveOrphans = true, IgnoreOrphans = true });
            Assert.True(plan.IsEmpty);
            Assert.Empty(plan.Warnings);
        }
    }
}
