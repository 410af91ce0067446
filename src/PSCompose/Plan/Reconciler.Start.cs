using System;
using System.Collections.Generic;
using System.Linq;

namespace PSCompose.Plan
{
    /// <summary>
    /// The start phase of up: per service in dependency order, wait for the depends_on conditions, then start
    /// every container that will not be running, one replica after the other.
    /// </summary>
    internal sealed partial class Reconciler
    {
        private readonly Dictionary<string, List<PlanOperation>> startChainEnds = new Dictionary<string, List<PlanOperation>>();
        private readonly Dictionary<string, PlanOperation> waitNodes = new Dictionary<string, PlanOperation>();

        private void PlanStartPhase()
        {
            foreach (DesiredService service in new DependencyGraph(scope).UpOrder())
            {
                PlanServiceStart(service);
            }
        }

        private void PlanServiceStart(DesiredService service)
        {
            if (ExpectedScale(service) == 0)
            {
                return;
            }
            List<StartReplica> replicas = StartReplicas(service);
            List<PlanOperation> dependencies = StartDependencies(service);
            if (replicas.Count == 0)
            {
                List<PlanOperation> ends = dependencies;
                if (ends.Count == 0 && serviceNodes.TryGetValue(service.Name, out PlanOperation node))
                {
                    ends = new List<PlanOperation> { node };
                }
                if (ends.Count > 0)
                {
                    startChainEnds[service.Name] = ends;
                }
                return;
            }

            List<PlanOperation> previous = dependencies;
            PlanOperation chainEnd = null;
            foreach (StartReplica replica in replicas)
            {
                var deps = new List<PlanOperation>(previous);
                if (replica.After != null)
                {
                    deps.Add(replica.After);
                }
                chainEnd = plan.Add(new PlanOperation
                {
                    Kind = OperationKind.StartContainer, Resource = ContainerNaming.ReplicaResource(service.Name, replica.Number), Reason = "start",
                    Service = service.Name, Number = replica.Number, Container = replica.Container, CreatedBy = replica.CreatedBy,
                }, deps);
                previous = new List<PlanOperation> { chainEnd };
            }
            startChainEnds[service.Name] = new List<PlanOperation> { chainEnd };
        }

        /// <summary>
        /// Containers the start phase brings up, by number: those the create phase makes, plus observed ones that
        /// stay and are not running (or that the plan stops without replacing them).
        /// </summary>
        private List<StartReplica> StartReplicas(DesiredService service)
        {
            var replicas = new List<StartReplica>();
            containerNodes.TryGetValue(service.Name, out Dictionary<int, PlanOperation> planned);
            planned = planned ?? new Dictionary<int, PlanOperation>();
            var seen = new HashSet<int>();
            foreach (ObservedContainer container in containers[service.Name])
            {
                if (removedByPlan.Contains(container.Id) && !planned.ContainsKey(container.Number))
                {
                    seen.Add(container.Number);
                    continue;
                }
                if (planned.TryGetValue(container.Number, out PlanOperation node))
                {
                    seen.Add(container.Number);
                    if (node.Kind != OperationKind.StartContainer)
                    {
                        replicas.Add(PlannedReplica(container.Number, node));
                    }
                    continue;
                }
                if (container.IsRunning)
                {
                    if (stoppedByPlan.TryGetValue(container.Id, out PlanOperation stop))
                    {
                        PlanOperation after = connectNodes.TryGetValue(container.Id, out List<PlanOperation> connects) ? connects.Last() : stop;
                        seen.Add(container.Number);
                        replicas.Add(new StartReplica { Number = container.Number, Container = container, After = after });
                    }
                    continue;
                }
                seen.Add(container.Number);
                renamedByPlan.TryGetValue(container.Id, out PlanOperation rename);
                replicas.Add(new StartReplica { Number = container.Number, Container = container, After = rename });
            }
            foreach (KeyValuePair<int, PlanOperation> entry in planned)
            {
                if (!seen.Contains(entry.Key) && entry.Value.Kind != OperationKind.StartContainer)
                {
                    replicas.Add(PlannedReplica(entry.Key, entry.Value));
                }
            }
            return replicas.OrderBy(r => r.Number).ToList();
        }

        private static StartReplica PlannedReplica(int number, PlanOperation node) => new StartReplica
        {
            Number = number,
            After = node,
            CreatedBy = node.Kind == OperationKind.RenameContainer ? node.CreatedBy : node,
        };

        /// <summary>service_started is a plain edge to the dependency's start chain; other conditions a shared wait.</summary>
        private List<PlanOperation> StartDependencies(DesiredService service)
        {
            var nodes = new List<PlanOperation>();
            foreach (ServiceDependency dependency in service.DependsOn.OrderBy(d => d.Service, StringComparer.Ordinal))
            {
                if (!startChainEnds.TryGetValue(dependency.Service, out List<PlanOperation> targets))
                {
                    targets = serviceNodes.TryGetValue(dependency.Service, out PlanOperation node) ? new List<PlanOperation> { node } : new List<PlanOperation>();
                }
                DesiredService target = scope.FirstOrDefault(s => s.Name == dependency.Service);
                bool waitless = dependency.Condition == DependencyConditions.Started || target == null || ExpectedScale(target) == 0;
                if (waitless)
                {
                    nodes.AddRange(targets);
                    continue;
                }
                nodes.Add(WaitNode(dependency, targets));
            }
            return nodes.Distinct().ToList();
        }

        private PlanOperation WaitNode(ServiceDependency dependency, List<PlanOperation> targets)
        {
            string key = dependency.Service + ":" + dependency.Condition;
            if (!waitNodes.TryGetValue(key, out PlanOperation wait))
            {
                wait = plan.Add(new PlanOperation
                {
                    Kind = OperationKind.WaitCondition, Resource = "wait:" + key, Reason = "depends_on condition",
                    Service = dependency.Service, Name = dependency.Service, Condition = dependency.Condition, BestEffort = !dependency.Required,
                }, targets);
                waitNodes[key] = wait;
                return wait;
            }
            if (dependency.Required)
            {
                wait.BestEffort = false;
            }
            return wait;
        }

        private sealed class StartReplica
        {
            public int Number { get; set; }

            /// <summary>The observed container to start; null when the create phase makes it.</summary>
            public ObservedContainer Container { get; set; }

            /// <summary>The create-phase operation the start must follow.</summary>
            public PlanOperation After { get; set; }

            public PlanOperation CreatedBy { get; set; }
        }
    }
}
