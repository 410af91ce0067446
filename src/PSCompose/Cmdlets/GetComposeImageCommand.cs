using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.Engine;
using PSCompose.Execution;

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
    public sealed class GetComposeImageCommand : ComposeInspectCmdlet
    {
        protected override void ProcessCompose()
        {
            HashSet<string> selected = SelectServices(
                p => AwaitEngine((engine, ct) => ContainerImages.ListAsync(engine, p, ct)), out string project, out var containers);
            List<EngineContainer> chosen = containers.Where(c => selected.Contains(RuntimeContainers.Service(c))).ToList();
            foreach (ComposeContainerImage image in AwaitEngine((engine, ct) => ContainerImages.ReadAsync(engine, project, chosen, ct)))
                WriteObject(image);
        }
    }
}
