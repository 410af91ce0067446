using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.ModuleTests.Up;
using PSCompose.Testing;

namespace PSCompose.ModuleTests.Attach
{
    /// <summary>What one Invoke-ComposeUp -Attach wrote: its log records, its result, and the rest of the streams.</summary>
    internal sealed class AttachedRun
    {
        public AttachedRun(RunResult run)
        {
            Run = run;
            Records = run.Output.Where(o => o.TypeNames.Contains("PSCompose.ComposeLogRecord")).ToList();
            Results = run.Output.Where(o => o.TypeNames.Contains("PSCompose.ComposeUpResult")).ToList();
        }

        public RunResult Run { get; }

        public List<PSObject> Records { get; }

        public List<PSObject> Results { get; }

        /// <summary>The one result's ExitCode.</summary>
        public int ExitCode => (int)Prop(Results.Single(), "ExitCode");

        /// <summary>(service, stream, line) of every record, in output order.</summary>
        public List<(string Service, string Stream, string Line)> Lines =>
            Records.Select(r => ((string)Prop(r, "Service"), Prop(r, "Stream").ToString(), (string)Prop(r, "Line"))).ToList();

        public List<string> Status =>
            Run.Information.Where(i => i.Tags.Contains("Status")).Select(i => i.MessageData.ToString()).ToList();

        public static object Prop(PSObject o, string name) => o.Properties[name].Value;

        public static AttachedRun Up(UpProject p, string parameters) => new AttachedRun(p.PsUp("-Attach " + parameters));
    }
}
