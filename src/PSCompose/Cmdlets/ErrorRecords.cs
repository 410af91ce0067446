using System;
using System.Management.Automation;
using PSCompose.Engine;

namespace PSCompose.Cmdlets
{
    /// <summary>The one mapping from PSCompose's exceptions to ErrorRecords (id, category, target).</summary>
    internal static class ErrorRecords
    {
        public static bool TryCreate(Exception e, out ErrorRecord record, object target = null)
        {
            if (e is AggregateException ae && ae.InnerExceptions.Count == 1) e = ae.InnerExceptions[0];
            switch (e)
            {
                case ComposeException ce:
                    record = new ErrorRecord(ce, ce.ErrorId, ce.Category, target ?? ce.Target);
                    break;
                case EngineUnavailableException ue:
                    record = new ErrorRecord(ue, UnavailableErrorId(ue.Reason), UnavailableCategory(ue.Reason), ue.Endpoint);
                    record.ErrorDetails = new ErrorDetails(ue.Message)
                    {
                        RecommendedAction = "Start the Docker engine, or point DOCKER_HOST or DOCKER_CONTEXT at a running one.",
                    };
                    break;
                case EngineEndpointException ee:
                    record = new ErrorRecord(ee, "EngineEndpointInvalid", ErrorCategory.InvalidArgument, target);
                    break;
                case EngineException ex:
                    record = new ErrorRecord(ex, EngineErrorId(ex), EngineCategory(ex), target);
                    break;
                default:
                    record = null;
                    return false;
            }
            return true;
        }

        private static string UnavailableErrorId(EngineUnavailableReason reason)
        {
            switch (reason)
            {
                case EngineUnavailableReason.Timeout: return "EngineTimeout";
                case EngineUnavailableReason.NotDockerApi: return "EngineNotDockerApi";
                default: return "EngineUnavailable";
            }
        }

        private static ErrorCategory UnavailableCategory(EngineUnavailableReason reason) =>
            reason == EngineUnavailableReason.Timeout ? ErrorCategory.OperationTimeout : ErrorCategory.ConnectionError;

        private static string EngineErrorId(EngineException e)
        {
            if (e.IsNotFound) return "EngineObjectNotFound";
            if (e.IsConflict) return "EngineConflict";
            return "EngineError";
        }

        private static ErrorCategory EngineCategory(EngineException e)
        {
            if (e.IsNotFound) return ErrorCategory.ObjectNotFound;
            if (e.IsConflict) return ErrorCategory.ResourceExists;
            if (e.StatusCode == 401 || e.StatusCode == 403) return ErrorCategory.PermissionDenied;
            return ErrorCategory.InvalidOperation;
        }
    }
}
