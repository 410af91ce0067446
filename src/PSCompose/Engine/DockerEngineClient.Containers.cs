using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;
using Version = System.Version;

namespace PSCompose.Engine
{
    internal sealed partial class DockerEngineClient
    {
        private Version NegotiatedApi => Version.Parse(ApiVersion);

        public async Task<EngineContainerDetails> InspectContainerAsync(string idOrName, CancellationToken ct)
        {
            ContainerInspectResponse c = await Call(Endpoint, ct, () => client.Containers.InspectContainerAsync(idOrName, ct)).ConfigureAwait(false);
            return ToDetails(c);
        }

        public async Task<EngineCreateResult> CreateContainerAsync(ContainerSpec spec, CancellationToken ct)
        {
            Version api = NegotiatedApi;
            CreateContainerParameters parameters = ContainerSpecMapper.ToCreateParameters(spec, api);
            CreateContainerResponse created = await Call(Endpoint, ct, () => LegacyCreateFields.WithMacAddress(ContainerSpecMapper.LegacyMacAddress(spec, api),
                () => client.Containers.CreateContainerAsync(parameters, ct))).ConfigureAwait(false);
            foreach (EndpointSpec endpoint in ContainerSpecMapper.EndpointsToConnectAfterCreate(spec, api))
                await ConnectNetworkAsync(endpoint.Network, created.ID, endpoint, ct).ConfigureAwait(false);
            return new EngineCreateResult
            {
                Id = created.ID,
                Warnings = (created.Warnings ?? new List<string>()).Where(w => !string.IsNullOrEmpty(w)).ToList(),
            };
        }

        public Task StartContainerAsync(string id, CancellationToken ct) =>
            Call(Endpoint, ct, () => client.Containers.StartContainerAsync(id, new ContainerStartParameters(), ct));

        public async Task StopContainerAsync(string id, int? timeoutSeconds, CancellationToken ct)
        {
            if (timeoutSeconds <= 0)
            {
                await KillImmediatelyAsync(id, ct).ConfigureAwait(false);
                return;
            }
            await Call(Endpoint, ct, () => client.Containers.StopContainerAsync(id, new ContainerStopParameters { WaitBeforeKillSeconds = ToSeconds(timeoutSeconds) }, ct)).ConfigureAwait(false);
        }

        public async Task RestartContainerAsync(string id, int? timeoutSeconds, CancellationToken ct)
        {
            if (timeoutSeconds <= 0)
            {
                await KillImmediatelyAsync(id, ct).ConfigureAwait(false);
                await StartContainerAsync(id, ct).ConfigureAwait(false);
                return;
            }
            await Call(Endpoint, ct, () => client.Containers.RestartContainerAsync(id, new ContainerRestartParameters { WaitBeforeKillSeconds = ToSeconds(timeoutSeconds) }, ct)).ConfigureAwait(false);
        }

        /// <summary>
        /// Stop with a zero timeout. Docker.DotNet drops a query parameter equal to its type's default, so t=0 never
        /// reaches the engine (which would then apply the 10 s default). The engine's stop with t=0 sends the stop
        /// signal and SIGKILL at once; sending SIGKILL directly has the same outcome (exit 137, marked as stopped by the user).
        /// </summary>
        private async Task KillImmediatelyAsync(string id, CancellationToken ct)
        {
            try
            {
                await Call(Endpoint, ct, () => client.Containers.KillContainerAsync(id, new ContainerKillParameters { Signal = "SIGKILL" }, ct)).ConfigureAwait(false);
            }
            catch (EngineException e) when (e.IsConflict)
            {
                // Not running: stop is a no-op then, as the engine's own stop is.
            }
        }

        public Task KillContainerAsync(string id, string signal, CancellationToken ct) =>
            Call(Endpoint, ct, () => client.Containers.KillContainerAsync(id, new ContainerKillParameters { Signal = string.IsNullOrEmpty(signal) ? null : signal }, ct));

        public Task PauseContainerAsync(string id, CancellationToken ct) =>
            Call(Endpoint, ct, () => client.Containers.PauseContainerAsync(id, ct));

        public Task UnpauseContainerAsync(string id, CancellationToken ct) =>
            Call(Endpoint, ct, () => client.Containers.UnpauseContainerAsync(id, ct));

        public Task RemoveContainerAsync(string id, bool force, bool removeVolumes, CancellationToken ct) =>
            Call(Endpoint, ct, () => client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = force, RemoveVolumes = removeVolumes }, ct));

        public Task RenameContainerAsync(string id, string newName, CancellationToken ct) =>
            Call(Endpoint, ct, () => client.Containers.RenameContainerAsync(id, new ContainerRenameParameters { NewName = newName }, ct));

        public async Task<long> WaitContainerAsync(string id, CancellationToken ct)
        {
            ContainerWaitResponse r = await Call(Endpoint, ct, () => client.Containers.WaitContainerAsync(id, ct)).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(r.Error?.Message)) throw new EngineException(500, r.Error.Message);
            return r.StatusCode;
        }

        private static uint? ToSeconds(int? seconds) => seconds.HasValue ? (uint)Math.Max(0, seconds.Value) : (uint?)null;

        private static EngineContainerDetails ToDetails(ContainerInspectResponse c)
        {
            ContainerConfig config = c.Config ?? new ContainerConfig();
            State state = c.State ?? new State();
            return new EngineContainerDetails
            {
                Id = c.ID,
                Name = (c.Name ?? "").TrimStart('/'),
                ImageId = c.Image,
                Image = config.Image,
                Created = c.Created,
                Platform = c.Platform,
                RestartCount = c.RestartCount,
                Status = state.Status,
                Running = state.Running,
                Paused = state.Paused,
                Restarting = state.Restarting,
                Dead = state.Dead,
                OomKilled = state.OOMKilled,
                ExitCode = state.ExitCode,
                Error = string.IsNullOrEmpty(state.Error) ? null : state.Error,
                StartedAt = state.StartedAt,
                FinishedAt = state.FinishedAt,
                HealthStatus = string.IsNullOrEmpty(state.Health?.Status) ? null : state.Health.Status,
                HasHealthcheck = config.Healthcheck != null,
                Labels = Copy(config.Labels),
                Env = (config.Env ?? new List<string>()).ToList(),
                Command = config.Cmd?.ToList(),
                Entrypoint = config.Entrypoint?.ToList(),
                User = config.User,
                WorkingDir = config.WorkingDir,
                Hostname = config.Hostname,
                Tty = config.Tty,
                OpenStdin = config.OpenStdin,
                StopSignal = string.IsNullOrEmpty(config.StopSignal) ? null : config.StopSignal,
                StopTimeoutSeconds = config.StopTimeout.HasValue ? (int)config.StopTimeout.Value.TotalSeconds : (int?)null,
                NetworkMode = c.HostConfig?.NetworkMode,
                RestartPolicy = RestartPolicyName(c.HostConfig?.RestartPolicy),
                AutoRemove = c.HostConfig?.AutoRemove ?? false,
                Networks = (c.NetworkSettings?.Networks ?? new Dictionary<string, EndpointSettings>())
                    .ToDictionary(kv => kv.Key, kv => new EngineNetworkAttachment
                    {
                        NetworkId = kv.Value?.NetworkID,
                        EndpointId = kv.Value?.EndpointID,
                        Aliases = (kv.Value?.Aliases ?? new List<string>()).ToList(),
                        DnsNames = (kv.Value?.DNSNames ?? new List<string>()).ToList(),
                        IpAddress = kv.Value?.IPAddress,
                        GlobalIpv6Address = kv.Value?.GlobalIPv6Address,
                        MacAddress = kv.Value?.MacAddress,
                        Gateway = kv.Value?.Gateway,
                    }),
                Mounts = (c.Mounts ?? new List<MountPoint>()).Select(m => new EngineMount
                {
                    Type = m.Type,
                    Name = string.IsNullOrEmpty(m.Name) ? null : m.Name,
                    Source = m.Source,
                    Destination = m.Destination,
                    ReadWrite = m.RW,
                    Driver = string.IsNullOrEmpty(m.Driver) ? null : m.Driver,
                }).ToList(),
                Ports = (c.NetworkSettings?.Ports ?? new Dictionary<string, IList<PortBinding>>())
                    .ToDictionary(kv => kv.Key, kv => (IReadOnlyList<EnginePortBinding>)(kv.Value ?? new List<PortBinding>())
                        .Select(b => new EnginePortBinding { HostIp = b.HostIP, HostPort = b.HostPort }).ToList()),
            };
        }

        private static string RestartPolicyName(RestartPolicy policy)
        {
            if (policy == null) return null;
            switch (policy.Name)
            {
                case RestartPolicyKind.No: return "no";
                case RestartPolicyKind.Always: return "always";
                case RestartPolicyKind.OnFailure: return "on-failure";
                case RestartPolicyKind.UnlessStopped: return "unless-stopped";
                default: return null;
            }
        }

        private static IReadOnlyDictionary<string, string> Copy(IDictionary<string, string> map) =>
            map == null ? new Dictionary<string, string>() : new Dictionary<string, string>(map);
    }
}
