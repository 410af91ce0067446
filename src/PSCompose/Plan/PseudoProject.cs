using System;
using System.Collections.Generic;
using System.Linq;
using PSCompose.Model;

namespace PSCompose.Plan
{
    /// <summary>
    /// The project rebuilt from labels when no compose file is loaded (stop/down with -p only, as pkg/compose/compose.go projectFromName): services
    /// from service labels, scale from their count, dependencies from the depends_on label (not required),
    /// networks and volumes from their labels.
    /// </summary>
    internal static class PseudoProject
    {
        public static DesiredProject FromObserved(string name, ObservedState observed)
        {
            var project = new DesiredProject { Name = name };
            IEnumerable<IGrouping<string, ObservedContainer>> byService = observed.Containers
                .Where(c => !c.OneOff && !string.IsNullOrEmpty(c.Service))
                .GroupBy(c => c.Service)
                .OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (IGrouping<string, ObservedContainer> group in byService)
            {
                var service = new DesiredService { Name = group.Key, Scale = group.Count() };
                ObservedContainer first = group.OrderBy(c => c.Number).First();
                if (first.Labels.TryGetValue(ComposeLabels.DependsOn, out string dependsOn))
                {
                    service.DependsOn.AddRange(ParseDependsOn(dependsOn));
                }
                project.Services.Add(service);
            }
            foreach (ObservedNetwork network in observed.Networks.Where(n => n.Key != null).OrderBy(n => n.Key, StringComparer.Ordinal))
            {
                if (project.Network(network.Key) == null)
                {
                    project.Networks.Add(new DesiredNetwork { Key = network.Key, Name = network.Name, ConfigHash = network.ConfigHash });
                }
            }
            foreach (ObservedVolume volume in observed.Volumes.Where(v => v.Key != null).OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                if (project.Volume(volume.Key) == null)
                {
                    project.Volumes.Add(new DesiredVolume { Key = volume.Key, Name = volume.Name, ConfigHash = volume.ConfigHash });
                }
            }
            return project;
        }

        /// <summary>"db:service_healthy:true,cache:service_started:false" → dependencies marked not required.</summary>
        public static IEnumerable<ServiceDependency> ParseDependsOn(string label)
        {
            foreach (string entry in (label ?? "").Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                string[] parts = entry.Split(':');
                yield return new ServiceDependency(
                    parts[0],
                    parts.Length > 1 && parts[1].Length > 0 ? parts[1] : DependencyConditions.Started,
                    parts.Length > 2 && string.Equals(parts[2], "true", StringComparison.OrdinalIgnoreCase),
                    required: false);
            }
        }
    }
}
