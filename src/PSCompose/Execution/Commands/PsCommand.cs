using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Plan;

namespace PSCompose.Execution.Commands
{
    /// <summary>docker compose ps: the containers (services may be wildcards).</summary>
    internal sealed class PsRequest : ServicesRequest
    {
        /// <summary>-a: stopped and one-off containers too.</summary>
        public bool All { get; set; }

        /// <summary>--status: only containers in these states (implies All); empty: any state.</summary>
        public IReadOnlyList<string> Status { get; set; } = new string[0];
    }

    /// <summary>ps grouped by service: one ComposeService per service (services may be wildcards).</summary>
    internal sealed class ServiceStatusRequest : ServicesRequest
    {
    }

    /// <summary>
    /// docker compose ps, as containers or grouped by service. A service is known when the compose file declares it or a
    /// container of it exists (stopped ones too), so a name matching neither is a ServiceNotFound error.
    /// </summary>
    internal static class PsCommand
    {
        public static async Task ContainersAsync(IEngineClient engine, PsRequest request, ICommandSink<ComposeContainer> sink, CancellationToken ct)
        {
            ResolvedProject project = request.Project;
            // Everything is listed so that a service whose containers are all stopped is still known.
            IReadOnlyList<ComposeContainer> containers = await ProjectStatusReader.ContainersAsync(engine, project.Name, null, true, true, ct).ConfigureAwait(false);
            HashSet<string> selected = ServiceMatch.SelectKnown(project, containers.Select(c => c.Service), request.Services, sink.Error);

            bool all = request.All || request.Status.Count > 0;
            var states = new HashSet<string>(request.Status.Select(s => s.ToLowerInvariant()));
            foreach (ComposeContainer container in containers)
            {
                if (!selected.Contains(container.Service)) continue;
                if (!all && (container.OneOff || !IsUp(container.State))) continue;
                if (states.Count > 0 && !states.Contains(container.State)) continue;
                sink.Write(container);
            }
        }

        /// <summary>Every service the compose file declares (running or not) and any other found on the engine; from labels, those found.</summary>
        public static async Task ServicesAsync(IEngineClient engine, ServiceStatusRequest request, ICommandSink<ComposeService> sink, CancellationToken ct)
        {
            ResolvedProject project = request.Project;
            IReadOnlyList<ComposeContainer> containers = await ProjectStatusReader.ContainersAsync(engine, project.Name, null, true, false, ct).ConfigureAwait(false);
            List<ComposeService> services = ProjectStatusReader.Services(project.Name, containers, project.Model).ToList();
            HashSet<string> selected = ServiceMatch.Select(services.Select(s => s.Name), request.Services, project, sink.Error);
            foreach (ComposeService service in services)
                if (selected.Contains(service.Name)) sink.Write(service);
        }

        /// <summary>What the engine lists without --all: running, paused and restarting containers.</summary>
        private static bool IsUp(string state) =>
            state == ContainerStates.Running || state == ContainerStates.Paused || state == ContainerStates.Restarting;
    }
}
