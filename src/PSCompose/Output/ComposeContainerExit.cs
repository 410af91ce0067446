namespace PSCompose
{
    /// <summary>
    /// A container that exited: one Wait-ComposeService saw exit (docker compose wait's "container … exited with status
    /// code N"), or one an attached Invoke-ComposeUp followed.
    /// </summary>
    public sealed class ComposeContainerExit
    {
        public string ProjectName { get; set; }

        public string Service { get; set; }

        /// <summary>The container name, e.g. myapp-job-1.</summary>
        public string Container { get; set; }

        /// <summary>The replica number; 0 for a one-off container.</summary>
        public int Number { get; set; }

        public bool OneOff { get; set; }

        /// <summary>The exit status the engine reported.</summary>
        public int ExitCode { get; set; }

        /// <summary>The full container ID.</summary>
        public string Id { get; set; }

        /// <summary>When the engine saw it exit (attached up).</summary>
        public System.DateTimeOffset? FinishedAt { get; set; }
    }
}
