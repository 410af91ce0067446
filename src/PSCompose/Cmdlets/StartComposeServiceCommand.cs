using System.Management.Automation;
using PSCompose.Plan;
using PSCompose.Execution.Commands;

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
    public sealed class StartComposeServiceCommand : ComposeLifecycleCmdlet
    {
        /// <summary>Services to act on; default all. Strings, ComposeService and ComposeContainer objects piped in name services too.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Service", "ServiceName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string[] Name { get; set; }

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

        protected override void ProcessCompose() => CollectServices(Name);

        protected override void EndCompose() => ForEachCollected<StartRequest>(request =>
        {
            request.Wait = Wait;
            request.WaitTimeout = WaitTimeout;
            request.PassThru = PassThru;
            Run<ComposeService>((engine, sink, ct) => LifecycleCommands.StartAsync(engine, request, sink, ct));
        });
    }
}
