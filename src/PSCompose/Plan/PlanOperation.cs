using System;
using System.Collections.Generic;

namespace PSCompose.Plan
{
    internal enum OperationKind
    {
        PullImage,
        BuildImage,
        RemoveImage,
        CreateNetwork,
        RemoveNetwork,
        DisconnectNetwork,
        ConnectNetwork,
        CreateVolume,
        RemoveVolume,
        CreateContainer,
        StartContainer,
        StopContainer,
        RemoveContainer,
        RenameContainer,
        WaitCondition,
        KillContainer,
        PauseContainer,
        UnpauseContainer,
        RestartContainer,

        /// <summary>start of a service that has no container: fails (Compose's "has no container to start").</summary>
        RequireContainer,
    }

    /// <summary>One atomic engine action, the nodes it waits for, and why it is needed.</summary>
    internal sealed class PlanOperation
    {
        public int Id { get; set; }

        /// <summary>"service:web:2", "network:default", "volume:data", "orphan:name", "image:ref", "wait:db:service_healthy".</summary>
        public string Resource { get; set; }

        public OperationKind Kind { get; set; }

        public string Reason { get; set; }

        /// <summary>Operations that must complete first.</summary>
        public List<PlanOperation> DependsOn { get; } = new List<PlanOperation>();

        /// <summary>Event grouping, e.g. "recreate:web:1" for the four steps of a recreate.</summary>
        public string Group { get; set; }

        /// <summary>Service the operation concerns (container, image and wait operations).</summary>
        public string Service { get; set; }

        /// <summary>Replica number (container operations).</summary>
        public int Number { get; set; }

        /// <summary>
        /// Target name: the container name to create (the temp name for a recreate), the final name for a rename,
        /// the network/volume name, the image reference.
        /// </summary>
        public string Name { get; set; }

        /// <summary>
        /// RemoveNetwork/DisconnectNetwork: the engine id of the network acted on. Names can be ambiguous (two racing
        /// first ups can create two networks of one name), ids cannot.
        /// </summary>
        public string TargetId { get; set; }

        /// <summary>The existing container acted on (stop, remove, start, connect, disconnect).</summary>
        public ObservedContainer Container { get; set; }

        /// <summary>For a recreate's CreateContainer: the container replaced; its name is the replace label value.</summary>
        public ObservedContainer Replaces { get; set; }

        /// <summary>For a recreate's CreateContainer: container whose anonymous volumes the new one inherits (null with -V).</summary>
        public ObservedContainer InheritFrom { get; set; }

        /// <summary>For RenameContainer / StartContainer of a created container: the CreateContainer whose result it acts on.</summary>
        public PlanOperation CreatedBy { get; set; }

        /// <summary>Stop timeout; null lets the engine decide.</summary>
        public TimeSpan? Timeout { get; set; }

        /// <summary>RemoveContainer: also remove anonymous volumes (down -v).</summary>
        public bool RemoveVolumes { get; set; }

        /// <summary>WaitCondition: the depends_on condition to wait for.</summary>
        public string Condition { get; set; }

        /// <summary>A failure must not abort the plan (optional dependency wait, renamed-network cleanup, pull of a buildable image).</summary>
        public bool BestEffort { get; set; }

        /// <summary>KillContainer: the signal to send.</summary>
        public string Signal { get; set; }

        /// <summary>BuildImage planned behind a pull: build only if the image is still missing when it runs.</summary>
        public bool OnlyIfImageMissing { get; set; }
    }
}
