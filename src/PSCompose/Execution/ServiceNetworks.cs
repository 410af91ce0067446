using System.Collections.Generic;
using System.Linq;
using PSCompose.Engine;
using PSCompose.Model.Typed;

namespace PSCompose.Execution
{
    /// <summary>Network mode and endpoints as create.go defaultNetworkSettings/createEndpointSettings set them.</summary>
    internal static class ServiceNetworks
    {
        public static void Apply(ContainerSpec spec, ServiceContainer c)
        {
            string networkMode = c.Service.NetworkMode;
            if (!string.IsNullOrEmpty(networkMode))
            {
                spec.NetworkDisabled = networkMode == "disabled";
                spec.NetworkMode = ServiceSpecBuilder.ServiceRef(networkMode, c);
                return;
            }
            if (c.Project.Networks.Count == 0)
            {
                spec.NetworkMode = "none";
                return;
            }
            List<string> keys = c.Service.NetworksByPriority().ToList();
            if (keys.Count == 0) keys.Add("default");
            foreach (string key in keys)
                spec.Networks.Add(Endpoint(c, key));
            spec.NetworkMode = spec.Networks[0].Network;
        }

        /// <summary>The endpoint of the container on the project network <paramref name="key"/>, with the service's settings there.</summary>
        internal static EndpointSpec Endpoint(ServiceContainer c, string key)
        {
            ServiceNetworkConfig config = c.Service.Networks?[key];
            var aliases = new List<string> { c.ContainerName };
            if (!c.OneOff || c.UseAliases)
            {
                aliases.Add(c.ServiceName);
                if (config != null) aliases.AddRange(config.Aliases);
            }
            return new EndpointSpec
            {
                Network = c.Project.NetworkName(key),
                Aliases = aliases,
                Links = c.Links.ToList(),
                Ipv4Address = config?.Ipv4Address,
                Ipv6Address = config?.Ipv6Address,
                LinkLocalIps = config?.LinkLocalIps.ToList() ?? new List<string>(),
                MacAddress = config?.MacAddress,
                DriverOpts = config?.DriverOpts.ToDictionary() ?? new Dictionary<string, string>(),
                GatewayPriority = config?.GwPriority ?? 0,
                HasConfig = config != null,
            };
        }
    }
}
