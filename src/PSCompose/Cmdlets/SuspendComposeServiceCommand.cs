using System.Management.Automation;
using PSCompose.Plan;
using PSCompose.Execution.Commands;

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
    public sealed class SuspendComposeServiceCommand : ComposeLifecycleCmdlet
    {
        /// <summary>Services to act on; default all. Strings, ComposeService and ComposeContainer objects piped in name services too.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Service", "ServiceName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string[] Name { get; set; }

        /// <summary>Emit the services paused, as they are afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessCompose() => CollectServices(Name);

        protected override void EndCompose() => ForEachCollected<PauseRequest>(request =>
        {
            request.PassThru = PassThru;
            Run<ComposeService>((engine, sink, ct) => LifecycleCommands.PauseAsync(engine, request, sink, ct));
        });
    }
}
