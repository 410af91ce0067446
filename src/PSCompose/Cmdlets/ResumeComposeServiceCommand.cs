using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.Execution;

namespace PSCompose.Cmdlets
{
    /// <summary>Unpauses the paused containers of services (docker compose unpause).</summary>
    /// <example>
    /// <code>Resume-ComposeService web</code>
    /// <para>Unpauses the paused web containers, like docker compose unpause web.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Resume, "ComposeService", SupportsShouldProcess = true)]
    [OutputType(typeof(ComposeService))]
    public sealed class ResumeComposeServiceCommand : ComposeServiceCmdlet
    {
        /// <summary>Emit the services resumed, as they are afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        internal override void Act(LifecycleProject project, IReadOnlyList<string> named)
        {
            List<string> services = Confirm(project, AllOr(project, named).ToList(), "Unpause");
            if (services.Count == 0) return;
            RunLifecycle(project, (lifecycle, ct) => lifecycle.UnpauseAsync(services, ct));
            if (PassThru) WriteServices(project, services);
        }
    }
}
