using System;
using System.Collections.Generic;
using System.Management.Automation;
using PSCompose.Execution;
using PSCompose.Plan;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Turns executor events into one progress record per service plus a -Verbose line per operation.
    /// Events arrive on pool threads; everything here runs on the pipeline thread via the queue.
    /// </summary>
    internal sealed class ExecutionReporter
    {
        private readonly ComposeCmdlet cmdlet;
        private readonly string activity;
        private readonly Dictionary<string, int> progressIds = new Dictionary<string, int>();

        public ExecutionReporter(ComposeCmdlet cmdlet, string activity)
        {
            this.cmdlet = cmdlet;
            this.activity = activity;
        }

        public void Report(ExecutionEvent e)
        {
            PlanOperation op = e.Operation;
            string line = $"{op.Resource} {op.Kind}{(op.Reason != null ? " (" + op.Reason + ")" : "")}: {e.Status}{(e.Message != null ? " - " + e.Message : "")}";
            cmdlet.WriteVerbose(line);
            string key = op.Service ?? op.Resource;
            if (!progressIds.TryGetValue(key, out int id)) progressIds[key] = id = progressIds.Count + 1;
            var record = new ProgressRecord(id, activity, $"{key}: {op.Kind} {e.Status}")
            {
                RecordType = ProgressRecordType.Processing,
            };
            cmdlet.WriteProgress(record);
        }

        public void Complete()
        {
            foreach (var entry in progressIds)
                cmdlet.WriteProgress(new ProgressRecord(entry.Value, activity, entry.Key) { RecordType = ProgressRecordType.Completed });
        }
    }
}
