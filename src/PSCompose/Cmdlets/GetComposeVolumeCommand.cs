using System.Management.Automation;
using PSCompose.Execution.Commands;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Gets the project's volumes (docker compose volumes): the engine volumes labelled with the project, sorted by
    /// name. With service names, only the volumes their running containers mount, as Compose does.
    /// </summary>
    /// <example>
    /// <code>Get-ComposeVolume</code>
    /// <para>Lists the volumes of the project in the current directory, like docker compose volumes.</para>
    /// </example>
    /// <example>
    /// <code>Get-ComposeVolume db -ProjectName shop | Select-Object Name, Mountpoint</code>
    /// <para>Shows where the volumes of project shop's running db containers live on the engine's host.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "ComposeVolume")]
    [OutputType(typeof(ComposeVolume))]
    public sealed class GetComposeVolumeCommand : ComposeLifecycleCmdlet
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
            VolumesRequest request = RecordRequest<VolumesRequest>(Name);
            Run<ComposeVolume>((engine, sink, ct) => RuntimeCommands.VolumesAsync(engine, request, sink, ct));
        }
    }
}
