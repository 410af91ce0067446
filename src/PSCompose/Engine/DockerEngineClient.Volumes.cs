using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Models;

namespace PSCompose.Engine
{
    internal sealed partial class DockerEngineClient
    {
        public async Task<IReadOnlyList<EngineVolume>> ListVolumesAsync(IReadOnlyCollection<string> labelFilters, CancellationToken ct)
        {
            var parameters = new VolumesListParameters { Filters = LabelFilters(labelFilters) };
            VolumesListResponse r = await Call(Endpoint, ct, () => client.Volumes.ListAsync(parameters, ct)).ConfigureAwait(false);
            return (r.Volumes ?? new List<VolumeResponse>()).Select(ToVolume).ToList();
        }

        public async Task<EngineVolume> InspectVolumeAsync(string name, CancellationToken ct)
        {
            VolumeResponse v = await Call(Endpoint, ct, () => client.Volumes.InspectAsync(name, ct)).ConfigureAwait(false);
            return ToVolume(v);
        }

        public async Task<EngineVolume> CreateVolumeAsync(VolumeSpec spec, CancellationToken ct)
        {
            var parameters = new VolumesCreateParameters
            {
                Name = spec.Name,
                Driver = string.IsNullOrEmpty(spec.Driver) ? null : spec.Driver,
                DriverOpts = NullIfEmpty(spec.DriverOpts),
                Labels = NullIfEmpty(spec.Labels),
            };
            VolumeResponse v = await Call(Endpoint, ct, () => client.Volumes.CreateAsync(parameters, ct)).ConfigureAwait(false);
            return ToVolume(v);
        }

        public Task RemoveVolumeAsync(string name, bool force, CancellationToken ct) =>
            Call(Endpoint, ct, () => client.Volumes.RemoveAsync(name, force, ct));

        private static EngineVolume ToVolume(VolumeResponse v) => new EngineVolume
        {
            Name = v.Name,
            Driver = v.Driver,
            Mountpoint = v.Mountpoint,
            Scope = v.Scope,
            CreatedAt = v.CreatedAt,
            Labels = Copy(v.Labels),
            Options = Copy(v.Options),
        };
    }
}
