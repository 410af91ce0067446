using System;

namespace PSCompose
{
    /// <summary>
    /// How an attached Invoke-ComposeUp ended: the exit code Compose's up would return, and each followed container's
    /// exit in the order they exited. Written last, after the log records.
    /// </summary>
    public sealed class ComposeUpResult
    {
        public string ProjectName { get; set; }

        /// <summary>
        /// docker compose up's exit code: 0 without -AbortOnContainerExit/-AbortOnContainerFailure/-ExitCodeFrom; the
        /// first exited container's code with -AbortOnContainerExit; the first non-zero with -AbortOnContainerFailure;
        /// the first exit of the -ExitCodeFrom service (137/143 when the abort stopped it).
        /// </summary>
        public int ExitCode { get; set; }

        /// <summary>True when an exit triggered the abort that stopped the services.</summary>
        public bool Aborted { get; set; }

        /// <summary>Each container that exited while followed, first exit first (a restart-policy restart is not an exit).</summary>
        public ComposeContainerExit[] Containers { get; set; } = new ComposeContainerExit[0];
    }
}
