using System;
using System.Collections.Generic;
using System.Linq;

namespace PSCompose.Plan
{
    /// <summary>
    /// Compares the desired project with the observed engine state and plans the operations of create/up: the
    /// decision rules of Compose 2.40.3 (recreate triggers, scaling, orphans) laid out as the explicit DAG of
    /// docker/compose v5 (reconcile.go). Pure: the result depends on the inputs only.
    /// </summary>
    internal sealed partial class Reconciler
    {
        private readonly DesiredProject project;
        private readonly ObservedState observed;
        private readonly PlanOptions options;
        private readonly ComposePlan plan = new ComposePlan();

        private readonly List<DesiredService> scope;
        private readonly Dictionary<string, List<ObservedContainer>> containers = new Dictionary<string, List<ObservedContainer>>();
        private readonly Dictionary<string, ObservedNetwork> resolvedNetworks = new Dictionary<string, ObservedNetwork>();
        private readonly Dictionary<string, ObservedVolume> resolvedVolumes = new Dictionary<string, ObservedVolume>();

        private readonly Dictionary<string, PlanOperation> networkNodes = new Dictionary<string, PlanOperation>();
        private readonly Dictionary<string, PlanOperation> volumeNodes = new Dictionary<string, PlanOperation>();
        private readonly Dictionary<string, PlanOperation> serviceNodes = new Dictionary<string, PlanOperation>();
        private readonly Dictionary<string, Dictionary<int, PlanOperation>> containerNodes = new Dictionary<string, Dictionary<int, PlanOperation>>();
        private readonly Dictionary<string, PlanOperation> stoppedByPlan = new Dictionary<string, PlanOperation>();
        private readonly Dictionary<string, List<PlanOperation>> connectNodes = new Dictionary<string, List<PlanOperation>>();
        /// <summary>IDs of observed containers the plan removes (scale down, recreate, volume recreate).</summary>
        private readonly HashSet<string> removedByPlan = new HashSet<string>();
        /// <summary>Observed containers the plan gives back their final name, by ID: their start follows the rename.</summary>
        private readonly Dictionary<string, PlanOperation> renamedByPlan = new Dictionary<string, PlanOperation>();
        private readonly HashSet<string> recreatedServices = new HashSet<string>();
        private readonly List<PendingReconnect> pendingReconnects = new List<PendingReconnect>();

        private Reconciler(DesiredProject project, ObservedState observed, PlanOptions options)
        {
            this.project = project;
            this.observed = observed ?? new ObservedState();
            this.options = options ?? new PlanOptions();
            scope = ScopeServices();
            foreach (DesiredService service in scope)
            {
                containers[service.Name] = this.observed.ServiceContainers(service.Name)
                    .OrderBy(c => c.Number).ThenBy(c => c.Created).ToList();
            }
        }

        public static ComposePlan Plan(DesiredProject project, ObservedState observed, PlanOptions options = null)
        {
            var reconciler = new Reconciler(project, observed, options);
            reconciler.Build();
            return reconciler.plan;
        }

        private void Build()
        {
            ResolveObserved();
            ReconcileNetworks();
            ReconcileVolumes();
            ReconcileContainers();
            PlanReconnects();
            ReconcileOrphans();
            if (options.Scope == PlanScope.CreateAndStart)
            {
                PlanStartPhase();
            }
        }

        /// <summary>Targeted services plus their dependencies (unless NoDeps); everything when none is targeted.</summary>
        private List<DesiredService> ScopeServices()
        {
            if (options.Services.Count == 0)
            {
                return project.Services.ToList();
            }
            string unknown = options.Services.FirstOrDefault(name => project.Service(name) == null);
            if (unknown != null)
            {
                throw new ComposeException(ErrorIds.ServiceNotFound, "no such service: " + unknown, unknown);
            }
            HashSet<string> names = options.NoDeps
                ? new HashSet<string>(options.Services)
                : DependencyGraph.WithDependencies(project, options.Services);
            return project.Services.Where(s => names.Contains(s.Name)).ToList();
        }

        private bool IsTargeted(string service) => options.Services.Count == 0 || options.Services.Contains(service);

        private static IEnumerable<T> SortedByKey<T>(IEnumerable<T> items, Func<T, string> key) =>
            items.OrderBy(key, StringComparer.Ordinal);

        /// <summary>Picks, per declared network/volume, the one live resource it maps to; extra labelled ones are left alone with a warning.</summary>
        private void ResolveObserved()
        {
            foreach (DesiredNetwork network in SortedByKey(project.Networks, n => n.Key))
            {
                ObservedNetwork selected = Select(observed.Networks, n => n.Key, n => n.Name, network.Key, network.Name, out List<ObservedNetwork> extra);
                if (selected == null)
                {
                    continue;
                }
                resolvedNetworks[network.Key] = selected;
                if (selected.Key == null && !network.External)
                {
                    plan.Warnings.Add($"a network with name {selected.Name} exists but was not created by compose.\nSet `external: true` to use an existing network");
                }
                List<ObservedNetwork> sameName = extra.Where(n => n.Name == selected.Name).ToList();
                if (sameName.Count > 0)
                {
                    IEnumerable<string> ids = sameName.Prepend(selected).Select(n => n.Id).OrderBy(id => id, StringComparer.Ordinal);
                    plan.Warnings.Add($"{sameName.Count + 1} networks named \"{selected.Name}\" carry the labels of network \"{network.Key}\" (ids {string.Join(", ", ids)}): " +
                        "the engine cannot attach a container to an ambiguous name. Invoke-ComposeDown removes them all.");
                }
                foreach (ObservedNetwork other in extra.Except(sameName))
                {
                    plan.Warnings.Add($"network \"{other.Name}\" (id {other.Id}) carries the compose label \"{network.Key}\" but does not match the compose file (using \"{selected.Name}\"); it is left untouched");
                }
            }
            foreach (DesiredVolume volume in SortedByKey(project.Volumes, v => v.Key))
            {
                ObservedVolume selected = Select(observed.Volumes, v => v.Key, v => v.Name, volume.Key, volume.Name, out List<ObservedVolume> extra);
                if (selected == null)
                {
                    continue;
                }
                resolvedVolumes[volume.Key] = selected;
                if (selected.Key == null && !volume.External)
                {
                    plan.Warnings.Add($"volume \"{selected.Name}\" already exists but was not created by Docker Compose. Use `external: true` to use an existing volume");
                }
                foreach (ObservedVolume other in extra)
                {
                    plan.Warnings.Add($"volume \"{other.Name}\" carries the compose label \"{volume.Key}\" but does not match the compose file (using \"{selected.Name}\"); it is left untouched");
                }
            }
        }

        private static T Select<T>(IEnumerable<T> candidates, Func<T, string> keyOf, Func<T, string> nameOf, string key, string name, out List<T> extra)
            where T : class
        {
            List<T> labelled = candidates.Where(c => keyOf(c) == key).OrderBy(nameOf, StringComparer.Ordinal).ToList();
            T selected = labelled.FirstOrDefault(c => nameOf(c) == name) ?? labelled.FirstOrDefault();
            if (selected == null)
            {
                selected = candidates.FirstOrDefault(c => keyOf(c) == null && nameOf(c) == name);
            }
            extra = labelled.Where(c => c != selected).ToList();
            return selected;
        }

        private void ReconcileNetworks()
        {
            var diverged = new List<DesiredNetwork>();
            foreach (DesiredNetwork network in SortedByKey(project.Networks, n => n.Key))
            {
                if (network.External)
                {
                    continue;
                }
                if (!resolvedNetworks.TryGetValue(network.Key, out ObservedNetwork live))
                {
                    networkNodes[network.Key] = plan.Add(new PlanOperation
                    {
                        Kind = OperationKind.CreateNetwork, Resource = "network:" + network.Key, Reason = "not found", Name = network.Name,
                    });
                    continue;
                }
                if (string.IsNullOrEmpty(live.ConfigHash) || live.ConfigHash == network.ConfigHash)
                {
                    continue;
                }
                diverged.Add(network);
            }
            foreach (DesiredNetwork network in diverged)
            {
                PlanRecreateNetwork(network);
            }
        }

        /// <summary>stop attached containers → disconnect → remove network → create network (→ reconnect, see PlanReconnects).</summary>
        private void PlanRecreateNetwork(DesiredNetwork network)
        {
            ObservedNetwork live = resolvedNetworks[network.Key];
            List<ObservedContainer> attached = ContainersOf(scope.Where(s => s.Networks.Contains(network.Key)));
            // Every attached container is stopped before any is disconnected (docker/compose plan order).
            List<PlanOperation> stops = attached.Select(c => StopOnce(c, $"network {network.Key} config changed")).ToList();
            var disconnects = new List<PlanOperation>();
            for (int i = 0; i < attached.Count; i++)
            {
                ObservedContainer container = attached[i];
                PlanOperation stop = stops[i];
                disconnects.Add(plan.Add(new PlanOperation
                {
                    Kind = OperationKind.DisconnectNetwork, Resource = ReplicaResource(container), Reason = $"network {network.Key} recreate",
                    Service = container.Service, Number = container.Number, Container = container, Name = live.Name, TargetId = live.Id,
                }, stop));
            }
            bool renamed = live.Name != network.Name;
            PlanOperation remove = plan.Add(new PlanOperation
            {
                Kind = OperationKind.RemoveNetwork, Resource = "network:" + network.Key,
                Reason = renamed ? "renamed (best-effort cleanup)" : "config hash diverged", Name = live.Name, TargetId = live.Id, BestEffort = renamed,
            }, disconnects);
            PlanOperation create = plan.Add(new PlanOperation
            {
                Kind = OperationKind.CreateNetwork, Resource = "network:" + network.Key,
                Reason = renamed ? "renamed" : "recreate after config change", Name = network.Name,
            }, renamed ? new PlanOperation[0] : new[] { remove });
            networkNodes[network.Key] = create;
            for (int i = 0; i < attached.Count; i++)
            {
                pendingReconnects.Add(new PendingReconnect(network, attached[i], create, renamed ? disconnects[i] : null));
            }
        }

        /// <summary>
        /// Containers taken off a recreated network are reconnected to the new one, unless the plan replaces or
        /// removes them anyway (a new container is created on the new network).
        /// </summary>
        private void PlanReconnects()
        {
            foreach (PendingReconnect pending in pendingReconnects)
            {
                if (removedByPlan.Contains(pending.Container.Id))
                {
                    continue;
                }
                PlanOperation connect = plan.Add(new PlanOperation
                {
                    Kind = OperationKind.ConnectNetwork, Resource = ReplicaResource(pending.Container), Reason = $"network {pending.Network.Key} recreate",
                    Service = pending.Container.Service, Number = pending.Container.Number, Container = pending.Container, Name = pending.Network.Name,
                }, pending.Create, pending.Disconnect);
                if (!connectNodes.TryGetValue(pending.Container.Id, out List<PlanOperation> list))
                {
                    connectNodes[pending.Container.Id] = list = new List<PlanOperation>();
                }
                list.Add(connect);
            }
        }

        private void ReconcileVolumes()
        {
            var diverged = new List<DesiredVolume>();
            foreach (DesiredVolume volume in SortedByKey(project.Volumes, v => v.Key))
            {
                if (volume.External)
                {
                    continue;
                }
                if (!resolvedVolumes.TryGetValue(volume.Key, out ObservedVolume live))
                {
                    PlanCreateVolume(volume, "not found");
                    continue;
                }
                if (string.IsNullOrEmpty(live.ConfigHash) || live.ConfigHash == volume.ConfigHash)
                {
                    continue;
                }
                if (live.Name != volume.Name)
                {
                    // A rename is additive: the new volume is created, the old one (and its data) left alone, and
                    // containers still mounting the old one are recreated by the volume-mount check.
                    PlanCreateVolume(volume, "renamed");
                    resolvedVolumes[volume.Key] = new ObservedVolume { Key = live.Key, Name = volume.Name, ConfigHash = volume.ConfigHash };
                    continue;
                }
                string question = $"Volume \"{volume.Name}\" exists but doesn't match configuration in compose file. Recreate (data will be lost)?";
                if (options.RecreateVolumes.Contains(volume.Name) || (options.ConfirmVolumeRecreate != null && options.ConfirmVolumeRecreate(question)))
                {
                    diverged.Add(volume);
                }
                else
                {
                    plan.DivergedVolumes.Add(new DivergedVolume { Name = volume.Name, Question = question });
                }
            }
            PlanRecreateVolumes(diverged);
        }

        private void PlanCreateVolume(DesiredVolume volume, string reason)
        {
            volumeNodes[volume.Key] = plan.Add(new PlanOperation
            {
                Kind = OperationKind.CreateVolume, Resource = "volume:" + volume.Key, Reason = reason, Name = volume.Name,
            });
        }

        /// <summary>
        /// stop and remove every container using the volumes → remove volume → create volume; the services are then
        /// seen as having no container, so fresh ones are created after the new volume.
        /// </summary>
        private void PlanRecreateVolumes(List<DesiredVolume> volumes)
        {
            if (volumes.Count == 0)
            {
                return;
            }
            var users = new SortedSet<string>(volumes.SelectMany(v => ServicesUsingVolume(v.Key)), StringComparer.Ordinal);
            var removes = new List<PlanOperation>();
            foreach (ObservedContainer container in ContainersOf(users.Select(project.Service)))
            {
                PlanOperation stop = StopOnce(container, "mounted volume config changed");
                removedByPlan.Add(container.Id);
                removes.Add(plan.Add(new PlanOperation
                {
                    Kind = OperationKind.RemoveContainer, Resource = ReplicaResource(container), Reason = "mounted volume config changed",
                    Service = container.Service, Number = container.Number, Container = container,
                }, stop));
            }
            foreach (DesiredVolume volume in volumes)
            {
                PlanOperation remove = plan.Add(new PlanOperation
                {
                    Kind = OperationKind.RemoveVolume, Resource = "volume:" + volume.Key, Reason = "config hash diverged", Name = resolvedVolumes[volume.Key].Name,
                }, removes);
                volumeNodes[volume.Key] = plan.Add(new PlanOperation
                {
                    Kind = OperationKind.CreateVolume, Resource = "volume:" + volume.Key, Reason = "recreate after config change", Name = volume.Name,
                }, remove);
            }
            foreach (string service in users)
            {
                recreatedServices.Add(service);
                if (containers.ContainsKey(service))
                {
                    containers[service] = new List<ObservedContainer>();
                }
            }
        }

        /// <summary>Services mounting the volume directly or, transitively, through volumes_from.</summary>
        private List<string> ServicesUsingVolume(string volumeKey)
        {
            var users = new HashSet<string>(scope.Where(s => s.NamedVolumes.Contains(volumeKey)).Select(s => s.Name));
            bool added = true;
            while (added)
            {
                added = false;
                foreach (DesiredService service in scope.Where(s => !users.Contains(s.Name)))
                {
                    if (service.VolumesFrom.Where(v => !v.StartsWith("container:")).Select(v => v.Split(':')[0]).Any(users.Contains))
                    {
                        users.Add(service.Name);
                        added = true;
                    }
                }
            }
            return users.OrderBy(s => s, StringComparer.Ordinal).ToList();
        }

        private List<ObservedContainer> ContainersOf(IEnumerable<DesiredService> services) =>
            SortedByKey(services.Where(s => s != null), s => s.Name)
                .SelectMany(s => containers.TryGetValue(s.Name, out List<ObservedContainer> list) ? list : new List<ObservedContainer>())
                .ToList();

        /// <summary>A stop for the container, shared by every stage of the plan that needs it stopped.</summary>
        private PlanOperation StopOnce(ObservedContainer container, string reason, params PlanOperation[] dependsOn)
        {
            if (!stoppedByPlan.TryGetValue(container.Id, out PlanOperation stop))
            {
                stop = plan.Add(new PlanOperation
                {
                    Kind = OperationKind.StopContainer, Resource = ReplicaResource(container), Reason = reason,
                    Service = container.Service, Number = container.Number, Container = container, Timeout = options.Timeout,
                }, dependsOn);
                stoppedByPlan[container.Id] = stop;
            }
            return stop;
        }

        private static string ReplicaResource(ObservedContainer container) => ContainerNaming.ReplicaResource(container.Service, container.Number);

        private void ReconcileOrphans()
        {
            var known = new HashSet<string>(project.Services.Select(s => s.Name).Concat(project.DisabledServices));
            List<ObservedContainer> orphans = OrphanDetector.Orphans(observed.Containers, known).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
            if (orphans.Count == 0 || options.IgnoreOrphans)
            {
                return;
            }
            if (!options.RemoveOrphans)
            {
                plan.Warnings.Add(OrphanDetector.Warning(orphans));
                return;
            }
            foreach (ObservedContainer orphan in orphans)
            {
                PlanOperation stop = plan.Add(new PlanOperation
                {
                    Kind = OperationKind.StopContainer, Resource = "orphan:" + orphan.Name, Reason = "orphaned container",
                    Service = orphan.Service, Number = orphan.Number, Container = orphan, Timeout = options.Timeout,
                });
                plan.Add(new PlanOperation
                {
                    Kind = OperationKind.RemoveContainer, Resource = "orphan:" + orphan.Name, Reason = "orphaned container",
                    Service = orphan.Service, Number = orphan.Number, Container = orphan,
                }, stop);
            }
        }

        private sealed class PendingReconnect
        {
            public PendingReconnect(DesiredNetwork network, ObservedContainer container, PlanOperation create, PlanOperation disconnect)
            {
                Network = network;
                Container = container;
                Create = create;
                Disconnect = disconnect;
            }

            public DesiredNetwork Network { get; }

            public ObservedContainer Container { get; }

            public PlanOperation Create { get; }

            public PlanOperation Disconnect { get; }
        }
    }
}
