using System.Management.Automation;
using PSCompose.Engine;
using PSCompose.Model;

namespace PSCompose.Cmdlets
{
    /// <summary>Get-ComposeVersion: the module version, the Compose version it reproduces, and the engine it talks to.</summary>
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
