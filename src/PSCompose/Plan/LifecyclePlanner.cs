using System;
using System.Collections.Generic;
using System.Linq;

namespace PSCompose.Plan
{
    internal enum LifecycleVerb
    {
        Start,
        Stop,
        Kill,
        Restart,
        Pause,
        Unpause,
        Remove,
    }

    internal sealed class LifecycleOptions
    {
        public LifecycleVerb Verb { get; set; }

        /// <summary>The services named; empty = every service. The planner adds what Compose adds (see Selection).</summary>
        public List<string> Services { get; set; } = new List<string>();

        /// <summary>Stop/restart timeout; null lets the engine use the container's own.</summary>
        public TimeSpan? Timeout { get; set; }

        /// <summary>kill: the signal (SIGKILL when null).</summary>
        public string Signal { get; set; }

        /// <summary>
        /// restart --no-deps: neither dependents with restart: true nor waits on unselected services. start: only the
        /// named services, their dependencies waited for but not started (a watch rebuild starting dependents).
        /// </summary>
        public bool NoDeps { get; set; }

        /// <summary>rm --stop: stop the running containers first (dependents first), then remove them too.</summary>
        public bool StopFirst { get; set; }

        /// <summary>rm --volumes: also the containers' anonymous volumes.</summary>
        public bool RemoveVolumes { get; set; }
    }

    /// <summary>
    /// Plans start, stop, kill, restart, pause, unpause and rm on the service containers of a project (one-offs
    /// never), in Compose's order: start dependencies first, each service after its depends_on conditions hold;
    /// restart the same along depends_on entries with restart: true only; stop (and rm --stop) dependents first;
    /// kill, pause, unpause and rm all at once. Services outside the selection still pass ordering through, so
    /// web → cache → db stops web before db when only those two are selected.
    /// </summary>
    internal static class LifecyclePlanner
    {
        public static ComposePlan Plan(DesiredProject desired, ObservedState observed, LifecycleOptions options)
        {
            var plan = new ComposePlan();
            HashSet<string> selected = Selection(desired, options);
            Func<string, List<ObservedContainer>> containers = service => observed.ServiceContainers(service)
                .OrderBy(c => c.Number).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
            switch (options.Verb)
            {
                case LifecycleVerb.Start:
                    PlanStart(plan, desired, selected, containers);
                    break;
                case LifecycleVerb.Restart:
                    PlanRestart(plan, desired, selected, containers, options);
                    break;
                case LifecycleVerb.Stop:
                    PlanStops(plan, desired, selected, s => containers(s).Where(IsActive), options.Timeout, "stop");
                    break;
                case LifecycleVerb.Remove:
                    PlanRemove(plan, desired, selected, containers, options);
                    break;
                default:
                    PlanAllAtOnce(plan, desired, selected, containers, options);
                    break;
            }
            return plan;
        }

        /// <summary>
        /// The services acted on: the named ones (all when none), plus for start everything they depend on, and
        /// for restart (unless NoDeps) the services that depend on them with restart: true.
        /// </summary>
        public static HashSet<string> Selection(DesiredProject desired, LifecycleOptions options)
        {
            if (options.Services.Count == 0) return new HashSet<string>(desired.Services.Select(s => s.Name));
            switch (options.Verb)
            {
                case LifecycleVerb.Start when !options.NoDeps: return DependencyGraph.WithDependencies(desired, options.Services);
                case LifecycleVerb.Restart when !options.NoDeps: return DependencyGraph.WithDependents(RestartGraph(desired), options.Services);
                default: return new HashSet<string>(options.Services);
            }
        }

        /// <summary>Compose's !State.Running: a paused or restarting container counts as running.</summary>
        public static bool IsActive(ObservedContainer c) =>
            c.State == ContainerStates.Running || c.State == ContainerStates.Paused || c.State == ContainerStates.Restarting;

        /// <summary>Each stopped container in turn once the dependencies are up and their conditions hold.</summary>
        private static void PlanStart(ComposePlan plan, DesiredProject desired, HashSet<string> selected, Func<string, List<ObservedContainer>> containers)
        {
            var graph = new DependencyGraph(desired.Services);
            var ends = new Dictionary<string, List<PlanOperation>>();
            var waits = new Dictionary<string, PlanOperation>();
            foreach (DesiredService service in graph.UpOrder())
            {
                if (!selected.Contains(service.Name))
                {
                    ends[service.Name] = PassThrough(service.DependsOn, ends);
                    continue;
                }
                List<PlanOperation> before = Prerequisites(plan, desired, service.DependsOn, ends, waits);
                List<ObservedContainer> own = containers(service.Name);
                if (own.Count == 0 && service.Scale == 0)
                {
                    ends[service.Name] = before;
                    continue;
                }
                if (own.Count == 0)
                {
                    // Compose fails the service, and what depends on it, rather than creating a container.
                    ends[service.Name] = new List<PlanOperation>
                    {
                        plan.Add(new PlanOperation
                        {
                            Kind = OperationKind.RequireContainer, Resource = "service:" + service.Name, Reason = "no container to start",
                            Service = service.Name, Name = service.Name,
                        }, before),
                    };
                    continue;
                }
                foreach (ObservedContainer container in own.Where(c => !c.IsRunning))
                    before = new List<PlanOperation> { plan.Add(ContainerOperation(OperationKind.StartContainer, container, "start"), before) };
                ends[service.Name] = before;
            }
        }

        /// <summary>Every container of a service at once, after the services it depends on with restart: true.</summary>
        private static void PlanRestart(ComposePlan plan, DesiredProject desired, HashSet<string> selected,
            Func<string, List<ObservedContainer>> containers, LifecycleOptions options)
        {
            List<DesiredService> restartGraph = RestartGraph(desired);
            var ends = new Dictionary<string, List<PlanOperation>>();
            var waits = new Dictionary<string, PlanOperation>();
            foreach (DesiredService service in new DependencyGraph(restartGraph).UpOrder())
            {
                // With --no-deps Compose drops the other services from the project, so only waits among the selected remain.
                if (!selected.Contains(service.Name))
                {
                    ends[service.Name] = PassThrough(service.DependsOn, ends);
                    continue;
                }
                IEnumerable<ServiceDependency> dependencies = service.DependsOn.Where(d => !options.NoDeps || selected.Contains(d.Service));
                List<PlanOperation> before = Prerequisites(plan, desired, dependencies, ends, waits);
                List<PlanOperation> own = containers(service.Name)
                    .Select(c => plan.Add(ContainerOperation(OperationKind.RestartContainer, c, "restart", options.Timeout), before)).ToList();
                ends[service.Name] = own.Count > 0 ? own : before;
            }
        }

        /// <summary>An unselected service only passes its dependencies' order on to its dependents.</summary>
        private static List<PlanOperation> PassThrough(IEnumerable<ServiceDependency> dependencies, Dictionary<string, List<PlanOperation>> ends) =>
            dependencies.SelectMany(d => ends.TryGetValue(d.Service, out List<PlanOperation> e) ? e : new List<PlanOperation>()).Distinct().ToList();

        /// <summary>
        /// What a selected service waits for: each dependency's last operation, through a shared wait node when its
        /// condition is healthy or completed successfully (a required condition fails the service, an optional one
        /// is best effort). A dependency that is absent or scaled to zero is not waited for.
        /// </summary>
        private static List<PlanOperation> Prerequisites(ComposePlan plan, DesiredProject desired, IEnumerable<ServiceDependency> dependencies,
            Dictionary<string, List<PlanOperation>> ends, Dictionary<string, PlanOperation> waits)
        {
            var before = new List<PlanOperation>();
            foreach (ServiceDependency dependency in dependencies.OrderBy(d => d.Service, StringComparer.Ordinal))
            {
                List<PlanOperation> target = ends.TryGetValue(dependency.Service, out List<PlanOperation> e) ? e : new List<PlanOperation>();
                DesiredService service = desired.Service(dependency.Service);
                if (service == null || service.Scale == 0 || dependency.Condition == DependencyConditions.Started)
                {
                    before.AddRange(target);
                    continue;
                }
                string key = dependency.Service + ":" + dependency.Condition;
                if (!waits.TryGetValue(key, out PlanOperation wait))
                {
                    waits[key] = wait = plan.Add(new PlanOperation
                    {
                        Kind = OperationKind.WaitCondition, Resource = "wait:" + key, Reason = "depends_on condition",
                        Service = dependency.Service, Name = dependency.Service, Condition = dependency.Condition, BestEffort = !dependency.Required,
                    }, target);
                }
                else if (dependency.Required)
                {
                    wait.BestEffort = false;
                }
                before.Add(wait);
            }
            return before.Distinct().ToList();
        }

        /// <summary>Per service, dependents first: each chosen container once the dependents' stops are done.</summary>
        private static Dictionary<ObservedContainer, PlanOperation> PlanStops(ComposePlan plan, DesiredProject desired, HashSet<string> selected,
            Func<string, IEnumerable<ObservedContainer>> chosen, TimeSpan? timeout, string reason)
        {
            var graph = new DependencyGraph(desired.Services);
            var ends = new Dictionary<string, List<PlanOperation>>();
            var stops = new Dictionary<ObservedContainer, PlanOperation>();
            foreach (DesiredService service in graph.DownOrder())
            {
                List<PlanOperation> after = graph.Dependents(service.Name).SelectMany(d => ends[d]).Distinct().ToList();
                var own = new List<PlanOperation>();
                if (selected.Contains(service.Name))
                {
                    foreach (ObservedContainer container in chosen(service.Name))
                        own.Add(stops[container] = plan.Add(ContainerOperation(OperationKind.StopContainer, container, reason, timeout), after));
                }
                ends[service.Name] = own.Count > 0 ? own : after;
            }
            return stops;
        }

        /// <summary>rm: the stopped containers all at once; with StopFirst the running ones too, each after its stop.</summary>
        private static void PlanRemove(ComposePlan plan, DesiredProject desired, HashSet<string> selected,
            Func<string, List<ObservedContainer>> containers, LifecycleOptions options)
        {
            List<ObservedContainer> candidates = selected.SelectMany(containers).Where(c => options.StopFirst || !IsActive(c)).ToList();
            if (candidates.Count == 0)
            {
                plan.Warnings.Add("No stopped containers");
                return;
            }
            Dictionary<ObservedContainer, PlanOperation> stops = options.StopFirst
                ? PlanStops(plan, desired, selected, s => containers(s).Where(IsActive), options.Timeout, "rm --stop")
                : new Dictionary<ObservedContainer, PlanOperation>();
            foreach (ObservedContainer container in Ordered(desired, candidates))
            {
                PlanOperation remove = ContainerOperation(OperationKind.RemoveContainer, container, "rm");
                remove.RemoveVolumes = options.RemoveVolumes;
                plan.Add(remove, stops.TryGetValue(container, out PlanOperation stop) ? stop : null);
            }
        }

        /// <summary>kill, pause, unpause: every container concerned at once, in the project's order.</summary>
        private static void PlanAllAtOnce(ComposePlan plan, DesiredProject desired, HashSet<string> selected,
            Func<string, List<ObservedContainer>> containers, LifecycleOptions options)
        {
            OperationKind kind;
            Func<ObservedContainer, bool> concerned;
            string reason;
            switch (options.Verb)
            {
                case LifecycleVerb.Kill:
                    kind = OperationKind.KillContainer;
                    concerned = IsActive;
                    reason = "kill " + (options.Signal ?? "SIGKILL");
                    break;
                case LifecycleVerb.Pause:
                    kind = OperationKind.PauseContainer;
                    concerned = c => c.State == ContainerStates.Running;
                    reason = "pause";
                    break;
                case LifecycleVerb.Unpause:
                    kind = OperationKind.UnpauseContainer;
                    concerned = c => c.State == ContainerStates.Paused;
                    reason = "unpause";
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(options), options.Verb, "not a lifecycle verb planned all at once");
            }
            foreach (ObservedContainer container in Ordered(desired, selected.SelectMany(containers).Where(concerned)))
            {
                PlanOperation operation = ContainerOperation(kind, container, reason);
                operation.Signal = kind == OperationKind.KillContainer ? options.Signal ?? "SIGKILL" : null;
                plan.Add(operation);
            }
        }

        /// <summary>Containers by service in dependency order (a deterministic transcript), then by number.</summary>
        private static IEnumerable<ObservedContainer> Ordered(DesiredProject desired, IEnumerable<ObservedContainer> containers)
        {
            List<string> order = new DependencyGraph(desired.Services).UpOrder().Select(s => s.Name).ToList();
            return containers.OrderBy(c => order.IndexOf(c.Service)).ThenBy(c => c.Number).ThenBy(c => c.Name, StringComparer.Ordinal);
        }

        private static PlanOperation ContainerOperation(OperationKind kind, ObservedContainer container, string reason, TimeSpan? timeout = null) =>
            new PlanOperation
            {
                Kind = kind, Resource = ContainerNaming.ReplicaResource(container.Service, container.Number), Reason = reason,
                Service = container.Service, Number = container.Number, Container = container, Name = container.Name, Timeout = timeout,
            };

        /// <summary>The project with only the depends_on entries that declare restart: true (the edges restart follows).</summary>
        private static List<DesiredService> RestartGraph(DesiredProject desired) =>
            desired.Services.Select(s => new DesiredService
            {
                Name = s.Name,
                Scale = s.Scale,
                DependsOn = s.DependsOn.Where(d => d.Restart).ToList(),
            }).ToList();
    }
}
