using System;

namespace PSCompose
{
    /// <summary>How a command run by Invoke-ComposeExec ended (-PassThru).</summary>
    public class ComposeExecResult
    {
        public string ProjectName { get; set; }

        public string Service { get; set; }

        /// <summary>The container the command ran in.</summary>
        public string ContainerName { get; set; }

        public string ContainerId { get; set; }

        /// <summary>The command's exit code: 126 when the runtime could not start it, as docker compose exec.</summary>
        public long ExitCode { get; set; }

        public TimeSpan Duration { get; set; }
    }

    /// <summary>How a one-off container run by Invoke-ComposeRun ended (-PassThru).</summary>
    public sealed class ComposeRunResult : ComposeExecResult
    {
        /// <summary>True when -Remove removed the one-off container afterwards.</summary>
        public bool Removed { get; set; }
    }
}
