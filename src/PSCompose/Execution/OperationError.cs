using System;
using System.Collections.Generic;
using PSCompose.Engine;

namespace PSCompose.Execution
{
    /// <summary>A failed plan operation as an error naming the service (or resource) and the engine's message.</summary>
    internal static class OperationError
    {
        /// <summary>"service web", or the resource ("network p_default") for project-wide operations.</summary>
        public static string Subject(OperationFailure failure) =>
            failure.Operation.Service != null ? "service " + failure.Operation.Service : failure.Operation.Resource;

        /// <summary>The failures to report one by one; lost: the engine's error to end with, when losing the engine caused some (see EngineLoss).</summary>
        public static List<OperationFailure> Reportable(IEnumerable<OperationFailure> failures, Action<string> verbose, out EngineUnavailableException lost) =>
            EngineLoss.Collapse(failures, f => f.Error, f => Subject(f) + " " + f.Operation.Kind, verbose, out lost);

        public static ComposeException From(OperationFailure failure)
        {
            string message = $"{Subject(failure)}: {failure.Operation.Kind} failed: {failure.Error.Message}";
            switch (failure.Error)
            {
                case ComposeException ce:
                    return new ComposeException(ce.ErrorId, message, failure.Operation.Service, ce);
                case EngineException ee:
                    return new ComposeException(
                        ee.IsNotFound ? ErrorIds.EngineObjectNotFound : ee.IsConflict ? ErrorIds.EngineConflict : failure.Operation.Kind + "Failed",
                        message, failure.Operation.Service, ee);
                default:
                    return new ComposeException(failure.Operation.Kind + "Failed", message, failure.Operation.Service, failure.Error);
            }
        }
    }
}
