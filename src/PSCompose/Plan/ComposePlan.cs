using System.Collections.Generic;
using System.Linq;

namespace PSCompose.Plan
{
    /// <summary>A DAG of operations, stored in a topological order (every operation after the ones it depends on).</summary>
    internal sealed class ComposePlan
    {
        private readonly List<PlanOperation> operations = new List<PlanOperation>();

        public IReadOnlyList<PlanOperation> Operations => operations;

        /// <summary>Warnings the command prints (orphans found, leftover resources, optional dependencies).</summary>
        public List<string> Warnings { get; } = new List<string>();

        /// <summary>
        /// Volumes whose config diverged and were not confirmed for recreation: kept as they are by this plan. The
        /// caller asks (Compose's prompt) and plans again with the answers in PlanOptions.RecreateVolumes.
        /// </summary>
        public List<DivergedVolume> DivergedVolumes { get; } = new List<DivergedVolume>();

        public bool IsEmpty => operations.Count == 0;

        public PlanOperation Add(PlanOperation operation, params PlanOperation[] dependsOn) =>
            Add(operation, (IEnumerable<PlanOperation>)dependsOn);

        public PlanOperation Add(PlanOperation operation, IEnumerable<PlanOperation> dependsOn)
        {
            operation.Id = operations.Count + 1;
            foreach (PlanOperation dependency in dependsOn ?? Enumerable.Empty<PlanOperation>())
            {
                if (dependency != null && !operation.DependsOn.Contains(dependency))
                {
                    operation.DependsOn.Add(dependency);
                }
            }
            operations.Add(operation);
            return operation;
        }

        public override string ToString() => PlanTranscript.Format(this);
    }

    internal sealed class DivergedVolume
    {
        public string Name { get; set; }

        /// <summary>Compose's question, word for word.</summary>
        public string Question { get; set; }
    }
}
