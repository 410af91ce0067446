using System.Linq;
using PSCompose.Engine;
using PSCompose.Plan;

namespace PSCompose.Execution
{
    /// <summary>Failures that mean another actor (a second up, docker compose) changed the project while a plan ran.</summary>
    internal static class ConcurrentChange
    {
        private static readonly OperationKind[] ContainerSteps =
        {
            OperationKind.CreateContainer, OperationKind.StartContainer, OperationKind.StopContainer,
            OperationKind.RemoveContainer, OperationKind.RenameContainer, OperationKind.ConnectNetwork, OperationKind.DisconnectNetwork,
        };

        /// <summary>A container step that found its container gone or its name taken: the plan was made from a state that no longer holds.</summary>
        public static bool LostARace(OperationFailure failure) =>
            ContainerSteps.Contains(failure.Operation.Kind)
            && failure.Error is EngineException e
            && (e.IsNotFound || e.IsConflict || e.IsRemovalInProgress);
    }
}
