using System;
using System.Collections.Generic;
using System.Linq;
using PSCompose.Engine;
using PSCompose.Model;

namespace PSCompose.Execution
{
    /// <summary>Network mode and endpoints as create.go defaultNetworkSettings/createEndpointSettings set them.</summary>
    internal static class ServiceNetworks
    {
        public static void Apply(ContainerSpec spec, ServiceContainer c)
        {
            string networkMode = Canon.Str(c.Service, "network_mode");
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
            List<string> keys = ByPriority(c.Service.Map("networks"));
            if (keys.Count == 0) keys.Add("default");
            foreach (string key in keys)
                spec.Networks.Add(Endpoint(c, key, c.Service.Map("networks")?.Map(key)));
            spec.NetworkMode = spec.Networks[0].Network;
        }

        /// <summary>Highest priority first, then by key (compose-go NetworksByPriority).</summary>
        public static List<string> ByPriority(YMap networks) =>
            (networks ?? new YMap())
                .OrderByDescending(n => Canon.Long(n.Value as YMap, "priority"))
                .ThenBy(n => n.Key, StringComparer.Ordinal)
                .Select(n => n.Key).ToList();

        /// <summary>The engine name of a project network key.</summary>
        public static string EngineName(ProjectModel project, string key) =>
            Canon.Str(project.Networks.Map(key), "name") ?? ComposeNames.ProjectResource(project.Name, key);

        internal static EndpointSpec Endpoint(ServiceContainer c, string key, YMap config)
        {
            var aliases = new List<string> { c.ContainerName };
            if (!c.OneOff || c.UseAliases)
            {
                aliases.Add(c.ServiceName);
                aliases.AddRange(Canon.StringsOrEmpty(config, "aliases"));
            }
            return new EndpointSpec
            {
                Network = EngineName(c.Project, key),
                Aliases = aliases,
                Links = c.Links.ToList(),
                Ipv4Address = Canon.Str(config, "ipv4_address"),
                Ipv6Address = Canon.Str(config, "ipv6_address"),
                LinkLocalIps = Canon.StringsOrEmpty(config, "link_local_ips"),
                MacAddress = Canon.Str(config, "mac_address"),
                DriverOpts = Canon.StringMap(config, "driver_opts"),
                GatewayPriority = Canon.Long(config, "gw_priority"),
                HasConfig = config != null,
            };
        }
    }
}
