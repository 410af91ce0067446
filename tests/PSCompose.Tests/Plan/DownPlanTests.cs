using System.Collections.Generic;
using System.Linq;
using PSCompose.Plan;
using Xunit;
using static PSCompose.Tests.Plan.PlanBuilders;

namespace PSCompose.Tests.Plan
{
    /// <summary>down (pkg/compose/down.go): dependents first, orphans with RemoveOrphans, then networks, images (--rmi) and volumes (-v).</summary>
    public class DownPlanTests
    {
        private static DesiredProject Demo() => Project().WithNetwork("default").WithVolume("data")
            .With(Service("db").OnNetworks("default").Mounting("data"), Service("web").OnNetworks("default").DependsOn("db"));

        private static ObservedState DemoObserved() => Observed(Container("d1", "db", 1), Container("w1", "web", 1))
            .WithNetwork("default", "myproject_default", "n1", "nethash")
            .WithVolume("data", "myproject_data", "volhash");

        [Fact]
        public void ContainersInReverseDependencyOrder_ThenNetworks()
        {
            ComposePlan plan = DownPlanner.Plan(Demo(), DemoObserved());
            AssertTranscript(plan,
                "#1 service:web:1 StopContainer (down)",
                "#2 service:web:1 RemoveContainer <- #1 (down)",
                "#3 service:db:1 StopContainer <- #2 (down)",
                "#4 service:db:1 RemoveContainer <- #3 (down)",
                "#5 network:default RemoveNetwork <- #2,#4 (down)");
            Assert.Empty(plan.Warnings);
            Assert.False(plan.Operations[1].RemoveVolumes);
        }

        [Fact]
        public void DuplicateNamedProjectNetworks_AreEachRemovedById_OthersLeftAlone()
        {
            ObservedState observed = DemoObserved()
                .WithNetwork("default", "myproject_default", "n2", "nethash")
                .WithNetwork("other", "myproject_default", "n3", "nethash")
                .WithNetwork("default", "someone_else", "n4", "nethash");
            ComposePlan plan = DownPlanner.Plan(Demo(), observed);
            List<PlanOperation> removes = plan.Operations.Where(o => o.Kind == OperationKind.RemoveNetwork).ToList();
            Assert.Equal(new[] { "n1", "n2" }, removes.Select(o => o.TargetId));
            Assert.All(removes, o => Assert.Equal(new[] { 2, 4 }, o.DependsOn.Select(d => d.Id)));
        }

        [Fact]
        public void Volumes_RemovesNamedVolumesAndAnonymousOnes()
        {
            ComposePlan plan = DownPlanner.Plan(Demo(), DemoObserved(), new DownOptions { Volumes = true });
            AssertTranscript(plan,
                "#1 service:web:1 StopContainer (down)",
                "#2 service:web:1 RemoveContainer <- #1 (down)",
                "#3 service:db:1 StopContainer <- #2 (down)",
                "#4 service:db:1 RemoveContainer <- #3 (down)",
                "#5 network:default RemoveNetwork <- #2,#4 (down)",
                "#6 volume:data RemoveVolume <- #2,#4 (down -v)");
            Assert.True(plan.Operations[1].RemoveVolumes);
        }

        [Fact]
        public void ExternalResources_AreKept()
        {
            DesiredProject project = Project().WithNetwork("ext", external: true, name: "shared").WithVolume("vol", external: true, name: "keep").With(Service("web"));
            ObservedState observed = Observed(Container("w1", "web", 1)).WithNetwork(null, "shared", "n1", "").WithVolume(null, "keep", "");
            AssertTranscript(DownPlanner.Plan(project, observed, new DownOptions { Volumes = true }),
                "#1 service:web:1 StopContainer (down)",
                "#2 service:web:1 RemoveContainer <- #1 (down)");
        }

        [Fact]
        public void Orphans_AndOneOffs_OnlyWithRemoveOrphans()
        {
            ObservedContainer oneOff = Container("r1", "web", 0, ContainerStates.Exited);
            oneOff.OneOff = true;
            oneOff.Name = "myproject-web-run-0123456789ab";
            ObservedState observed = Observed(Container("w1", "web", 1), Container("o1", "old", 1), oneOff);
            DesiredProject project = Project().With(Service("web"));

            AssertTranscript(DownPlanner.Plan(project, observed),
                "#1 service:web:1 StopContainer (down)",
                "#2 service:web:1 RemoveContainer <- #1 (down)");
            AssertTranscript(DownPlanner.Plan(project, observed, new DownOptions { RemoveOrphans = true }),
                "#1 service:web:1 StopContainer (down)",
                "#2 service:web:1 RemoveContainer <- #1 (down)",
                "#3 oneoff:myproject-web-run-0123456789ab StopContainer (down)",
                "#4 oneoff:myproject-web-run-0123456789ab RemoveContainer <- #3 (down)",
                "#5 orphan:myproject-old-1 StopContainer (orphaned container)",
                "#6 orphan:myproject-old-1 RemoveContainer <- #5 (orphaned container)");
        }

        [Fact]
        public void RemoveOrphans_LeavesARunningOneOff_AsCompose()
        {
            // docker compose 2.40.3 down --remove-orphans: a one-off is an orphan only once exited or dead (isOrphaned).
            ObservedContainer running = Container("r1", "web", 0);
            running.OneOff = true;
            running.Name = "myproject-web-run-0123456789ab";
            AssertTranscript(DownPlanner.Plan(Project().With(Service("web")), Observed(running), new DownOptions { RemoveOrphans = true }));
        }

        [Fact]
        public void SelectedService_TakesItsDependentsDown_AndLeavesNetworks()
        {
            AssertTranscript(DownPlanner.Plan(Demo(), DemoObserved(), new DownOptions { Services = { "db" }, Volumes = true }),
                "#1 service:web:1 StopContainer (down)",
                "#2 service:web:1 RemoveContainer <- #1 (down)",
                "#3 service:db:1 StopContainer <- #2 (down)",
                "#4 service:db:1 RemoveContainer <- #3 (down)");
            AssertTranscript(DownPlanner.Plan(Demo(), DemoObserved(), new DownOptions { Services = { "web" } }),
                "#1 service:web:1 StopContainer (down)",
                "#2 service:web:1 RemoveContainer <- #1 (down)");
        }

        [Fact]
        public void NothingFound_Warns()
        {
            ComposePlan plan = DownPlanner.Plan(Demo(), Observed());
            Assert.True(plan.IsEmpty);
            Assert.Equal(new[] { "No resource found to remove for project \"myproject\"." }, plan.Warnings);
        }

        [Fact]
        public void DependentWithoutContainers_StillOrdersTheChain()
        {
            DesiredProject project = Project().With(Service("db"), Service("api").DependsOn("db"), Service("web").DependsOn("api"));
            ObservedState observed = Observed(Container("d1", "db", 1), Container("w1", "web", 1));
            AssertTranscript(DownPlanner.Plan(project, observed),
                "#1 service:web:1 StopContainer (down)",
                "#2 service:web:1 RemoveContainer <- #1 (down)",
                "#3 service:db:1 StopContainer <- #2 (down)",
                "#4 service:db:1 RemoveContainer <- #3 (down)");
        }

        private static (DesiredProject, ObservedState) ImagesProject()
        {
            DesiredService web = Service("web");
            web.HasBuild = true;
            DesiredService db = Service("db");
            db.Image = "postgres";
            DesiredService worker = Service("worker");
            worker.HasBuild = true;
            worker.Image = "registry.local/worker:1";
            DesiredProject project = Project().With(web, db, worker);
            ObservedState observed = Observed();
            observed.Images.Add(new ObservedImage { Id = "sha256:a", RepoTags = { "myproject-web:latest" }, ProjectLabel = "myproject", ServiceLabel = "web" });
            observed.Images.Add(new ObservedImage { Id = "sha256:b", RepoTags = { "postgres:latest" } });
            observed.Images.Add(new ObservedImage { Id = "sha256:c", RepoTags = { "registry.local/worker:1" }, ProjectLabel = "myproject", ServiceLabel = "worker" });
            observed.Images.Add(new ObservedImage { Id = "sha256:d", RepoTags = { "myproject-gone:latest" }, ProjectLabel = "myproject", ServiceLabel = "gone" });
            return (project, observed);
        }

        [Fact]
        public void RemoveImagesLocal_OnlyImagesBuiltWithoutAnImageName()
        {
            var (project, observed) = ImagesProject();
            AssertTranscript(DownPlanner.Plan(project, observed, new DownOptions { Images = RemoveImages.Local }),
                "#1 image:myproject-web:latest RemoveImage (down --rmi local)");
            AssertTranscript(DownPlanner.Plan(project, observed, new DownOptions { Images = RemoveImages.Local, RemoveOrphans = true }),
                "#1 image:myproject-gone:latest RemoveImage (down --rmi local)",
                "#2 image:myproject-web:latest RemoveImage (down --rmi local)",
                "#3 image:registry.local/worker:1 RemoveImage (down --rmi local)");
        }

        [Fact]
        public void RemoveImagesAll_AlsoEveryServiceImage()
        {
            var (project, observed) = ImagesProject();
            ComposePlan plan = DownPlanner.Plan(project, observed, new DownOptions { Images = RemoveImages.All });
            AssertTranscript(plan,
                "#1 image:postgres:latest RemoveImage (down --rmi all)",
                "#2 image:registry.local/worker:1 RemoveImage (down --rmi all)",
                "#3 image:myproject-web:latest RemoveImage (down --rmi all)");
        }
    }
}
