using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static PSCompose.Model.Typed.TreeValues;

namespace PSCompose.Model.Typed
{
    internal static partial class ProjectDecoder
    {
        /// <summary>A service from its canonical subtree (which is copied, so the project's tree is never shared).</summary>
        internal static ServiceConfig Service(string name, YMap tree)
        {
            YMap s = (YMap)YMap.DeepClone(tree);
            return new ServiceConfig
            {
                Name = name,
                Profiles = Strings(s, "profiles"),
                Annotations = StringMap(s, "annotations"),
                Attach = OptionalBool(s, "attach"),
                Build = s.Map("build") is YMap build ? Build(build) : null,
                Develop = s.Map("develop") is YMap develop ? Develop(develop) : null,
                BlkioConfig = s.Map("blkio_config") is YMap blkio ? Blkio(blkio) : null,
                CapAdd = Strings(s, "cap_add"),
                CapDrop = Strings(s, "cap_drop"),
                CgroupParent = Str(s, "cgroup_parent"),
                Cgroup = Str(s, "cgroup"),
                CpuCount = Long(s, "cpu_count"),
                CpuPercent = Double(s, "cpu_percent"),
                CpuPeriod = Long(s, "cpu_period"),
                CpuQuota = Long(s, "cpu_quota"),
                CpuRtPeriod = Long(s, "cpu_rt_period"),
                CpuRtRuntime = Long(s, "cpu_rt_runtime"),
                Cpus = Double(s, "cpus"),
                Cpuset = Str(s, "cpuset"),
                CpuShares = Long(s, "cpu_shares"),
                Command = OptionalStrings(s, "command"),
                Configs = ListOf(s, "configs", FileReference),
                ContainerName = Str(s, "container_name"),
                CredentialSpec = s.Map("credential_spec") is YMap credential ? new CredentialSpecConfig
                {
                    Config = Str(credential, "config"),
                    File = Str(credential, "file"),
                    Registry = Str(credential, "registry"),
                } : null,
                DependsOn = s.Map("depends_on") is YMap dependsOn
                    ? new OrderedMap<ServiceDependency>(dependsOn.Select(d => new KeyValuePair<string, ServiceDependency>(d.Key, Dependency(d.Value as YMap))))
                    : OrderedMap<ServiceDependency>.Empty,
                Deploy = s.Map("deploy") is YMap deploy ? Deploy(deploy) : null,
                DeviceCgroupRules = Strings(s, "device_cgroup_rules"),
                Devices = Devices(s["devices"]),
                Dns = Strings(s, "dns"),
                DnsOpt = Strings(s, "dns_opt"),
                DnsSearch = Strings(s, "dns_search"),
                Dockerfile = Str(s, "dockerfile"),
                Domainname = Str(s, "domainname"),
                Entrypoint = OptionalStrings(s, "entrypoint"),
                Provider = s.Map("provider") is YMap provider ? new ProviderConfig
                {
                    Type = Str(provider, "type"),
                    Options = provider.Map("options") is YMap options
                        ? new OrderedMap<IReadOnlyList<string>>(options.Select(o => new KeyValuePair<string, IReadOnlyList<string>>(o.Key,
                            o.Value is List<object> values ? values.Select(Text).ToList() : (IReadOnlyList<string>)new[] { Text(o.Value) })))
                        : OrderedMap<IReadOnlyList<string>>.Empty,
                } : null,
                Environment = StringMap(s, "environment"),
                EnvFiles = ListOf(s, "env_file", e => new EnvFileReference
                {
                    Path = Str(e, "path"),
                    Required = OptionalBool(e, "required") ?? true,
                    Format = Str(e, "format"),
                }),
                Expose = Strings(s, "expose"),
                Extends = s.Map("extends") is YMap extends ? new ExtendsConfig { File = Str(extends, "file"), Service = Str(extends, "service") } : null,
                ExternalLinks = Strings(s, "external_links"),
                ExtraHosts = Hosts(s["extra_hosts"]),
                GroupAdd = Strings(s, "group_add"),
                Gpus = ListOf(s, "gpus", DeviceRequest),
                Hostname = Str(s, "hostname"),
                HealthCheck = s.Map("healthcheck") is YMap health ? HealthCheck(health) : null,
                Image = Str(s, "image"),
                Init = OptionalBool(s, "init"),
                Ipc = Str(s, "ipc"),
                Isolation = Str(s, "isolation"),
                Labels = StringMap(s, "labels"),
                LabelFiles = Strings(s, "label_file"),
                Links = Strings(s, "links"),
                Logging = s.Map("logging") is YMap logging ? new LoggingConfig { Driver = Str(logging, "driver"), Options = StringMap(logging, "options") } : null,
                LogDriver = Str(s, "log_driver"),
                LogOpt = StringMap(s, "log_opt"),
                MemLimit = Long(s, "mem_limit"),
                MemReservation = Long(s, "mem_reservation"),
                MemswapLimit = Long(s, "memswap_limit"),
                MemSwappiness = Long(s, "mem_swappiness"),
                MacAddress = Str(s, "mac_address"),
                Models = MapOf(s, "models", (_, m) => new ServiceModelReference { EndpointVar = Str(m, "endpoint_var"), ModelVar = Str(m, "model_var") }),
                Net = Str(s, "net"),
                NetworkMode = Str(s, "network_mode"),
                Networks = s.Map("networks") is YMap networks ? MapOf(networks, (_, n) => ServiceNetwork(n)) : null,
                OomKillDisable = Bool(s, "oom_kill_disable"),
                OomScoreAdj = Long(s, "oom_score_adj"),
                Pid = Str(s, "pid"),
                PidsLimit = Long(s, "pids_limit"),
                Platform = Str(s, "platform"),
                Ports = ListOf(s, "ports", Port),
                Privileged = Bool(s, "privileged"),
                PullPolicy = Str(s, "pull_policy"),
                ReadOnly = Bool(s, "read_only"),
                Restart = Str(s, "restart"),
                Runtime = Str(s, "runtime"),
                Scale = OptionalLong(s, "scale"),
                Secrets = ListOf(s, "secrets", FileReference),
                SecurityOpt = Strings(s, "security_opt"),
                ShmSize = Long(s, "shm_size"),
                StdinOpen = Bool(s, "stdin_open"),
                StopGracePeriod = Duration(s, "stop_grace_period"),
                StopSignal = Str(s, "stop_signal"),
                StorageOpt = StringMap(s, "storage_opt"),
                Sysctls = StringMap(s, "sysctls"),
                Tmpfs = Strings(s, "tmpfs"),
                Tty = Bool(s, "tty"),
                Ulimits = Ulimits(s.Map("ulimits")),
                UseApiSocket = Bool(s, "use_api_socket"),
                User = Str(s, "user"),
                UsernsMode = Str(s, "userns_mode"),
                Uts = Str(s, "uts"),
                VolumeDriver = Str(s, "volume_driver"),
                Volumes = ListOf(s, "volumes", Volume),
                VolumesFrom = Strings(s, "volumes_from"),
                WorkingDir = Str(s, "working_dir"),
                PostStart = ListOf(s, "post_start", Hook),
                PreStop = ListOf(s, "pre_stop", Hook),
                Extensions = Extensions(s),
                DeclaredKeys = s.Keys.ToList(),
                Canonical = s,
            };
        }

        private static BuildConfig Build(YMap b) => new BuildConfig
        {
            Context = Str(b, "context"),
            Dockerfile = Str(b, "dockerfile"),
            DockerfileInline = Str(b, "dockerfile_inline"),
            Entitlements = Strings(b, "entitlements"),
            Args = StringMap(b, "args"),
            Provenance = Str(b, "provenance"),
            Sbom = Str(b, "sbom"),
            Ssh = Strings(b, "ssh"),
            Labels = StringMap(b, "labels"),
            CacheFrom = Strings(b, "cache_from"),
            CacheTo = Strings(b, "cache_to"),
            NoCache = Bool(b, "no_cache"),
            AdditionalContexts = StringMap(b, "additional_contexts"),
            Pull = Bool(b, "pull"),
            ExtraHosts = Hosts(b["extra_hosts"]),
            Isolation = Str(b, "isolation"),
            Network = Str(b, "network"),
            Target = Str(b, "target"),
            Secrets = ListOf(b, "secrets", FileReference),
            ShmSize = OptionalLong(b, "shm_size"),
            Tags = Strings(b, "tags"),
            Ulimits = Ulimits(b.Map("ulimits")),
            Platforms = Strings(b, "platforms"),
            Privileged = Bool(b, "privileged"),
            Extensions = Extensions(b),
        };

        private static DevelopConfig Develop(YMap d) => new DevelopConfig
        {
            Watch = ListOf(d, "watch", t => new WatchTrigger
            {
                Path = Str(t, "path"),
                Action = Str(t, "action"),
                Target = Str(t, "target"),
                Exec = t.Map("exec") is YMap exec ? Hook(exec) : null,
                Ignore = Strings(t, "ignore"),
                Include = Strings(t, "include"),
                InitialSync = Bool(t, "initial_sync"),
                Extensions = Extensions(t),
            }),
            Extensions = Extensions(d),
        };

        private static ServiceHook Hook(YMap h) => new ServiceHook
        {
            Command = Strings(h, "command"),
            User = Str(h, "user"),
            Privileged = Bool(h, "privileged"),
            WorkingDir = Str(h, "working_dir"),
            Environment = StringMap(h, "environment"),
        };

        private static BlkioConfig Blkio(YMap b) => new BlkioConfig
        {
            Weight = Long(b, "weight"),
            WeightDevice = ListOf(b, "weight_device", d => new WeightDevice { Path = Str(d, "path"), Weight = Long(d, "weight") }),
            DeviceReadBps = ListOf(b, "device_read_bps", Throttle),
            DeviceReadIops = ListOf(b, "device_read_iops", Throttle),
            DeviceWriteBps = ListOf(b, "device_write_bps", Throttle),
            DeviceWriteIops = ListOf(b, "device_write_iops", Throttle),
        };

        private static ThrottleDevice Throttle(YMap d) => new ThrottleDevice { Path = Str(d, "path"), Rate = Long(d, "rate") };

        private static ServiceDependency Dependency(YMap d) => new ServiceDependency
        {
            Condition = Str(d, "condition"),
            Restart = Bool(d, "restart"),
            Required = OptionalBool(d, "required") ?? true,
        };

        private static DeployConfig Deploy(YMap d) => new DeployConfig
        {
            Mode = Str(d, "mode"),
            Replicas = OptionalLong(d, "replicas"),
            Labels = StringMap(d, "labels"),
            UpdateConfig = d.Map("update_config") is YMap update ? Update(update) : null,
            RollbackConfig = d.Map("rollback_config") is YMap rollback ? Update(rollback) : null,
            Resources = new ResourcesConfig
            {
                Limits = d.Map("resources")?.Map("limits") is YMap limits ? Resource(limits) : null,
                Reservations = d.Map("resources")?.Map("reservations") is YMap reservations ? Resource(reservations) : null,
            },
            RestartPolicy = d.Map("restart_policy") is YMap policy ? new RestartPolicyConfig
            {
                Condition = Str(policy, "condition"),
                Delay = Duration(policy, "delay"),
                MaxAttempts = OptionalLong(policy, "max_attempts"),
                Window = Duration(policy, "window"),
            } : null,
            Placement = d.Map("placement") is YMap placement ? new PlacementConfig
            {
                Constraints = Strings(placement, "constraints"),
                Preferences = Maps(placement, "preferences").Select(p => Str(p, "spread")).ToList(),
                MaxReplicasPerNode = Long(placement, "max_replicas_per_node"),
            } : new PlacementConfig(),
            EndpointMode = Str(d, "endpoint_mode"),
            Extensions = Extensions(d),
        };

        private static UpdateConfig Update(YMap u) => new UpdateConfig
        {
            Parallelism = OptionalLong(u, "parallelism"),
            Delay = Duration(u, "delay"),
            FailureAction = Str(u, "failure_action"),
            Monitor = Duration(u, "monitor"),
            MaxFailureRatio = Double(u, "max_failure_ratio"),
            Order = Str(u, "order"),
        };

        private static ResourceSpec Resource(YMap r) => new ResourceSpec
        {
            Cpus = Double(r, "cpus"),
            Memory = Long(r, "memory"),
            Pids = Long(r, "pids"),
            Devices = ListOf(r, "devices", DeviceRequest),
            GenericResources = Maps(r, "generic_resources").Select(g => g.Map("discrete_resource_spec"))
                .Select(spec => new GenericResource { Kind = Str(spec, "kind"), Value = Long(spec, "value") }).ToList(),
        };

        private static DeviceRequest DeviceRequest(YMap d) => new DeviceRequest
        {
            Capabilities = Strings(d, "capabilities"),
            Driver = Str(d, "driver"),
            Count = Long(d, "count"),
            DeviceIds = Strings(d, "device_ids"),
            Options = StringMap(d, "options"),
        };

        // The loader expands "host:container:perm" to the long form; a string left over is read the same way.
        private static IReadOnlyList<DeviceMapping> Devices(object value) =>
            !(value is List<object> devices) ? Array.Empty<DeviceMapping>()
            : devices.Where(d => d != null).Select(d =>
            {
                if (d is YMap m)
                {
                    return new DeviceMapping { Source = Str(m, "source"), Target = Str(m, "target"), Permissions = Str(m, "permissions") };
                }
                string[] parts = Text(d).Split(':');
                return new DeviceMapping
                {
                    Source = parts[0],
                    Target = parts.Length > 1 ? parts[1] : parts[0],
                    Permissions = parts.Length > 2 ? parts[2] : "rwm",
                };
            }).ToList();

        // Canonical "host=ip" entries; a host → ip(s) mapping (not left by the loader) is read the same way.
        private static IReadOnlyList<string> Hosts(object value)
        {
            if (value is List<object> list) return list.Select(Text).ToList();
            if (!(value is YMap map)) return Array.Empty<string>();
            var hosts = new List<string>();
            foreach (var e in map)
                foreach (object ip in e.Value as List<object> ?? new List<object> { e.Value })
                    hosts.Add(e.Key + "=" + Text(ip));
            return hosts;
        }

        internal static HealthCheckConfig HealthCheck(YMap h) => new HealthCheckConfig
        {
            Test = OptionalStrings(h, "test"),
            Timeout = Duration(h, "timeout"),
            Interval = Duration(h, "interval"),
            Retries = OptionalLong(h, "retries"),
            StartPeriod = Duration(h, "start_period"),
            StartInterval = Duration(h, "start_interval"),
            Disable = Bool(h, "disable"),
        };

        private static ServiceNetworkConfig ServiceNetwork(YMap n) => new ServiceNetworkConfig
        {
            Aliases = Strings(n, "aliases"),
            DriverOpts = StringMap(n, "driver_opts"),
            GwPriority = Long(n, "gw_priority"),
            InterfaceName = Str(n, "interface_name"),
            Ipv4Address = Str(n, "ipv4_address"),
            Ipv6Address = Str(n, "ipv6_address"),
            LinkLocalIps = Strings(n, "link_local_ips"),
            MacAddress = Str(n, "mac_address"),
            Priority = Long(n, "priority"),
        };

        internal static ServicePort Port(YMap p) => new ServicePort
        {
            Name = Str(p, "name"),
            Mode = Str(p, "mode"),
            HostIp = Str(p, "host_ip"),
            Target = Long(p, "target"),
            Published = Str(p, "published"),
            Protocol = Str(p, "protocol"),
            AppProtocol = Str(p, "app_protocol"),
            Canonical = p,
        };

        internal static ServiceVolume Volume(YMap v) => new ServiceVolume
        {
            Type = Str(v, "type"),
            Source = Str(v, "source"),
            Target = Str(v, "target"),
            ReadOnly = Bool(v, "read_only"),
            Consistency = Str(v, "consistency"),
            Bind = v.Map("bind") is YMap bind ? new BindOptions
            {
                Selinux = Str(bind, "selinux"),
                Propagation = Str(bind, "propagation"),
                CreateHostPath = OptionalBool(bind, "create_host_path"),
                Recursive = Str(bind, "recursive"),
            } : null,
            Volume = v.Map("volume") is YMap volume ? new VolumeOptions
            {
                Labels = StringMap(volume, "labels"),
                NoCopy = OptionalBool(volume, "nocopy"),
                Subpath = Str(volume, "subpath"),
            } : null,
            Tmpfs = v.Map("tmpfs") is YMap tmpfs ? new TmpfsOptions { Size = OptionalLong(tmpfs, "size"), Mode = OptionalLong(tmpfs, "mode") } : null,
            Image = v.Map("image") is YMap image ? new ImageVolumeOptions { Subpath = Str(image, "subpath") } : null,
            Canonical = v,
        };

        private static FileReference FileReference(YMap r) => new FileReference
        {
            Source = Str(r, "source"),
            Target = Str(r, "target"),
            Uid = Str(r, "uid"),
            Gid = Str(r, "gid"),
            Mode = OptionalLong(r, "mode"),
        };

        internal static OrderedMap<UlimitConfig> Ulimits(YMap ulimits) =>
            ulimits == null ? OrderedMap<UlimitConfig>.Empty
            : new OrderedMap<UlimitConfig>(ulimits.Select(e => new KeyValuePair<string, UlimitConfig>(e.Key, e.Value is YMap limit
                ? new UlimitConfig { Single = Long(limit, "single"), Soft = Long(limit, "soft"), Hard = Long(limit, "hard") }
                : new UlimitConfig { Single = Number(e.Value) ?? 0 })));
    }
}
