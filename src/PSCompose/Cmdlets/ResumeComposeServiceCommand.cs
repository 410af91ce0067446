using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.Execution;
using PSCompose.Plan;

namespace PSCompose.Cmdlets
{
    /// <summary>Unpauses the paused containers of services (docker compose unpause).</summary>
    /// <example>
    /// <code>Resume-ComposeService web</code>
    /// <para>Unpauses the paused web containers, like docker compose unpause web.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Resume, "ComposeService", SupportsShouldProcess = true)]
    [OutputType(typeof(ComposeService))]
    [Completion.CompletesServicesInState(ContainerStates.Paused)]
    public sealed class ResumeComposeServiceCommand : ComposeServiceCmdlet
    {
        /// <summary>Emit the services resumed, as they are afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        internal override void Act(LifecycleProject project, IReadOnlyList<string> named)
        {
            var options = new LifecycleOptions { Verb = LifecycleVerb.Unpause, Services = named.ToList() };
            if (RunLifecyclePlan(project, options, "Unpause") == null) return;
            if (PassThru) WriteServices(project, LifecyclePlanner.Selection(project.Desired, options));
        }
    }
}
