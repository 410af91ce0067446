using System.Management.Automation;
using PSCompose.Plan;
using PSCompose.Execution.Commands;

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
    public sealed class RestartComposeServiceCommand : ComposeLifecycleCmdlet
    {
        /// <summary>Services to act on; default all. Strings, ComposeService and ComposeContainer objects piped in name services too.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Service", "ServiceName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string[] Name { get; set; }

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

        protected override void ProcessCompose() => CollectServices(Name);

        protected override void EndCompose() => ForEachCollected<RestartRequest>(request =>
        {
            request.Timeout = BoundTimeout(nameof(Timeout), Timeout);
            request.NoDeps = NoDeps;
            request.PassThru = PassThru;
            Run<ComposeService>((engine, sink, ct) => LifecycleCommands.RestartAsync(engine, request, sink, ct));
        });
    }
}
