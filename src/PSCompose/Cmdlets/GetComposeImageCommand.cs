using System.Management.Automation;
using PSCompose.Execution.Commands;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Gets the images the project's containers use (docker compose images): one object per container, stopped and
    /// one-off containers included, sorted by container name. Size is in bytes; the table shows it as Compose does.
    /// Unlike Compose, a service name that the compose file does not declare is an error rather than an empty table.
    /// </summary>
    /// <example>
    /// <code>Get-ComposeImage</code>
    /// <para>Lists the images of the project in the current directory, like docker compose images.</para>
    /// </example>
    /// <example>
    /// <code>Get-ComposeImage -ProjectName shop | Measure-Object Size -Sum</code>
    /// <para>Adds up the image sizes of project shop's containers.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "ComposeImage")]
    [OutputType(typeof(ComposeContainerImage))]
    public sealed class GetComposeImageCommand : ComposeLifecycleCmdlet
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
            ImagesRequest request = RecordRequest<ImagesRequest>(Name);
            Run<ComposeContainerImage>((engine, sink, ct) => RuntimeCommands.ImagesAsync(engine, request, sink, ct));
        }
    }
}
