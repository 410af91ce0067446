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
            List<string> services = AllOr(project, named).ToList();
            List<ObservedContainer> candidates = services.SelectMany(project.Containers).Where(c => Stop || IsStopped(c)).ToList();
            if (candidates.Count == 0)
            {
                WriteWarning("No stopped containers");
                return;
            }
            string names = string.Join(", ", candidates.Select(c => c.Name));
            if (!ShouldProcess(names, "Remove container")) return;
            if (!Force && !ShouldContinue($"Going to remove {names}", "Remove-ComposeService")) return;

            List<string> containerIds = candidates.Select(c => c.Id).ToList();
            if (Stop)
            {
                List<string> running = Ordered(project, services.Where(s => project.Containers(s).Any(c => !IsStopped(c))), true);
                RunLifecycle(project, (lifecycle, ct) => lifecycle.StopAsync(running, null, ct));
                project = ResolveProject(named);
            }
            // Inspected again after the stop, as Compose does: only what is stopped now goes.
            List<ObservedContainer> removable = project.Observed.Containers.Where(c => containerIds.Contains(c.Id) && IsStopped(c)).ToList();
            List<ComposeContainer> removed = PassThru ? Snapshot(project, removable) : null;
            RunLifecycle(project, (lifecycle, ct) => lifecycle.RemoveAsync(removable, Force, Volumes, ct));
            if (PassThru) WriteObject(removed, true);
        }

        /// <summary>Compose's !State.Running: a paused or restarting container counts as running.</summary>
        private static bool IsStopped(ObservedContainer c) =>
            c.State != ContainerStates.Running && c.State != ContainerStates.Paused && c.State != ContainerStates.Restarting;

        private List<ComposeContainer> Snapshot(LifecycleProject project, List<ObservedContainer> containers)
        {
            var ids = new HashSet<string>(containers.Select(c => c.Id));
            return AwaitEngine((engine, ct) => ProjectStatusReader.ContainersAsync(engine, project.Name, null, true, false, ct))
                .Where(c => ids.Contains(c.Id)).ToList();
        }
    }
}
