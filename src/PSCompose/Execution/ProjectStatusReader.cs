using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Model;

namespace PSCompose.Execution
{
    /// <summary>Reads a project's containers (and, grouped, its services) from the engine by their labels.</summary>
    internal static class ProjectStatusReader
    {
        public static async Task<IReadOnlyList<ComposeContainer>> ContainersAsync(IEngineClient engine, string project,
            IReadOnlyCollection<string> services, bool all, bool includeOneOff, CancellationToken ct)
        {
            var filters = new List<string> { ComposeLabels.Project + "=" + project, ComposeLabels.ConfigHash };
            if (!includeOneOff) filters.Add(ComposeLabels.OneOff + "=False");
            if (services != null && services.Count == 1) filters.Add(ComposeLabels.Service + "=" + services.First());
            IReadOnlyList<EngineContainer> list = await engine.ListContainersAsync(filters, all, ct).ConfigureAwait(false);
            var selected = list.Where(c => services == null || services.Count == 0 || services.Contains(c.Label(ComposeLabels.Service))).ToList();
            EngineContainerDetails[] details = await Task.WhenAll(selected.Select(c => engine.InspectContainerAsync(c.Id, ct))).ConfigureAwait(false);
            return selected.Zip(details, ToContainer)
                .OrderBy(c => c.Service, StringComparer.Ordinal).ThenBy(c => c.OneOff).ThenBy(c => c.Number).ThenBy(c => c.Name, StringComparer.Ordinal)
                .ToList();
        }

        public static ComposeContainer ToContainer(EngineContainer c, EngineContainerDetails d) => new ComposeContainer
        {
            ProjectName = c.Label(ComposeLabels.Project),
            Name = c.Name,
            Service = c.Label(ComposeLabels.Service),
            Number = int.TryParse(c.Label(ComposeLabels.ContainerNumber), out int n) ? n : 0,
            OneOff = c.Label(ComposeLabels.OneOff) == "True",
            State = c.State,
            Status = c.Status,
            Health = d.HealthStatus ?? "",
            ExitCode = c.State == "exited" || c.State == "dead" ? d.ExitCode : (long?)null,
            Ports = Ports(c.Ports),
            Created = c.Created,
            Image = c.Image,
            Command = c.Command,
            Id = c.Id,
            Listed = c,
            InspectedExitCode = d.ExitCode,
        };

        /// <summary>Services: those the model declares (in its order) and any others found on the engine.</summary>
        public static IEnumerable<ComposeService> Services(string project, IReadOnlyList<ComposeContainer> containers, ProjectModel model)
        {
            var byService = containers.Where(c => !c.OneOff).GroupBy(c => c.Service).ToDictionary(g => g.Key, g => g.ToArray());
            IEnumerable<string> names = model != null
                ? model.ServiceNames.Concat(byService.Keys.Where(k => !model.Services.ContainsKey(k)).OrderBy(k => k, StringComparer.Ordinal))
                : byService.Keys.OrderBy(k => k, StringComparer.Ordinal);
            foreach (string name in names)
            {
                ComposeContainer[] own = byService.TryGetValue(name, out var found) ? found : new ComposeContainer[0];
                YMap declared = model?.Service(name);
                yield return new ComposeService
                {
                    ProjectName = project,
                    Name = name,
                    Image = declared != null ? ComposeNames.Image(declared.String("image"), project, name, model.Compatibility) : own.Select(c => c.Image).FirstOrDefault(),
                    DesiredReplicas = declared != null ? ServiceScale.Expected(declared) : own.Length,
                    Running = own.Count(c => c.State == "running"),
                    State = ProjectList.CombinedStatus(own.Select(c => c.State)),
                    Health = Health(own),
                    Ports = own.SelectMany(c => c.Ports).Distinct().ToArray(),
                    Containers = own,
                };
            }
        }

        private static string Health(ComposeContainer[] containers)
        {
            var states = containers.Select(c => c.Health).Where(h => h.Length > 0).ToList();
            if (states.Count == 0) return "";
            // One state shared by every container is that word, so Where-Object Health -eq unhealthy works.
            if (states.Count == containers.Length && states.Distinct().Count() == 1) return states[0];
            return ProjectList.CombinedStatus(states);
        }

        private static string[] Ports(IReadOnlyList<EnginePort> ports) =>
            ports.OrderBy(p => p.PrivatePort).ThenBy(p => p.HostIp, StringComparer.Ordinal)
                .Select(p => p.PublicPort.HasValue
                    ? $"{p.HostIp}:{p.PublicPort}->{p.PrivatePort}/{p.Protocol}"
                    : $"{p.PrivatePort}/{p.Protocol}")
                .Distinct().ToArray();
    }
}
