using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Plan;

namespace PSCompose.Execution
{
    /// <summary>
    /// start, stop, kill, restart, pause, unpause and rm on a project's service containers, in Compose's order:
    /// start and restart dependencies first (waiting on their depends_on conditions), stop dependents first.
    /// One-off containers are never touched. Progress lines ("Container p-web-1  Started") go to report.
    /// </summary>
    internal sealed class ServiceLifecycle
    {
        private readonly IEngineClient engine;
        private readonly LifecycleProject project;
        private readonly Action<string> report;
        private readonly Action<string> warn;

        public ServiceLifecycle(IEngineClient engine, LifecycleProject project, Action<string> report, Action<string> warn)
        {
            this.engine = engine;
            this.project = project;
            this.report = report;
            this.warn = warn;
        }

        /// <summary>Starts the stopped containers of the services (the caller adds their dependencies).</summary>
        public Task<IReadOnlyList<ServiceFailure>> StartAsync(ICollection<string> services, CancellationToken ct) =>
            ServiceOrder.RunAsync(project.Desired.Services, services, false, StartServiceAsync, Skipped, ct);

        /// <summary>
        /// start --wait: each service until its containers are running (healthy when they have a healthcheck), or
        /// completed successfully when another service depends on it that way. Throws on timeout.
        /// </summary>
        public Task WaitAsync(ICollection<string> services, TimeSpan? timeout, CancellationToken ct) =>
            ServiceWaiter.WaitAllAsync(engine, project.Name, project.Desired.Services,
                services.Where(s => project.Containers(s).Any()), timeout, ct);

        public Task<IReadOnlyList<ServiceFailure>> StopAsync(ICollection<string> services, TimeSpan? timeout, CancellationToken ct) =>
            ServiceOrder.RunAsync(project.Desired.Services, services, true, (name, token) =>
                EachAsync(Active(name), Verb.Stop, c => engine.StopContainerAsync(c.Id, Seconds(timeout), token)), Skipped, ct);

        /// <summary>docker compose kill: the signal (SIGKILL when null) to every running container, all at once.</summary>
        public Task<IReadOnlyList<ServiceFailure>> KillAsync(ICollection<string> services, string signal, CancellationToken ct) =>
            AllAtOnceAsync(services, Active, Verb.Kill, (c, token) => engine.KillContainerAsync(c.Id, signal ?? "SIGKILL", token), ct);

        public Task<IReadOnlyList<ServiceFailure>> PauseAsync(ICollection<string> services, CancellationToken ct) =>
            AllAtOnceAsync(services, name => project.Containers(name).Where(c => c.State == ContainerStates.Running),
                Verb.Pause, (c, token) => engine.PauseContainerAsync(c.Id, token), ct);

        public Task<IReadOnlyList<ServiceFailure>> UnpauseAsync(ICollection<string> services, CancellationToken ct) =>
            AllAtOnceAsync(services, name => project.Containers(name).Where(c => c.State == ContainerStates.Paused),
                Verb.Unpause, (c, token) => engine.UnpauseContainerAsync(c.Id, token), ct);

        /// <summary>
        /// docker compose restart: every container of the services (stopped ones start), dependencies first. Only
        /// depends_on entries with restart: true order (and are waited on), as in Compose's restart. Stopped containers start.
        /// </summary>
        public Task<IReadOnlyList<ServiceFailure>> RestartAsync(ICollection<string> services, TimeSpan? timeout, bool noDeps, CancellationToken ct)
        {
            List<DesiredService> restartGraph = RestartGraph(project.Desired);
            return ServiceOrder.RunAsync(restartGraph, services, false, async (name, token) =>
            {
                // With -NoDeps Compose drops the other services from the project, so only waits among the selected remain.
                IEnumerable<ServiceDependency> waits = restartGraph.First(s => s.Name == name).DependsOn
                    .Where(d => !noDeps || services.Contains(d.Service));
                await WaitDependenciesAsync(waits, token).ConfigureAwait(false);
                await EachAsync(project.Containers(name), Verb.Restart,
                    c => engine.RestartContainerAsync(c.Id, Seconds(timeout), token)).ConfigureAwait(false);
            }, Skipped, ct);
        }

        /// <summary>The selected services plus, unless noDeps, the services that depend on them with restart: true.</summary>
        public static HashSet<string> RestartSelection(DesiredProject desired, IEnumerable<string> selected, bool noDeps) =>
            noDeps ? new HashSet<string>(selected) : DependencyGraph.WithDependents(RestartGraph(desired), selected);

        private static List<DesiredService> RestartGraph(DesiredProject desired) =>
            desired.Services.Select(s => new DesiredService
            {
                Name = s.Name,
                Scale = s.Scale,
                DependsOn = s.DependsOn.Where(d => d.Restart).ToList(),
            }).ToList();

        /// <summary>Removes the given containers (rm): all at once, anonymous volumes with removeVolumes.</summary>
        public async Task<IReadOnlyList<ServiceFailure>> RemoveAsync(IEnumerable<ObservedContainer> containers, bool force, bool removeVolumes, CancellationToken ct)
        {
            var failures = new List<ServiceFailure>();
            foreach (var group in containers.GroupBy(c => c.Service))
            {
                try
                {
                    await EachAsync(group, Verb.Remove, c => engine.RemoveContainerAsync(c.Id, force, removeVolumes, ct)).ConfigureAwait(false);
                }
                catch (Exception e) when (!(e is OperationCanceledException && ct.IsCancellationRequested))
                {
                    failures.Add(new ServiceFailure(group.Key, e));
                }
            }
            return failures;
        }

        private async Task StartServiceAsync(string name, CancellationToken ct)
        {
            DesiredService service = project.Desired.Service(name);
            await WaitDependenciesAsync(service.DependsOn, ct).ConfigureAwait(false);
            List<ObservedContainer> containers = project.Containers(name).ToList();
            if (containers.Count == 0)
            {
                if (service.Scale == 0) return;
                throw new ComposeException(ErrorIds.NoContainerToStart,
                    $"service \"{name}\" has no container to start", name);
            }
            foreach (ObservedContainer container in containers.Where(c => c.State != ContainerStates.Running))
                await OneAsync(container, Verb.Start, c => engine.StartContainerAsync(c.Id, ct)).ConfigureAwait(false);
        }

        /// <summary>Compose's waitDependencies: required conditions fail the service, optional ones only warn.</summary>
        private async Task WaitDependenciesAsync(IEnumerable<ServiceDependency> dependencies, CancellationToken ct)
        {
            var waits = new List<Task>();
            foreach (ServiceDependency dependency in dependencies)
            {
                DesiredService target = project.Desired.Service(dependency.Service);
                if (target == null || target.Scale == 0 || dependency.Condition == DependencyConditions.Started) continue;
                waits.Add(WaitOneAsync(dependency, ct));
            }
            await Task.WhenAll(waits).ConfigureAwait(false);
        }

        private async Task WaitOneAsync(ServiceDependency dependency, CancellationToken ct)
        {
            foreach (ObservedContainer c in project.Containers(dependency.Service)) report($"Container {c.Name}  Waiting");
            try
            {
                await DependencyWaiter.WaitAsync(engine, project.Name, dependency.Service, dependency.Condition, ct).ConfigureAwait(false);
                foreach (ObservedContainer c in project.Containers(dependency.Service))
                    report($"Container {c.Name}  {(dependency.Condition == DependencyConditions.Healthy ? "Healthy" : "Exited")}");
            }
            catch (ComposeException e) when (!dependency.Required)
            {
                warn($"optional dependency \"{dependency.Service}\" failed: {e.Message}");
            }
        }

        private IEnumerable<ObservedContainer> Active(string service) =>
            project.Containers(service).Where(c => c.State == ContainerStates.Running || c.State == ContainerStates.Paused || c.State == ContainerStates.Restarting);

        private async Task<IReadOnlyList<ServiceFailure>> AllAtOnceAsync(ICollection<string> services, Func<string, IEnumerable<ObservedContainer>> select,
            Verb verb, Func<ObservedContainer, CancellationToken, Task> action, CancellationToken ct)
        {
            var failures = new List<ServiceFailure>();
            var work = services.Select(name => (name, task: EachAsync(select(name), verb, c => action(c, ct)))).ToList();
            foreach (var (name, task) in work)
            {
                try { await task.ConfigureAwait(false); }
                catch (Exception e) when (!(e is OperationCanceledException && ct.IsCancellationRequested))
                {
                    failures.Add(new ServiceFailure(name, e));
                }
            }
            ct.ThrowIfCancellationRequested();
            return failures;
        }

        /// <summary>The action on every container at once; the first failure is rethrown after all have finished.</summary>
        private Task EachAsync(IEnumerable<ObservedContainer> containers, Verb verb, Func<ObservedContainer, Task> action) =>
            Task.WhenAll(containers.Select(c => OneAsync(c, verb, action)).ToArray());

        /// <summary>One container action with its progress lines; a container already gone counts as done.</summary>
        private async Task OneAsync(ObservedContainer container, Verb verb, Func<ObservedContainer, Task> action)
        {
            report($"Container {container.Name}  {verb.Doing}");
            try { await action(container).ConfigureAwait(false); }
            catch (EngineException e) when (e.IsNotFound) { return; }
            catch (EngineException e)
            {
                throw new ComposeException(e.IsConflict ? ErrorIds.EngineConflict : verb.Name + "ContainerFailed", $"container {container.Name}: {e.Message}", container.Service, e);
            }
            report($"Container {container.Name}  {verb.Done}");
        }

        private void Skipped(string service) => warn($"service \"{service}\" was skipped: a service it depends on failed");

        private static int? Seconds(TimeSpan? timeout) => timeout.HasValue ? (int)timeout.Value.TotalSeconds : (int?)null;
    
    }

    /// <summary>A container action's name (for error ids) and the progress words Compose prints for it.</summary>
    internal sealed class Verb
    {
        public static readonly Verb Start = new Verb("Start", "Starting", "Started");
        public static readonly Verb Stop = new Verb("Stop", "Stopping", "Stopped");
        public static readonly Verb Kill = new Verb("Kill", "Killing", "Killed");
        public static readonly Verb Restart = new Verb("Restart", "Restarting", "Started");
        public static readonly Verb Pause = new Verb("Pause", "Pausing", "Paused");
        public static readonly Verb Unpause = new Verb("Unpause", "Unpausing", "Unpaused");
        public static readonly Verb Remove = new Verb("Remove", "Removing", "Removed");

        private Verb(string name, string doing, string done)
        {
            Name = name;
            Doing = doing;
            Done = done;
        }

        public string Name { get; }

        public string Doing { get; }

        public string Done { get; }
    }
}
