using System;
using System.Collections.Generic;
using System.Linq;
using PSCompose.Common;

namespace PSCompose.Plan
{
    /// <summary>
    /// Plans down (pkg/compose/down.go): containers per service in reverse dependency order (dependents first), orphans with
    /// RemoveOrphans, then non-external networks, images with RemoveImages, and declared volumes with Volumes.
    /// </summary>
    internal static class DownPlanner
    {
        public static ComposePlan Plan(DesiredProject project, ObservedState observed, DownOptions options = null)
        {
            options = options ?? new DownOptions();
            observed = observed ?? new ObservedState();
            var plan = new ComposePlan();

            // One-off containers are only in scope with RemoveOrphans, and only once exited or dead (Compose's isOrphaned).
            List<ObservedContainer> candidates = observed.Containers
                .Where(c => !c.OneOff || (options.RemoveOrphans && OrphanDetector.IsOrphan(c, new string[0]))).ToList();
            var graph = new DependencyGraph(project.Services);
            HashSet<string> selected = options.Services.Count == 0
                ? new HashSet<string>(project.Services.Select(s => s.Name))
                : DependencyGraph.WithDependents(project.Services, options.Services);

            var done = new Dictionary<string, List<PlanOperation>>();
            var removes = new List<PlanOperation>();
            foreach (DesiredService service in graph.DownOrder())
            {
                List<PlanOperation> dependentsDone = graph.Dependents(service.Name)
                    .SelectMany(d => done.TryGetValue(d, out List<PlanOperation> ops) ? ops : new List<PlanOperation>())
                    .Distinct().ToList();
                var own = new List<PlanOperation>();
                if (selected.Contains(service.Name))
                {
                    IEnumerable<ObservedContainer> serviceContainers = candidates
                        .Where(c => c.Service == service.Name)
                        .OrderBy(c => c.OneOff).ThenBy(c => c.Number).ThenBy(c => c.Name, StringComparer.Ordinal);
                    foreach (ObservedContainer container in serviceContainers)
                    {
                        own.Add(StopAndRemove(plan, ResourceOf(container), "down", container, options.Timeout, options.Volumes, dependentsDone));
                    }
                }
                removes.AddRange(own);
                done[service.Name] = own.Count > 0 ? own : dependentsDone;
            }

            if (options.RemoveOrphans)
            {
                var known = new HashSet<string>(project.Services.Select(s => s.Name).Concat(project.DisabledServices));
                IEnumerable<ObservedContainer> orphans = candidates
                    .Where(c => !known.Contains(c.Service))
                    .OrderBy(c => c.Name, StringComparer.Ordinal);
                foreach (ObservedContainer orphan in orphans)
                {
                    removes.Add(StopAndRemove(plan, "orphan:" + orphan.Name, "orphaned container", orphan, options.Timeout, false, new List<PlanOperation>()));
                }
            }

            // `down SVC` only takes the containers down: the networks and volumes may still be in use.
            if (options.Services.Count == 0)
            {
                PlanNetworks(plan, project, observed, removes);
                if (options.Images != RemoveImages.None)
                {
                    PlanImages(plan, project, observed, options, removes);
                }
                if (options.Volumes)
                {
                    PlanVolumes(plan, project, observed, removes);
                }
            }

            if (plan.IsEmpty)
            {
                plan.Warnings.Add($"No resource found to remove for project \"{project.Name}\".");
            }
            return plan;
        }

        private static string ResourceOf(ObservedContainer container) =>
            container.OneOff ? "oneoff:" + container.Name : ContainerNaming.ReplicaResource(container.Service, container.Number);

        private static PlanOperation StopAndRemove(ComposePlan plan, string resource, string reason, ObservedContainer container,
            TimeSpan? timeout, bool removeVolumes, List<PlanOperation> after)
        {
            PlanOperation stop = plan.Add(new PlanOperation
            {
                Kind = OperationKind.StopContainer, Resource = resource, Reason = reason,
                Service = container.Service, Number = container.Number, Container = container, Timeout = timeout,
            }, after);
            return plan.Add(new PlanOperation
            {
                Kind = OperationKind.RemoveContainer, Resource = resource, Reason = reason,
                Service = container.Service, Number = container.Number, Container = container, RemoveVolumes = removeVolumes,
            }, stop);
        }

        private static void PlanNetworks(ComposePlan plan, DesiredProject project, ObservedState observed, List<PlanOperation> removes)
        {
            // As Compose: every network with the project's and the key's labels and the declared name, by id.
            foreach (DesiredNetwork network in project.Networks.Where(n => !n.External).OrderBy(n => n.Key, StringComparer.Ordinal))
            {
                IEnumerable<ObservedNetwork> live = observed.Networks
                    .Where(n => n.Key == network.Key && n.Name == network.Name)
                    .OrderBy(n => n.Id, StringComparer.Ordinal);
                foreach (ObservedNetwork match in live)
                {
                    plan.Add(new PlanOperation
                    {
                        Kind = OperationKind.RemoveNetwork, Resource = "network:" + network.Key, Reason = "down", Name = network.Name, TargetId = match.Id,
                    }, removes);
                }
            }
        }

        private static void PlanVolumes(ComposePlan plan, DesiredProject project, ObservedState observed, List<PlanOperation> removes)
        {
            foreach (DesiredVolume volume in project.Volumes.Where(v => !v.External).OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                if (observed.Volumes.Any(v => v.Name == volume.Name))
                {
                    plan.Add(new PlanOperation
                    {
                        Kind = OperationKind.RemoveVolume, Resource = "volume:" + volume.Key, Reason = "down -v", Name = volume.Name,
                    }, removes);
                }
            }
        }

        /// <summary>
        /// local: images Compose built for services without image: (project/service labelled, or named
        /// &lt;project&gt;-&lt;service&gt;); all: also every image: of the project.
        /// </summary>
        private static void PlanImages(ComposePlan plan, DesiredProject project, ObservedState observed, DownOptions options, List<PlanOperation> removes)
        {
            var images = new List<string>();
            void AddImage(string reference)
            {
                string familiar = ImageReference.Familiar(reference);
                if (!string.IsNullOrEmpty(familiar) && !images.Contains(familiar))
                {
                    images.Add(familiar);
                }
            }
            bool Exists(string reference) =>
                observed.Images.Any(i => i.RepoTags.Any(t => ImageReference.Familiar(t) == ImageReference.Familiar(reference)));

            List<DesiredService> services = project.Services.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
            List<string> localServices = services.Where(s => string.IsNullOrEmpty(s.Image)).Select(s => s.Name).ToList();
            if (options.Images == RemoveImages.All)
            {
                foreach (DesiredService service in services.Where(s => !string.IsNullOrEmpty(s.Image) && Exists(s.Image)))
                {
                    AddImage(service.Image);
                }
            }
            IEnumerable<ObservedImage> labelled = observed.Images
                .Where(i => i.ProjectLabel == project.Name && i.RepoTags.Count > 0)
                .OrderBy(i => i.RepoTags[0], StringComparer.Ordinal);
            foreach (ObservedImage image in labelled)
            {
                if (options.RemoveOrphans || localServices.Contains(image.ServiceLabel))
                {
                    AddImage(image.RepoTags[0]);
                }
            }
            foreach (DesiredService service in services.Where(s => localServices.Contains(s.Name)))
            {
                string name = ContainerNaming.ImageName(service, project.Name, project.Compatibility);
                if (Exists(name))
                {
                    AddImage(name);
                }
            }
            foreach (string image in images)
            {
                plan.Add(new PlanOperation
                {
                    Kind = OperationKind.RemoveImage, Resource = "image:" + image, Reason = "down --rmi " + (options.Images == RemoveImages.All ? "all" : "local"), Name = image,
                }, removes);
            }
        }
    }
}
