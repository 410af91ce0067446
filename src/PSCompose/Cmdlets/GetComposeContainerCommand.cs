using System.Management.Automation;
using PSCompose.Execution.Commands;
using PSCompose.Plan;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Gets the project's containers (docker compose ps). Running ones by default; -All adds
    /// stopped and one-off containers; -Status keeps the containers in the given states (and implies -All).
    /// </summary>
    /// <example>
    /// <code>Get-ComposeContainer</code>
    /// <para>Lists the running containers of the project in the current directory, like docker compose ps.</para>
    /// </example>
    /// <example>
    /// <code>Get-ComposeContainer -ProjectName shop -All | Where-Object ExitCode -ne 0</code>
    /// <para>Finds the containers of project shop that exited with an error.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "ComposeContainer")]
    [OutputType(typeof(ComposeContainer))]
    public sealed class GetComposeContainerCommand : ComposeLifecycleCmdlet
    {
        /// <summary>Services whose containers to get; wildcards allowed. Default all.</summary>
        [Parameter(Position = 0)]
        [Alias("Service", "ServiceName")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string[] Name { get; set; }

        /// <summary>Include stopped and one-off containers.</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        /// <summary>Only containers in these states, like --status.</summary>
        [Parameter]
        [ValidateSet(ContainerStates.Paused, ContainerStates.Restarting, ContainerStates.Removing, ContainerStates.Running,
            ContainerStates.Dead, ContainerStates.Created, ContainerStates.Exited, IgnoreCase = true)]
        public string[] Status { get; set; }

        protected override void ProcessCompose()
        {
            PsRequest request = RecordRequest<PsRequest>(Name);
            request.All = All;
            request.Status = Status ?? new string[0];
            Run<ComposeContainer>((engine, sink, ct) => PsCommand.ContainersAsync(engine, request, sink, ct));
        }
    }
}
