using System;
using System.Collections.Generic;

namespace PSCompose.Plan
{
    internal enum RecreatePolicy
    {
        Diverged,
        Force,
        Never,
    }

    internal enum PlanScope
    {
        /// <summary>Networks, volumes, containers, orphans (create, up -NoStart).</summary>
        Create,

        /// <summary>Create, then start every non-running container in dependency order (up).</summary>
        CreateAndStart,
    }

    internal sealed class PlanOptions
    {
        /// <summary>Targeted services; empty = all. Without NoDeps their dependencies are planned too.</summary>
        public List<string> Services { get; set; } = new List<string>();

        /// <summary>Policy for targeted services.</summary>
        public RecreatePolicy Recreate { get; set; } = RecreatePolicy.Diverged;

        /// <summary>Policy for dependencies that were not targeted.</summary>
        public RecreatePolicy RecreateDependencies { get; set; } = RecreatePolicy.Diverged;

        /// <summary>A recreated container inherits the anonymous volumes of the one it replaces (false with -RenewAnonVolumes).</summary>
        public bool Inherit { get; set; } = true;

        public bool RemoveOrphans { get; set; }

        /// <summary>COMPOSE_IGNORE_ORPHANS: neither warn about orphans nor remove them.</summary>
        public bool IgnoreOrphans { get; set; }

        /// <summary>--scale overrides, by service.</summary>
        public Dictionary<string, int> Scale { get; set; } = new Dictionary<string, int>();

        public bool NoDeps { get; set; }

        public PlanScope Scope { get; set; } = PlanScope.Create;

        /// <summary>-t: stop timeout; null lets the engine use the container's StopTimeout.</summary>
        public TimeSpan? Timeout { get; set; }

        /// <summary>
        /// Answers "Volume %q exists but doesn't match configuration in compose file. Recreate (data will be lost)?".
        /// Null declines (the non-interactive default); -y answers yes.
        /// </summary>
        public Func<string, bool> ConfirmVolumeRecreate { get; set; }

        /// <summary>Names of diverged volumes already confirmed for recreation (up -Force, or answered yes on the pipeline thread).</summary>
        public ISet<string> RecreateVolumes { get; set; } = new HashSet<string>();

        /// <summary>Maps the up/create switches the way Compose does (cmd/compose/up.go, create.go).</summary>
        public static PlanOptions ForUp(bool forceRecreate = false, bool noRecreate = false, bool alwaysRecreateDeps = false,
            bool renewAnonVolumes = false, bool noStart = false)
        {
            if (forceRecreate && noRecreate)
            {
                throw new ArgumentException("-ForceRecreate and -NoRecreate are incompatible");
            }
            var options = new PlanOptions { Scope = noStart ? PlanScope.Create : PlanScope.CreateAndStart };
            if (forceRecreate || renewAnonVolumes)
            {
                options.Recreate = RecreatePolicy.Force;
            }
            else if (noRecreate)
            {
                options.Recreate = RecreatePolicy.Never;
            }
            if (alwaysRecreateDeps)
            {
                options.RecreateDependencies = RecreatePolicy.Force;
            }
            else if (noRecreate)
            {
                options.RecreateDependencies = RecreatePolicy.Never;
            }
            options.Inherit = !renewAnonVolumes;
            return options;
        }
    }

    internal enum RemoveImages
    {
        None,
        Local,
        All,
    }

    internal sealed class DownOptions
    {
        /// <summary>Services to take down (with the services that depend on them); empty = all.</summary>
        public List<string> Services { get; set; } = new List<string>();

        public bool RemoveOrphans { get; set; }

        /// <summary>-v: remove named volumes and the containers' anonymous volumes.</summary>
        public bool Volumes { get; set; }

        public RemoveImages Images { get; set; } = RemoveImages.None;

        public TimeSpan? Timeout { get; set; }
    }
}
