using System.Management.Automation;
using PSCompose.Execution.Commands;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Gets the host address a service's port is published on (docker compose port). With -PrivatePort it returns the
    /// first binding of that port on the service's first running container (or replica -Index), one-offs last, as
    /// Compose does; its ToString() is HostIp:HostPort, the text Compose prints. Without -PrivatePort it returns every
    /// published binding of the service's running containers (of replica -Index only, when given), and nothing for a
    /// service none of whose containers runs; without a service, those of every service.
    /// </summary>
    /// <example>
    /// <code>Get-ComposePort web 80</code>
    /// <para>Gives the host address of web's port 80, like docker compose port web 80 (e.g. 0.0.0.0:32768).</para>
    /// </example>
    /// <example>
    /// <code>Invoke-RestMethod "http://localhost:$((Get-ComposePort web 80).HostPort)/"</code>
    /// <para>Calls the web service on the host port Docker chose for it.</para>
    /// </example>
    /// <example>
    /// <code>Get-ComposeService -ProjectName shop | Get-ComposePort</code>
    /// <para>Lists every published port of every service of project shop.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "ComposePort")]
    [OutputType(typeof(ComposePortBinding))]
    public sealed class GetComposePortCommand : ComposeLifecycleCmdlet
    {
        /// <summary>The service; default every service (only without -PrivatePort errors). ComposeService and ComposeContainer objects piped in name it too.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Service", "ServiceName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string Name { get; set; }

        /// <summary>The port inside the container, like docker compose port's PRIVATE_PORT.</summary>
        [Parameter(Position = 1)]
        [ValidateRange(1, 65535)]
        public int PrivatePort { get; set; }

        /// <summary>tcp (default) or udp, like --protocol.</summary>
        [Parameter]
        [ValidateSet("tcp", "udp", "sctp", IgnoreCase = true)]
        public string Protocol { get; set; } = "tcp";

        /// <summary>The replica number, like --index; default the first running container.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Index { get; set; }

        protected override void ProcessCompose()
        {
            PortRequest request = RecordRequest<PortRequest>(Name == null ? null : new[] { Name });
            request.PrivatePort = MyInvocation.BoundParameters.ContainsKey(nameof(PrivatePort)) ? PrivatePort : (int?)null;
            request.Protocol = Protocol;
            request.Index = Index;
            Run<ComposePortBinding>((engine, sink, ct) => PortCommand.RunAsync(engine, request, sink, ct));
        }
    }
}
