using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.Execution;
using PSCompose.Plan;

namespace PSCompose.Cmdlets
{
    /// <summary>Pauses the running containers of services (docker compose pause).</summary>
    /// <example>
    /// <code>Suspend-ComposeService web</code>
    /// <para>Pauses the running web containers, like docker compose pause web.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Suspend, "ComposeService", SupportsShouldProcess = true)]
    [OutputType(typeof(ComposeService))]
    [Completion.CompletesServicesInState(ContainerStates.Running)]
    public sealed class SuspendComposeServiceCommand : ComposeServiceCmdlet
    {
        /// <summary>Emit the services paused, as they are afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        internal override void Act(LifecycleProject project, IReadOnlyList<string> named)
        {
            var options = new LifecycleOptions { Verb = LifecycleVerb.Pause, Services = named.ToList() };
            if (RunLifecyclePlan(project, options, "Pause") == null) return;
            if (PassThru) WriteServices(project, LifecyclePlanner.Selection(project.Desired, options));
        }
    }
}
