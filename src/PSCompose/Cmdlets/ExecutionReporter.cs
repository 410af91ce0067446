using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using PSCompose.Engine;
using PSCompose.Execution;
using PSCompose.Plan;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Turns executor events into one progress record per service plus a -Verbose line per operation; in CI mode,
    /// into plain lines in a collapsible group per phase and service instead of progress records.
    /// Events arrive on pool threads; everything here runs on the pipeline thread via the queue.
    /// </summary>
    internal sealed class ExecutionReporter
    {
        private readonly ComposeCmdlet cmdlet;
        private readonly string activity;
        private readonly Dictionary<string, int> progressIds = new Dictionary<string, int>();
        private readonly ConcurrentDictionary<string, ServiceTransfer> transfers = new ConcurrentDictionary<string, ServiceTransfer>();

        public ExecutionReporter(ComposeCmdlet cmdlet, string activity)
        {
            this.cmdlet = cmdlet;
            this.activity = activity;
            ci = cmdlet.Ci != null;
        }

        /// <summary>Read on pool threads, so fixed at construction (the CI log itself is touched on the pipeline thread only).</summary>
        private readonly bool ci;

        private bool closed;

        public void Report(ExecutionEvent e)
        {
            PlanOperation op = e.Operation;
            string line = $"{op.Resource} {op.Kind}{(op.Reason != null ? " (" + op.Reason + ")" : "")}: {e.Status}{(e.Message != null ? " - " + e.Message : "")}";
            cmdlet.WriteVerbose(line);
            if (closed) return;
            string key = op.Service ?? op.Resource;
            if (cmdlet.Ci != null)
            {
                // One line per operation, when it ends: operations of different services interleave, and each switch
                // of service closes one group and opens another.
                if (e.Status != OperationStatus.Started) cmdlet.Ci.InGroup($"{activity}: {CiLog.Phase(op.Kind)} {key}", line);
                return;
            }
            var record = new ProgressRecord(IdOf(key), activity, $"{key}: {op.Kind} {e.Status}")
            {
                RecordType = ProgressRecordType.Processing,
            };
            cmdlet.WriteProgress(record);
        }

        /// <summary>
        /// Points the executor's build and pull output at this invocation: build output (and pull lines when nothing
        /// draws a bar) to the Information stream, pull and build progress to the records when <paramref name="bars"/>;
        /// -QuietPull hides the pull progress, -QuietBuild the build output and progress (docker compose --quiet-pull,
        /// --quiet-build). A line with a stream is build output, as the engine reports it.
        /// </summary>
        public void Wire(ExecutionContext context, PipelineQueue queue, bool bars, bool quietPull, bool quietBuild)
        {
            if (!quietBuild) context.Output = (service, line) => queue.Post(() => cmdlet.WriteInformation(cmdlet.ForLog(line), new[] { "PSCompose", service }));
            // With a Transfer callback the executor sends pull lines there only, so -QuietPull keeps them off the stream too.
            if (bars || quietPull)
                context.Transfer = (service, line) => { if (bars && (line.Stream != null ? !quietBuild : !quietPull)) Transfer(service, line, queue); };
        }

        /// <summary>Folds a pull/build line into the service's record (bytes or build step); call on any thread, writes through the queue.</summary>
        public void Transfer(string service, EngineProgress line, PipelineQueue queue)
        {
            if (ci)
            {
                string plain = CiLog.PlainLine(line);
                if (plain != null) queue.Post(() => { if (!closed) cmdlet.Ci.InGroup($"{activity}: {(line.Stream != null ? "build" : "pull")} {service}", plain); });
                return;
            }
            ServiceTransfer transfer = transfers.GetOrAdd(service, _ => new ServiceTransfer());
            string status, bytes;
            int percent;
            lock (transfer)
            {
                if (!transfer.Apply(line)) return;
                status = $"{service}: {transfer.Status}";
                percent = transfer.Percent;
                bytes = transfer.Total > 0 ? $"{transfer.Current} of {transfer.Total} bytes" : null;
            }
            queue.Post(() => { if (!closed) cmdlet.WriteProgress(new ProgressRecord(IdOf(service), activity, status) { PercentComplete = percent, CurrentOperation = bytes }); });
        }

        private int IdOf(string key)
        {
            if (!progressIds.TryGetValue(key, out int id)) progressIds[key] = id = progressIds.Count + 1;
            return id;
        }

        /// <summary>Completes the progress records and writes no more (-Verbose lines go on): log records follow.</summary>
        public void Close()
        {
            if (closed) return;
            Complete();
            closed = true;
        }

        public void Complete()
        {
            cmdlet.Ci?.CloseGroup();
            if (closed) return;
            foreach (var entry in progressIds)
                cmdlet.WriteProgress(new ProgressRecord(entry.Value, activity, entry.Key) { RecordType = ProgressRecordType.Completed });
        }
    }
}
