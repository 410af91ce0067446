using System.Management.Automation;
using PSCompose.Engine;
using PSCompose.Model;

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
            EngineEndpoint endpoint = ResolveEndpoint();
            var info = new ComposeVersionInfo
            {
                ModuleVersion = typeof(GetComposeVersionCommand).Assembly.GetName().Version.ToString(3),
                ComposeVersion = ComposeLabels.ComposeVersion,
                Endpoint = endpoint.ToString(),
                EndpointSource = endpoint.Source,
            };
            EngineVersion version;
            try
            {
                version = AwaitEngine((engine, ct) => engine.GetVersionAsync(ct));
            }
            catch (EngineUnavailableException e)
            {
                WriteWarning(e.Message);
                WriteObject(info);
                return;
            }
            info.EngineVersion = version.Version;
            info.EngineApiVersion = version.ApiVersion;
            info.ApiVersion = Engine.ApiVersion;
            info.Os = version.Os;
            info.Arch = version.Arch;
            WriteObject(info);
        }
    }
}
