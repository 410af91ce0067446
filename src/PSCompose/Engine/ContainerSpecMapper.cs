using System;
using System.Collections.Generic;
using System.Linq;
using Docker.DotNet.Models;
using PSCompose.Model;
using Version = System.Version;

namespace PSCompose.Engine
{
    /// <summary>
    /// ContainerSpec → the engine's create request, the way docker/compose getCreateConfigs fills
    /// container.Config, container.HostConfig and network.NetworkingConfig.
    /// </summary>
    internal static class ContainerSpecMapper
    {
        /// <summary>From API 1.44 the create request carries every endpoint; before, only the primary one.</summary>
        internal static readonly Version MultipleEndpointsApi = new Version(1, 44);

        public static CreateContainerParameters ToCreateParameters(ContainerSpec spec, Version apiVersion)
        {
            if (spec == null) throw new ArgumentNullException(nameof(spec));
            if (string.IsNullOrEmpty(spec.Image)) throw new ArgumentException("A container spec needs an image.", nameof(spec));

            var p = new CreateContainerParameters
            {
                Name = NullIfEmpty(spec.Name),
                Platform = NullIfEmpty(spec.Platform),
                Image = spec.Image,
                Hostname = NullIfEmpty(spec.Hostname),
                Domainname = NullIfEmpty(spec.Domainname),
                User = NullIfEmpty(spec.User),
                WorkingDir = NullIfEmpty(spec.WorkingDir),
                Tty = spec.Tty,
                OpenStdin = spec.OpenStdin,
                StdinOnce = spec.StdinOnce,
                AttachStdin = spec.AttachStdin,
                AttachStdout = spec.AttachStdout,
                AttachStderr = spec.AttachStderr,
                Cmd = spec.Command?.ToList(),
                Entrypoint = spec.Entrypoint?.ToList(),
                Env = NullIfEmpty(spec.Env),
                Labels = new Dictionary<string, string>(spec.Labels ?? new Dictionary<string, string>()),
                StopSignal = NullIfEmpty(spec.StopSignal),
                StopTimeout = spec.StopTimeoutSeconds.HasValue ? TimeSpan.FromSeconds(spec.StopTimeoutSeconds.Value) : (TimeSpan?)null,
                NetworkDisabled = spec.NetworkDisabled ? true : (bool?)null,
                Healthcheck = ToHealthcheck(spec.Healthcheck, apiVersion),
                ExposedPorts = ToExposedPorts(spec),
                HostConfig = ToHostConfig(spec),
            };

            List<EndpointSpec> networks = (spec.Networks ?? new List<EndpointSpec>()).ToList();
            RefuseNetworkMacAddressBeforeApi144(spec, networks, apiVersion);
            string networkMode = spec.NetworkMode ?? networks.FirstOrDefault()?.Network;
            p.HostConfig.NetworkMode = NullIfEmpty(networkMode);
            if (networks.Count > 0 && (string.IsNullOrEmpty(spec.NetworkMode) || spec.NetworkMode == networks[0].Network))
            {
                bool all = apiVersion == null || apiVersion >= MultipleEndpointsApi;
                var endpoints = new Dictionary<string, EndpointSettings>();
                foreach (EndpointSpec endpoint in all ? networks : networks.Take(1))
                    endpoints[endpoint.Network] = ToEndpointSettings(endpoint);
                if (all && string.IsNullOrEmpty(networks[0].MacAddress) && !string.IsNullOrEmpty(spec.MacAddress))
                    endpoints[networks[0].Network].MacAddress = spec.MacAddress;
                p.NetworkingConfig = new NetworkingConfig { EndpointsConfig = endpoints };
            }
            return p;
        }

        /// <summary>
        /// Before API 1.44 the engine takes a service's MAC address only in the legacy Config.MacAddress field, as
        /// Compose sends it; Docker.DotNet.Enhanced's models (API 1.54) lack the field, so the engine client adds it
        /// to the request (<see cref="LegacyMacAddress"/>). A per-network mac_address has no field at all there:
        /// Compose refuses it with the message below, and so does PSCompose.
        /// </summary>
        private static void RefuseNetworkMacAddressBeforeApi144(ContainerSpec spec, List<EndpointSpec> networks, Version apiVersion)
        {
            if (apiVersion == null || apiVersion >= MultipleEndpointsApi) return;
            string service = spec.Labels != null && spec.Labels.TryGetValue(ComposeLabels.Service, out string s) ? s : spec.Name;
            EndpointSpec perNetwork = networks.FirstOrDefault(n => !string.IsNullOrEmpty(n.MacAddress));
            if (perNetwork != null)
                throw new ComposeException(ErrorIds.MacAddressUnsupported,
                    $"setting service.networks.{perNetwork.Network}.mac_address is not supported by the Engine API version {apiVersion.ToString(2)}", service);
        }

        /// <summary>The address to send in the legacy Config.MacAddress field: the service's, on engines older than API 1.44; else null.</summary>
        public static string LegacyMacAddress(ContainerSpec spec, Version apiVersion) =>
            apiVersion != null && apiVersion < MultipleEndpointsApi ? NullIfEmpty(spec.MacAddress) : null;

        /// <summary>Endpoints to connect after create: the non-primary networks, on engines older than API 1.44.</summary>
        public static IReadOnlyList<EndpointSpec> EndpointsToConnectAfterCreate(ContainerSpec spec, Version apiVersion)
        {
            var networks = spec.Networks ?? new List<EndpointSpec>();
            if (networks.Count < 2 || apiVersion == null || apiVersion >= MultipleEndpointsApi) return Array.Empty<EndpointSpec>();
            // A network_mode other than the primary network (host, none, container:…) takes no endpoints at all.
            if (!string.IsNullOrEmpty(spec.NetworkMode) && spec.NetworkMode != networks[0].Network) return Array.Empty<EndpointSpec>();
            return networks.Skip(1).ToList();
        }

        public static EndpointSettings ToEndpointSettings(EndpointSpec endpoint)
        {
            var settings = new EndpointSettings
            {
                Aliases = NullIfEmpty(endpoint.Aliases),
                Links = NullIfEmpty(endpoint.Links),
                MacAddress = NullIfEmpty(endpoint.MacAddress),
                DriverOpts = NullIfEmpty(endpoint.DriverOpts),
                GwPriority = endpoint.GatewayPriority,
                IPAddress = NullIfEmpty(endpoint.Ipv4Address),
            };
            if (endpoint.HasConfig || !string.IsNullOrEmpty(endpoint.Ipv4Address) || !string.IsNullOrEmpty(endpoint.Ipv6Address)
                || (endpoint.LinkLocalIps?.Count ?? 0) > 0)
            {
                settings.IPAMConfig = new EndpointIPAMConfig
                {
                    IPv4Address = NullIfEmpty(endpoint.Ipv4Address),
                    IPv6Address = NullIfEmpty(endpoint.Ipv6Address),
                    LinkLocalIPs = NullIfEmpty(endpoint.LinkLocalIps),
                };
            }
            return settings;
        }

        private static HealthcheckConfig ToHealthcheck(HealthcheckSpec h, Version apiVersion)
        {
            if (h == null) return null;
            if (h.StartInterval.HasValue && apiVersion != null && apiVersion < MultipleEndpointsApi)
                throw new ComposeException(ErrorIds.HealthcheckStartIntervalUnsupported,
                    "can't set healthcheck.start_interval as feature require Docker Engine v25 or later");
            return new HealthcheckConfig
            {
                Test = h.Test?.ToList(),
                Interval = h.Interval,
                Timeout = h.Timeout,
                StartPeriod = h.StartPeriod,
                StartInterval = h.StartInterval,
                Retries = h.Retries,
            };
        }

        private static IDictionary<string, EmptyStruct> ToExposedPorts(ContainerSpec spec)
        {
            var ports = new Dictionary<string, EmptyStruct>();
            foreach (string port in spec.ExposedPorts ?? new List<string>()) ports[port] = default; // as written, like nat.Port(expose)
            foreach (PortBindingSpec b in spec.PortBindings ?? new List<PortBindingSpec>()) ports[NormalisePort(b.ContainerPort)] = default;
            return ports.Count == 0 ? null : ports;
        }

        /// <summary>"80" → "80/tcp": the key of a port binding.</summary>
        internal static string NormalisePort(string port) => port.IndexOf('/') >= 0 ? port : port + "/tcp";

        private static HostConfig ToHostConfig(ContainerSpec spec)
        {
            ResourcesSpec r = spec.Resources ?? new ResourcesSpec();
            var host = new HostConfig
            {
                AutoRemove = spec.AutoRemove,
                Annotations = NullIfEmpty(spec.Annotations),
                Binds = NullIfEmpty(spec.Binds),
                Mounts = NullIfEmpty(spec.Mounts?.Select(ToMount).ToList()),
                CapAdd = NullIfEmpty(Capabilities(spec.CapAdd)),
                CapDrop = NullIfEmpty(Capabilities(spec.CapDrop)),
                Init = spec.Init,
                IpcMode = NullIfEmpty(spec.IpcMode),
                CgroupnsMode = NullIfEmpty(spec.CgroupnsMode),
                ReadonlyRootfs = spec.ReadOnlyRootfs,
                RestartPolicy = ToRestartPolicy(spec.RestartPolicy),
                ShmSize = spec.ShmSize,
                Sysctls = NullIfEmpty(spec.Sysctls),
                PortBindings = ToPortBindings(spec.PortBindings),
                VolumeDriver = NullIfEmpty(spec.VolumeDriver),
                VolumesFrom = NullIfEmpty(spec.VolumesFrom),
                DNS = NullIfEmpty(spec.Dns),
                DNSSearch = NullIfEmpty(spec.DnsSearch),
                DNSOptions = NullIfEmpty(spec.DnsOptions),
                ExtraHosts = NullIfEmpty(spec.ExtraHosts),
                SecurityOpt = NullIfEmpty(spec.SecurityOpt),
                StorageOpt = NullIfEmpty(spec.StorageOpt),
                UsernsMode = NullIfEmpty(spec.UsernsMode),
                UTSMode = NullIfEmpty(spec.UtsMode),
                Privileged = spec.Privileged,
                PidMode = NullIfEmpty(spec.PidMode),
                Tmpfs = NullIfEmpty(spec.Tmpfs),
                Isolation = NullIfEmpty(spec.Isolation),
                Runtime = NullIfEmpty(spec.Runtime),
                LogConfig = spec.Logging == null ? null : new LogConfig { Type = spec.Logging.Driver, Config = NullIfEmpty(spec.Logging.Options) },
                GroupAdd = NullIfEmpty(spec.GroupAdd),
                Links = NullIfEmpty(spec.Links),
                OomScoreAdj = spec.OomScoreAdj,

                CgroupParent = NullIfEmpty(r.CgroupParent),
                Memory = r.Memory,
                MemorySwap = r.MemorySwap,
                MemorySwappiness = r.MemorySwappiness,
                MemoryReservation = r.MemoryReservation,
                OomKillDisable = r.OomKillDisable,
                CPUCount = r.CpuCount,
                CPUPeriod = r.CpuPeriod,
                CPUQuota = r.CpuQuota,
                CPURealtimePeriod = r.CpuRealtimePeriod,
                CPURealtimeRuntime = r.CpuRealtimeRuntime,
                CPUShares = r.CpuShares,
                NanoCPUs = r.NanoCpus,
                CPUPercent = r.CpuPercent,
                CpusetCpus = NullIfEmpty(r.CpusetCpus),
                CpusetMems = NullIfEmpty(r.CpusetMems),
                DeviceCgroupRules = NullIfEmpty(r.DeviceCgroupRules),
                PidsLimit = r.PidsLimit,
                BlkioWeight = checked((ushort)r.BlkioWeight),
                BlkioWeightDevice = NullIfEmpty(r.BlkioWeightDevice?.Select(d => new WeightDevice { Path = d.Path, Weight = checked((ushort)d.Weight) }).ToList()),
                BlkioDeviceReadBps = Throttle(r.BlkioDeviceReadBps),
                BlkioDeviceWriteBps = Throttle(r.BlkioDeviceWriteBps),
                BlkioDeviceReadIOps = Throttle(r.BlkioDeviceReadIOps),
                BlkioDeviceWriteIOps = Throttle(r.BlkioDeviceWriteIOps),
                Devices = NullIfEmpty(r.Devices?.Select(d => new DeviceMapping
                {
                    PathOnHost = d.PathOnHost,
                    PathInContainer = d.PathInContainer,
                    CgroupPermissions = d.CgroupPermissions,
                }).ToList()),
                DeviceRequests = NullIfEmpty(r.DeviceRequests?.Select(d => new DeviceRequest
                {
                    Driver = NullIfEmpty(d.Driver),
                    Count = d.Count,
                    DeviceIDs = NullIfEmpty(d.DeviceIds),
                    Capabilities = d.Capabilities == null || d.Capabilities.Count == 0 ? null : d.Capabilities.Select(c => (IList<string>)c.ToList()).ToList(),
                    Options = NullIfEmpty(d.Options),
                }).ToList()),
                Ulimits = NullIfEmpty(r.Ulimits?.Select(u => new Ulimit { Name = u.Name, Soft = u.Soft, Hard = u.Hard }).ToList()),
            };
            if (spec.UnconfinedSystemPaths)
            {
                host.MaskedPaths = new List<string>();
                host.ReadonlyPaths = new List<string>();
            }
            return host;
        }

        private static IList<ThrottleDevice> Throttle(IList<ThrottleDeviceSpec> devices) =>
            NullIfEmpty(devices?.Select(d => new ThrottleDevice { Path = d.Path, Rate = d.Rate }).ToList());

        private static IDictionary<string, IList<PortBinding>> ToPortBindings(IList<PortBindingSpec> bindings)
        {
            if (bindings == null || bindings.Count == 0) return null;
            var map = new Dictionary<string, IList<PortBinding>>();
            foreach (PortBindingSpec b in bindings)
            {
                string key = NormalisePort(b.ContainerPort);
                if (!map.TryGetValue(key, out IList<PortBinding> list)) map[key] = list = new List<PortBinding>();
                list.Add(new PortBinding { HostIP = b.HostIp ?? "", HostPort = b.HostPort ?? "" });
            }
            return map;
        }

        internal static RestartPolicy ToRestartPolicy(RestartPolicySpec policy)
        {
            if (policy == null || string.IsNullOrEmpty(policy.Name)) return null;
            RestartPolicyKind kind;
            switch (policy.Name)
            {
                case "no":
                case "none":
                    kind = RestartPolicyKind.No;
                    break;
                case "always":
                case "any":
                    kind = RestartPolicyKind.Always;
                    break;
                case "on-failure":
                    kind = RestartPolicyKind.OnFailure;
                    break;
                case "unless-stopped":
                    kind = RestartPolicyKind.UnlessStopped;
                    break;
                default:
                    throw new ArgumentException($"invalid restart policy: {policy.Name}");
            }
            return new RestartPolicy { Name = kind, MaximumRetryCount = policy.MaximumRetryCount };
        }

        internal static Mount ToMount(MountSpec m)
        {
            var mount = new Mount
            {
                Type = m.Type,
                Source = NullIfEmpty(m.Source),
                Target = m.Target,
                ReadOnly = m.ReadOnly ? true : (bool?)null,
                Consistency = NullIfEmpty(m.Consistency),
            };
            if (m.HasBindOptions)
            {
                mount.BindOptions = new BindOptions
                {
                    Propagation = NullIfEmpty(m.BindPropagation),
                    CreateMountpoint = m.BindCreateMountpoint == true ? true : (bool?)null,
                    NonRecursive = m.BindNonRecursive == true ? true : (bool?)null,
                    ReadOnlyNonRecursive = m.BindReadOnlyNonRecursive == true ? true : (bool?)null,
                    ReadOnlyForceRecursive = m.BindReadOnlyForceRecursive == true ? true : (bool?)null,
                };
            }
            if (m.HasVolumeOptions)
            {
                mount.VolumeOptions = new VolumeOptions
                {
                    NoCopy = m.VolumeNoCopy == true ? true : (bool?)null,
                    Subpath = NullIfEmpty(m.VolumeSubpath),
                    Labels = NullIfEmpty(m.VolumeLabels),
                    DriverConfig = string.IsNullOrEmpty(m.VolumeDriver) ? null : new Driver { Name = m.VolumeDriver, Options = NullIfEmpty(m.VolumeDriverOptions) },
                };
            }
            if (m.HasTmpfsOptions)
            {
                mount.TmpfsOptions = new TmpfsOptions
                {
                    SizeBytes = m.TmpfsSizeBytes > 0 ? m.TmpfsSizeBytes : null,
                    Mode = m.TmpfsMode > 0 ? m.TmpfsMode : null,
                };
            }
            if (m.Type == "image" && !string.IsNullOrEmpty(m.ImageSubpath))
                mount.ImageOptions = new ImageOptions { Subpath = m.ImageSubpath };
            return mount;
        }

        /// <summary>
        /// The moby client's normalizeCapabilities, which Compose's requests go through: upper case, "CAP_" prefixed
        /// (except ALL), once each, sorted. Engines before 23 store what they are sent.
        /// </summary>
        private static IList<string> Capabilities(IList<string> given) =>
            given?.Select(c => c.Trim().ToUpperInvariant()).Select(c => c == "ALL" || c.StartsWith("CAP_", StringComparison.Ordinal) ? c : "CAP_" + c)
                .Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToList();

        private static string NullIfEmpty(string s) => string.IsNullOrEmpty(s) ? null : s;

        private static IList<T> NullIfEmpty<T>(IList<T> list) => list == null || list.Count == 0 ? null : list.ToList();

        private static IDictionary<string, string> NullIfEmpty(IDictionary<string, string> map) =>
            map == null || map.Count == 0 ? null : new Dictionary<string, string>(map);
    }
}
