using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Model;

namespace PSCompose.Execution
{
    /// <summary>
    /// The container exec runs in (Compose's getSpecifiedContainer without stopped ones): a running container of the
    /// service, numbered replicas first in number order, one-offs last; -Index n picks replica n and never a one-off.
    /// </summary>
    internal static class RunningContainerPicker
    {
        public static async Task<EngineContainer> PickAsync(IEngineClient engine, string project, string service, int index, CancellationToken ct)
        {
            var filters = new List<string> { ComposeLabels.Project + "=" + project, ComposeLabels.ConfigHash, ComposeLabels.Service + "=" + service };
            if (index > 0) filters.Add(ComposeLabels.ContainerNumber + "=" + index.ToString(CultureInfo.InvariantCulture));
            IReadOnlyList<EngineContainer> running = await engine.ListContainersAsync(filters, false, ct).ConfigureAwait(false);
            EngineContainer picked = running
                .OrderBy(c => c.Label(ComposeLabels.OneOff) == "True")
                .ThenBy(c => int.TryParse(c.Label(ComposeLabels.ContainerNumber), out int n) ? n : 0)
                .ThenBy(c => c.Created)
                .FirstOrDefault();
            if (picked != null) return picked;
            string message = index > 0 ? $"service \"{service}\" is not running container #{index}" : $"service \"{service}\" is not running";
            throw new ComposeException(ErrorIds.ServiceNotRunning, message, service);
        }
    }
}
