using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.Execution;
using PSCompose.Plan;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Starts the existing containers of services and of the services they depend on
    /// (docker compose start), dependencies first, waiting on their depends_on conditions; -Wait waits for them
    /// to be running or healthy (start --wait).
    /// </summary>
    /// <example>
    /// <code>Start-ComposeService web</code>
    /// <para>Starts the existing containers of web and of the services it depends on.</para>
    /// </example>
    /// <example>
    /// <code>Start-ComposeService -ProjectName shop -Wait</code>
    /// <para>Starts every service of project shop and waits until they are running or healthy.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Start, "ComposeService", SupportsShouldProcess = true)]
    [OutputType(typeof(ComposeService))]
    [Completion.CompletesServicesInState(ContainerStates.Exited, ContainerStates.Created, ContainerStates.Dead)]
    public sealed class StartComposeServiceCommand : ComposeServiceCmdlet
    {
        /// <summary>Wait until the services are running (healthy when they have a healthcheck), like up --wait (start --wait in Compose v5).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>Maximum seconds to wait with -Wait; 0 (the default) means no limit, as with docker compose --wait-timeout.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int WaitTimeout { get; set; }

        /// <summary>Emit the services started, as they are afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        internal override bool MissingProjectIsError => true;

        internal override void Act(LifecycleProject project, IReadOnlyList<string> named)
        {
            var options = new LifecycleOptions { Verb = LifecycleVerb.Start, Services = named.ToList() };
            IReadOnlyList<OperationFailure> failures = RunLifecyclePlan(project, options, "Start");
            if (failures == null) return;
            HashSet<string> services = LifecyclePlanner.Selection(project.Desired, options);
            if (Wait && failures.Count == 0)
            {
                // A wait failure ends the command, as it ends docker compose start --wait.
                System.TimeSpan? timeout = ServiceWaiter.Timeout(WaitTimeout);
                AwaitEngine((engine, ct) => ServiceWaiter.WaitAllAsync(engine, project.Name, project.Desired.Services,
                    services.Where(s => project.Containers(s).Any()), timeout, ct));
            }
            if (PassThru) WriteServices(project, services);
        }
    }
}
