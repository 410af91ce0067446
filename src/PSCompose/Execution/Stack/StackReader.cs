using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;

namespace PSCompose.Execution.Stack
{
    /// <summary>docker stack ls / services / ps: everything found by the namespace label.</summary>
    internal static class StackReader
    {
        public static async Task<IReadOnlyList<ComposeStack>> StacksAsync(IEngineClient engine, CancellationToken ct)
        {
            await StackDeployer.RequireManagerAsync(engine, ct).ConfigureAwait(false);
            IReadOnlyList<EngineSwarmService> services = await engine.ListServicesAsync(new[] { StackLabels.Namespace }, ct).ConfigureAwait(false);
            return services.GroupBy(s => s.Labels[StackLabels.Namespace], StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ComposeStack { Name = g.Key, Services = g.Count() })
                .ToList();
        }

        public static async Task<IReadOnlyList<ComposeStackService>> ServicesAsync(IEngineClient engine, string stack, CancellationToken ct)
        {
            string[] filter = { StackLabels.NamespaceFilter(stack) };
            IReadOnlyList<EngineSwarmService> services = await engine.ListServicesAsync(filter, ct).ConfigureAwait(false);
            IReadOnlyList<EngineSwarmTask> tasks = await engine.ListTasksAsync(filter, null, ct).ConfigureAwait(false);
            return services.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s =>
            {
                List<EngineSwarmTask> own = tasks.Where(t => t.ServiceId == s.Id).ToList();
                int running = own.Count(t => t.State == "running");
                int desired = s.Mode == "global" ? own.Count(t => t.DesiredState == "running") : (int)(s.Replicas ?? 0);
                return new ComposeStackService
                {
                    Stack = stack,
                    Name = s.Name,
                    Id = s.Id,
                    Mode = s.Mode,
                    Running = running,
                    Desired = desired,
                    Image = s.Image,
                    Ports = s.Ports.Select(Port).ToArray(),
                    UpdateState = s.UpdateState,
                };
            }).ToList();
        }

        public static async Task<IReadOnlyList<ComposeStackTask>> TasksAsync(IEngineClient engine, string stack, CancellationToken ct)
        {
            string[] filter = { StackLabels.NamespaceFilter(stack) };
            IReadOnlyList<EngineSwarmService> services = await engine.ListServicesAsync(filter, ct).ConfigureAwait(false);
            IReadOnlyList<EngineSwarmTask> tasks = await engine.ListTasksAsync(filter, null, ct).ConfigureAwait(false);
            var byId = services.ToDictionary(s => s.Id);
            return tasks.Where(t => byId.ContainsKey(t.ServiceId))
                .OrderBy(t => byId[t.ServiceId].Name, StringComparer.Ordinal).ThenBy(t => t.Slot).ThenByDescending(t => t.CreatedAt)
                .Select(t => new ComposeStackTask
                {
                    Stack = stack,
                    Name = StackWaiter.TaskName(byId[t.ServiceId], t),
                    Id = t.Id,
                    Service = byId[t.ServiceId].Name,
                    Image = t.Image,
                    Node = t.NodeId,
                    DesiredState = t.DesiredState,
                    CurrentState = t.State,
                    Since = t.Timestamp,
                    Error = t.Error,
                    ContainerId = t.ContainerId,
                }).ToList();
        }

        private static string Port(SwarmPortSpec p)
        {
            string published = p.PublishedPort?.ToString(CultureInfo.InvariantCulture) ?? "";
            return (p.PublishMode == "host" ? "" : "*:") + published + "->" + p.TargetPort.ToString(CultureInfo.InvariantCulture) + "/" + p.Protocol;
        }
    }
}
