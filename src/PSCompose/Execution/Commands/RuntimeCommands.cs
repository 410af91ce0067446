using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Model;

namespace PSCompose.Execution.Commands
{
    /// <summary>docker compose top (services may be wildcards).</summary>
    internal sealed class TopRequest : ServicesRequest
    {
    }

    /// <summary>docker compose images (services may be wildcards).</summary>
    internal sealed class ImagesRequest : ServicesRequest
    {
    }

    /// <summary>docker compose volumes (services may be wildcards).</summary>
    internal sealed class VolumesRequest : ServicesRequest
    {
    }

    /// <summary>
    /// The read-only runtime commands top, images and volumes: each lists the project's containers the way Compose's
    /// command does, selects the services named (wildcards allowed; a name that is neither declared nor has a
    /// container is a ServiceNotFound error), and reads what it shows from the engine.
    /// </summary>
    internal static class RuntimeCommands
    {
        /// <summary>One row per process of every running container (one-offs included), grouped by container in name order.</summary>
        public static async Task TopAsync(IEngineClient engine, TopRequest request, ICommandSink<ComposeProcess> sink, CancellationToken ct)
        {
            IReadOnlyList<EngineContainer> running = await RuntimeContainers.ListAsync(engine, request.Project.Name, false, ct).ConfigureAwait(false);
            List<EngineContainer> chosen = Chosen(request, running, sink).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
            EngineProcessList[] tables = await Task.WhenAll(chosen.Select(c => engine.ListProcessesAsync(c.Id, ct))).ConfigureAwait(false);
            for (int i = 0; i < chosen.Count; i++)
                foreach (ComposeProcess row in ProcessRows.From(request.Project.Name, chosen[i], tables[i])) sink.Write(row);
        }

        /// <summary>The image of every container, stopped and one-off containers included, sorted by container name.</summary>
        public static async Task ImagesAsync(IEngineClient engine, ImagesRequest request, ICommandSink<ComposeContainerImage> sink, CancellationToken ct)
        {
            IReadOnlyList<EngineContainer> containers = await ContainerImages.ListAsync(engine, request.Project.Name, ct).ConfigureAwait(false);
            List<EngineContainer> chosen = Chosen(request, containers, sink).ToList();
            foreach (ComposeContainerImage image in await ContainerImages.ReadAsync(engine, request.Project.Name, chosen, ct).ConfigureAwait(false))
                sink.Write(image);
        }

        /// <summary>The volumes labelled with the project, sorted by name; with services named, only those their running containers mount.</summary>
        public static async Task VolumesAsync(IEngineClient engine, VolumesRequest request, ICommandSink<ComposeVolume> sink, CancellationToken ct)
        {
            string project = request.Project.Name;
            // Compose reads the mounts of running containers only (its container list is not --all).
            IReadOnlyList<EngineContainer> containers = await engine.ListContainersAsync(new[] { ComposeLabels.Project + "=" + project }, false, ct).ConfigureAwait(false);
            var mounted = new HashSet<string>(Chosen(request, containers, sink)
                .SelectMany(c => c.Mounts).Select(m => m.Name).Where(n => !string.IsNullOrEmpty(n)));
            IReadOnlyList<EngineVolume> volumes = await engine.ListVolumesAsync(new[] { ComposeLabels.Project + "=" + project }, ct).ConfigureAwait(false);
            foreach (EngineVolume v in volumes.OrderBy(v => v.Name, StringComparer.Ordinal))
            {
                if (request.Services.Count > 0 && !mounted.Contains(v.Name)) continue;
                sink.Write(new ComposeVolume
                {
                    ProjectName = project, Name = v.Name, Driver = v.Driver, Mountpoint = v.Mountpoint, Scope = v.Scope,
                    Labels = v.Labels.ToDictionary(l => l.Key, l => l.Value),
                });
            }
        }

        /// <summary>The containers of the services the request selects (<see cref="ServiceMatch.SelectKnown"/>).</summary>
        private static IEnumerable<EngineContainer> Chosen(ServicesRequest request, IReadOnlyList<EngineContainer> containers, ICommandSink sink)
        {
            HashSet<string> selected = ServiceMatch.SelectKnown(request.Project, containers.Select(RuntimeContainers.Service), request.Services, sink.Error);
            return containers.Where(c => selected.Contains(RuntimeContainers.Service(c)));
        }
    }
}
