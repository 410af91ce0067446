using System;
using System.Collections.Generic;
using PSCompose.Model;
using PSCompose.Plan;

namespace PSCompose.Execution
{
    /// <summary>The facts a plan runs against: the model it came from, the hashes, and the images resolved.</summary>
    internal sealed class ExecutionContext
    {
        public ProjectModel Project { get; set; }

        public DesiredProject Desired { get; set; }

        public ObservedState Observed { get; set; }

        /// <summary>The project's name, also when it comes from labels alone (no model).</summary>
        public string ProjectName => Project?.Name ?? Desired?.Name;

        /// <summary>Local image id by service, once images exist (com.docker.compose.image).</summary>
        public IDictionary<string, string> ImageIds { get; set; } = new Dictionary<string, string>();

        public bool NoCache { get; set; }

        public bool PullOnBuild { get; set; }

        /// <summary>Warnings go here (unmanaged network reused, …).</summary>
        public Action<string> Warn { get; set; } = _ => { };

        /// <summary>Build and pull output lines, for the information stream.</summary>
        public Action<string, string> Output { get; set; } = (service, line) => { };

        /// <summary>Pull and build progress lines, for a progress bar; when set, pull lines no longer go to <see cref="Output"/>.</summary>
        public Action<string, Engine.EngineProgress> Transfer { get; set; }

        /// <summary>
        /// Awaited before each StartContainer with the container's id, as part of the operation (attached up attaches
        /// here, so nothing the container prints at start is lost). A failure fails the start.
        /// </summary>
        public Func<PlanOperation, string, System.Threading.CancellationToken, System.Threading.Tasks.Task> BeforeStart { get; set; }
    }
}
