using System;

namespace PSCompose
{
    /// <summary>What a watch action did: Sync, Delete, InitialSync, Restart, Rebuild or Exec.</summary>
    public enum ComposeWatchAction
    {
        Sync,
        Delete,
        InitialSync,
        Restart,
        Rebuild,
        Exec,
    }

    /// <summary>One action Watch-ComposeProject (or Invoke-ComposeUp -Watch) took after files changed.</summary>
    public sealed class ComposeWatchEvent
    {
        /// <summary>When the action completed (UTC).</summary>
        public DateTime Time { get; set; }

        public string ProjectName { get; set; }

        public string Service { get; set; }

        public ComposeWatchAction Action { get; set; }

        /// <summary>The changed host paths the action was for.</summary>
        public string[] Paths { get; set; } = new string[0];

        /// <summary>The containers it reached (names).</summary>
        public string[] Containers { get; set; } = new string[0];

        /// <summary>True when it succeeded in every container.</summary>
        public bool Success { get; set; }

        /// <summary>What went wrong, per container; null on success.</summary>
        public string Error { get; set; }

        /// <summary>How long the action took.</summary>
        public TimeSpan Duration { get; set; }
    }
}
