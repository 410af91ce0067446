using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.Execution;

namespace PSCompose.Cmdlets
{
    /// <summary>Pauses the running containers of services (docker compose pause).</summary>
    /// <example>
    /// <code>Suspend-ComposeService web</code>
    /// <para>Pauses the running web containers, like docker compose pause web.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Suspend, "ComposeService", SupportsShouldProcess = true)]
    [OutputType(typeof(ComposeService))]
    public sealed class SuspendComposeServiceCommand : ComposeServiceCmdlet
    {
        /// <summary>Emit the services paused, as they are afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        internal override void Act(LifecycleProject project, IReadOnlyList<string> named)
        {
            List<string> services = Confirm(project, AllOr(project, named).ToList(), "Pause");
            if (services.Count == 0) return;
            RunLifecycle(project, (lifecycle, ct) => lifecycle.PauseAsync(services, ct));
            if (PassThru) WriteServices(project, services);
        }
    }
}
