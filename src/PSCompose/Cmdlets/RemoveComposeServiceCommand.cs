using System.Management.Automation;
using PSCompose.Execution.Commands;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Removes the stopped containers of services (docker compose rm). -Stop stops the
    /// running ones first. Like Compose, it asks before removing unless -Force.
    /// </summary>
    /// <example>
    /// <code>Remove-ComposeService -Force</code>
    /// <para>Removes the stopped containers of every service without asking.</para>
    /// </example>
    /// <example>
    /// <code>Remove-ComposeService worker -Stop -Volumes -Force</code>
    /// <para>Stops the worker containers, then removes them with their anonymous volumes.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "ComposeService", SupportsShouldProcess = true)]
    [OutputType(typeof(ComposeContainer))]
    public sealed class RemoveComposeServiceCommand : ComposeLifecycleCmdlet
    {
        /// <summary>Services to act on; default all. Strings, ComposeService and ComposeContainer objects piped in name services too.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Service", "ServiceName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string[] Name { get; set; }

        /// <summary>Stop the running containers first, then remove them too.</summary>
        [Parameter]
        public SwitchParameter Stop { get; set; }

        /// <summary>Also remove the containers' anonymous volumes.</summary>
        [Parameter]
        public SwitchParameter Volumes { get; set; }

        /// <summary>Remove without asking.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Emit the containers removed (as they were just before).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessCompose() => CollectServices(Name);

        protected override void EndCompose() => ForEachCollected<RemoveRequest>(request =>
        {
            request.Stop = Stop;
            request.Volumes = Volumes;
            request.Force = Force;
            request.PassThru = PassThru;
            Run<ComposeContainer>((engine, sink, ct) => LifecycleCommands.RemoveAsync(engine, request, sink, ct));
        });
    }
}
