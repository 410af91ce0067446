using System.Management.Automation;
using PSCompose.Plan;
using PSCompose.Execution.Commands;

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
    public sealed class ResumeComposeServiceCommand : ComposeLifecycleCmdlet
    {
        /// <summary>Services to act on; default all. Strings, ComposeService and ComposeContainer objects piped in name services too.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Service", "ServiceName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string[] Name { get; set; }

        /// <summary>Emit the services resumed, as they are afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessCompose() => CollectServices(Name);

        protected override void EndCompose() => ForEachCollected<UnpauseRequest>(request =>
        {
            request.PassThru = PassThru;
            Run<ComposeService>((engine, sink, ct) => LifecycleCommands.UnpauseAsync(engine, request, sink, ct));
        });
    }
}
