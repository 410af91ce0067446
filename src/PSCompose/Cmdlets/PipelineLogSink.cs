using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Execution;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Log streams to the pipeline: one queued action per batch of lines (the bounded post is the back-pressure),
    /// each line presented (prefix, width, colour) on the pipeline thread in the order it is written. Status lines go
    /// to the Information stream, tagged PSCompose, Status and the service.
    /// </summary>
    internal sealed class PipelineLogSink : ILogSink
    {
        private readonly ComposeCmdlet cmdlet;
        private readonly PipelineQueue queue;
        private readonly LogPresenter presenter;
        private readonly bool raw;

        public PipelineLogSink(ComposeCmdlet cmdlet, PipelineQueue queue, LogPresenter presenter, bool raw)
        {
            this.cmdlet = cmdlet;
            this.queue = queue;
            this.presenter = presenter;
            this.raw = raw;
        }

        public Task LinesAsync(LogTarget target, IReadOnlyList<OutputLine> lines, CancellationToken ct) => queue.PostAsync(() =>
        {
            foreach (OutputLine line in lines)
            {
                ComposeLogRecord record = presenter.Present(target.Record(line));
                if (raw) cmdlet.WriteObject(record.ToDisplayString(false));
                else cmdlet.WriteObject(record);
            }
        }, ct);

        public void Status(LogTarget target, string message)
        {
            string name = Model.ComposeNames.LogName(target.Project, target.Service, target.Number, target.Name);
            queue.Post(() => cmdlet.WriteInformation(name + " " + message, new[] { "PSCompose", "Status", target.Service }));
        }

        public void Warning(string message) => queue.Post(() => cmdlet.WriteWarning(message));

        public void Error(Exception error, string target) => queue.Post(() => cmdlet.WriteComposeError(error, target));
    }
}
