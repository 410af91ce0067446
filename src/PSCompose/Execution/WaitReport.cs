using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Model;

namespace PSCompose.Execution
{
    /// <summary>Why a service was not ready when a wait timed out: each container's state and its last log lines.</summary>
    internal static class WaitReport
    {
        public const int LogLines = 10;

        public static async Task<string> DescribeAsync(IEngineClient engine, string project, string service, CancellationToken ct)
        {
            IReadOnlyList<EngineContainer> containers = await engine.ListContainersAsync(new[]
            {
                ComposeLabels.Project + "=" + project, ComposeLabels.Service + "=" + service,
            }, true, ct).ConfigureAwait(false);
            if (containers.Count == 0) return "it has no container.";
            var text = new StringBuilder();
            foreach (EngineContainer c in containers.OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                EngineContainerDetails d = await engine.InspectContainerAsync(c.Id, ct).ConfigureAwait(false);
                text.Append(Environment.NewLine).Append($"{d.Name} is {State(d)}.");
                List<string> lines = await LastLinesAsync(engine, c.Id, ct).ConfigureAwait(false);
                text.Append(lines.Count == 0 ? " It has logged nothing." : $" Its last {lines.Count} log lines:");
                foreach (string line in lines) text.Append(Environment.NewLine).Append("  ").Append(line);
            }
            return text.ToString();
        }

        /// <summary>running (health: starting), exited (1), created, …</summary>
        public static string State(EngineContainerDetails d)
        {
            if (d.Status == "exited" || d.Status == "dead") return $"{d.Status} ({d.ExitCode})";
            return d.HealthStatus == null ? d.Status : $"{d.Status} (health: {d.HealthStatus})";
        }

        private static async Task<List<string>> LastLinesAsync(IEngineClient engine, string id, CancellationToken ct)
        {
            var lines = new List<string>();
            await engine.StreamLogsAsync(id, new LogOptions { Tail = LogLines.ToString() }, batch =>
            {
                lines.AddRange(batch.Select(l => l.Text).Where(l => l.Length > 0));
                return Task.CompletedTask;
            }, ct).ConfigureAwait(false);
            return lines.Skip(Math.Max(0, lines.Count - LogLines)).ToList();
        }
    }
}
