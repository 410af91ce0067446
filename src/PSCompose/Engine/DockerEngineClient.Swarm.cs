using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Models;
using Lib = Docker.DotNet.Models;

namespace PSCompose.Engine
{
    /// <summary>Swarm services, tasks, secrets, configs and nodes (Engine API /services, /tasks, /secrets, /configs, /nodes).</summary>
    internal sealed partial class DockerEngineClient
    {
        public async Task<EngineSwarmState> GetSwarmStateAsync(CancellationToken ct)
        {
            SystemInfoResponse info = await Call(Endpoint, ct, () => client.System.GetSystemInfoAsync(ct)).ConfigureAwait(false);
            return new EngineSwarmState
            {
                LocalNodeState = info.Swarm?.LocalNodeState ?? "inactive",
                IsManager = info.Swarm?.ControlAvailable ?? false,
                NodeId = info.Swarm?.NodeID,
            };
        }

        public async Task<IReadOnlyList<EngineSwarmNode>> ListNodesAsync(CancellationToken ct)
        {
            IList<NodeListResponse> nodes = await Call(Endpoint, ct, () => client.Swarm.ListNodesAsync(ct)).ConfigureAwait(false);
            return nodes.Select(n => new EngineSwarmNode
            {
                Id = n.ID,
                Role = n.Spec?.Role,
                Availability = n.Spec?.Availability,
                State = n.Status?.State,
                Hostname = n.Description?.Hostname,
                Addr = n.Status?.Addr,
                Os = n.Description?.Platform?.OS,
                Arch = n.Description?.Platform?.Architecture,
                Labels = CopyLabels(n.Spec?.Labels),
                EngineLabels = CopyLabels(n.Description?.Engine?.Labels),
            }).ToList();
        }

        public async Task<IReadOnlyList<EngineSwarmService>> ListServicesAsync(IReadOnlyCollection<string> labelFilters, CancellationToken ct)
        {
            var parameters = new ServiceListParameters { Filters = LabelFilters(labelFilters) };
            IEnumerable<SwarmService> services = await Call(Endpoint, ct, () => client.Swarm.ListServicesAsync(parameters, ct)).ConfigureAwait(false);
            return services.Select(ToService).ToList();
        }

        public async Task<EngineSwarmService> InspectServiceAsync(string idOrName, CancellationToken ct) =>
            ToService(await Call(Endpoint, ct, () => client.Swarm.InspectServiceAsync(idOrName, ct)).ConfigureAwait(false));

        public async Task<string> CreateServiceAsync(SwarmServiceSpec spec, CancellationToken ct)
        {
            ServiceSpec body = await ToServiceSpecAsync(spec, ct).ConfigureAwait(false);
            ServiceCreateResponse r = await Call(Endpoint, ct, () => client.Swarm.CreateServiceAsync(new ServiceCreateParameters { Service = body }, ct)).ConfigureAwait(false);
            return r.ID;
        }

        public async Task UpdateServiceAsync(string id, ulong version, SwarmServiceSpec spec, CancellationToken ct)
        {
            ServiceSpec body = await ToServiceSpecAsync(spec, ct).ConfigureAwait(false);
            var parameters = new ServiceUpdateParameters { Service = body, Version = (long)version };
            await Call(Endpoint, ct, () => client.Swarm.UpdateServiceAsync(id, parameters, ct)).ConfigureAwait(false);
        }

        public Task RemoveServiceAsync(string id, CancellationToken ct) =>
            Call(Endpoint, ct, () => client.Swarm.RemoveServiceAsync(id, ct));

        public async Task<IReadOnlyList<EngineSwarmTask>> ListTasksAsync(IReadOnlyCollection<string> labelFilters, string serviceId, CancellationToken ct)
        {
            IDictionary<string, IDictionary<string, bool>> filters = LabelFilters(labelFilters);
            if (serviceId != null) filters["service"] = new Dictionary<string, bool> { [serviceId] = true };
            IList<TaskResponse> tasks = await Call(Endpoint, ct, () => client.Tasks.ListAsync(new TasksListParameters { Filters = filters }, ct)).ConfigureAwait(false);
            return tasks.Select(t => new EngineSwarmTask
            {
                Id = t.ID,
                ServiceId = t.ServiceID,
                NodeId = t.NodeID,
                Slot = t.Slot,
                JobIteration = t.JobIteration?.Index,
                Image = t.Spec?.ContainerSpec?.Image,
                State = t.Status?.State?.ToString().ToLowerInvariant(),
                DesiredState = t.DesiredState?.ToString().ToLowerInvariant(),
                Message = t.Status?.Message,
                Error = t.Status?.Err,
                ContainerId = t.Status?.ContainerStatus?.ContainerID,
                ExitCode = t.Status?.ContainerStatus?.ExitCode,
                Timestamp = t.Status?.Timestamp,
                CreatedAt = t.CreatedAt,
            }).ToList();
        }

        /// <summary>Secrets or configs (the engine's list has no filters in this library: all are read, callers filter).</summary>
        public async Task<IReadOnlyList<EngineSwarmObject>> ListSwarmObjectsAsync(SwarmObjectKind kind, CancellationToken ct)
        {
            if (kind == SwarmObjectKind.Secret)
            {
                IList<Secret> secrets = await Call(Endpoint, ct, () => client.Secrets.ListAsync(ct)).ConfigureAwait(false);
                return secrets.Select(s => new EngineSwarmObject { Id = s.ID, Name = s.Spec?.Name, Labels = CopyLabels(s.Spec?.Labels), CreatedAt = s.CreatedAt }).ToList();
            }
            IList<SwarmConfig> configs = await Call(Endpoint, ct, () => client.Configs.ListConfigsAsync(ct)).ConfigureAwait(false);
            return configs.Select(c => new EngineSwarmObject { Id = c.ID, Name = c.Spec?.Name, Labels = CopyLabels(c.Spec?.Labels), CreatedAt = c.CreatedAt }).ToList();
        }

        public async Task<string> CreateSwarmObjectAsync(SwarmObjectKind kind, SwarmObjectSpec spec, CancellationToken ct)
        {
            if (kind == SwarmObjectKind.Secret)
            {
                var body = new SwarmSecretSpec { Name = spec.Name, Labels = new Dictionary<string, string>(spec.Labels), Data = spec.Data };
                return (await Call(Endpoint, ct, () => client.Secrets.CreateAsync(body, ct)).ConfigureAwait(false)).ID;
            }
            var config = new SwarmCreateConfigParameters { Config = new SwarmConfigSpec { Name = spec.Name, Labels = new Dictionary<string, string>(spec.Labels), Data = spec.Data } };
            return (await Call(Endpoint, ct, () => client.Configs.CreateConfigAsync(config, ct)).ConfigureAwait(false)).ID;
        }

        public Task RemoveSwarmObjectAsync(SwarmObjectKind kind, string id, CancellationToken ct) =>
            kind == SwarmObjectKind.Secret
                ? Call(Endpoint, ct, () => client.Secrets.DeleteAsync(id, ct))
                : Call(Endpoint, ct, () => client.Configs.RemoveConfigAsync(id, ct));

        /// <summary>The image's digest in its registry (docker stack deploy --resolve-image): "name@sha256:…".</summary>
        public async Task<string> ResolveImageDigestAsync(string image, CancellationToken ct)
        {
            DistributionInspectResponse r = await Call(Endpoint, ct, () => client.Distribution.InspectAsync(image, ct)).ConfigureAwait(false);
            return r?.Descriptor?.Digest;
        }

        /// <summary>docker/cli convertDeployMode: a replicated job runs its replicas all at once, each to completion.</summary>
        private static ServiceMode ToServiceMode(SwarmServiceSpec spec)
        {
            ulong replicas = spec.Replicas ?? 1;
            switch (spec.Mode)
            {
                case "global": return new ServiceMode { Global = new GlobalService() };
                case "global-job": return new ServiceMode { GlobalJob = new GlobalJob() };
                case "replicated-job": return new ServiceMode { ReplicatedJob = new ReplicatedJob { MaxConcurrent = replicas, TotalCompletions = replicas } };
                default: return new ServiceMode { Replicated = new ReplicatedService { Replicas = replicas } };
            }
        }

        private static IDictionary<string, string> CopyLabels(IDictionary<string, string> labels) =>
            labels == null ? new Dictionary<string, string>() : new Dictionary<string, string>(labels);

        private static EngineSwarmService ToService(SwarmService s) => new EngineSwarmService
        {
            Id = s.ID,
            Version = s.Version?.Index ?? 0,
            Name = s.Spec?.Name,
            Labels = CopyLabels(s.Spec?.Labels),
            Image = s.Spec?.TaskTemplate?.ContainerSpec?.Image,
            Mode = s.Spec?.Mode?.Global != null ? "global"
                : s.Spec?.Mode?.GlobalJob != null ? "global-job"
                : s.Spec?.Mode?.ReplicatedJob != null ? "replicated-job"
                : "replicated",
            Replicas = s.Spec?.Mode?.Replicated?.Replicas ?? s.Spec?.Mode?.ReplicatedJob?.TotalCompletions,
            JobIteration = s.JobStatus?.JobIteration?.Index,
            HasHealthcheck = s.Spec?.TaskTemplate?.ContainerSpec?.Healthcheck?.Test is IList<string> test && test.Count > 0 && test[0] != "NONE",
            Constraints = s.Spec?.TaskTemplate?.Placement?.Constraints?.ToList() ?? new List<string>(),
            Ports = (s.Endpoint?.Ports ?? new List<PortConfig>()).Select(p => new SwarmPortSpec
            {
                Protocol = p.Protocol,
                TargetPort = p.TargetPort ?? 0,
                PublishedPort = p.PublishedPort,
                PublishMode = p.PublishMode,
            }).ToList(),
            UpdateState = s.UpdateStatus?.State,
            UpdateMessage = s.UpdateStatus?.Message,
            CreatedAt = s.CreatedAt,
            UpdatedAt = s.UpdatedAt,
        };

        /// <summary>The library's ServiceSpec; secret and config references need the ids of the named objects.</summary>
        private async Task<ServiceSpec> ToServiceSpecAsync(SwarmServiceSpec spec, CancellationToken ct)
        {
            SwarmContainerSpec c = spec.Container;
            var secretIds = new Dictionary<string, string>(StringComparer.Ordinal);
            var configIds = new Dictionary<string, string>(StringComparer.Ordinal);
            if (c.Secrets.Count > 0)
                foreach (EngineSwarmObject o in await ListSwarmObjectsAsync(SwarmObjectKind.Secret, ct).ConfigureAwait(false)) secretIds[o.Name] = o.Id;
            if (c.Configs.Count > 0)
                foreach (EngineSwarmObject o in await ListSwarmObjectsAsync(SwarmObjectKind.Config, ct).ConfigureAwait(false)) configIds[o.Name] = o.Id;
            return new ServiceSpec
            {
                Name = spec.Name,
                Labels = new Dictionary<string, string>(spec.Labels),
                Mode = ToServiceMode(spec),
                UpdateConfig = ToUpdateConfig(spec.UpdateConfig),
                RollbackConfig = ToUpdateConfig(spec.RollbackConfig),
                EndpointSpec = new Lib.EndpointSpec
                {
                    Mode = spec.EndpointMode,
                    Ports = spec.Ports.Select(p => new PortConfig
                    {
                        Protocol = p.Protocol,
                        TargetPort = p.TargetPort,
                        PublishedPort = p.PublishedPort,
                        PublishMode = p.PublishMode,
                    }).ToList(),
                },
                TaskTemplate = new TaskSpec
                {
                    ContainerSpec = new Lib.ContainerSpec
                    {
                        Image = c.Image,
                        Labels = new Dictionary<string, string>(c.Labels),
                        Command = c.Command,
                        Args = c.Args,
                        Hostname = c.Hostname,
                        Env = c.Env,
                        Dir = c.Dir,
                        User = c.User,
                        Groups = c.Groups.Count == 0 ? null : c.Groups,
                        Init = c.Init,
                        StopSignal = c.StopSignal,
                        TTY = c.Tty,
                        OpenStdin = c.OpenStdin,
                        ReadOnly = c.ReadOnly,
                        StopGracePeriod = c.StopGracePeriod,
                        Healthcheck = c.Healthcheck == null ? null : new HealthcheckConfig
                        {
                            Test = c.Healthcheck.Test,
                            Interval = c.Healthcheck.Interval,
                            Timeout = c.Healthcheck.Timeout,
                            StartPeriod = c.Healthcheck.StartPeriod,
                            Retries = c.Healthcheck.Retries,
                        },
                        Hosts = c.Hosts.Count == 0 ? null : c.Hosts,
                        DNSConfig = c.DnsNameservers.Count + c.DnsSearch.Count + c.DnsOptions.Count == 0 ? null : new DNSConfig
                        {
                            Nameservers = c.DnsNameservers,
                            Search = c.DnsSearch,
                            Options = c.DnsOptions,
                        },
                        Secrets = c.Secrets.Select(r => new SecretReference
                        {
                            SecretName = r.Name,
                            SecretID = Id(secretIds, r.Name, "secret"),
                            File = new SecretReferenceFileTarget { Name = r.Target, UID = r.Uid, GID = r.Gid, Mode = r.Mode },
                        }).ToList(),
                        Configs = c.Configs.Select(r => new SwarmConfigReference
                        {
                            ConfigName = r.Name,
                            ConfigID = Id(configIds, r.Name, "config"),
                            File = new ConfigReferenceFileTarget { Name = r.Target, UID = r.Uid, GID = r.Gid, Mode = r.Mode },
                        }).ToList(),
                        Mounts = c.Mounts.Select(ToMount).ToList(),
                        Isolation = c.Isolation,
                        Sysctls = c.Sysctls.Count == 0 ? null : c.Sysctls,
                        CapabilityAdd = c.CapabilityAdd.Count == 0 ? null : c.CapabilityAdd,
                        CapabilityDrop = c.CapabilityDrop.Count == 0 ? null : c.CapabilityDrop,
                        Ulimits = c.Ulimits.Count == 0 ? null : c.Ulimits.Select(u => new Ulimit { Name = u.Name, Soft = u.Soft, Hard = u.Hard }).ToList(),
                    },
                    RestartPolicy = spec.RestartPolicy == null ? null : new SwarmRestartPolicy
                    {
                        Condition = spec.RestartPolicy.Condition,
                        Delay = spec.RestartPolicy.Delay,
                        MaxAttempts = spec.RestartPolicy.MaxAttempts,
                        Window = spec.RestartPolicy.Window,
                    },
                    Placement = new Placement
                    {
                        Constraints = spec.Constraints.Count == 0 ? null : spec.Constraints,
                        Preferences = spec.SpreadPreferences.Count == 0 ? null
                            : spec.SpreadPreferences.Select(p => new PlacementPreference { Spread = new SpreadOver { SpreadDescriptor = p } }).ToList(),
                        MaxReplicas = spec.MaxReplicasPerNode,
                    },
                    Resources = spec.Limits == null && spec.Reservations == null ? null : new ResourceRequirements
                    {
                        Limits = spec.Limits == null ? null : new SwarmLimit
                        {
                            NanoCPUs = NonZero(spec.Limits.NanoCpus),
                            MemoryBytes = NonZero(spec.Limits.MemoryBytes),
                            Pids = NonZero(spec.Limits.Pids),
                        },
                        Reservations = spec.Reservations == null ? null : new SwarmResources
                        {
                            NanoCPUs = NonZero(spec.Reservations.NanoCpus),
                            MemoryBytes = NonZero(spec.Reservations.MemoryBytes),
                        },
                    },
                    Networks = spec.Networks.Select(n => new NetworkAttachmentConfig
                    {
                        Target = n.Target,
                        Aliases = n.Aliases.Count == 0 ? null : n.Aliases,
                    }).ToList(),
                    LogDriver = spec.LogDriver == null ? null : new SwarmDriver { Name = spec.LogDriver, Options = spec.LogOptions },
                },
            };
        }

        private static string Id(IDictionary<string, string> ids, string name, string kind) =>
            ids.TryGetValue(name, out string id) ? id
                : throw new EngineException(404, $"{kind} not found: {name}", null);

        private static long? NonZero(long value) => value == 0 ? (long?)null : value;

        private static SwarmUpdateConfig ToUpdateConfig(SwarmUpdateSpec u) => u == null ? null : new SwarmUpdateConfig
        {
            Parallelism = u.Parallelism,
            Delay = u.Delay,
            FailureAction = u.FailureAction,
            Monitor = u.Monitor,
            MaxFailureRatio = u.MaxFailureRatio,
            Order = u.Order,
        };

        private static Lib.Mount ToMount(SwarmMountSpec m) => new Lib.Mount
        {
            Type = m.Type,
            Source = m.Source,
            Target = m.Target,
            ReadOnly = m.ReadOnly ? true : (bool?)null,
            VolumeOptions = m.Type != "volume" ? null : new VolumeOptions
            {
                NoCopy = m.NoCopy ? true : (bool?)null,
                Labels = m.VolumeLabels,
                DriverConfig = m.VolumeDriver == null ? null : new Driver { Name = m.VolumeDriver, Options = m.VolumeDriverOptions },
            },
            BindOptions = m.Type == "bind" && m.BindPropagation != null ? new BindOptions { Propagation = m.BindPropagation } : null,
            TmpfsOptions = m.Type == "tmpfs" && m.TmpfsSize != null ? new TmpfsOptions { SizeBytes = m.TmpfsSize } : null,
        };
    }
}
