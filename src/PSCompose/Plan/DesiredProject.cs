using System.Collections.Generic;
using System.Linq;

namespace PSCompose.Plan
{
    /// <summary>
    /// What the project should look like, reduced to the facts the planner decides on. The caller maps the
    /// loaded model onto it (hashes are computed by the Model layer, never here).
    /// </summary>
    internal sealed class DesiredProject
    {
        public string Name { get; set; }

        /// <summary>Container names use '_' instead of '-' (docker compose --compatibility).</summary>
        public bool Compatibility { get; set; }

        /// <summary>Enabled services, in any order: the planner orders them by dependency.</summary>
        public List<DesiredService> Services { get; set; } = new List<DesiredService>();

        /// <summary>Services turned off by profiles (or left out by --no-deps): never orphans.</summary>
        public List<string> DisabledServices { get; set; } = new List<string>();

        public List<DesiredNetwork> Networks { get; set; } = new List<DesiredNetwork>();

        public List<DesiredVolume> Volumes { get; set; } = new List<DesiredVolume>();

        public DesiredService Service(string name) => Services.FirstOrDefault(s => s.Name == name);

        public DesiredNetwork Network(string key) => Networks.FirstOrDefault(n => n.Key == key);

        public DesiredVolume Volume(string key) => Volumes.FirstOrDefault(v => v.Key == key);
    }

    internal sealed class DesiredService
    {
        public string Name { get; set; }

        /// <summary>
        /// The expected com.docker.compose.config-hash. For a service with network_mode/ipc/pid "service:x" or
        /// volumes_from a service, hash the form whose references are resolved to the observed container IDs
        /// (see <see cref="ObservedState.ReferenceContainerId"/>), as Compose persists it at create time.
        /// </summary>
        public string ConfigHash { get; set; }

        /// <summary>The image: value; null when the service only has a build section.</summary>
        public string Image { get; set; }

        /// <summary>
        /// The expected com.docker.compose.image label (local image ID or digest), known once images are pulled
        /// or built. Null means unknown: the image check is skipped.
        /// </summary>
        public string ImageDigest { get; set; }

        /// <summary>scale / deploy.replicas, already reconciled by the loader; PlanOptions.Scale overrides it.</summary>
        public int Scale { get; set; } = 1;

        public string ContainerName { get; set; }

        public List<ServiceDependency> DependsOn { get; set; } = new List<ServiceDependency>();

        /// <summary>Network keys the service attaches to (service.networks).</summary>
        public List<string> Networks { get; set; } = new List<string>();

        /// <summary>Project volume keys mounted as type volume (named-volume mounts).</summary>
        public List<string> NamedVolumes { get; set; } = new List<string>();

        /// <summary>Targets of anonymous volumes: inherited from the old container on recreate unless -RenewAnonVolumes.</summary>
        public List<string> AnonymousVolumeTargets { get; set; } = new List<string>();

        public bool HasBuild { get; set; }

        /// <summary>always, missing (default), if_not_present, never, build, daily, weekly, every_&lt;duration&gt;.</summary>
        public string PullPolicy { get; set; }

        public string NetworkMode { get; set; }

        public string Ipc { get; set; }

        public string Pid { get; set; }

        /// <summary>volumes_from entries as written: "svc", "svc:ro", "container:name".</summary>
        public List<string> VolumesFrom { get; set; } = new List<string>();

        /// <summary>Services whose namespace or mounts this service shares (network_mode/ipc/pid service:x, volumes_from svc).</summary>
        public IEnumerable<string> ReferencedServices()
        {
            foreach (string mode in new[] { NetworkMode, Ipc, Pid })
            {
                if (mode != null && mode.StartsWith("service:"))
                {
                    yield return mode.Substring("service:".Length);
                }
            }
            foreach (string entry in VolumesFrom)
            {
                if (entry.StartsWith("container:"))
                {
                    continue;
                }
                int colon = entry.IndexOf(':');
                yield return colon < 0 ? entry : entry.Substring(0, colon);
            }
        }
    }

    internal sealed class ServiceDependency
    {
        public ServiceDependency()
        {
        }

        public ServiceDependency(string service, string condition = DependencyConditions.Started, bool restart = false, bool required = true)
        {
            Service = service;
            Condition = condition;
            Restart = restart;
            Required = required;
        }

        public string Service { get; set; }

        public string Condition { get; set; } = DependencyConditions.Started;

        public bool Restart { get; set; }

        public bool Required { get; set; } = true;
    }

    internal static class DependencyConditions
    {
        public const string Started = "service_started";
        public const string Healthy = "service_healthy";
        public const string CompletedSuccessfully = "service_completed_successfully";
    }

    internal sealed class DesiredNetwork
    {
        public string Key { get; set; }

        /// <summary>Engine name: &lt;project&gt;_&lt;key&gt; unless name: is set.</summary>
        public string Name { get; set; }

        /// <summary>Expected com.docker.compose.config-hash of the network.</summary>
        public string ConfigHash { get; set; }

        public bool External { get; set; }
    }

    internal sealed class DesiredVolume
    {
        public string Key { get; set; }

        public string Name { get; set; }

        public string ConfigHash { get; set; }

        public bool External { get; set; }
    }
}
