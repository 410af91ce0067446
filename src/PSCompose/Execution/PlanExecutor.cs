using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Plan;

namespace PSCompose.Execution
{
    /// <summary>A plan operation that failed, with the engine's or Compose's message.</summary>
    internal sealed class OperationFailure
    {
        public OperationFailure(PlanOperation operation, Exception error)
        {
            Operation = operation;
            Error = error;
        }

        public PlanOperation Operation { get; }

        public Exception Error { get; }
    }

    /// <summary>
    /// Runs a plan on the engine: every operation as soon as the ones it depends on are done, independent ones
    /// in parallel. A failure skips the operations that depend on it and lets the rest go on, so the whole
    /// outcome is known; temp-named containers of unfinished recreates are removed on failure or Ctrl+C.
    /// </summary>
    internal sealed partial class PlanExecutor
    {
        private readonly IEngineClient engine;
        private readonly ExecutionContext context;
        private readonly Action<ExecutionEvent> report;
        private readonly ConcurrentDictionary<int, string> createdIds = new ConcurrentDictionary<int, string>();
        private readonly ConcurrentDictionary<int, bool> renamed = new ConcurrentDictionary<int, bool>();
        private readonly ConcurrentBag<OperationFailure> failures = new ConcurrentBag<OperationFailure>();

        public PlanExecutor(IEngineClient engine, ExecutionContext context, Action<ExecutionEvent> report)
        {
            this.engine = engine;
            this.context = context;
            this.report = report;
        }

        /// <summary>Container ids created by CreateContainer operations, by operation id.</summary>
        public IReadOnlyDictionary<int, string> CreatedIds => createdIds;

        public async Task<IReadOnlyList<OperationFailure>> RunAsync(ComposePlan plan, CancellationToken ct)
        {
            var tasks = new Dictionary<int, Task<bool>>();
            foreach (PlanOperation op in plan.Operations)
                tasks[op.Id] = RunWhenReady(op, op.DependsOn.Select(d => tasks[d.Id]).ToArray(), ct);
            await Task.WhenAll(tasks.Values).ConfigureAwait(false);

            if (failures.Count > 0 || ct.IsCancellationRequested)
                await RemoveUnfinishedRecreates(plan).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            return failures.OrderBy(f => f.Operation.Id).ToList();
        }

        private async Task<bool> RunWhenReady(PlanOperation op, Task<bool>[] dependencies, CancellationToken ct)
        {
            bool[] ready = await Task.WhenAll(dependencies).ConfigureAwait(false);
            if (ready.Any(ok => !ok) || ct.IsCancellationRequested)
            {
                report(new ExecutionEvent(op, OperationStatus.Skipped, ct.IsCancellationRequested ? "cancelled" : "a dependency failed"));
                return false;
            }
            report(new ExecutionEvent(op, OperationStatus.Started));
            try
            {
                await ExecuteAsync(op, ct).ConfigureAwait(false);
                report(new ExecutionEvent(op, OperationStatus.Done));
                return true;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                report(new ExecutionEvent(op, OperationStatus.Skipped, "cancelled"));
                return false;
            }
            catch (Exception e)
            {
                failures.Add(new OperationFailure(op, e));
                report(new ExecutionEvent(op, OperationStatus.Failed, e.Message));
                return op.BestEffort;
            }
        }

        private Task ExecuteAsync(PlanOperation op, CancellationToken ct)
        {
            switch (op.Kind)
            {
                case OperationKind.PullImage: return PullAsync(op, ct);
                case OperationKind.BuildImage: return BuildAsync(op, ct);
                case OperationKind.RemoveImage: return IgnoreNotFound(engine.RemoveImageAsync(op.Name, false, ct));
                case OperationKind.CreateNetwork: return CreateNetworkAsync(op, ct);
                case OperationKind.RemoveNetwork: return IgnoreNotFound(engine.RemoveNetworkAsync(op.Name, ct));
                case OperationKind.DisconnectNetwork: return IgnoreNotFound(engine.DisconnectNetworkAsync(op.Name, op.Container.Id, true, ct));
                case OperationKind.ConnectNetwork: return ConnectNetworkAsync(op, ct);
                case OperationKind.CreateVolume: return CreateVolumeAsync(op, ct);
                case OperationKind.RemoveVolume: return IgnoreNotFound(engine.RemoveVolumeAsync(op.Name, true, ct));
                case OperationKind.CreateContainer: return CreateContainerAsync(op, ct);
                case OperationKind.StartContainer: return engine.StartContainerAsync(ContainerId(op), ct);
                case OperationKind.StopContainer: return IgnoreNotFound(engine.StopContainerAsync(ContainerId(op), TimeoutSeconds(op), ct));
                case OperationKind.RemoveContainer: return IgnoreNotFound(engine.RemoveContainerAsync(ContainerId(op), true, op.RemoveVolumes, ct));
                case OperationKind.RenameContainer: return RenameAsync(op, ct);
                case OperationKind.WaitCondition: return DependencyWaiter.WaitAsync(engine, context.ProjectName, op.Service, op.Condition, ct);
                case OperationKind.KillContainer: return IgnoreNotFound(engine.KillContainerAsync(ContainerId(op), op.Signal ?? "SIGKILL", ct));
                case OperationKind.PauseContainer: return IgnoreNotFound(engine.PauseContainerAsync(ContainerId(op), ct));
                case OperationKind.UnpauseContainer: return IgnoreNotFound(engine.UnpauseContainerAsync(ContainerId(op), ct));
                case OperationKind.RestartContainer: return IgnoreNotFound(engine.RestartContainerAsync(ContainerId(op), TimeoutSeconds(op), ct));
                case OperationKind.RequireContainer: throw NoContainerToStart(op);
                default: throw new NotSupportedException("Unknown operation " + op.Kind);
            }
        }

        private static ComposeException NoContainerToStart(PlanOperation op) =>
            new ComposeException("NoContainerToStart", System.Management.Automation.ErrorCategory.ObjectNotFound,
                $"service \"{op.Service}\" has no container to start", op.Service);

        private string ContainerId(PlanOperation op) =>
            op.CreatedBy != null ? createdIds[op.CreatedBy.Id] : op.Container.Id;

        private static int? TimeoutSeconds(PlanOperation op) => op.Timeout.HasValue ? (int)op.Timeout.Value.TotalSeconds : (int?)null;

        private async Task RenameAsync(PlanOperation op, CancellationToken ct)
        {
            await engine.RenameContainerAsync(createdIds[op.CreatedBy.Id], op.Name, ct).ConfigureAwait(false);
            renamed[op.CreatedBy.Id] = true;
        }

        /// <summary>A recreate that did not reach its rename leaves a temp-named container: remove it.</summary>
        private async Task RemoveUnfinishedRecreates(ComposePlan plan)
        {
            foreach (PlanOperation create in plan.Operations.Where(o => o.Kind == OperationKind.CreateContainer && o.Replaces != null))
            {
                if (renamed.ContainsKey(create.Id)) continue;
                string idOrName = createdIds.TryGetValue(create.Id, out string id) ? id : create.Name;
                try { await engine.RemoveContainerAsync(idOrName, true, false, CancellationToken.None).ConfigureAwait(false); }
                catch (EngineException e) when (e.IsNotFound) { }
                catch (Exception e) { context.Warn($"Could not remove the unfinished replacement container {create.Name}: {e.Message}"); }
            }
        }

        private static async Task IgnoreNotFound(Task task)
        {
            try { await task.ConfigureAwait(false); }
            catch (EngineException e) when (e.IsNotFound) { }
        }
    }
}
