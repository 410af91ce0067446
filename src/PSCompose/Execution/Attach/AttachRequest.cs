using System.Collections.Generic;

namespace PSCompose.Execution.Attach
{
    /// <summary>How an attached Invoke-ComposeUp ends: on its own, or by stopping the services at a (failed) exit.</summary>
    internal enum Cascade
    {
        None,
        OnExit,
        OnFailure,
    }

    /// <summary>The attached-up switches of Invoke-ComposeUp (docker compose up without -d).</summary>
    internal sealed class AttachRequest
    {
        /// <summary>--attach: null when not given.</summary>
        public IReadOnlyList<string> AttachServices { get; set; }

        public IReadOnlyList<string> NoAttach { get; set; } = new string[0];

        public bool AttachDependencies { get; set; }

        public bool AbortOnContainerExit { get; set; }

        public bool AbortOnContainerFailure { get; set; }

        public string ExitCodeFrom { get; set; }

        /// <summary>--exit-code-from implies --abort-on-container-exit unless --abort-on-container-failure is set.</summary>
        public Cascade Cascade =>
            AbortOnContainerFailure ? Cascade.OnFailure
            : AbortOnContainerExit || ExitCodeFrom != null ? Cascade.OnExit
            : Cascade.None;
    }
}
