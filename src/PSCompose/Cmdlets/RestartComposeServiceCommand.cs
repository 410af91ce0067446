using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.Execution;
using PSCompose.Plan;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Restarts every container of services (docker compose restart), together with the
    /// services that depend on them with restart: true unless -NoDeps, dependencies first.
    /// </summary>
    /// <example>
    /// <code>Restart-ComposeService db</code>
    /// <para>Restarts db and the services that declare depends_on db with restart: true.</para>
    /// </example>
    /// <example>
    /// <code>Get-ComposeService -ProjectName shop | Restart-ComposeService -NoDeps</code>
    /// <para>Restarts every service of project shop, one by one in dependency order.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Restart, "ComposeService", SupportsShouldProcess = true)]
    [OutputType(typeof(ComposeService))]
    [Completion.CompletesServicesInState(ContainerStates.Running)]
    public sealed class RestartComposeServiceCommand : ComposeServiceCmdlet
    {
        /// <summary>Seconds to wait for a container to stop before it is killed; default: its stop_grace_period (10 s).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int Timeout { get; set; }

        /// <summary>Restart only the named services, not the services that depend on them.</summary>
        [Parameter]
        public SwitchParameter NoDeps { get; set; }

        /// <summary>Emit the services restarted, as they are afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        internal override void Act(LifecycleProject project, IReadOnlyList<string> named)
        {
            var options = new LifecycleOptions
            {
                Verb = LifecycleVerb.Restart,
                Services = named.ToList(),
                NoDeps = NoDeps,
                Timeout = BoundTimeout(nameof(Timeout), Timeout),
            };
            if (RunLifecyclePlan(project, options, "Restart") == null) return;
            if (PassThru) WriteServices(project, LifecyclePlanner.Selection(project.Desired, options));
        }
    }
}
