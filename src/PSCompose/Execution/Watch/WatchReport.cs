using System;

namespace PSCompose.Execution.Watch
{
    /// <summary>Where a watch session's output goes; the cmdlet posts each to the pipeline thread.</summary>
    internal sealed class WatchReport
    {
        /// <summary>Compose's watch messages (Watch enabled, Syncing service …).</summary>
        public Action<string> Message { get; set; } = _ => { };

        /// <summary>Details Compose shows at debug level (the changed paths).</summary>
        public Action<string> Detail { get; set; } = _ => { };

        public Action<string> Warning { get; set; } = _ => { };

        public Action<ComposeWatchEvent> Event { get; set; } = _ => { };

        /// <summary>A service's build and exec output lines.</summary>
        public Action<string, string> Output { get; set; } = (service, line) => { };
    }
}
