using PSCompose.Plan;

namespace PSCompose.Execution
{
    internal enum OperationStatus
    {
        Started,
        Done,
        Failed,
        Skipped,
    }

    /// <summary>Progress of one plan operation; the cmdlet turns these into Write-Progress and -Verbose lines.</summary>
    internal sealed class ExecutionEvent
    {
        public ExecutionEvent(PlanOperation operation, OperationStatus status, string message = null)
        {
            Operation = operation;
            Status = status;
            Message = message;
        }

        public PlanOperation Operation { get; }

        public OperationStatus Status { get; }

        public string Message { get; }
    }
}
