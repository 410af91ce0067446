using System;
using System.Management.Automation;
using PSCompose.Engine;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// The one mapping from PSCompose's exceptions to ErrorRecords: the id (from <see cref="ErrorIds"/>), its category
    /// from <see cref="ErrorCatalogue"/>, and the target.
    /// </summary>
    internal static class ErrorRecords
    {
        public static bool TryCreate(Exception e, out ErrorRecord record, object target = null)
        {
            if (e is AggregateException ae && ae.InnerExceptions.Count == 1) e = ae.InnerExceptions[0];
            switch (e)
            {
                case ComposeException ce:
                    record = Create(ce, ce.ErrorId, target ?? ce.Target);
                    if (ce.RecommendedAction != null) record.ErrorDetails = new ErrorDetails(ce.Message) { RecommendedAction = ce.RecommendedAction };
                    break;
                case EngineUnavailableException ue:
                    record = Create(ue, UnavailableErrorId(ue.Reason), ue.Endpoint);
                    record.ErrorDetails = new ErrorDetails(ue.Message)
                    {
                        RecommendedAction = "Start the Docker engine, or point DOCKER_HOST or DOCKER_CONTEXT at a running one.",
                    };
                    break;
                case EngineStreamLostException le:
                    record = Create(le, ErrorIds.EngineStreamLost, target ?? le.Endpoint);
                    break;
                case EngineEndpointException ee:
                    record = Create(ee, ErrorIds.EngineEndpointInvalid, target);
                    break;
                case EngineException ex:
                    record = Create(ex, EngineErrorId(ex), target);
                    break;
                default:
                    record = null;
                    return false;
            }
            return true;
        }

        private static ErrorRecord Create(Exception e, string errorId, object target) =>
            new ErrorRecord(e, errorId, ErrorCatalogue.CategoryOf(errorId), target);

        private static string UnavailableErrorId(EngineUnavailableReason reason)
        {
            switch (reason)
            {
                case EngineUnavailableReason.Timeout: return ErrorIds.EngineTimeout;
                case EngineUnavailableReason.NotDockerApi: return ErrorIds.EngineNotDockerApi;
                default: return ErrorIds.EngineUnavailable;
            }
        }

        private static string EngineErrorId(EngineException e)
        {
            if (e.IsNotFound) return ErrorIds.EngineObjectNotFound;
            if (e.IsConflict) return ErrorIds.EngineConflict;
            if (e.StatusCode == 401 || e.StatusCode == 403) return ErrorIds.EngineAccessDenied;
            return ErrorIds.EngineError;
        }
    }
}
