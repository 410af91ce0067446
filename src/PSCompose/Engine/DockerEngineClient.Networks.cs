using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Models;

namespace PSCompose.Engine
{
    internal sealed partial class DockerEngineClient
    {
        public async Task<IReadOnlyList<EngineNetwork>> ListNetworksAsync(IReadOnlyCollection<string> labelFilters, string nameFilter, CancellationToken ct)
        {
            IDictionary<string, IDictionary<string, bool>> filters = LabelFilters(labelFilters);
            if (!string.IsNullOrEmpty(nameFilter)) filters["name"] = new Dictionary<string, bool> { [nameFilter] = true };
            IList<NetworkResponse> list = await Call(Endpoint, ct, () => client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filters }, ct)).ConfigureAwait(false);
            return list.Select(ToNetwork).ToList();
        }

        public async Task<EngineNetwork> InspectNetworkAsync(string idOrName, CancellationToken ct)
        {
            NetworkResponse n = await Call(Endpoint, ct, () => client.Networks.InspectNetworkAsync(idOrName, ct)).ConfigureAwait(false);
            return ToNetwork(n);
        }

        public async Task<string> CreateNetworkAsync(NetworkSpec spec, CancellationToken ct)
        {
            await RefuseDuplicateNameAsync(spec.Name, ct).ConfigureAwait(false);
            var parameters = new NetworksCreateParameters
            {
                Name = spec.Name,
                Driver = string.IsNullOrEmpty(spec.Driver) ? null : spec.Driver,
                Options = NullIfEmpty(spec.Options),
                Labels = NullIfEmpty(spec.Labels),
                Internal = spec.Internal,
                Attachable = spec.Attachable,
                EnableIPv6 = spec.EnableIpv6,
                EnableIPv4 = spec.EnableIpv4,
                IPAM = spec.Ipam == null ? null : new IPAM
                {
                    Driver = string.IsNullOrEmpty(spec.Ipam.Driver) ? null : spec.Ipam.Driver,
                    Options = NullIfEmpty(spec.Ipam.Options),
                    Config = (spec.Ipam.Config ?? new List<IpamPoolSpec>()).Select(c => new IPAMConfig
                    {
                        Subnet = string.IsNullOrEmpty(c.Subnet) ? null : c.Subnet,
                        IPRange = string.IsNullOrEmpty(c.IpRange) ? null : c.IpRange,
                        Gateway = string.IsNullOrEmpty(c.Gateway) ? null : c.Gateway,
                        AuxAddress = NullIfEmpty(c.AuxAddresses),
                    }).ToList(),
                },
            };
            NetworksCreateResponse r = await Call(Endpoint, ct, () => client.Networks.CreateNetworkAsync(parameters, ct)).ConfigureAwait(false);
            return r.ID;
        }

        /// <summary>
        /// Engines before API 1.44 only refuse a duplicate network name when asked (CheckDuplicate, which Compose and
        /// the CLI send); Docker.DotNet's 1.54 models no longer have the field, so the check is made here.
        /// </summary>
        private async Task RefuseDuplicateNameAsync(string name, CancellationToken ct)
        {
            if (NegotiatedApi >= ContainerSpecMapper.MultipleEndpointsApi || string.IsNullOrEmpty(name)) return;
            IReadOnlyList<EngineNetwork> sameName = await ListNetworksAsync(null, name, ct).ConfigureAwait(false);
            if (sameName.Any(n => n.Name == name))
                throw new EngineException(409, $"network with name {name} already exists");
        }

        public Task RemoveNetworkAsync(string idOrName, CancellationToken ct) =>
            Call(Endpoint, ct, () => client.Networks.DeleteNetworkAsync(idOrName, ct));

        public Task ConnectNetworkAsync(string network, string container, EndpointSpec endpoint, CancellationToken ct)
        {
            var parameters = new NetworkConnectParameters
            {
                Container = container,
                EndpointConfig = endpoint == null ? null : ContainerSpecMapper.ToEndpointSettings(endpoint),
            };
            return Call(Endpoint, ct, () => client.Networks.ConnectNetworkAsync(network, parameters, ct));
        }

        public Task DisconnectNetworkAsync(string network, string container, bool force, CancellationToken ct) =>
            Call(Endpoint, ct, () => client.Networks.DisconnectNetworkAsync(network, new NetworkDisconnectParameters { Container = container, Force = force }, ct));

        private static EngineNetwork ToNetwork(NetworkResponse n) => new EngineNetwork
        {
            Id = n.ID,
            Name = n.Name,
            Driver = n.Driver,
            Scope = n.Scope,
            Internal = n.Internal,
            Attachable = n.Attachable,
            EnableIpv6 = n.EnableIPv6,
            Created = n.Created,
            Labels = Copy(n.Labels),
            Options = Copy(n.Options),
            IpamDriver = n.IPAM?.Driver,
            IpamConfig = (n.IPAM?.Config ?? new List<IPAMConfig>()).Select(c => new IpamPoolSpec
            {
                Subnet = c.Subnet,
                IpRange = c.IPRange,
                Gateway = c.Gateway,
                AuxAddresses = c.AuxAddress != null ? new Dictionary<string, string>(c.AuxAddress) : new Dictionary<string, string>(),
            }).ToList(),
            Containers = (n.Containers ?? new Dictionary<string, EndpointResource>()).ToDictionary(kv => kv.Key, kv => kv.Value?.Name),
        };

        private static IDictionary<string, string> NullIfEmpty(IDictionary<string, string> map) =>
            map == null || map.Count == 0 ? null : new Dictionary<string, string>(map);
    }
}
