using System.Collections.Generic;
using System.Linq;
using PSCompose.Model;
using PSCompose.Model.Serialization;
using PSCompose.Model.Typed;
using PSCompose.Plan;

namespace PSCompose.Execution
{
    /// <summary>Reduces the loaded model to the facts the planner decides on, with Compose's hashes.</summary>
    internal static class DesiredProjectBuilder
    {
        public static DesiredProject Build(ProjectModel model, ObservedState observed, bool compatibility)
        {
            ProjectConfig project = model.Typed;
            var desired = new DesiredProject
            {
                Name = project.Name,
                Compatibility = compatibility,
                DisabledServices = project.DisabledServices.Keys.ToList(),
            };
            foreach (ServiceConfig service in project.Services.Values)
                desired.Services.Add(Service(project, service, observed));
            foreach (NetworkConfig network in project.Networks.Values)
            {
                desired.Networks.Add(new DesiredNetwork
                {
                    Key = network.Key,
                    Name = network.EngineName(project.Name),
                    ConfigHash = ConfigHash.Network(network),
                    External = network.External,
                });
            }
            foreach (VolumeConfig volume in project.Volumes.Values)
            {
                desired.Volumes.Add(new DesiredVolume
                {
                    Key = volume.Key,
                    Name = volume.EngineName(project.Name),
                    ConfigHash = ConfigHash.Volume(volume),
                    External = volume.External,
                });
            }
            return desired;
        }

        /// <summary>The label hash Compose expects, with service references resolved against what exists now.</summary>
        public static string ExpectedHash(ServiceConfig service, ObservedState observed) =>
            ConfigHash.Service(ServiceReferences.Resolve(service, observed.ReferenceContainerId));

        private static DesiredService Service(ProjectConfig project, ServiceConfig s, ObservedState observed)
        {
            return new DesiredService
            {
                Name = s.Name,
                ConfigHash = ExpectedHash(s, observed),
                Image = s.Image,
                Scale = s.ExpectedReplicas,
                ContainerName = s.ContainerName,
                DependsOn = s.DependsOn.Select(d => new Plan.ServiceDependency(
                    d.Key,
                    d.Value?.Condition ?? DependencyConditions.Started,
                    d.Value?.Restart ?? false,
                    d.Value?.Required ?? true)).ToList(),
                Networks = s.NetworkMode == null ? s.NetworksByPriority().ToList() : new List<string>(),
                NamedVolumes = s.Volumes.Where(v => v.Type == "volume" && project.Volumes.ContainsKey(v.Source ?? ""))
                                        .Select(v => v.Source).ToList(),
                AnonymousVolumeTargets = s.Volumes.Where(v => v.Type == "volume" && string.IsNullOrEmpty(v.Source))
                                                  .Select(v => v.Target).ToList(),
                HasBuild = s.Build != null,
                PullPolicy = s.PullPolicy,
                NetworkMode = s.NetworkMode,
                Ipc = s.Ipc,
                Pid = s.Pid,
                VolumesFrom = s.VolumesFrom.ToList(),
            };
        }
    }

    internal static class ServiceScale
    {
        /// <summary>For readers not yet on the typed project (Cmdlets): scale, else deploy.replicas, else 1.</summary>
        public static int Expected(YMap service) => ProjectDecoder.Service("", service).ExpectedReplicas;
    }
}
