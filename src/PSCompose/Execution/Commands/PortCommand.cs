using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;

namespace PSCompose.Execution.Commands
{
    /// <summary>docker compose port. Services: the one named, or none for every service (only without a port).</summary>
    internal sealed class PortRequest : ServicesRequest
    {
        /// <summary>PRIVATE_PORT; null: every published binding.</summary>
        public int? PrivatePort { get; set; }

        public string Protocol { get; set; } = "tcp";

        /// <summary>--index; 0: the first running container.</summary>
        public int Index { get; set; }
    }

    /// <summary>
    /// docker compose port: with a private port, its first binding on the service's first running container (or replica
    /// Index), one-offs last, as Compose does; without one, every published binding of the service's running containers
    /// (of replica Index only, when given), and nothing for a service none of whose containers runs.
    /// </summary>
    internal static class PortCommand
    {
        public static async Task RunAsync(IEngineClient engine, PortRequest request, ICommandSink<ComposePortBinding> sink, CancellationToken ct)
        {
            ResolvedProject project = request.Project;
            IReadOnlyList<EngineContainer> running = await RuntimeContainers.ListAsync(engine, project.Name, false, ct).ConfigureAwait(false);
            bool named = request.Services.Count > 0;
            IEnumerable<string> services = named ? request.Services
                : running.Select(RuntimeContainers.Service).Distinct().OrderBy(s => s, StringComparer.Ordinal);
            foreach (string service in services)
            {
                if (project.Model != null && !project.Model.Typed.ServiceNames.Contains(service) && running.All(c => RuntimeContainers.Service(c) != service))
                {
                    sink.Error(ServiceMatch.NotFound(project.Name, service, false), service);
                    continue;
                }
                try
                {
                    if (request.PrivatePort.HasValue)
                        sink.Write(PortLookup.Find(project.Name, RuntimeContainers.Pick(running, service, request.Index), request.PrivatePort.Value, request.Protocol));
                    else
                        foreach (EngineContainer c in Targets(running, service, request.Index))
                            foreach (ComposePortBinding binding in PortLookup.Bindings(project.Name, c)) sink.Write(binding);
                }
                catch (ComposeException e)
                {
                    // Without a named service, a service lacking the port is simply not listed.
                    if (named) sink.Error(e, service);
                }
            }
        }

        /// <summary>Without a port: the replica Index, or every running container of the service in pick-one order (none: nothing).</summary>
        private static IEnumerable<EngineContainer> Targets(IReadOnlyList<EngineContainer> running, string service, int index) =>
            index > 0 ? new[] { RuntimeContainers.Pick(running, service, index) }
                : RuntimeContainers.PickOrder(running.Where(c => RuntimeContainers.Service(c) == service));
    }
}
