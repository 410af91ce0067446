using System.Management.Automation;
using PSCompose.Execution.Commands;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Gets one object per service with the state of its containers. With a compose file, every
    /// service it declares (running or not) plus any other service found on the engine; with -ProjectName alone,
    /// the services found by their labels.
    /// </summary>
    /// <example>
    /// <code>Get-ComposeService</code>
    /// <para>Lists the services with their desired and running replicas, state, health and ports.</para>
    /// </example>
    /// <example>
    /// <code>Get-ComposeService | Where-Object Health -eq unhealthy | Restart-ComposeService</code>
    /// <para>Restarts every unhealthy service.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "ComposeService")]
    [OutputType(typeof(ComposeService))]
    public sealed class GetComposeServiceCommand : ComposeLifecycleCmdlet
    {
        /// <summary>Services to get; wildcards allowed. Default all.</summary>
        [Parameter(Position = 0)]
        [Alias("Service", "ServiceName")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string[] Name { get; set; }

        protected override void ProcessCompose()
        {
            ServiceStatusRequest request = RecordRequest<ServiceStatusRequest>(Name);
            Run<ComposeService>((engine, sink, ct) => PsCommand.ServicesAsync(engine, request, sink, ct));
        }
    }
}
