using System;
using System.Management.Automation;
using PSCompose.Engine;
using PSCompose.Execution;

namespace PSCompose.Cmdlets
{
    /// <summary>A failed plan operation as an error naming the service (or resource) and the engine's message.</summary>
    internal static class OperationError
    {
        public static ComposeException From(OperationFailure failure)
        {
            string subject = failure.Operation.Service != null ? "service " + failure.Operation.Service : failure.Operation.Resource;
            string message = $"{subject}: {failure.Operation.Kind} failed: {failure.Error.Message}";
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
