using static PSCompose.Model.Serialization.GoShape;

namespace PSCompose.Model.Serialization
{
    /// <summary>
    /// compose-go's types (the version Compose 2.40.3 vendors): field order, Go types and omitempty rules, checked
    /// field by field against `docker compose config --format json|yaml` of the reference binary.
    /// </summary>
    internal static class ComposeTypes
    {
        private static GoField F(string name, GoShape shape, Presence presence = Presence.OmitEmpty) => new GoField(name, name, shape, presence);

        private static GoField P(string name, GoShape shape) => new GoField(name, name, shape, Presence.Pointer);

        // Untagged Go fields: JSON uses the Go field name, yaml.v3 its lowercase form; never omitted.
        private static GoField Untagged(string goName, GoShape shape) => new GoField(goName, goName.ToLowerInvariant(), shape, Presence.Always);

        private static readonly GoShape NullableStringMap = MapOf(String, nullableValues: true);

        public static readonly GoShape ServiceHook = Struct(true,
            F("command", Command, Presence.Command),
            F("user", String),
            F("privileged", Bool),
            F("working_dir", String),
            F("environment", NullableStringMap));

        public static readonly GoShape Ulimits = MapOf(Ulimit, nullableValues: true);

        public static readonly GoShape FileReference = Struct(true,
            F("source", String),
            F("target", String),
            F("uid", String),
            F("gid", String),
            P("mode", FileMode));

        public static readonly GoShape DeviceRequest = Struct(false,
            F("capabilities", Strings),
            F("driver", String),
            F("count", Int),
            F("device_ids", Strings),
            F("options", StringMap));

        public static readonly GoShape Build = Struct(true,
            F("context", String),
            F("dockerfile", String),
            F("dockerfile_inline", String),
            F("entitlements", Strings),
            F("args", NullableStringMap),
            F("provenance", String),
            F("sbom", String),
            F("ssh", Strings),
            F("labels", StringMap),
            F("cache_from", Strings),
            F("cache_to", Strings),
            F("no_cache", Bool),
            F("additional_contexts", StringMap),
            F("pull", Bool),
            F("extra_hosts", Strings),
            F("isolation", String),
            F("network", String),
            F("target", String),
            F("secrets", ListOf(FileReference)),
            F("shm_size", Bytes),
            F("tags", Strings),
            F("ulimits", Ulimits),
            F("platforms", Strings),
            F("privileged", Bool));

        public static readonly GoShape Trigger = Struct(true,
            F("path", String, Presence.Always),
            F("action", String, Presence.Always),
            F("target", String),
            F("exec", ServiceHook, Presence.StructValue),
            F("ignore", Strings),
            F("include", Strings),
            F("initial_sync", Bool));

        public static readonly GoShape Develop = Struct(true, F("watch", ListOf(Trigger)));

        private static readonly GoShape WeightDevice = Struct(true, Untagged("Path", String), Untagged("Weight", Int));

        private static readonly GoShape ThrottleDevice = Struct(true, Untagged("Path", String), Untagged("Rate", Bytes));

        public static readonly GoShape Blkio = Struct(true,
            F("weight", Int),
            F("weight_device", ListOf(WeightDevice)),
            F("device_read_bps", ListOf(ThrottleDevice)),
            F("device_read_iops", ListOf(ThrottleDevice)),
            F("device_write_bps", ListOf(ThrottleDevice)),
            F("device_write_iops", ListOf(ThrottleDevice)));

        public static readonly GoShape CredentialSpec = Struct(true, F("config", String), F("file", String), F("registry", String));

        public static readonly GoShape Dependency = Struct(true,
            F("condition", String),
            F("restart", Bool),
            F("required", Bool, Presence.Always));

        private static readonly GoShape UpdateConfig = Struct(true,
            P("parallelism", Int),
            F("delay", Duration),
            F("failure_action", String),
            F("monitor", Duration),
            F("max_failure_ratio", Float32),
            F("order", String));

        private static readonly GoShape GenericResource = Struct(true,
            P("discrete_resource_spec", Struct(true, F("kind", String, Presence.Always), F("value", Int, Presence.Always))));

        private static readonly GoShape Resource = Struct(true,
            F("cpus", Float32),
            F("memory", Bytes),
            F("pids", Int),
            F("devices", ListOf(DeviceRequest)),
            F("generic_resources", ListOf(GenericResource)));

        public static readonly GoShape Deploy = Struct(true,
            F("mode", String),
            P("replicas", Int),
            F("labels", StringMap),
            P("update_config", UpdateConfig),
            P("rollback_config", UpdateConfig),
            F("resources", Struct(true, P("limits", Resource), P("reservations", Resource)), Presence.StructValue),
            P("restart_policy", Struct(true,
                F("condition", String),
                P("delay", Duration),
                P("max_attempts", Int),
                P("window", Duration))),
            F("placement", Struct(true,
                F("constraints", Strings),
                F("preferences", ListOf(Struct(true, F("spread", String)))),
                F("max_replicas_per_node", Int)), Presence.StructValue),
            F("endpoint_mode", String));

        public static readonly GoShape DeviceMapping = Struct(true, F("source", String), F("target", String), F("permissions", String));

        public static readonly GoShape EnvFileStruct = Struct(false,
            F("path", String),
            F("required", Bool, Presence.Always),
            F("format", String));

        public static readonly GoShape HealthCheck = Struct(true,
            F("test", Strings),
            P("timeout", Duration),
            P("interval", Duration),
            P("retries", Int),
            P("start_period", Duration),
            P("start_interval", Duration),
            F("disable", Bool));

        public static readonly GoShape ServiceNetwork = Struct(true,
            F("aliases", Strings),
            F("driver_opts", StringMap),
            F("gw_priority", Int),
            F("interface_name", String),
            F("ipv4_address", String),
            F("ipv6_address", String),
            F("link_local_ips", Strings),
            F("mac_address", String),
            F("priority", Int));

        public static readonly GoShape Port = Struct(true,
            F("name", String),
            F("mode", String),
            F("host_ip", String),
            F("target", Int),
            F("published", String),
            F("protocol", String),
            F("app_protocol", String));

        public static readonly GoShape ServiceVolume = Struct(true,
            F("type", String),
            F("source", String),
            F("target", String),
            F("read_only", Bool),
            F("consistency", String),
            P("bind", Struct(true,
                F("selinux", String),
                F("propagation", String),
                F("create_host_path", Bool),
                F("recursive", String))),
            P("volume", Struct(true, F("labels", StringMap), F("nocopy", Bool), F("subpath", String))),
            P("tmpfs", Struct(true, F("size", Bytes), F("mode", Int))),
            P("image", Struct(true, F("subpath", String))));

        public static readonly GoShape Service = Struct(true,
            F("profiles", Strings),
            F("annotations", StringMap),
            P("attach", Bool),
            P("build", Build),
            P("develop", Develop),
            P("blkio_config", Blkio),
            F("cap_add", Strings),
            F("cap_drop", Strings),
            F("cgroup_parent", String),
            F("cgroup", String),
            F("cpu_count", Int),
            F("cpu_percent", Float32),
            F("cpu_period", Int),
            F("cpu_quota", Int),
            F("cpu_rt_period", Int),
            F("cpu_rt_runtime", Int),
            F("cpus", Float32),
            F("cpuset", String),
            F("cpu_shares", Int),
            F("command", Command, Presence.Command),
            F("configs", ListOf(FileReference)),
            F("container_name", String),
            P("credential_spec", CredentialSpec),
            F("depends_on", MapOf(Dependency)),
            P("deploy", Deploy),
            F("device_cgroup_rules", Strings),
            F("devices", ListOf(DeviceMapping)),
            F("dns", Strings),
            F("dns_opt", Strings),
            F("dns_search", Strings),
            F("dockerfile", String),
            F("domainname", String),
            F("entrypoint", Command, Presence.Command),
            P("provider", Struct(true, F("type", String), F("options", MapOf(Strings)))),
            F("environment", NullableStringMap),
            F("env_file", ListOf(GoShape.EnvFile)),
            F("expose", Strings),
            P("extends", Struct(false, F("file", String), F("service", String))),
            F("external_links", Strings),
            F("extra_hosts", Strings),
            F("group_add", Strings),
            F("gpus", ListOf(DeviceRequest)),
            F("hostname", String),
            P("healthcheck", HealthCheck),
            F("image", String),
            P("init", Bool),
            F("ipc", String),
            F("isolation", String),
            F("labels", StringMap),
            F("label_file", Strings),
            F("links", Strings),
            P("logging", Struct(true, F("driver", String), F("options", StringMap))),
            F("log_driver", String),
            F("log_opt", StringMap),
            F("mem_limit", Bytes),
            F("mem_reservation", Bytes),
            F("memswap_limit", Bytes),
            F("mem_swappiness", Bytes),
            F("mac_address", String),
            F("models", MapOf(Struct(true, F("endpoint_var", String)), nullableValues: true)),
            F("net", String),
            F("network_mode", String),
            F("networks", MapOf(ServiceNetwork, nullableValues: true)),
            F("oom_kill_disable", Bool),
            F("oom_score_adj", Int),
            F("pid", String),
            F("pids_limit", Int),
            F("platform", String),
            F("ports", ListOf(Port)),
            F("privileged", Bool),
            F("pull_policy", String),
            F("read_only", Bool),
            F("restart", String),
            F("runtime", String),
            P("scale", Int),
            F("secrets", ListOf(FileReference)),
            F("security_opt", Strings),
            F("shm_size", Bytes),
            F("stdin_open", Bool),
            P("stop_grace_period", Duration),
            F("stop_signal", String),
            F("storage_opt", StringMap),
            F("sysctls", StringMap),
            F("tmpfs", Strings),
            F("tty", Bool),
            F("ulimits", Ulimits),
            F("use_api_socket", Bool),
            F("user", String),
            F("userns_mode", String),
            F("uts", String),
            F("volume_driver", String),
            F("volumes", ListOf(ServiceVolume)),
            F("volumes_from", Strings),
            F("working_dir", String),
            F("post_start", ListOf(ServiceHook)),
            F("pre_stop", ListOf(ServiceHook)));

        public static readonly GoShape Network = Struct(true,
            F("name", String),
            F("driver", String),
            F("driver_opts", StringMap),
            F("ipam", Struct(true,
                F("driver", String),
                F("config", ListOf(Struct(true,
                    F("subnet", String),
                    F("gateway", String),
                    F("ip_range", String),
                    F("aux_addresses", StringMap))))), Presence.StructValue),
            F("external", Bool),
            F("internal", Bool),
            F("attachable", Bool),
            F("labels", StringMap),
            P("enable_ipv4", Bool),
            P("enable_ipv6", Bool));

        public static readonly GoShape Volume = Struct(true,
            F("name", String),
            F("driver", String),
            F("driver_opts", StringMap),
            F("external", Bool),
            F("labels", StringMap));

        /// <summary>FileObjectConfig: top-level secrets and configs.</summary>
        public static readonly GoShape FileObject = Struct(true,
            F("name", String),
            F("file", String),
            F("environment", String),
            F("content", String),
            F("external", Bool),
            F("labels", StringMap),
            F("driver", String),
            F("driver_opts", StringMap),
            F("template_driver", String));

        public static readonly GoShape Model = Struct(true,
            F("name", String),
            F("model", String),
            F("context_size", Int),
            F("runtime_flags", Strings));
    }
}
