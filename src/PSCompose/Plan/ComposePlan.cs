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
}
