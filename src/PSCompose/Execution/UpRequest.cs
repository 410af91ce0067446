using System;
using System.Collections.Generic;

namespace PSCompose.Execution
{
    internal enum PullOption
    {
        Policy,
        Always,
        Missing,
        Never,
    }

    /// <summary>The switches of Invoke-ComposeUp (docker compose up -d).</summary>
    internal sealed class UpRequest
    {
        public IReadOnlyList<string> Services { get; set; } = new string[0];
        public bool Build { get; set; }
        public bool NoBuild { get; set; }
        public PullOption Pull { get; set; }
        public bool ForceRecreate { get; set; }
        public bool NoRecreate { get; set; }
        public bool AlwaysRecreateDeps { get; set; }
        public bool RenewAnonVolumes { get; set; }
        public bool NoDeps { get; set; }
        public bool RemoveOrphans { get; set; }
        public IDictionary<string, int> Scale { get; set; } = new Dictionary<string, int>();
        public bool NoStart { get; set; }
        public TimeSpan? Timeout { get; set; }
        public bool Wait { get; set; }
        public TimeSpan? WaitTimeout { get; set; }

        /// <summary>Diverged volumes the user agreed to recreate (-Force or yes to Compose's question).</summary>
        public ISet<string> RecreateVolumes { get; } = new HashSet<string>();
        public bool Compatibility { get; set; }

        /// <summary>run: the service of the one-off; Services is that service, and only its dependencies are brought up.</summary>
        public string OneOffService { get; set; }
    }
}
