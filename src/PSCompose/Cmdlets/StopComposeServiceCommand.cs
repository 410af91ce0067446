using System.Management.Automation;
using PSCompose.Plan;
using PSCompose.Execution.Commands;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Stops the running containers of services, dependents first (docker compose stop);
    /// with -Kill sends a signal instead, SIGKILL by default (docker compose kill).
    /// </summary>
    /// <example>
    /// <code>Stop-ComposeService -Timeout 30</code>
    /// <para>Stops every service, giving each container 30 seconds before it is killed.</para>
    /// </example>
    /// <example>
    /// <code>Stop-ComposeService worker -Kill -Signal SIGUSR1</code>
    /// <para>Sends SIGUSR1 to the worker containers, like docker compose kill -s SIGUSR1.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Stop, "ComposeService", SupportsShouldProcess = true, DefaultParameterSetName = StopSet)]
    [OutputType(typeof(ComposeService))]
    [Completion.CompletesServicesInState(ContainerStates.Running)]
    public sealed class StopComposeServiceCommand : ComposeLifecycleCmdlet
    {
        /// <summary>Services to act on; default all. Strings, ComposeService and ComposeContainer objects piped in name services too.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Service", "ServiceName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string[] Name { get; set; }

        private const string StopSet = "Stop";
        private const string KillSet = "Kill";

        /// <summary>Seconds to wait for a container to stop before it is killed; default: its stop_grace_period (10 s).</summary>
        [Parameter(ParameterSetName = StopSet)]
        [ValidateRange(0, int.MaxValue)]
        public int Timeout { get; set; }

        /// <summary>Send a signal instead of stopping gracefully (docker compose kill).</summary>
        [Parameter(Mandatory = true, ParameterSetName = KillSet)]
        public SwitchParameter Kill { get; set; }

        /// <summary>The signal -Kill sends; default SIGKILL.</summary>
        [Parameter(ParameterSetName = KillSet)]
        [ValidateNotNullOrEmpty]
        public string Signal { get; set; }

        /// <summary>Emit the services stopped, as they are afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessCompose() => CollectServices(Name);

        protected override void EndCompose()
        {
            if (Kill)
            {
                ForEachCollected<KillRequest>(request =>
                {
                    request.Signal = Signal ?? "SIGKILL";
                    request.PassThru = PassThru;
                    Run<ComposeService>((engine, sink, ct) => LifecycleCommands.KillAsync(engine, request, sink, ct));
                });
                return;
            }
            ForEachCollected<StopRequest>(request =>
            {
                request.Timeout = BoundTimeout(nameof(Timeout), Timeout);
                request.PassThru = PassThru;
                Run<ComposeService>((engine, sink, ct) => LifecycleCommands.StopAsync(engine, request, sink, ct));
            });
        }
    }
}
