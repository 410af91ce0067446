using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Plan;

namespace PSCompose.Execution
{
    /// <summary>
    /// Keeps each recreate of a plan (create the replacement under a temporary name → stop the old container → remove
    /// it → rename the replacement → start it) whole. Starting to stop the old container commits the recreate: a stop
    /// request then lets it finish. A recreate that did not finish is undone, and only ever by the id this run created:
    /// the replacement is removed and the old container, if this run stopped it, started again. When the old one is
    /// gone (another run replaced it) the replacement is kept, unless another container took the final name.
    /// </summary>
    internal sealed class RecreateRecovery
    {
        private static readonly TimeSpan CleanupBound = TimeSpan.FromSeconds(10);

        private readonly IEngineClient engine;
        private readonly ConcurrentDictionary<int, string> createdIds;
        private readonly Action<string> warn;
        private readonly ConcurrentDictionary<string, bool> committed = new ConcurrentDictionary<string, bool>();
        private readonly ConcurrentDictionary<int, bool> renamed = new ConcurrentDictionary<int, bool>();
        private readonly ConcurrentDictionary<int, bool> finalNameTaken = new ConcurrentDictionary<int, bool>();

        public RecreateRecovery(IEngineClient engine, ConcurrentDictionary<int, string> createdIds, Action<string> warn)
        {
            this.engine = engine;
            this.createdIds = createdIds;
            this.warn = warn;
        }

        /// <summary>True for the steps of a committed recreate, the start of its replacement included.</summary>
        public bool MustFinish(PlanOperation op)
        {
            string group = op.Kind == OperationKind.StartContainer ? op.CreatedBy?.Group : op.Group;
            return group != null && committed.ContainsKey(group);
        }

        /// <summary>Called as an operation starts: a recreate's first step past the create commits it.</summary>
        public bool Commits(PlanOperation op)
        {
            if (op.Group == null || op.Kind == OperationKind.CreateContainer || !IsRecreate(op.Group)) return false;
            committed[op.Group] = true;
            return true;
        }

        public void Renamed(PlanOperation rename) => renamed[rename.CreatedBy.Id] = true;

        public void Failed(PlanOperation op, Exception error)
        {
            if (op.Kind == OperationKind.RenameContainer && op.CreatedBy != null && error is EngineException e && e.IsConflict)
                finalNameTaken[op.CreatedBy.Id] = true;
        }

        /// <summary>After a failure or a stop request: undo or keep each recreate that did not reach its rename.</summary>
        public async Task ResolveUnfinishedAsync(ComposePlan plan)
        {
            using (var bound = new CancellationTokenSource(CleanupBound))
            {
                foreach (PlanOperation create in plan.Operations)
                {
                    if (create.Kind != OperationKind.CreateContainer || create.Replaces == null || renamed.ContainsKey(create.Id)) continue;
                    // Nothing created by this run: nothing of ours to undo (a name conflict means someone else's container).
                    if (!createdIds.TryGetValue(create.Id, out string id)) continue;
                    try
                    {
                        await ResolveAsync(create, id, bound.Token).ConfigureAwait(false);
                    }
                    catch (Exception e) when (!(e is OperationCanceledException) || bound.IsCancellationRequested)
                    {
                        warn($"Could not undo the unfinished recreate of {create.Replaces.Name} (replacement {create.Name}): {e.Message}");
                    }
                }
            }
        }

        private async Task ResolveAsync(PlanOperation create, string id, CancellationToken ct)
        {
            ObservedContainer old = create.Replaces;
            bool oldExists = await ExistsAsync(old.Id, ct).ConfigureAwait(false);
            if (!oldExists && !finalNameTaken.ContainsKey(create.Id))
            {
                warn($"The recreate of {old.Name} did not finish: the old container is gone and the replacement is kept as {create.Name}. Run Invoke-ComposeUp again.");
                return;
            }
            try { await engine.RemoveContainerAsync(id, true, false, ct).ConfigureAwait(false); }
            catch (EngineException e) when (e.IsNotFound) { }
            if (oldExists && old.IsRunning && committed.ContainsKey(create.Group))
                await engine.StartContainerAsync(old.Id, ct).ConfigureAwait(false);
        }

        private async Task<bool> ExistsAsync(string id, CancellationToken ct)
        {
            try { await engine.InspectContainerAsync(id, ct).ConfigureAwait(false); return true; }
            catch (EngineException e) when (e.IsNotFound) { return false; }
        }

        private static bool IsRecreate(string group) => group.StartsWith("recreate:", StringComparison.Ordinal);
    }
}
