using System;
using System.Management.Automation;
using PSCompose.Execution.Commands;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Stops and removes the project's containers and networks (docker compose down), named
    /// volumes with -Volumes, images with -RemoveImages. External networks and volumes are never removed. With
    /// -ProjectName alone it works from the engine's labels, without a compose file.
    /// </summary>
    /// <example>
    /// <code>Invoke-ComposeDown</code>
    /// <para>Removes the containers and networks of the project in the current directory.</para>
    /// </example>
    /// <example>
    /// <code>Invoke-ComposeDown -ProjectName shop -Volumes -RemoveOrphans</code>
    /// <para>Removes project shop from its labels alone, with its named volumes and orphan containers.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Invoke, "ComposeDown", SupportsShouldProcess = true)]
    [OutputType(typeof(ComposeContainer))]
    public sealed class InvokeComposeDownCommand : ComposeLifecycleCmdlet
    {
        /// <summary>Services to act on; default all. Strings, ComposeService and ComposeContainer objects piped in name services too.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Service", "ServiceName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string[] Name { get; set; }

        /// <summary>Also remove named volumes declared in the project, and the containers' anonymous volumes.</summary>
        [Parameter]
        public SwitchParameter Volumes { get; set; }

        /// <summary>Remove images: Local (those built for services without image:) or All (every service image).</summary>
        [Parameter]
        [ValidateSet("Local", "All", IgnoreCase = true)]
        public string RemoveImages { get; set; }

        /// <summary>Also remove containers of services not in the compose file (also COMPOSE_REMOVE_ORPHANS).</summary>
        [Parameter]
        public SwitchParameter RemoveOrphans { get; set; }

        /// <summary>Seconds to wait for a container to stop before it is killed; default: its stop_grace_period (10 s).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int Timeout { get; set; }

        /// <summary>Emit the containers removed (as they were just before).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessCompose() => CollectServices(Name);

        protected override void EndCompose() => ForEachCollected<DownRequest>(request =>
        {
            request.Volumes = Volumes;
            request.RemoveOrphans = RemoveOrphans;
            request.Images = RemoveImages == null ? Plan.RemoveImages.None : (Plan.RemoveImages)Enum.Parse(typeof(Plan.RemoveImages), RemoveImages, true);
            request.Timeout = BoundTimeout(nameof(Timeout), Timeout);
            request.PassThru = PassThru;
            Run<ComposeContainer>((engine, sink, ct) => DownCommand.RunAsync(engine, request, sink, ct));
        });
    }
}
