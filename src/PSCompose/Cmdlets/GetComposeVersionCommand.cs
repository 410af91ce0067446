using System.Management.Automation;
using PSCompose.Engine;
using PSCompose.Model;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Gets the PSCompose module version, the Docker Compose version it reproduces, and the Docker engine it talks to
    /// (version, API version negotiated, endpoint and how it was chosen).
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
            EngineVersion version = AwaitEngine((engine, ct) => engine.GetVersionAsync(ct));
            WriteObject(new ComposeVersionInfo
            {
                ModuleVersion = typeof(GetComposeVersionCommand).Assembly.GetName().Version.ToString(3),
                ComposeVersion = ComposeLabels.ComposeVersion,
                EngineVersion = version.Version,
                EngineApiVersion = version.ApiVersion,
                ApiVersion = Engine.ApiVersion,
                Endpoint = Engine.Endpoint.ToString(),
                EndpointSource = Engine.Endpoint.Source,
                Os = version.Os,
                Arch = version.Arch,
            });
        }
    }
}
