using System;
using System.Collections.Generic;
using System.Linq;
using PSCompose.Plan;
using Xunit;
using static PSCompose.Tests.Plan.PlanBuilders;

namespace PSCompose.Tests.Plan
{
    /// <summary>
    /// The scenarios of docker/compose pkg/compose/reconcile_test.go (v5 plan), as data. Expected transcripts are
    /// the Go ones rewritten in PSCompose's format; a recreate's CreateContainer carries the trigger as its reason
    /// where Go prints "config changed (tmpName)".
    /// </summary>
    public class ReconcileScenarioTests
    {
        // --- networks ---

        [Fact]
        public void Networks_CreateMissing_SortedByKey()
        {
            DesiredProject project = Project().WithNetwork("frontend").WithNetwork("backend");
            AssertTranscript(Reconciler.Plan(project, Observed()),
                "#1 network:backend CreateNetwork (not found)",
                "#2 network:frontend CreateNetwork (not found)");
        }

        [Fact]
        public void Networks_ExistingMatch_NothingToDo()
        {
            DesiredProject project = Project().WithNetwork("frontend", hash: "h1");
            ObservedState observed = Observed().WithNetwork("frontend", "myproject_frontend", "net1", "h1");
            Assert.True(Reconciler.Plan(project, observed).IsEmpty);
        }

        [Fact]
        public void Networks_ExternalSkipped()
        {
            DesiredProject project = Project().WithNetwork("ext", external: true, name: "external_net");
            Assert.True(Reconciler.Plan(project, Observed()).IsEmpty);
        }

        [Fact]
        public void Networks_Diverged_RecreateReusesTheNetworkStop()
        {
            DesiredProject project = Project().WithNetwork("frontend", hash: "newhash").With(Service("web").OnNetworks("frontend"));
            ObservedState observed = Observed(Container("c1aabbccddee", "web", 1, hash: ""))
                .WithNetwork("frontend", "myproject_frontend", "net1", "oldhash");
            AssertTranscript(Reconciler.Plan(project, observed),
                "#1 service:web:1 StopContainer (network frontend config changed)",
                "#2 service:web:1 DisconnectNetwork <- #1 (network frontend recreate)",
                "#3 network:frontend RemoveNetwork <- #2 (config hash diverged)",
                "#4 network:frontend CreateNetwork <- #3 (recreate after config change)",
                "#5 service:web:1 CreateContainer <- #4 (config hash changed) [recreate:web:1]",
                "#6 service:web:1 RemoveContainer <- #1,#5 (replaced by #5) [recreate:web:1]",
                "#7 service:web:1 RenameContainer <- #6 (finalize recreate) [recreate:web:1]");
        }

        [Fact]
        public void Networks_DivergedMultipleServices()
        {
            DesiredProject project = Project().WithNetwork("frontend", hash: "newhash")
                .With(Service("web").OnNetworks("frontend"), Service("api").OnNetworks("frontend"));
            ObservedState observed = Observed(Container("c1aabbccddee", "web", 1, hash: ""), Container("c2aabbccddee", "api", 1, hash: ""))
                .WithNetwork("frontend", "myproject_frontend", "net1", "oldhash");
            AssertTranscript(Reconciler.Plan(project, observed),
                "#1 service:api:1 StopContainer (network frontend config changed)",
                "#2 service:web:1 StopContainer (network frontend config changed)",
                "#3 service:api:1 DisconnectNetwork <- #1 (network frontend recreate)",
                "#4 service:web:1 DisconnectNetwork <- #2 (network frontend recreate)",
                "#5 network:frontend RemoveNetwork <- #3,#4 (config hash diverged)",
                "#6 network:frontend CreateNetwork <- #5 (recreate after config change)",
                "#7 service:api:1 CreateContainer <- #6 (config hash changed) [recreate:api:1]",
                "#8 service:api:1 RemoveContainer <- #1,#7 (replaced by #7) [recreate:api:1]",
                "#9 service:api:1 RenameContainer <- #8 (finalize recreate) [recreate:api:1]",
                "#10 service:web:1 CreateContainer <- #6 (config hash changed) [recreate:web:1]",
                "#11 service:web:1 RemoveContainer <- #2,#10 (replaced by #10) [recreate:web:1]",
                "#12 service:web:1 RenameContainer <- #11 (finalize recreate) [recreate:web:1]");
        }

        // --- volumes ---

        [Fact]
        public void Volumes_CreateMissing()
        {
            AssertTranscript(Reconciler.Plan(Project().WithVolume("data"), Observed()),
                "#1 volume:data CreateVolume (not found)");
        }

        [Fact]
        public void Volumes_ExistingMatch_NothingToDo()
        {
            ObservedState observed = Observed().WithVolume("data", "myproject_data", "volhash");
            Assert.True(Reconciler.Plan(Project().WithVolume("data"), observed).IsEmpty);
        }

        [Fact]
        public void Volumes_ExternalSkipped()
        {
            Assert.True(Reconciler.Plan(Project().WithVolume("ext", external: true, name: "external_vol"), Observed()).IsEmpty);
        }

        /// <summary>divergedVolumeProject: count services db0.., each scaled and mounting "data", whose hash is stale.</summary>
        private static (DesiredProject, ObservedState) DivergedVolumeProject(int count, int scale)
        {
            DesiredProject project = Project().WithVolume("data");
            ObservedState observed = Observed().WithVolume("data", "myproject_data", "oldhash");
            for (int s = 0; s < count; s++)
            {
                string name = "db" + s;
                project.With(Service(name, scale).Mounting("data"));
                for (int n = 1; n <= scale; n++)
                {
                    observed.Containers.Add(Container(name + "-" + n, name, n).WithVolumes("myproject_data"));
                }
            }
            return (project, observed);
        }

        [Fact]
        public void Volumes_DivergedConfirmed_RemovesUsersThenRecreatesVolumeThenContainers()
        {
            var (project, observed) = DivergedVolumeProject(1, 1);
            AssertTranscript(Reconciler.Plan(project, observed, new PlanOptions().Yes()),
                "#1 service:db0:1 StopContainer (mounted volume config changed)",
                "#2 service:db0:1 RemoveContainer <- #1 (mounted volume config changed)",
                "#3 volume:data RemoveVolume <- #2 (config hash diverged)",
                "#4 volume:data CreateVolume <- #3 (recreate after config change)",
                "#5 service:db0:1 CreateContainer <- #4 (no existing container)");
        }

        [Fact]
        public void Volumes_DivergedDeclined_LeavesEverything()
        {
            var (project, observed) = DivergedVolumeProject(1, 1);
            var asked = new List<string>();
            Assert.True(Reconciler.Plan(project, observed, new PlanOptions().Prompts(asked, false)).IsEmpty);
            Assert.Single(asked);
            Assert.True(Reconciler.Plan(project, observed, new PlanOptions()).IsEmpty);
        }

        [Fact]
        public void Volumes_DivergedUnconfirmed_IsListedForTheCallerToAsk_AndANamedConfirmationRecreates()
        {
            var (project, observed) = DivergedVolumeProject(1, 1);
            ComposePlan kept = Reconciler.Plan(project, observed, new PlanOptions());
            DivergedVolume listed = Assert.Single(kept.DivergedVolumes);
            Assert.Equal("myproject_data", listed.Name);
            Assert.StartsWith("Volume \"myproject_data\" exists but doesn't match", listed.Question);

            ComposePlan confirmed = Reconciler.Plan(project, observed, new PlanOptions { RecreateVolumes = { "myproject_data" } });
            Assert.Empty(confirmed.DivergedVolumes);
            Assert.Contains(confirmed.Operations, o => o.Kind == OperationKind.RemoveVolume && o.Name == "myproject_data");
        }

        [Fact]
        public void Volumes_DivergedNoRecordedHash_NeverPrompts()
        {
            var (project, observed) = DivergedVolumeProject(1, 1);
            observed.Volumes[0].ConfigHash = "";
            var asked = new List<string>();
            Assert.True(Reconciler.Plan(project, observed, new PlanOptions().Prompts(asked, true)).IsEmpty);
            Assert.Empty(asked);
        }

        [Fact]
        public void Volumes_DivergedPromptMessage()
        {
            var (project, observed) = DivergedVolumeProject(1, 1);
            var asked = new List<string>();
            Reconciler.Plan(project, observed, new PlanOptions().Prompts(asked, true));
            Assert.Equal(new[] { "Volume \"myproject_data\" exists but doesn't match configuration in compose file. Recreate (data will be lost)?" }, asked);
        }

        [Fact]
        public void Volumes_DivergedPromptError_Propagates()
        {
            var (project, observed) = DivergedVolumeProject(1, 1);
            var options = new PlanOptions { ConfirmVolumeRecreate = _ => throw new InvalidOperationException("boom") };
            Assert.Contains("boom", Assert.Throws<InvalidOperationException>(() => Reconciler.Plan(project, observed, options)).Message);
        }

        [Fact]
        public void Volumes_DivergedConfirmedScaleN()
        {
            var (project, observed) = DivergedVolumeProject(1, 2);
            AssertTranscript(Reconciler.Plan(project, observed, new PlanOptions().Yes()),
                "#1 service:db0:1 StopContainer (mounted volume config changed)",
                "#2 service:db0:1 RemoveContainer <- #1 (mounted volume config changed)",
                "#3 service:db0:2 StopContainer (mounted volume config changed)",
                "#4 service:db0:2 RemoveContainer <- #3 (mounted volume config changed)",
                "#5 volume:data RemoveVolume <- #2,#4 (config hash diverged)",
                "#6 volume:data CreateVolume <- #5 (recreate after config change)",
                "#7 service:db0:1 CreateContainer <- #6 (no existing container)",
                "#8 service:db0:2 CreateContainer <- #6 (no existing container)");
        }

        [Fact]
        public void Volumes_DivergedConfirmedMultipleServices()
        {
            var (project, observed) = DivergedVolumeProject(2, 1);
            AssertTranscript(Reconciler.Plan(project, observed, new PlanOptions().Yes()),
                "#1 service:db0:1 StopContainer (mounted volume config changed)",
                "#2 service:db0:1 RemoveContainer <- #1 (mounted volume config changed)",
                "#3 service:db1:1 StopContainer (mounted volume config changed)",
                "#4 service:db1:1 RemoveContainer <- #3 (mounted volume config changed)",
                "#5 volume:data RemoveVolume <- #2,#4 (config hash diverged)",
                "#6 volume:data CreateVolume <- #5 (recreate after config change)",
                "#7 service:db0:1 CreateContainer <- #6 (no existing container)",
                "#8 service:db1:1 CreateContainer <- #6 (no existing container)");
        }

        [Fact]
        public void Volumes_DivergedConfirmedSharedContainer_StoppedOnce()
        {
            DesiredProject project = Project().WithVolume("data1").WithVolume("data2").With(Service("db").Mounting("data1", "data2"));
            ObservedState observed = Observed(Container("c1", "db", 1).WithVolumes("myproject_data1", "myproject_data2"))
                .WithVolume("data1", "myproject_data1", "oldhash").WithVolume("data2", "myproject_data2", "oldhash");
            AssertTranscript(Reconciler.Plan(project, observed, new PlanOptions().Yes()),
                "#1 service:db:1 StopContainer (mounted volume config changed)",
                "#2 service:db:1 RemoveContainer <- #1 (mounted volume config changed)",
                "#3 volume:data1 RemoveVolume <- #2 (config hash diverged)",
                "#4 volume:data1 CreateVolume <- #3 (recreate after config change)",
                "#5 volume:data2 RemoveVolume <- #2 (config hash diverged)",
                "#6 volume:data2 CreateVolume <- #5 (recreate after config change)",
                "#7 service:db:1 CreateContainer <- #4,#6 (no existing container)");
        }

        [Fact]
        public void Volumes_DivergedPartialConfirm_OnlyTheConfirmedOne()
        {
            DesiredProject project = Project().WithVolume("data1").WithVolume("data2")
                .With(Service("db1").Mounting("data1"), Service("db2").Mounting("data2"));
            ObservedState observed = Observed(Container("c1", "db1", 1).WithVolumes("myproject_data1"), Container("c2", "db2", 1).WithVolumes("myproject_data2"))
                .WithVolume("data1", "myproject_data1", "oldhash").WithVolume("data2", "myproject_data2", "oldhash");
            AssertTranscript(Reconciler.Plan(project, observed, new PlanOptions().Prompts(new List<string>(), true, false)),
                "#1 service:db1:1 StopContainer (mounted volume config changed)",
                "#2 service:db1:1 RemoveContainer <- #1 (mounted volume config changed)",
                "#3 volume:data1 RemoveVolume <- #2 (config hash diverged)",
                "#4 volume:data1 CreateVolume <- #3 (recreate after config change)",
                "#5 service:db1:1 CreateContainer <- #4 (no existing container)");
        }

        private static (DesiredProject, ObservedState) OwnerAndVolumesFromUser(string user, bool restart)
        {
            DesiredService owner = Service("owner").Mounting("data");
            DesiredService consumer = Service(user).DependsOn("owner", restart: restart);
            consumer.VolumesFrom.Add("owner");
            DesiredProject project = Project().WithVolume("data").With(owner, consumer);
            ObservedState observed = Observed(
                    Container("owner-1", "owner", 1).WithVolumes("myproject_data"),
                    Container(user + "-1", user, 1).WithVolumes("myproject_data"))
                .WithVolume("data", "myproject_data", "oldhash");
            return (project, observed);
        }

        [Fact]
        public void Volumes_DivergedCascadesToVolumesFromDependent()
        {
            var (project, observed) = OwnerAndVolumesFromUser("dependent", restart: true);
            AssertTranscript(Reconciler.Plan(project, observed, new PlanOptions().Yes()),
                "#1 service:dependent:1 StopContainer (mounted volume config changed)",
                "#2 service:dependent:1 RemoveContainer <- #1 (mounted volume config changed)",
                "#3 service:owner:1 StopContainer (mounted volume config changed)",
                "#4 service:owner:1 RemoveContainer <- #3 (mounted volume config changed)",
                "#5 volume:data RemoveVolume <- #2,#4 (config hash diverged)",
                "#6 volume:data CreateVolume <- #5 (recreate after config change)",
                "#7 service:owner:1 CreateContainer <- #6 (no existing container)",
                "#8 service:dependent:1 CreateContainer <- #7 (no existing container)");
        }

        [Fact]
        public void Volumes_DivergedVolumesFromConsumerRemovedBeforeVolume()
        {
            var (project, observed) = OwnerAndVolumesFromUser("consumer", restart: false);
            ComposePlan plan = Reconciler.Plan(project, observed, new PlanOptions().Yes());
            PlanOperation removeConsumer = plan.Operations.Single(o => o.Kind == OperationKind.RemoveContainer && o.Resource == "service:consumer:1");
            Assert.Equal("mounted volume config changed", removeConsumer.Reason);
            PlanOperation removeVolume = plan.Operations.Single(o => o.Kind == OperationKind.RemoveVolume);
            Assert.Contains(removeConsumer, removeVolume.DependsOn);
        }

        [Fact]
        public void Volumes_UnmanagedNameMatch_ReusedUntouchedWithWarning()
        {
            DesiredProject project = Project().WithVolume("data").With(Service("db").Mounting("data"));
            ObservedState observed = Observed(Container("c1", "db", 1).WithVolumes("myproject_data")).WithVolume(null, "myproject_data", "");
            var asked = new List<string>();
            ComposePlan plan = Reconciler.Plan(project, observed, new PlanOptions().Prompts(asked, true));
            Assert.True(plan.IsEmpty);
            Assert.Empty(asked);
            Assert.Contains(plan.Warnings, w => w.StartsWith("volume \"myproject_data\" already exists but was not created by Docker Compose"));
        }

        [Fact]
        public void Volumes_RenamedIsAdditive()
        {
            DesiredProject project = Project().WithVolume("data", hash: "newhash", name: "myproject_data_v2");
            ObservedState observed = Observed().WithVolume("data", "myproject_data", "oldhash");
            var asked = new List<string>();
            AssertTranscript(Reconciler.Plan(project, observed, new PlanOptions().Prompts(asked, true)),
                "#1 volume:data CreateVolume (renamed)");
            Assert.Empty(asked);
        }

        [Fact]
        public void Volumes_DivergedUnmountedVolume_RemoveAndCreate()
        {
            DesiredProject project = Project().WithVolume("data");
            ObservedState observed = Observed().WithVolume("data", "myproject_data", "oldhash");
            AssertTranscript(Reconciler.Plan(project, observed, new PlanOptions().Yes()),
                "#1 volume:data RemoveVolume (config hash diverged)",
                "#2 volume:data CreateVolume <- #1 (recreate after config change)");
        }

        // --- containers ---

        [Fact]
        public void Containers_NewProject()
        {
            AssertTranscript(Reconciler.Plan(Project().With(Service("web")), Observed()),
                "#1 service:web:1 CreateContainer (no existing container)");
        }

        [Fact]
        public void Containers_AlreadyRunning_NothingToDo()
        {
            Assert.True(Reconciler.Plan(Project().With(Service("web")), Observed(Container("c1", "web", 1))).IsEmpty);
        }

        [Fact]
        public void Containers_ConfigChanged_FourStepRecreate()
        {
            ComposePlan plan = Reconciler.Plan(Project().With(Service("web")), Observed(Container("c1aabbccddee", "web", 1, hash: "oldhash")));
            AssertTranscript(plan,
                "#1 service:web:1 CreateContainer (config hash changed) [recreate:web:1]",
                "#2 service:web:1 StopContainer <- #1 (replaced by #1) [recreate:web:1]",
                "#3 service:web:1 RemoveContainer <- #2 (replaced by #1) [recreate:web:1]",
                "#4 service:web:1 RenameContainer <- #3 (finalize recreate) [recreate:web:1]");
            Assert.Equal("c1aabbccddee_myproject-web-1", plan.Operations[0].Name);
            Assert.Equal("c1aabbccddee", plan.Operations[0].InheritFrom.Id);
            Assert.Equal("myproject-web-1", plan.Operations[3].Name);
            Assert.Same(plan.Operations[0], plan.Operations[3].CreatedBy);
        }

        [Fact]
        public void Containers_ScaleUp()
        {
            AssertTranscript(Reconciler.Plan(Project().With(Service("web", 3)), Observed(Container("c1", "web", 1))),
                "#1 service:web:2 CreateContainer (no existing container)",
                "#2 service:web:3 CreateContainer (no existing container)");
        }

        [Fact]
        public void Containers_ScaleDown()
        {
            AssertTranscript(Reconciler.Plan(Project().With(Service("web", 1)), Observed(Container("c1", "web", 1), Container("c2", "web", 2))),
                "#1 service:web:2 StopContainer (scale down)",
                "#2 service:web:2 RemoveContainer <- #1 (scale down)");
        }

        [Fact]
        public void Containers_ForceRecreate()
        {
            var options = new PlanOptions { Recreate = RecreatePolicy.Force };
            AssertTranscript(Reconciler.Plan(Project().With(Service("web")), Observed(Container("c1aabbccddee", "web", 1)), options),
                "#1 service:web:1 CreateContainer (force recreate) [recreate:web:1]",
                "#2 service:web:1 StopContainer <- #1 (replaced by #1) [recreate:web:1]",
                "#3 service:web:1 RemoveContainer <- #2 (replaced by #1) [recreate:web:1]",
                "#4 service:web:1 RenameContainer <- #3 (finalize recreate) [recreate:web:1]");
        }

        [Fact]
        public void Containers_NeverRecreate()
        {
            var options = new PlanOptions { Recreate = RecreatePolicy.Never };
            Assert.True(Reconciler.Plan(Project().With(Service("web")), Observed(Container("c1", "web", 1, hash: "oldhash")), options).IsEmpty);
        }

        [Fact]
        public void Containers_ExitedIsNoopInCreatePhase()
        {
            Assert.True(Reconciler.Plan(Project().With(Service("web")), Observed(Container("c1", "web", 1, ContainerStates.Exited))).IsEmpty);
        }

        [Fact]
        public void Containers_DependsOnChain()
        {
            DesiredProject project = Project().With(Service("db"), Service("web").DependsOn("db"));
            AssertTranscript(Reconciler.Plan(project, Observed()),
                "#1 service:db:1 CreateContainer (no existing container)",
                "#2 service:web:1 CreateContainer <- #1 (no existing container)");
        }

        [Fact]
        public void Containers_DependsOnScaleDown_DependentWaitsForTheRemoval()
        {
            DesiredProject project = Project().With(Service("db", 0), Service("web").DependsOn("db"));
            AssertTranscript(Reconciler.Plan(project, Observed(Container("c1", "db", 1))),
                "#1 service:db:1 StopContainer (scale down)",
                "#2 service:db:1 RemoveContainer <- #1 (scale down)",
                "#3 service:web:1 CreateContainer <- #2 (no existing container)");
        }

        [Fact]
        public void Orphans_RemovedWithRemoveOrphans()
        {
            ObservedContainer orphan = Container("orphan1", "old", 1);
            AssertTranscript(Reconciler.Plan(Project(), Observed(orphan), new PlanOptions { RemoveOrphans = true }),
                "#1 orphan:myproject-old-1 StopContainer (orphaned container)",
                "#2 orphan:myproject-old-1 RemoveContainer <- #1 (orphaned container)");
        }

        // --- service references (issue #13878): the caller hashes the resolved form, so an unchanged dependent stays ---

        [Theory]
        [InlineData("network_mode")]
        [InlineData("ipc")]
        [InlineData("pid")]
        [InlineData("volumes_from")]
        [InlineData("volumes_from_container")]
        public void ServiceReference_UnchangedDependentIsNotRecreated(string form)
        {
            DesiredService dependent = Service("dependent");
            switch (form)
            {
                case "network_mode": dependent.NetworkMode = "service:parent"; break;
                case "ipc": dependent.Ipc = "service:parent"; break;
                case "pid": dependent.Pid = "service:parent"; break;
                case "volumes_from": dependent.VolumesFrom.Add("parent"); break;
                default: dependent.VolumesFrom.Add("container:some_external"); break;
            }
            DesiredProject project = Project().With(Service("parent"), dependent);
            ObservedState observed = Observed(Container("parent_container_abc123", "parent", 1), Container("dependent_container_xyz", "dependent", 1));
            Assert.True(Reconciler.Plan(project, observed).IsEmpty);
            Assert.Equal("parent_container_abc123", observed.ReferenceContainerId("parent"));
        }

        [Fact]
        public void NamespaceParentRecreated_CascadesToDependent_WithASingleStop()
        {
            DesiredService dependent = Service("dependent").DependsOn("parent", restart: true);
            dependent.NetworkMode = "service:parent";
            DesiredProject project = Project().With(Service("parent"), dependent);
            ObservedState observed = Observed(Container("parent_container_abc123", "parent", 1, hash: "stale_parent_hash"), Container("dependent_container_xyz", "dependent", 1));
            ComposePlan plan = Reconciler.Plan(project, observed);
            AssertTranscript(plan,
                "#1 service:dependent:1 StopContainer (dependency parent being recreated)",
                "#2 service:parent:1 CreateContainer <- #1 (config hash changed) [recreate:parent:1]",
                "#3 service:parent:1 StopContainer <- #2 (replaced by #2) [recreate:parent:1]",
                "#4 service:parent:1 RemoveContainer <- #3 (replaced by #2) [recreate:parent:1]",
                "#5 service:parent:1 RenameContainer <- #4 (finalize recreate) [recreate:parent:1]",
                "#6 service:dependent:1 CreateContainer <- #5 (parent recreated) [recreate:dependent:1]",
                "#7 service:dependent:1 RemoveContainer <- #1,#6 (replaced by #6) [recreate:dependent:1]",
                "#8 service:dependent:1 RenameContainer <- #7 (finalize recreate) [recreate:dependent:1]");
            Assert.Single(plan.Operations, o => o.Resource == "service:dependent:1" && o.Kind == OperationKind.StopContainer);
        }

        [Theory]
        [InlineData("netparent")]
        [InlineData("volparent")]
        public void MultipleParents_EitherTriggersCascade(string staleParent)
        {
            DesiredService dependent = Service("dependent").DependsOn("netparent", restart: true).DependsOn("volparent", restart: true);
            dependent.NetworkMode = "service:netparent";
            dependent.VolumesFrom.Add("volparent");
            DesiredProject project = Project().With(Service("netparent"), Service("volparent"), dependent);
            ObservedState observed = Observed(
                Container("netparent_id", "netparent", 1, hash: staleParent == "netparent" ? "stale" : null),
                Container("volparent_id", "volparent", 1, hash: staleParent == "volparent" ? "stale" : null),
                Container("dependent_id", "dependent", 1));
            Assert.Contains(Reconciler.Plan(project, observed).Operations,
                o => o.Resource == "service:dependent:1" && o.Kind == OperationKind.CreateContainer);
        }

        [Fact]
        public void RegularDependsOn_NoCascade_OnlyStopped()
        {
            DesiredProject project = Project().With(Service("parent"), Service("dependent").DependsOn("parent", restart: true, required: false));
            ObservedState observed = Observed(Container("parent_container_abc123", "parent", 1, hash: "stale_parent_hash"), Container("dependent_container_xyz", "dependent", 1));
            AssertTranscript(Reconciler.Plan(project, observed),
                "#1 service:dependent:1 StopContainer (dependency parent being recreated)",
                "#2 service:parent:1 CreateContainer <- #1 (config hash changed) [recreate:parent:1]",
                "#3 service:parent:1 StopContainer <- #2 (replaced by #2) [recreate:parent:1]",
                "#4 service:parent:1 RemoveContainer <- #3 (replaced by #2) [recreate:parent:1]",
                "#5 service:parent:1 RenameContainer <- #4 (finalize recreate) [recreate:parent:1]");
        }
    }
}
