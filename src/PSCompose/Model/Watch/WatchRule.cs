using System.Collections.Generic;

namespace PSCompose.Model.Watch
{
    internal enum WatchAction
    {
        Sync,
        Rebuild,
        Restart,
        SyncRestart,
        SyncExec,
    }

    /// <summary>One entry of a service's develop.watch (compose-go Trigger), its path absolute.</summary>
    internal sealed class WatchRule
    {
        public string Service { get; set; }
        public string Path { get; set; }
        public WatchAction Action { get; set; }
        public string Target { get; set; }
        public IReadOnlyList<string> Ignore { get; set; } = new string[0];
        public IReadOnlyList<string> Include { get; set; } = new string[0];
        public bool InitialSync { get; set; }

        /// <summary>The sync+exec hook; null for other actions.</summary>
        public WatchHook Exec { get; set; }

        public bool Syncs => Action == WatchAction.Sync || Action == WatchAction.SyncRestart || Action == WatchAction.SyncExec;
    }

    /// <summary>A service hook (develop.watch[].exec): the command run in each container after a sync.</summary>
    internal sealed class WatchHook
    {
        public IReadOnlyList<string> Command { get; set; } = new string[0];
        public string User { get; set; }
        public bool Privileged { get; set; }
        public string WorkingDir { get; set; }
        public IReadOnlyList<string> Environment { get; set; } = new string[0];
    }
}
