using System;
using System.Collections.Generic;
using System.Linq;
using static PSCompose.Model.Typed.TreeValues;

namespace PSCompose.Model.Typed
{
    /// <summary>
    /// The one decoder from the canonical tree to the typed project, run where loading ends. It reads what the
    /// normaliser left (long syntax, Go types) and never fails on a loaded project: a value of another shape reads
    /// as absent. Each service keeps a private copy of its subtree for the config hash.
    /// </summary>
    internal static partial class ProjectDecoder
    {
        public static ProjectConfig Decode(ProjectModel model)
        {
            YMap root = model.Root ?? new YMap();
            return new ProjectConfig
            {
                Name = model.Name,
                WorkingDirectory = model.WorkingDirectory,
                ConfigFiles = model.ConfigFiles ?? Array.Empty<string>(),
                EnvFiles = model.EnvFiles ?? Array.Empty<string>(),
                Environment = model.Environment ?? new Dictionary<string, string>(),
                Profiles = model.ActiveProfiles ?? Array.Empty<string>(),
                Compatibility = model.Compatibility,
                Services = Services(root.Map("services")),
                DisabledServices = Services(model.DisabledServices),
                Networks = Declared(root, "networks", Network),
                Volumes = Declared(root, "volumes", Volume),
                Secrets = Declared(root, "secrets", FileObject),
                Configs = Declared(root, "configs", FileObject),
                Models = Declared(root, "models", Model),
                Extensions = Extensions(root),
                Sources = new SourcePositions(model.ConfigFiles),
            };
        }

        // A resource declared with no settings (`networks: {front:}`) is still declared: it decodes as all defaults.
        private static OrderedMap<T> Declared<T>(YMap root, string key, Func<string, YMap, T> decode) where T : class =>
            root.Map(key) is YMap map
                ? new OrderedMap<T>(map.Select(e => new KeyValuePair<string, T>(e.Key, decode(e.Key, e.Value as YMap ?? new YMap()))))
                : OrderedMap<T>.Empty;

        private static OrderedMap<ServiceConfig> Services(YMap services) =>
            services == null ? OrderedMap<ServiceConfig>.Empty
            : new OrderedMap<ServiceConfig>(services.Select(e => new KeyValuePair<string, ServiceConfig>(e.Key, Service(e.Key, e.Value as YMap ?? new YMap()))));

        internal static NetworkConfig Network(string key, YMap n) => new NetworkConfig
        {
            Key = key,
            Name = Str(n, "name"),
            Driver = Str(n, "driver"),
            DriverOpts = StringMap(n, "driver_opts"),
            Ipam = Ipam(n.Map("ipam")),
            External = Bool(n, "external"),
            Internal = Bool(n, "internal"),
            Attachable = Bool(n, "attachable"),
            Labels = StringMap(n, "labels"),
            EnableIpv4 = OptionalBool(n, "enable_ipv4"),
            EnableIpv6 = OptionalBool(n, "enable_ipv6"),
            Extensions = Extensions(n),
            Canonical = (YMap)YMap.DeepClone(n),
        };

        private static IpamConfig Ipam(YMap ipam) => ipam == null ? new IpamConfig() : new IpamConfig
        {
            Driver = Str(ipam, "driver"),
            Config = ListOf(ipam, "config", pool => new IpamPool
            {
                Subnet = Str(pool, "subnet"),
                Gateway = Str(pool, "gateway"),
                IpRange = Str(pool, "ip_range"),
                AuxAddresses = StringMap(pool, "aux_addresses"),
            }),
            Options = StringMap(ipam, "options"),
        };

        internal static VolumeConfig Volume(string key, YMap v) => new VolumeConfig
        {
            Key = key,
            Name = Str(v, "name"),
            Driver = Str(v, "driver"),
            DriverOpts = StringMap(v, "driver_opts"),
            External = Bool(v, "external"),
            Labels = StringMap(v, "labels"),
            Extensions = Extensions(v),
            Canonical = (YMap)YMap.DeepClone(v),
        };

        private static FileObjectConfig FileObject(string key, YMap d) => new FileObjectConfig
        {
            Key = key,
            Name = Str(d, "name"),
            File = Str(d, "file"),
            Environment = Str(d, "environment"),
            Content = Str(d, "content"),
            External = Bool(d, "external"),
            Labels = StringMap(d, "labels"),
            Driver = Str(d, "driver"),
            DriverOpts = StringMap(d, "driver_opts"),
            TemplateDriver = Str(d, "template_driver"),
            Extensions = Extensions(d),
        };

        private static ModelConfig Model(string key, YMap m) => new ModelConfig
        {
            Key = key,
            Name = Str(m, "name"),
            Model = Str(m, "model"),
            ContextSize = Long(m, "context_size"),
            RuntimeFlags = Strings(m, "runtime_flags"),
            Extensions = Extensions(m),
        };
    }
}
