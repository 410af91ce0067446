using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.Engine;
using PSCompose.Execution;
using PSCompose.Plan;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Stops and removes the project's containers and networks (docker compose down), named
    /// volumes with -Volumes, images with -RemoveImages. External networks and volumes are never removed. With
    /// -ProjectName alone it works from the engine's labels, without a compose file.
    /// </summary>
    /// <example>
    /// <code>Invoke-ComposeDown</code>
    /// <para>Removes the containers and networks of the project in the current directory.</para>
    /// </example>
    /// <example>
    /// <code>Invoke-ComposeDown -ProjectName shop -Volumes -RemoveOrphans</code>
    /// <para>Removes project shop from its labels alone, with its named volumes and orphan containers.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Invoke, "ComposeDown", SupportsShouldProcess = true)]
    [OutputType(typeof(ComposeContainer))]
    public sealed class InvokeComposeDownCommand : ComposeServiceCmdlet
    {
        /// <summary>Also remove named volumes declared in the project, and the containers' anonymous volumes.</summary>
        [Parameter]
        public SwitchParameter Volumes { get; set; }

        /// <summary>Remove images: Local (those built for services without image:) or All (every service image).</summary>
        [Parameter]
        [ValidateSet("Local", "All", IgnoreCase = true)]
        public string RemoveImages { get; set; }

        /// <summary>Also remove containers of services not in the compose file (also COMPOSE_REMOVE_ORPHANS).</summary>
        [Parameter]
        public SwitchParameter RemoveOrphans { get; set; }

        /// <summary>Seconds to wait for a container to stop before it is killed; default: its stop_grace_period (10 s).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int Timeout { get; set; }

        /// <summary>Emit the containers removed (as they were just before).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        internal override bool UnknownServicesAreErrors => LoadsComposeFile;

        internal override void Act(LifecycleProject project, IReadOnlyList<string> named)
        {
            var options = new DownOptions
            {
                Services = named.ToList(),
                Volumes = Volumes,
                RemoveOrphans = RemoveOrphans || InvokeComposeUpCommand.EnvironmentFlag("COMPOSE_REMOVE_ORPHANS"),
                Images = RemoveImages == null ? Plan.RemoveImages.None
                    : (Plan.RemoveImages)Enum.Parse(typeof(Plan.RemoveImages), RemoveImages, true),
                Timeout = BoundTimeout(nameof(Timeout), Timeout),
            };
            TakeDown(this, project, options, PassThru);
        }

        /// <summary>The down plan run for a cmdlet: Invoke-ComposeDown, and Wait-ComposeService -DownProject.</summary>
        internal static void TakeDown(ComposeLifecycleCmdlet cmdlet, LifecycleProject project, DownOptions options, bool passThru)
        {
            if (options.Images != Plan.RemoveImages.None)
                cmdlet.AwaitEngine((engine, ct) => project.ReadImagesAsync(engine, ct));

            ComposePlan plan = DownPlanner.Plan(project.Desired, project.Observed, options);
            foreach (string warning in plan.Warnings) cmdlet.WriteWarning(warning);
            if (plan.IsEmpty) return;
            if (!cmdlet.ShouldProcess($"project {project.Name}", "Take down with the plan:" + Environment.NewLine + PlanTranscript.Format(plan)))
                return;

            List<ComposeContainer> removed = passThru ? RemovedContainers(cmdlet, project, plan) : null;
            IReadOnlyList<OperationFailure> failures = cmdlet.ExecutePlan(project, plan, $"Compose down {project.Name}");
            List<OperationFailure> reportable = OperationError.Reportable(cmdlet, failures, out EngineUnavailableException lost);
            foreach (OperationFailure failure in reportable)
            {
                if (failure.Operation.Kind == OperationKind.RemoveNetwork && IsInUse(failure.Error))
                    cmdlet.WriteWarning($"Network {failure.Operation.Name}: Resource is still in use");
                else
                    cmdlet.WriteComposeError(OperationError.From(failure), failure.Operation.Service ?? failure.Operation.Name);
            }
            if (lost != null) throw lost;
            if (passThru) cmdlet.WriteObject(removed, true);
        }

        /// <summary>A network with containers still attached (an orphan left running, say): Compose only warns.</summary>
        private static bool IsInUse(Exception e) =>
            e is EngineException ee && (ee.StatusCode == 403 || ee.IsConflict) && ee.Message.IndexOf("active endpoints", StringComparison.OrdinalIgnoreCase) >= 0;

        private static List<ComposeContainer> RemovedContainers(ComposeLifecycleCmdlet cmdlet, LifecycleProject project, ComposePlan plan)
        {
            var ids = new HashSet<string>(plan.Operations.Where(o => o.Kind == OperationKind.RemoveContainer).Select(o => o.Container.Id));
            return cmdlet.AwaitEngine((engine, ct) => ProjectStatusReader.ContainersAsync(engine, project.Name, null, true, true, ct))
                .Where(c => ids.Contains(c.Id)).ToList();
        }
    }
}
