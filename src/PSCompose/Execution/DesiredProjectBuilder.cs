using System.Collections.Generic;
using System.Linq;
using PSCompose.Model;
using PSCompose.Model.Serialization;
using PSCompose.Plan;

namespace PSCompose.Execution
{
    /// <summary>Reduces the loaded model to the facts the planner decides on, with Compose's hashes.</summary>
    internal static class DesiredProjectBuilder
    {
        public static DesiredProject Build(ProjectModel model, ObservedState observed, bool compatibility)
        {
            var desired = new DesiredProject
            {
                Name = model.Name,
                Compatibility = compatibility,
                DisabledServices = model.DisabledServices.Keys.ToList(),
            };
            foreach (var entry in model.Services)
                desired.Services.Add(Service(model, entry.Key, (YMap)entry.Value, observed));
            foreach (var entry in model.Networks)
            {
                var n = (YMap)entry.Value ?? new YMap();
                desired.Networks.Add(new DesiredNetwork
                {
                    Key = entry.Key,
                    Name = ServiceNetworks.EngineName(model, entry.Key),
                    ConfigHash = ConfigHash.Network(n),
                    External = Canon.Bool(n, "external"),
                });
            }
            foreach (var entry in model.Volumes)
            {
                var v = (YMap)entry.Value ?? new YMap();
                desired.Volumes.Add(new DesiredVolume
                {
                    Key = entry.Key,
                    Name = Canon.Str(v, "name") ?? ComposeNames.ProjectResource(model.Name, entry.Key),
                    ConfigHash = ConfigHash.Volume(v),
                    External = Canon.Bool(v, "external"),
                });
            }
            return desired;
        }

        /// <summary>The label hash Compose expects, with service references resolved against what exists now.</summary>
        public static string ExpectedHash(YMap service, ObservedState observed) =>
            ConfigHash.Service(ServiceReferences.Resolve(service, observed.ReferenceContainerId));

        private static DesiredService Service(ProjectModel model, string name, YMap s, ObservedState observed)
        {
            List<YMap> volumes = Canon.Maps(s, "volumes");
            return new DesiredService
            {
                Name = name,
                ConfigHash = ExpectedHash(s, observed),
                Image = Canon.Str(s, "image"),
                Scale = ServiceScale.Expected(s),
                ContainerName = Canon.Str(s, "container_name"),
                DependsOn = (s.Map("depends_on") ?? new YMap()).Select(d => new ServiceDependency(
                    d.Key,
                    Canon.Str((YMap)d.Value, "condition") ?? DependencyConditions.Started,
                    Canon.Bool((YMap)d.Value, "restart"),
                    ((YMap)d.Value)?["required"] is bool required ? required : true)).ToList(),
                Networks = s.String("network_mode") == null ? ServiceNetworks.ByPriority(s.Map("networks")) : new List<string>(),
                NamedVolumes = volumes.Where(v => Canon.Str(v, "type") == "volume" && model.Volumes.ContainsKey(Canon.Str(v, "source") ?? ""))
                                      .Select(v => Canon.Str(v, "source")).ToList(),
                AnonymousVolumeTargets = volumes.Where(v => Canon.Str(v, "type") == "volume" && string.IsNullOrEmpty(Canon.Str(v, "source")))
                                                .Select(v => Canon.Str(v, "target")).ToList(),
                HasBuild = s.ContainsKey("build"),
                PullPolicy = Canon.Str(s, "pull_policy"),
                NetworkMode = Canon.Str(s, "network_mode"),
                Ipc = Canon.Str(s, "ipc"),
                Pid = Canon.Str(s, "pid"),
                VolumesFrom = Canon.StringsOrEmpty(s, "volumes_from"),
            };
        }
    }

    internal static class ServiceScale
    {
        /// <summary>scale, else deploy.replicas, else 1 (the loader has already checked they agree).</summary>
        public static int Expected(YMap service)
        {
            object scale = service["scale"] ?? service.Map("deploy")?["replicas"];
            return scale == null ? 1 : (int)(Canon.Number(scale) ?? 1);
        }
    }
}
