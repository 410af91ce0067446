using System.Collections.Generic;
using System.Linq;

namespace PSCompose.Plan
{
    internal sealed partial class Reconciler
    {
        private void ReconcileContainers()
        {
            foreach (DesiredService service in new DependencyGraph(scope).UpOrder())
            {
                ReconcileService(service);
            }
        }

        private int ExpectedScale(DesiredService service)
        {
            int scale = options.Scale.TryGetValue(service.Name, out int overridden) ? overridden : service.Scale;
            if (scale > 1 && !string.IsNullOrEmpty(service.ContainerName))
            {
                throw new ComposeException(ErrorIds.ContainerNameWithScale,
                    $"WARNING: The \"{service.Name}\" service is using the custom container name \"{service.ContainerName}\". " +
                    "Docker requires each container to have a unique name. Remove the custom name to scale the service.", service.Name);
            }
            return scale;
        }

        /// <summary>Scale down, recreate diverged containers, restart paused/dead ones, scale up.</summary>
        private void ReconcileService(DesiredService service)
        {
            int expected = ExpectedScale(service);
            List<ObservedContainer> current = containers[service.Name];
            int actual = current.Count;
            RecreatePolicy policy = IsTargeted(service.Name) ? options.Recreate : options.RecreateDependencies;
            string parentRecreated = service.ReferencedServices().FirstOrDefault(recreatedServices.Contains);

            var reasons = current.ToDictionary(c => c.Id, c => RecreateReason(service, c, policy, parentRecreated));
            // Up-to-date containers first by ascending number, obsolete ones last: scale-down trims the tail,
            // so it removes obsolete containers first, then the highest numbers.
            List<ObservedContainer> ordered = current
                .OrderBy(c => reasons[c.Id] != null)
                .ThenBy(c => c.Number)
                .ThenByDescending(c => c.Created)
                .ToList();

            List<PlanOperation> infraDeps = InfrastructureDeps(service);
            PlanOperation last = null;
            var scaleDownRemovals = new Dictionary<string, PlanOperation>();
            for (int i = 0; i < ordered.Count; i++)
            {
                ObservedContainer container = ordered[i];
                if (i >= expected)
                {
                    PlanOperation stop = plan.Add(new PlanOperation
                    {
                        Kind = OperationKind.StopContainer, Resource = ReplicaResource(container), Reason = "scale down",
                        Service = service.Name, Number = container.Number, Container = container, Timeout = options.Timeout,
                    });
                    last = plan.Add(new PlanOperation
                    {
                        Kind = OperationKind.RemoveContainer, Resource = ReplicaResource(container), Reason = "scale down",
                        Service = service.Name, Number = container.Number, Container = container,
                    }, stop);
                    removedByPlan.Add(container.Id);
                    scaleDownRemovals[container.Id] = last;
                    continue;
                }
                string reason = reasons[container.Id];
                if (reason != null)
                {
                    last = PlanRecreateContainer(service, container, reason, infraDeps);
                    SetContainerNode(service.Name, container.Number, last);
                    recreatedServices.Add(service.Name);
                    continue;
                }
                switch (container.State)
                {
                    case ContainerStates.Running:
                    case ContainerStates.Created:
                    case ContainerStates.Restarting:
                    case ContainerStates.Exited:
                        // Nothing in the create phase; the start phase starts what is not running.
                        break;
                    default:
                        last = plan.Add(new PlanOperation
                        {
                            Kind = OperationKind.StartContainer, Resource = ReplicaResource(container), Reason = "not running",
                            Service = service.Name, Number = container.Number, Container = container,
                        }, infraDeps);
                        SetContainerNode(service.Name, container.Number, last);
                        break;
                }
            }

            foreach (ObservedContainer kept in ordered.Take(expected).Where(c => reasons[c.Id] == null))
            {
                PlanOperation rename = PlanFinalName(service, kept, scaleDownRemovals);
                if (rename != null) last = rename;
            }

            int next = current.Count == 0 ? 1 : current.Max(c => c.Number) + 1;
            for (int i = 0; i < expected - actual; i++)
            {
                int number = next + i;
                last = plan.Add(new PlanOperation
                {
                    Kind = OperationKind.CreateContainer, Resource = ContainerNaming.ReplicaResource(service.Name, number), Reason = "no existing container",
                    Service = service.Name, Number = number, Name = ContainerName(service, number),
                }, infraDeps);
                SetContainerNode(service.Name, number, last);
            }

            if (last != null)
            {
                serviceNodes[service.Name] = last;
            }
        }

        /// <summary>
        /// A kept container still named &lt;id&gt;_&lt;final name&gt; (a recreate, ours or docker compose's, stopped between its
        /// create and its rename) is renamed to its final name once the container holding that name is removed. Compose
        /// leaves such a container under the temporary name for good.
        /// </summary>
        private PlanOperation PlanFinalName(DesiredService service, ObservedContainer container, Dictionary<string, PlanOperation> scaleDownRemovals)
        {
            string finalName = ContainerName(service, container.Number);
            if (!ContainerNaming.IsRecreateTempName(container.Name, finalName)) return null;
            var deps = new List<PlanOperation>();
            ObservedContainer holder = observed.Containers.FirstOrDefault(c => c.Name == finalName);
            if (holder != null)
            {
                if (!scaleDownRemovals.TryGetValue(holder.Id, out PlanOperation removal)) return null;
                deps.Add(removal);
            }
            PlanOperation rename = plan.Add(new PlanOperation
            {
                Kind = OperationKind.RenameContainer, Resource = ReplicaResource(container), Reason = "left under a recreate's temporary name",
                Service = service.Name, Number = container.Number, Name = finalName, Container = container,
            }, deps);
            renamedByPlan[container.Id] = rename;
            return rename;
        }

        /// <summary>Why the container must be replaced, or null when it is up to date (pkg/compose/convergence.go mustRecreate).</summary>
        private string RecreateReason(DesiredService service, ObservedContainer container, RecreatePolicy policy, string parentRecreated)
        {
            switch (policy)
            {
                case RecreatePolicy.Never:
                    return null;
                case RecreatePolicy.Force:
                    return "force recreate";
            }
            if (parentRecreated != null)
            {
                return $"{parentRecreated} recreated";
            }
            if ((container.ConfigHash ?? "") != (service.ConfigHash ?? ""))
            {
                return "config hash changed";
            }
            if (service.ImageDigest != null && (container.ImageDigest ?? "") != service.ImageDigest)
            {
                return "image changed";
            }
            if (container.IsRunning)
            {
                foreach (string key in service.Networks.OrderBy(k => k, System.StringComparer.Ordinal))
                {
                    string id = resolvedNetworks.TryGetValue(key, out ObservedNetwork network) ? network.Id : null;
                    if (!string.IsNullOrEmpty(id) && id != "swarm" && !container.NetworkIds.Contains(id))
                    {
                        return $"not connected to network {key}";
                    }
                }
            }
            foreach (string key in service.NamedVolumes)
            {
                string name = resolvedVolumes.TryGetValue(key, out ObservedVolume volume) ? volume.Name : null;
                if (!string.IsNullOrEmpty(name) && !container.VolumeNames.Contains(name))
                {
                    return $"volume {key} not mounted";
                }
            }
            return null;
        }

        /// <summary>
        /// stop dependents with restart: true → create the replacement under a temporary name → stop the old
        /// container → remove it → rename the replacement to the final name.
        /// </summary>
        private PlanOperation PlanRecreateContainer(DesiredService service, ObservedContainer old, string reason, List<PlanOperation> infraDeps)
        {
            string resource = ReplicaResource(old);
            string group = $"recreate:{service.Name}:{old.Number}";
            string finalName = ContainerName(service, old.Number);

            List<PlanOperation> dependentStops = PlanStopDependents(service);
            PlanOperation create = plan.Add(new PlanOperation
            {
                Kind = OperationKind.CreateContainer, Resource = resource, Reason = reason, Group = group,
                Service = service.Name, Number = old.Number, Name = ContainerNaming.RecreateTempName(old.Id, finalName),
                Replaces = old, InheritFrom = options.Inherit ? old : null,
            }, infraDeps.Concat(dependentStops));

            bool alreadyStopped = stoppedByPlan.TryGetValue(old.Id, out PlanOperation stop);
            if (!alreadyStopped)
            {
                stop = plan.Add(new PlanOperation
                {
                    Kind = OperationKind.StopContainer, Resource = resource, Reason = $"replaced by #{create.Id}", Group = group,
                    Service = service.Name, Number = old.Number, Container = old, Timeout = options.Timeout,
                }, create);
                stoppedByPlan[old.Id] = stop;
            }
            // The replacement must exist before the old container goes: through stop when this recreate
            // stops it, explicitly when an earlier stage already did.
            var removeDeps = new List<PlanOperation> { stop };
            if (alreadyStopped)
            {
                removeDeps.Add(create);
            }
            PlanOperation remove = plan.Add(new PlanOperation
            {
                Kind = OperationKind.RemoveContainer, Resource = resource, Reason = $"replaced by #{create.Id}", Group = group,
                Service = service.Name, Number = old.Number, Container = old,
            }, removeDeps);
            removedByPlan.Add(old.Id);
            return plan.Add(new PlanOperation
            {
                Kind = OperationKind.RenameContainer, Resource = resource, Reason = "finalize recreate", Group = group,
                Service = service.Name, Number = old.Number, Name = finalName, CreatedBy = create,
            }, remove);
        }

        /// <summary>Stops the containers of services declaring depends_on this service with restart: true.</summary>
        private List<PlanOperation> PlanStopDependents(DesiredService service)
        {
            var stops = new List<PlanOperation>();
            IEnumerable<DesiredService> dependents = SortedByKey(
                scope.Where(s => s.DependsOn.Any(d => d.Service == service.Name && d.Restart)), s => s.Name);
            foreach (DesiredService dependent in dependents)
            {
                foreach (ObservedContainer container in containers[dependent.Name])
                {
                    if (stoppedByPlan.ContainsKey(container.Id))
                    {
                        continue;
                    }
                    stops.Add(StopOnce(container, $"dependency {service.Name} being recreated"));
                }
            }
            return stops;
        }

        /// <summary>What a container of the service waits for: its networks and volumes being created, its dependencies' operations.</summary>
        private List<PlanOperation> InfrastructureDeps(DesiredService service)
        {
            var deps = new List<PlanOperation>();
            foreach (string key in service.Networks.OrderBy(k => k, System.StringComparer.Ordinal))
            {
                if (networkNodes.TryGetValue(key, out PlanOperation node))
                {
                    deps.Add(node);
                }
            }
            foreach (string key in service.NamedVolumes)
            {
                if (volumeNodes.TryGetValue(key, out PlanOperation node))
                {
                    deps.Add(node);
                }
            }
            foreach (string dependency in service.DependsOn.Select(d => d.Service).OrderBy(d => d, System.StringComparer.Ordinal))
            {
                if (serviceNodes.TryGetValue(dependency, out PlanOperation node))
                {
                    deps.Add(node);
                }
            }
            return deps.Distinct().ToList();
        }

        private string ContainerName(DesiredService service, int number) =>
            ContainerNaming.ContainerName(project.Name, service, number, project.Compatibility);

        private void SetContainerNode(string service, int number, PlanOperation node)
        {
            if (!containerNodes.TryGetValue(service, out Dictionary<int, PlanOperation> byNumber))
            {
                containerNodes[service] = byNumber = new Dictionary<int, PlanOperation>();
            }
            byNumber[number] = node;
        }
    }
}
