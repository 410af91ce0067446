using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Model;
using PSCompose.Model.Serialization;
using PSCompose.Model.Typed;
using PSCompose.Plan;

namespace PSCompose.Execution
{
    internal sealed partial class PlanExecutor
    {
        private readonly ConcurrentServiceIds createdByService = new ConcurrentServiceIds();

        private Task PullAsync(PlanOperation op, CancellationToken ct) =>
            engine.PullImageAsync(op.Name, context.Project.Typed.Service(op.Service)?.Platform,
                p => Progress(op.Service, p), ct);

        private async Task BuildAsync(PlanOperation op, CancellationToken ct)
        {
            if (op.OnlyIfImageMissing && await ImageExists(op.Name, ct).ConfigureAwait(false)) return;
            BuildSpec spec = ProjectResourceSpecs.Build(context.Project.Typed, op.Service, op.Name, context.NoCache, context.PullOnBuild);
            await engine.BuildImageAsync(spec, p => Progress(op.Service, p), ct).ConfigureAwait(false);
        }

        private async Task<bool> ImageExists(string reference, CancellationToken ct)
        {
            try { await engine.InspectImageAsync(reference, ct).ConfigureAwait(false); return true; }
            catch (EngineException e) when (e.IsNotFound) { return false; }
        }

        /// <summary>Build output always goes to the output lines; pull lines only when nothing draws a progress bar.</summary>
        private void Progress(string service, EngineProgress p)
        {
            context.Transfer?.Invoke(service, p);
            if (p.Stream != null || context.Transfer == null) context.Output(service, ProgressLine(p));
        }

        private static string ProgressLine(EngineProgress p) =>
            p.Stream?.TrimEnd('\n') ?? string.Join(" ", new[] { p.Id, p.Status }.Where(s => !string.IsNullOrEmpty(s)));

        /// <summary>Creates the network; one of the same name that Compose did not create is reused with a warning.</summary>
        private async Task CreateNetworkAsync(PlanOperation op, CancellationToken ct)
        {
            string key = op.Resource.Substring("network:".Length);
            string hash = context.Desired.Network(key)?.ConfigHash;
            try
            {
                await engine.CreateNetworkAsync(ProjectResourceSpecs.Network(context.Project.Typed, key, hash), ct).ConfigureAwait(false);
            }
            catch (EngineException e) when (e.IsConflict)
            {
                EngineNetwork existing = await engine.InspectNetworkAsync(op.Name, ct).ConfigureAwait(false);
                if (existing.Label(ComposeLabels.Project) != context.Project.Name)
                    context.Warn($"a network with name {op.Name} exists but was not created by compose.\nSet `external: true` to use an existing network");
            }
        }

        private async Task CreateVolumeAsync(PlanOperation op, CancellationToken ct)
        {
            string key = op.Resource.Substring("volume:".Length);
            string hash = context.Desired.Volume(key)?.ConfigHash;
            EngineVolume existing = null;
            try { existing = await engine.InspectVolumeAsync(op.Name, ct).ConfigureAwait(false); }
            catch (EngineException e) when (e.IsNotFound) { }
            if (existing == null)
                await engine.CreateVolumeAsync(ProjectResourceSpecs.Volume(context.Project.Typed, key, hash), ct).ConfigureAwait(false);
            else if (!existing.Labels.TryGetValue(ComposeLabels.Project, out string project) || project != context.Project.Name)
                context.Warn($"volume \"{op.Name}\" already exists but was not created by Docker Compose. Use `external: true` to use an existing volume");
        }

        /// <summary>Reconnects a container to a recreated network with the endpoint its service declares.</summary>
        private Task ConnectNetworkAsync(PlanOperation op, CancellationToken ct)
        {
            ProjectConfig project = context.Project.Typed;
            string key = project.Networks.Keys.FirstOrDefault(k => project.NetworkName(k) == op.Name);
            var container = new ServiceContainer
            {
                Project = project,
                Service = project.Service(op.Service) ?? new ServiceConfig { Name = op.Service },
                Number = op.Number,
                ContainerName = op.Container.Name,
            };
            EndpointSpec endpoint = ServiceNetworks.Endpoint(container, key);
            endpoint.Network = op.Name;
            return engine.ConnectNetworkAsync(op.Name, op.Container.Id, endpoint, ct);
        }

        private async Task CreateContainerAsync(PlanOperation op, CancellationToken ct)
        {
            ServiceConfig service = context.Project.Typed.Service(op.Service);
            DesiredService desired = context.Desired.Service(op.Service);
            EngineContainerDetails inheritFrom = null;
            IReadOnlyList<string> imageVolumes = new string[0];
            if (op.InheritFrom != null)
            {
                inheritFrom = await engine.InspectContainerAsync(op.InheritFrom.Id, ct).ConfigureAwait(false);
                try { imageVolumes = (await engine.InspectImageAsync(inheritFrom.ImageId, ct).ConfigureAwait(false)).Volumes; }
                catch (EngineException e) when (e.IsNotFound) { }
            }
            // Hashed and created with service references resolved to the containers that exist now.
            ServiceConfig resolved = ServiceReferences.Resolve(service, s => createdByService.Get(s) ?? context.Observed.ReferenceContainerId(s));
            ContainerSpec spec = ServiceSpecBuilder.Build(new ServiceContainer
            {
                Project = context.Project.Typed,
                Service = resolved,
                Number = op.Number,
                ContainerName = op.Name,
                ConfigHash = ConfigHash.Service(resolved),
                ImageId = context.ImageIds.TryGetValue(op.Service, out string imageId) ? imageId : null,
                Replaces = inheritFrom,
                ImageVolumes = imageVolumes,
                ServiceContainerIds = ReferencedContainerIds(desired),
            });
            if (op.Replaces != null) spec.Labels[ComposeLabels.Replace] = ContainerNaming.ReplaceLabel(desired, op.Number, context.Desired.Compatibility);
            EngineCreateResult created = await engine.CreateContainerAsync(spec, ct).ConfigureAwait(false);
            createdIds[op.Id] = created.Id;
            createdByService.Offer(op.Service, op.Number, created.Id);
        }

        /// <summary>Containers that network_mode/ipc/pid "service:x" and volumes_from point at: created now, else observed.</summary>
        private IReadOnlyDictionary<string, string> ReferencedContainerIds(DesiredService desired)
        {
            var ids = new Dictionary<string, string>();
            foreach (string referenced in desired?.ReferencedServices() ?? Enumerable.Empty<string>())
            {
                string id = createdByService.Get(referenced) ?? context.Observed.ReferenceContainerId(referenced);
                if (id != null) ids[referenced] = id;
            }
            return ids;
        }
    }

    /// <summary>The lowest-numbered container created per service in this run.</summary>
    internal sealed class ConcurrentServiceIds
    {
        private readonly Dictionary<string, (int Number, string Id)> ids = new Dictionary<string, (int, string)>();

        public void Offer(string service, int number, string id)
        {
            lock (ids)
                if (!ids.TryGetValue(service, out var current) || number < current.Number) ids[service] = (number, id);
        }

        public string Get(string service)
        {
            lock (ids) return ids.TryGetValue(service, out var entry) ? entry.Id : null;
        }
    }
}
