using System.Management.Automation;
using PSCompose.Execution.Stack;

namespace PSCompose.Cmdlets
{
    /// <summary>The stack cmdlets' report: verbose lines, warnings and one progress bar, posted to the pipeline thread.</summary>
    internal static class StackCmdletSupport
    {
        private const int ProgressId = 0x5745;

        public static StackReport Report(PSCmdlet cmdlet, PipelineQueue queue, string activity) => new StackReport
        {
            Verbose = text => queue.Post(() => cmdlet.WriteVerbose(text)),
            Warning = text => queue.Post(() => cmdlet.WriteWarning(text)),
            Progress = (status, percent) => queue.Post(() => cmdlet.WriteProgress(status == null
                ? new ProgressRecord(ProgressId, activity, "done") { RecordType = ProgressRecordType.Completed }
                : new ProgressRecord(ProgressId, activity, status) { PercentComplete = percent })),
        };
    }
}
