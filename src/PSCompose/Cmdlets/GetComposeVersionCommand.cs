using System.Management.Automation;
using PSCompose.Execution.Commands;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Gets the PSCompose module version, the Docker Compose version it reproduces, and the Docker engine it talks to
    /// (version, API version negotiated, endpoint and how it was chosen). When the engine cannot be reached, the module
    /// and Compose versions and the endpoint are still returned, the engine fields are empty, and a warning says why.
    /// </summary>
    /// <example>
    /// <code>Get-ComposeVersion</code>
    /// <para>Shows the module, Compose and engine versions and the endpoint in use.</para>
    /// </example>
    /// <example>
    /// <code>$env:DOCKER_HOST = 'tcp://build-host:2375'; (Get-ComposeVersion).ApiVersion</code>
    /// <para>Checks which API version PSCompose negotiates with another engine.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "ComposeVersion")]
    [OutputType(typeof(ComposeVersionInfo))]
    public sealed class GetComposeVersionCommand : ComposeCmdlet
    {
        protected override void EndCompose()
        {
            var request = new VersionRequest { Endpoint = ResolveEndpoint() };
            RunSink<ComposeVersionInfo>((sink, ct) => VersionCommand.RunAsync(c => ConnectAsync(sink, c), request, sink, ct));
        }
    }
}
