using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Model;
using PSCompose.Plan;

namespace PSCompose.Execution
{
    /// <summary>What the engine holds for a project, found by its com.docker.compose.project label, as Compose finds it.</summary>
    internal static class ObservedStateReader
    {
        public static async Task<ObservedState> ReadAsync(IEngineClient engine, string project, CancellationToken ct)
        {
            string projectLabel = ComposeLabels.Project + "=" + project;
            var containers = engine.ListContainersAsync(new[] { projectLabel, ComposeLabels.ConfigHash }, true, ct);
            var networks = engine.ListNetworksAsync(new[] { projectLabel }, null, ct);
            var volumes = engine.ListVolumesAsync(new[] { projectLabel }, ct);
            await Task.WhenAll(containers, networks, volumes).ConfigureAwait(false);

            var state = new ObservedState();
            var details = await Task.WhenAll(containers.Result.Select(c => InspectIfStillThereAsync(engine, c.Id, ct))).ConfigureAwait(false);
            foreach (EngineContainerDetails d in details.Where(d => d != null))
            {
                ObservedContainer o = ObservedContainer.FromLabels(d.Id, d.Name, State(d), new Dictionary<string, string>(d.Labels.ToDictionary(l => l.Key, l => l.Value)));
                o.Created = d.Created.Ticks;
                o.NetworkIds = d.Networks.Values.Select(n => n.NetworkId).Where(id => id != null).ToList();
                o.VolumeNames = d.Mounts.Where(m => m.Type == "volume" && m.Name != null).Select(m => m.Name).ToList();
                state.Containers.Add(o);
            }
            foreach (EngineNetwork n in networks.Result)
                state.Networks.Add(new ObservedNetwork { Key = n.Label(ComposeLabels.Network), Name = n.Name, Id = n.Id, ConfigHash = n.Label(ComposeLabels.ConfigHash) });
            foreach (EngineVolume v in volumes.Result)
                state.Volumes.Add(new ObservedVolume
                {
                    Key = v.Labels.TryGetValue(ComposeLabels.Volume, out string key) ? key : null,
                    Name = v.Name,
                    ConfigHash = v.Labels.TryGetValue(ComposeLabels.ConfigHash, out string hash) ? hash : null,
                });
            return state;
        }

        /// <summary>Null for a container removed between the list and the inspect (another run replaced it).</summary>
        private static async Task<EngineContainerDetails> InspectIfStillThereAsync(IEngineClient engine, string id, CancellationToken ct)
        {
            try { return await engine.InspectContainerAsync(id, ct).ConfigureAwait(false); }
            catch (EngineException e) when (e.IsNotFound) { return null; }
        }

        private static string State(EngineContainerDetails d) => d.Status ?? (d.Running ? ContainerStates.Running : ContainerStates.Exited);
    }
}
