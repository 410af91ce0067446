using System.Collections.Generic;
using System.Linq;
using PSCompose.Plan;
using Xunit;

namespace PSCompose.Tests.Plan
{
    /// <summary>Terse constructors for plan scenarios: a desired project, observed containers and the expected transcript.</summary>
    internal static class PlanBuilders
    {
        public static DesiredProject Project(string name = "myproject") => new DesiredProject { Name = name };

        /// <summary>A service whose expected config hash is "hash-&lt;name&gt;".</summary>
        public static DesiredService Service(string name, int scale = 1) =>
            new DesiredService { Name = name, Scale = scale, ConfigHash = "hash-" + name };

        public static DesiredProject With(this DesiredProject project, params DesiredService[] services)
        {
            project.Services.AddRange(services);
            return project;
        }

        public static DesiredProject WithNetwork(this DesiredProject project, string key, string hash = "nethash", bool external = false, string name = null)
        {
            project.Networks.Add(new DesiredNetwork { Key = key, Name = name ?? project.Name + "_" + key, ConfigHash = hash, External = external });
            return project;
        }

        public static DesiredProject WithVolume(this DesiredProject project, string key, string hash = "volhash", bool external = false, string name = null)
        {
            project.Volumes.Add(new DesiredVolume { Key = key, Name = name ?? project.Name + "_" + key, ConfigHash = hash, External = external });
            return project;
        }

        public static DesiredService DependsOn(this DesiredService service, string dependency, string condition = DependencyConditions.Started, bool restart = false, bool required = true)
        {
            service.DependsOn.Add(new ServiceDependency(dependency, condition, restart, required));
            return service;
        }

        public static DesiredService OnNetworks(this DesiredService service, params string[] keys)
        {
            service.Networks.AddRange(keys);
            return service;
        }

        public static DesiredService Mounting(this DesiredService service, params string[] volumeKeys)
        {
            service.NamedVolumes.AddRange(volumeKeys);
            return service;
        }

        /// <summary>A service container that is up to date with <see cref="Service"/> unless told otherwise.</summary>
        public static ObservedContainer Container(string id, string service, int number, string state = ContainerStates.Running, string hash = null) =>
            new ObservedContainer
            {
                Id = id,
                Name = "myproject-" + service + "-" + number,
                Service = service,
                Number = number,
                State = state,
                ConfigHash = hash ?? "hash-" + service,
            };

        public static ObservedContainer WithVolumes(this ObservedContainer container, params string[] volumeNames)
        {
            container.VolumeNames.AddRange(volumeNames);
            return container;
        }

        public static ObservedContainer WithNetworks(this ObservedContainer container, params string[] networkIds)
        {
            container.NetworkIds.AddRange(networkIds);
            return container;
        }

        public static ObservedState Observed(params ObservedContainer[] containers) =>
            new ObservedState { Containers = containers.ToList() };

        public static ObservedState WithNetwork(this ObservedState state, string key, string name, string id, string hash)
        {
            state.Networks.Add(new ObservedNetwork { Key = key, Name = name, Id = id, ConfigHash = hash });
            return state;
        }

        public static ObservedState WithVolume(this ObservedState state, string key, string name, string hash)
        {
            state.Volumes.Add(new ObservedVolume { Key = key, Name = name, ConfigHash = hash });
            return state;
        }

        public static void AssertTranscript(ComposePlan plan, params string[] lines)
        {
            string expected = string.Concat(lines.Select(l => l + "\n"));
            Assert.Equal(expected, PlanTranscript.Format(plan));
        }

        public static PlanOptions Yes(this PlanOptions options)
        {
            options.ConfirmVolumeRecreate = _ => true;
            return options;
        }

        public static PlanOptions Prompts(this PlanOptions options, List<string> asked, params bool[] answers)
        {
            var queue = new Queue<bool>(answers);
            options.ConfirmVolumeRecreate = q =>
            {
                asked.Add(q);
                return queue.Count > 0 && queue.Dequeue();
            };
            return options;
        }
    }
}
