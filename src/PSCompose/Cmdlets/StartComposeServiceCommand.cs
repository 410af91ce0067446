using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.Execution;
using PSCompose.Plan;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Start-ComposeService: starts the existing containers of services and of the services they depend on
    /// (docker compose start), dependencies first, waiting on their depends_on conditions.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "ComposeService", SupportsShouldProcess = true)]
    [OutputType(typeof(ComposeService))]
    public sealed class StartComposeServiceCommand : ComposeServiceCmdlet
    {
        /// <summary>Emit the services started, as they are afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        internal override void Act(LifecycleProject project, IReadOnlyList<string> named)
        {
            IEnumerable<string> selection = named.Count == 0 ? project.ServiceNames : DependencyGraph.WithDependencies(project.Desired, named);
            List<string> services = Confirm(project, Ordered(project, selection, false), "Start");
            if (services.Count == 0) return;
            RunLifecycle(project, (lifecycle, ct) => lifecycle.StartAsync(services, ct));
            if (PassThru) WriteServices(project, services);
        }
    }
}
