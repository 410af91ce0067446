using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.Execution;
using PSCompose.Plan;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Removes the stopped containers of services (docker compose rm). -Stop stops the
    /// running ones first. Like Compose, it asks before removing unless -Force.
    /// </summary>
    /// <example>
    /// <code>Remove-ComposeService -Force</code>
    /// <para>Removes the stopped containers of every service without asking.</para>
    /// </example>
    /// <example>
    /// <code>Remove-ComposeService worker -Stop -Volumes -Force</code>
    /// <para>Stops the worker containers, then removes them with their anonymous volumes.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "ComposeService", SupportsShouldProcess = true)]
    [OutputType(typeof(ComposeContainer))]
    public sealed class RemoveComposeServiceCommand : ComposeServiceCmdlet
    {
        /// <summary>Stop the running containers first, then remove them too.</summary>
        [Parameter]
        public SwitchParameter Stop { get; set; }

        /// <summary>Also remove the containers' anonymous volumes.</summary>
        [Parameter]
        public SwitchParameter Volumes { get; set; }

        /// <summary>Remove without asking.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Emit the containers removed (as they were just before).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        internal override void Act(LifecycleProject project, IReadOnlyList<string> named)
        {
            var options = new LifecycleOptions { Verb = LifecycleVerb.Remove, Services = named.ToList(), StopFirst = Stop, RemoveVolumes = Volumes };
            List<ComposeContainer> before = null;
            IReadOnlyList<OperationFailure> failures = RunLifecyclePlan(project, options, "Remove", plan =>
            {
                string names = string.Join(", ", plan.Operations.Where(o => o.Kind == OperationKind.RemoveContainer).Select(o => o.Container.Name));
                if (!Force && !ShouldContinue($"Going to remove {names}", "Remove-ComposeService")) return false;
                if (PassThru) before = Snapshot(project, plan);
                return true;
            });
            if (failures == null || before == null) return;
            var remaining = new HashSet<string>(Snapshot(project, null).Select(c => c.Id));
            WriteObject(before.Where(c => !remaining.Contains(c.Id)).ToList(), true);
        }

        /// <summary>The project's containers the plan removes (all of them when null), as they are now.</summary>
        private List<ComposeContainer> Snapshot(LifecycleProject project, ComposePlan plan)
        {
            HashSet<string> ids = plan == null ? null
                : new HashSet<string>(plan.Operations.Where(o => o.Kind == OperationKind.RemoveContainer).Select(o => o.Container.Id));
            return AwaitEngine((engine, ct) => ProjectStatusReader.ContainersAsync(engine, project.Name, null, true, false, ct))
                .Where(c => ids == null || ids.Contains(c.Id)).ToList();
        }
    }
}
