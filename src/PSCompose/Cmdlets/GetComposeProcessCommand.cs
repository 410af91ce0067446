using System.Management.Automation;
using PSCompose.Execution.Commands;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Gets the processes running in the project's containers (docker compose top): one typed row per process of
    /// every running container, one-offs included, grouped by container in name order. PID and PPID are numbers;
    /// Fields holds every column the engine returned. Unlike Compose, a service name that the compose file does not
    /// declare is an error rather than no output.
    /// </summary>
    /// <example>
    /// <code>Get-ComposeProcess -Name web</code>
    /// <para>Lists the processes of the web containers of the project in the current directory, like docker compose top web.</para>
    /// </example>
    /// <example>
    /// <code>Get-ComposeProcess -ProjectName shop | Where-Object CMD -like '*nginx*' | Select-Object Container, PID</code>
    /// <para>Finds the nginx processes of project shop and the containers they run in.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "ComposeProcess")]
    [OutputType(typeof(ComposeProcess))]
    public sealed class GetComposeProcessCommand : ComposeLifecycleCmdlet
    {
        /// <summary>Services to include; wildcards allowed. Default all. ComposeService and ComposeContainer objects piped in name services too.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Service", "ServiceName")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string[] Name { get; set; }

        protected override void ProcessCompose()
        {
            TopRequest request = RecordRequest<TopRequest>(Name);
            Run<ComposeProcess>((engine, sink, ct) => RuntimeCommands.TopAsync(engine, request, sink, ct));
        }
    }
}
