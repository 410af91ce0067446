using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.Engine;
using PSCompose.Execution;
using PSCompose.Model;

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
    public sealed class GetComposeVolumeCommand : ComposeInspectCmdlet
    {
        protected override void ProcessCompose()
        {
            // Compose reads the mounts of running containers only (its container list is not --all).
            HashSet<string> selected = SelectServices(
                p => AwaitEngine((engine, ct) => engine.ListContainersAsync(new[] { ComposeLabels.Project + "=" + p }, false, ct)),
                out string project, out var containers);
            bool byService = Name != null && Name.Length > 0;
            var mounted = new HashSet<string>(containers.Where(c => selected.Contains(RuntimeContainers.Service(c)))
                .SelectMany(c => c.Mounts).Select(m => m.Name).Where(n => !string.IsNullOrEmpty(n)));
            IReadOnlyList<EngineVolume> volumes = AwaitEngine((engine, ct) => engine.ListVolumesAsync(new[] { ComposeLabels.Project + "=" + project }, ct));
            foreach (EngineVolume v in volumes.OrderBy(v => v.Name, System.StringComparer.Ordinal))
            {
                if (byService && !mounted.Contains(v.Name)) continue;
                WriteObject(new ComposeVolume
                {
                    ProjectName = project, Name = v.Name, Driver = v.Driver, Mountpoint = v.Mountpoint, Scope = v.Scope,
                    Labels = v.Labels.ToDictionary(l => l.Key, l => l.Value),
                });
            }
        }
    }
}
