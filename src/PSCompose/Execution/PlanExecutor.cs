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
    /// outcome is known. Ctrl+C skips what has not started, except the rest of a recreate whose old container is
    /// already being stopped: that one finishes (bounded by <see cref="FinishBound"/>), or is rolled back
    /// (<see cref="RecreateRecovery"/>), so no service is left without its container.
    /// </summary>
    internal sealed partial class PlanExecutor
    {
        /// <summary>How long a stop request lets committed recreates finish. Within the cmdlet's cleanup grace.</summary>
        internal static readonly TimeSpan FinishBound = TimeSpan.FromSeconds(15);

        private readonly IEngineClient engine;
        private readonly ExecutionContext context;
        private readonly Action<ExecutionEvent> report;
        private readonly ConcurrentDictionary<int, string> createdIds = new ConcurrentDictionary<int, string>();
        private readonly ConcurrentBag<OperationFailure> failures = new ConcurrentBag<OperationFailure>();
        private readonly RecreateRecovery recreates;

        public PlanExecutor(IEngineClient engine, ExecutionContext context, Action<ExecutionEvent> report)
        {
            this.engine = engine;
            this.context = context;
            this.report = report;
            recreates = new RecreateRecovery(engine, createdIds, message => context.Warn(message));
        }

        /// <summary>Container ids created by CreateContainer operations, by operation id.</summary>
        public IReadOnlyDictionary<int, string> CreatedIds => createdIds;

        public async Task<IReadOnlyList<OperationFailure>> RunAsync(ComposePlan plan, CancellationToken ct)
        {
            using (var finishing = new CancellationTokenSource())
            using (ct.Register(() => finishing.CancelAfter(FinishBound)))
            {
                var tasks = new Dictionary<int, Task<Outcome>>();
                foreach (PlanOperation op in plan.Operations)
                    tasks[op.Id] = RunWhenReady(op, op.DependsOn.Select(d => tasks[d.Id]).ToArray(), ct, finishing.Token);
                await Task.WhenAll(tasks.Values).ConfigureAwait(false);
            }

            if (failures.Count > 0 || ct.IsCancellationRequested)
                await recreates.ResolveUnfinishedAsync(plan).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            return failures.OrderBy(f => f.Operation.Id).ToList();
        }

        /// <summary>
        /// A stop request cuts off long work (pulls, builds, waits) mid-call. Any other operation is one engine call,
        /// which the engine carries out once sent whether or not we still listen, so it is let finish (bounded by
        /// FinishBound): the command then returns to a settled state, and a create's id is known to undo it.
        /// </summary>
        private static bool CutOffByStop(OperationKind kind) =>
            kind == OperationKind.PullImage || kind == OperationKind.BuildImage || kind == OperationKind.WaitCondition;

        private enum Outcome
        {
            Done,
            Failed,
            Cancelled,
        }

        private async Task<Outcome> RunWhenReady(PlanOperation op, Task<Outcome>[] dependencies, CancellationToken ct, CancellationToken finishing)
        {
            Outcome[] before = await Task.WhenAll(dependencies).ConfigureAwait(false);
            if (before.Contains(Outcome.Failed))
            {
                report(new ExecutionEvent(op, OperationStatus.Skipped, "a dependency failed"));
                return Outcome.Failed;
            }
            // A stop request skips what has not started, but not the rest of a committed recreate.
            bool finish = recreates.MustFinish(op);
            if (!finish && (ct.IsCancellationRequested || before.Contains(Outcome.Cancelled)))
            {
                report(new ExecutionEvent(op, OperationStatus.Skipped, "cancelled"));
                return Outcome.Cancelled;
            }
            if (recreates.Commits(op)) finish = true;
            report(new ExecutionEvent(op, OperationStatus.Started));
            try
            {
                await ExecuteAsync(op, finish || !CutOffByStop(op.Kind) ? finishing : ct).ConfigureAwait(false);
                report(new ExecutionEvent(op, OperationStatus.Done));
                return Outcome.Done;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                report(new ExecutionEvent(op, OperationStatus.Skipped, "cancelled"));
                return Outcome.Cancelled;
            }
            catch (Exception e)
            {
                recreates.Failed(op, e);
                failures.Add(new OperationFailure(op, e));
                report(new ExecutionEvent(op, OperationStatus.Failed, e.Message));
                return op.BestEffort ? Outcome.Done : Outcome.Failed;
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
                case OperationKind.RemoveNetwork: return IgnoreNotFound(engine.RemoveNetworkAsync(op.TargetId ?? op.Name, ct));
                case OperationKind.DisconnectNetwork: return IgnoreNotFound(engine.DisconnectNetworkAsync(op.TargetId ?? op.Name, op.Container.Id, true, ct));
                case OperationKind.ConnectNetwork: return ConnectNetworkAsync(op, ct);
                case OperationKind.CreateVolume: return CreateVolumeAsync(op, ct);
                case OperationKind.RemoveVolume: return IgnoreNotFound(engine.RemoveVolumeAsync(op.Name, true, ct));
                case OperationKind.CreateContainer: return CreateContainerAsync(op, ct);
                case OperationKind.StartContainer: return StartAsync(ContainerId(op), op, ct);
                case OperationKind.StopContainer: return IgnoreNotFound(engine.StopContainerAsync(ContainerId(op), TimeoutSeconds(op), ct));
                case OperationKind.RemoveContainer: return RemoveContainerAsync(ContainerId(op), op.RemoveVolumes, ct);
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
            new ComposeException(ErrorIds.NoContainerToStart, $"service \"{op.Service}\" has no container to start", op.Service);

        private string ContainerId(PlanOperation op) =>
            op.CreatedBy != null ? createdIds[op.CreatedBy.Id] : op.Container.Id;

        private static int? TimeoutSeconds(PlanOperation op) => op.Timeout.HasValue ? (int)op.Timeout.Value.TotalSeconds : (int?)null;

        private async Task StartAsync(string id, PlanOperation op, CancellationToken ct)
        {
            if (context.BeforeStart != null) await context.BeforeStart(op, id, ct).ConfigureAwait(false);
            await engine.StartContainerAsync(id, ct).ConfigureAwait(false);
        }

        private async Task RenameAsync(PlanOperation op, CancellationToken ct)
        {
            string id = ContainerId(op);
            try
            {
                await engine.RenameContainerAsync(id, op.Name, ct).ConfigureAwait(false);
            }
            catch (EngineException e) when (!e.IsNotFound)
            {
                // Another run gave it this very name meanwhile: the engine refuses a rename to the current name.
                if (!await HasNameAsync(id, op.Name, ct).ConfigureAwait(false)) throw;
            }
            if (op.CreatedBy != null) recreates.Renamed(op);
        }

        private async Task<bool> HasNameAsync(string id, string name, CancellationToken ct)
        {
            try { return (await engine.InspectContainerAsync(id, ct).ConfigureAwait(false)).Name == name; }
            catch (EngineException e) when (e.IsNotFound) { return false; }
        }

        /// <summary>Removes the container; one that another actor is already removing counts once it is gone.</summary>
        private async Task RemoveContainerAsync(string id, bool removeVolumes, CancellationToken ct)
        {
            try
            {
                await IgnoreNotFound(engine.RemoveContainerAsync(id, true, removeVolumes, ct)).ConfigureAwait(false);
            }
            catch (EngineException e) when (e.IsRemovalInProgress)
            {
                var waited = System.Diagnostics.Stopwatch.StartNew();
                while (waited.Elapsed < RemovalWait)
                {
                    try { await engine.InspectContainerAsync(id, ct).ConfigureAwait(false); }
                    catch (EngineException gone) when (gone.IsNotFound) { return; }
                    await Task.Delay(TimeSpan.FromMilliseconds(100), ct).ConfigureAwait(false);
                }
                throw;
            }
        }

        private static readonly TimeSpan RemovalWait = TimeSpan.FromSeconds(10);

        private static async Task IgnoreNotFound(Task task)
        {
            try { await task.ConfigureAwait(false); }
            catch (EngineException e) when (e.IsNotFound) { }
        }
    }
}
