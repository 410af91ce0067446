using System;
using System.Collections.Generic;
using System.Management.Automation;
using PSCompose.Engine;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Write-Progress for the image cmdlets: one parent record for the operation, one child record per service with
    /// its bytes (or build step). When $ProgressPreference is SilentlyContinue — checked once, on the pipeline thread —
    /// the reporter is <see cref="Silent"/> and the engine's progress lines are not even folded. In CI mode, plain lines
    /// in a collapsible group per service instead of progress records.
    /// </summary>
    internal class ImageProgressReporter
    {
        private const int ParentId = 1;

        public static readonly ImageProgressReporter Silent = new ImageProgressReporter();

        private static readonly Action<EngineProgress> Ignore = _ => { };

        private readonly PSCmdlet cmdlet;
        private readonly string activity;
        private readonly CiLog ci;
        private readonly Dictionary<string, int> childIds = new Dictionary<string, int>(StringComparer.Ordinal);
        private int expected;
        private int finished;

        private ImageProgressReporter() { }

        private ImageProgressReporter(PSCmdlet cmdlet, string activity, CiLog ci = null)
        {
            this.cmdlet = cmdlet;
            this.activity = activity;
            this.ci = ci;
        }

        /// <summary>Call on the pipeline thread.</summary>
        public static ImageProgressReporter For(ComposeCmdlet cmdlet, string activity) =>
            cmdlet.Ci != null ? new ImageProgressReporter(cmdlet, activity, cmdlet.Ci)
            : Wanted(cmdlet) ? new ImageProgressReporter(cmdlet, activity) : Silent;

        private string GroupTitle(string service) => $"{activity}: {service}";

        private bool Enabled => cmdlet != null;

        /// <summary>How many services the operation covers, for the parent record's percentage.</summary>
        public void Expect(int services) => expected = services;

        /// <summary>Moves the parent record on to the service; call on the pipeline thread.</summary>
        public void Begin(string service)
        {
            if (!Enabled) return;
            if (ci != null)
            {
                ci.InGroup(GroupTitle(service), expected > 0 ? $"{service}: {activity} ({finished + 1} of {expected})" : $"{service}: {activity}");
                return;
            }
            var record = new ProgressRecord(ParentId, activity, expected > 0 ? $"{service} ({finished + 1} of {expected})" : service);
            if (expected > 0) record.PercentComplete = Math.Min(100, finished * 100 / expected);
            cmdlet.WriteProgress(record);
        }

        /// <summary>The callback for one service's engine stream: runs on a pool thread, writes through the queue.</summary>
        public Action<EngineProgress> Service(string service, PipelineQueue queue)
        {
            if (!Enabled) return Ignore;
            if (ci != null)
            {
                return p =>
                {
                    string line = CiLog.PlainLine(p);
                    if (line != null) queue.Post(() => ci.InGroup(GroupTitle(service), line));
                };
            }
            var transfer = new ServiceTransfer();
            int id;
            lock (childIds) id = ChildId(service);
            return p =>
            {
                if (!transfer.Apply(p)) return;
                var record = new ProgressRecord(id, service, transfer.Status) { ParentActivityId = ParentId, PercentComplete = transfer.Percent };
                if (transfer.Total > 0) record.CurrentOperation = $"{transfer.Current} of {transfer.Total} bytes";
                queue.Post(() => cmdlet.WriteProgress(record));
            };
        }

        /// <summary>The service's child record is done (whether the engine call succeeded or not).</summary>
        public void ServiceDone(string service)
        {
            if (!Enabled) return;
            finished++;
            if (ci != null)
            {
                ci.CloseGroup();
                return;
            }
            int id;
            lock (childIds) id = ChildId(service);
            cmdlet.WriteProgress(new ProgressRecord(id, service, "Done") { ParentActivityId = ParentId, RecordType = ProgressRecordType.Completed });
        }

        public void Complete()
        {
            ci?.CloseGroup();
            if (ci == null && Enabled && childIds.Count > 0)
                cmdlet.WriteProgress(new ProgressRecord(ParentId, activity, "Done") { RecordType = ProgressRecordType.Completed });
        }

        private int ChildId(string service)
        {
            if (!childIds.TryGetValue(service, out int id)) childIds[service] = id = ParentId + 1 + childIds.Count;
            return id;
        }

        /// <summary>-ProgressAction (7.4+) when given, else the $ProgressPreference in scope.</summary>
        internal static bool Wanted(PSCmdlet cmdlet)
        {
            object preference = cmdlet.MyInvocation.BoundParameters.TryGetValue("ProgressAction", out object given)
                ? given : cmdlet.GetVariableValue("ProgressPreference");
            return !(LanguagePrimitives.TryConvertTo(preference, out ActionPreference p) && (p == ActionPreference.SilentlyContinue || p == ActionPreference.Ignore));
        }
    }
}
