using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Model;

namespace PSCompose.Execution
{
    /// <summary>
    /// Which containers the runtime commands see (pkg/compose/containers.go): Compose's "list" helper (project and
    /// config-hash labels) and its "pick one" helper (running, replicas by number, one-offs last).
    /// </summary>
    internal static class RuntimeContainers
    {
        /// <summary>The project's containers with the config-hash label, one-offs included; running ones unless <paramref name="all"/>.</summary>
        public static Task<IReadOnlyList<EngineContainer>> ListAsync(IEngineClient engine, string project, bool all, CancellationToken ct) =>
            engine.ListContainersAsync(new[] { ComposeLabels.Project + "=" + project, ComposeLabels.ConfigHash }, all, ct);

        public static string Service(EngineContainer c) => c.Label(ComposeLabels.Service);

        public static bool IsOneOff(EngineContainer c) => c.Label(ComposeLabels.OneOff) == "True";

        /// <summary>The replica number; 0 for one-offs (they carry none).</summary>
        public static int Number(EngineContainer c) => int.TryParse(c.Label(ComposeLabels.ContainerNumber), out int n) ? n : 0;

        /// <summary>Compose's pick-one order: numbered replicas ascending, then one-offs.</summary>
        public static IEnumerable<EngineContainer> PickOrder(IEnumerable<EngineContainer> containers) =>
            containers.OrderBy(IsOneOff).ThenBy(Number).ThenBy(c => c.Name, StringComparer.Ordinal);

        /// <summary>
        /// The container `port` and `exec` act on: the first running one of the service in pick-one order, or
        /// replica <paramref name="index"/> when it is above 0. Throws ServiceNotRunning with Compose's text.
        /// </summary>
        public static EngineContainer Pick(IEnumerable<EngineContainer> running, string service, int index)
        {
            EngineContainer picked = PickOrder(running.Where(c => Service(c) == service && (index <= 0 || (!IsOneOff(c) && Number(c) == index))))
                .FirstOrDefault();
            return picked ?? throw NotRunning(service, index);
        }

        /// <summary>Asks the engine for the service's running containers and picks one as <see cref="Pick"/> does (exec).</summary>
        public static async Task<EngineContainer> PickAsync(IEngineClient engine, string project, string service, int index, CancellationToken ct)
        {
            IReadOnlyList<EngineContainer> running = await engine.ListContainersAsync(
                new[] { ComposeLabels.Project + "=" + project, ComposeLabels.ConfigHash, ComposeLabels.Service + "=" + service }, false, ct).ConfigureAwait(false);
            return Pick(running, service, index);
        }

        public static ComposeException NotRunning(string service, int index) => new ComposeException(ErrorIds.ServiceNotRunning,
            index > 0 ? $"service \"{service}\" is not running container #{index}" : $"service \"{service}\" is not running", service);
    }
}
