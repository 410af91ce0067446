using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Execution;
using PSCompose.Execution.Commands;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// A command's sink on the cmdlet's pipeline: every call is posted to the pipeline thread (the queue of
    /// <see cref="ComposeCmdlet.Stream"/>), the only place Write* may be called. Questions (ShouldProcess,
    /// ShouldContinue) are asked there too and their answer handed back to the waiting entry point.
    /// </summary>
    internal sealed class CmdletSink<T> : ICommandSink<T>
    {
        private readonly ComposeCmdlet cmdlet;
        private readonly PipelineQueue queue;

        /// <summary>Each plan's progress, by activity; touched on the pipeline thread only.</summary>
        private readonly Dictionary<string, ExecutionReporter> reporters = new Dictionary<string, ExecutionReporter>();

        public CmdletSink(ComposeCmdlet cmdlet, PipelineQueue queue)
        {
            this.cmdlet = cmdlet;
            this.queue = queue;
        }

        public void Write(T result) => queue.Post(() => cmdlet.WriteObject(result));

        public void Warning(string message) => queue.Post(() => cmdlet.WriteWarning(message));

        public void Verbose(string message) => queue.Post(() => cmdlet.WriteVerbose(message));

        public void Error(Exception error, object target = null) => queue.Post(() => cmdlet.WriteComposeError(error, target));

        public void PlanEvent(string activity, ExecutionEvent e) => queue.Post(() =>
        {
            if (!reporters.TryGetValue(activity, out ExecutionReporter reporter)) reporters[activity] = reporter = new ExecutionReporter(cmdlet, activity);
            reporter.Report(e);
        });

        public void PlanDone(string activity) => queue.Post(() =>
        {
            if (!reporters.TryGetValue(activity, out ExecutionReporter reporter)) return;
            reporter.Complete();
            reporters.Remove(activity);
        });

        public void Progress(CommandProgress progress) => queue.Post(() => cmdlet.WriteProgress(
            new ProgressRecord(progress.Id, progress.Activity, progress.Status)
            {
                CurrentOperation = progress.Detail,
                RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            }));

        public Task<bool> ShouldProcessAsync(string target, string action, CancellationToken ct) =>
            AskAsync(() => cmdlet.ShouldProcess(target, action), ct);

        public Task<bool> ShouldContinueAsync(string query, string caption, CancellationToken ct) =>
            AskAsync(() => cmdlet.ShouldContinue(query, caption), ct);

        private async Task<bool> AskAsync(Func<bool> question, CancellationToken ct)
        {
            var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            queue.Post(() =>
            {
                try
                {
                    answer.TrySetResult(question());
                }
                catch (Exception e)
                {
                    answer.TrySetException(e);
                    throw;
                }
            });
            using (ct.Register(() => answer.TrySetCanceled()))
                return await answer.Task.ConfigureAwait(false);
        }
    }
}
