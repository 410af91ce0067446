using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;

namespace PSCompose.Tests.Execution
{
    /// <summary>
    /// An IEngineClient that answers from a script (images, existing networks and volumes) and records every call.
    /// Networks, volumes and containers it is asked to create exist afterwards with ids net-1, vol-1, ctr-1, ….
    /// A call the script does not cover throws, so an unexpected engine operation fails the test.
    /// </summary>
    internal sealed class ScriptedEngine : IEngineClient
    {
        private int nextId;

        /// <summary>Images by the reference they are inspected with.</summary>
        public Dictionary<string, EngineImage> Images { get; } = new Dictionary<string, EngineImage>(StringComparer.Ordinal);

        public List<EngineNetwork> Networks { get; } = new List<EngineNetwork>();

        public List<EngineVolume> Volumes { get; } = new List<EngineVolume>();

        /// <summary>"Operation target" per call, in call order.</summary>
        public List<string> Calls { get; } = new List<string>();

        /// <summary>Every container create request, in order.</summary>
        public List<ContainerSpec> CreatedContainers { get; } = new List<ContainerSpec>();

        public EngineEndpoint Endpoint => null;

        public string ApiVersion { get; set; } = "1.41";

        public ScriptedEngine WithImage(string reference, string id, params string[] volumes)
        {
            Images[reference] = new EngineImage { Id = id, RepoTags = new[] { reference }, Volumes = volumes };
            return this;
        }

        /// <summary>The create request for the container with this name.</summary>
        public ContainerSpec Created(string containerName) =>
            CreatedContainers.SingleOrDefault(s => s.Name == containerName)
            ?? throw new InvalidOperationException($"no container {containerName} was created; calls: {string.Join("; ", Calls)}");

        private void Record(string operation, string target)
        {
            lock (Calls) Calls.Add(operation + " " + target);
        }

        private string NewId(string prefix) => prefix + "-" + Interlocked.Increment(ref nextId);

        private static EngineException NotFound(string what) => new EngineException(404, "No such object: " + what);

        private static Exception NotScripted(string operation) => new NotSupportedException("ScriptedEngine has no script for " + operation);

        public Task<IReadOnlyList<EngineContainer>> ListContainersAsync(IReadOnlyCollection<string> labelFilters, bool all, CancellationToken ct)
        {
            Record("ListContainers", string.Join(",", labelFilters));
            return Task.FromResult<IReadOnlyList<EngineContainer>>(new EngineContainer[0]);
        }

        public Task<EngineImage> InspectImageAsync(string reference, CancellationToken ct)
        {
            Record("InspectImage", reference);
            return Images.TryGetValue(reference, out EngineImage image) ? Task.FromResult(image) : Task.FromException<EngineImage>(NotFound(reference));
        }

        public Task<IReadOnlyList<EngineNetwork>> ListNetworksAsync(IReadOnlyCollection<string> labelFilters, string nameFilter, CancellationToken ct)
        {
            Record("ListNetworks", nameFilter ?? string.Join(",", labelFilters));
            lock (Networks)
                return Task.FromResult<IReadOnlyList<EngineNetwork>>(Networks.Where(n => Matches(n.Labels, labelFilters) && (nameFilter == null || n.Name.Contains(nameFilter))).ToList());
        }

        public Task<EngineNetwork> InspectNetworkAsync(string idOrName, CancellationToken ct)
        {
            Record("InspectNetwork", idOrName);
            lock (Networks)
            {
                EngineNetwork n = Networks.FirstOrDefault(x => x.Name == idOrName || x.Id == idOrName);
                return n != null ? Task.FromResult(n) : Task.FromException<EngineNetwork>(NotFound(idOrName));
            }
        }

        public Task<string> CreateNetworkAsync(NetworkSpec spec, CancellationToken ct)
        {
            Record("CreateNetwork", spec.Name);
            var network = new EngineNetwork { Id = NewId("net"), Name = spec.Name, Driver = spec.Driver ?? "bridge", Labels = new Dictionary<string, string>(spec.Labels) };
            lock (Networks) Networks.Add(network);
            return Task.FromResult(network.Id);
        }

        public Task<IReadOnlyList<EngineVolume>> ListVolumesAsync(IReadOnlyCollection<string> labelFilters, CancellationToken ct)
        {
            Record("ListVolumes", string.Join(",", labelFilters));
            lock (Volumes) return Task.FromResult<IReadOnlyList<EngineVolume>>(Volumes.Where(v => Matches(v.Labels, labelFilters)).ToList());
        }

        public Task<EngineVolume> InspectVolumeAsync(string name, CancellationToken ct)
        {
            Record("InspectVolume", name);
            lock (Volumes)
            {
                EngineVolume v = Volumes.FirstOrDefault(x => x.Name == name);
                return v != null ? Task.FromResult(v) : Task.FromException<EngineVolume>(NotFound(name));
            }
        }

        public Task<EngineVolume> CreateVolumeAsync(VolumeSpec spec, CancellationToken ct)
        {
            Record("CreateVolume", spec.Name);
            var volume = new EngineVolume { Name = spec.Name, Driver = spec.Driver ?? "local", Labels = new Dictionary<string, string>(spec.Labels) };
            lock (Volumes) Volumes.Add(volume);
            return Task.FromResult(volume);
        }

        public Task<EngineCreateResult> CreateContainerAsync(ContainerSpec spec, CancellationToken ct)
        {
            Record("CreateContainer", spec.Name);
            lock (CreatedContainers) CreatedContainers.Add(spec);
            return Task.FromResult(new EngineCreateResult { Id = NewId("ctr") });
        }

        public Task StartContainerAsync(string id, CancellationToken ct)
        {
            Record("StartContainer", id);
            return Task.CompletedTask;
        }

        /// <summary>key=value filters need that value; a bare key needs the label to exist.</summary>
        private static bool Matches(IReadOnlyDictionary<string, string> labels, IReadOnlyCollection<string> filters) =>
            filters.All(f =>
            {
                int eq = f.IndexOf('=');
                return eq < 0 ? labels.ContainsKey(f) : labels.TryGetValue(f.Substring(0, eq), out string v) && v == f.Substring(eq + 1);
            });

        public Task<EngineVersion> GetVersionAsync(CancellationToken ct) => throw NotScripted(nameof(GetVersionAsync));
        public Task<EngineContainerDetails> InspectContainerAsync(string idOrName, CancellationToken ct) =>
            ContainerNames.TryGetValue(idOrName, out string name)
                ? Task.FromResult(new EngineContainerDetails { Id = idOrName, Name = name })
                : throw NotScripted(nameof(InspectContainerAsync));
        public Task StopContainerAsync(string id, int? timeoutSeconds, CancellationToken ct) => throw NotScripted(nameof(StopContainerAsync));
        public Task RestartContainerAsync(string id, int? timeoutSeconds, CancellationToken ct) => throw NotScripted(nameof(RestartContainerAsync));
        public Task KillContainerAsync(string id, string signal, CancellationToken ct) => throw NotScripted(nameof(KillContainerAsync));
        public Task PauseContainerAsync(string id, CancellationToken ct) => throw NotScripted(nameof(PauseContainerAsync));
        public Task UnpauseContainerAsync(string id, CancellationToken ct) => throw NotScripted(nameof(UnpauseContainerAsync));
        public Task RemoveContainerAsync(string id, bool force, bool removeVolumes, CancellationToken ct) => throw NotScripted(nameof(RemoveContainerAsync));
        /// <summary>Names of existing containers by id: renames and inspects act on these, like the engine.</summary>
        public Dictionary<string, string> ContainerNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public Task RenameContainerAsync(string id, string newName, CancellationToken ct)
        {
            if (!ContainerNames.TryGetValue(id, out string current)) throw NotScripted(nameof(RenameContainerAsync));
            // dockerd's answer (400) to a rename to the current name.
            if (current == newName) throw new EngineException(400, "Renaming a container with the same name as its current name");
            if (ContainerNames.ContainsValue(newName)) throw new EngineException(409, $"Conflict. The container name \"/{newName}\" is already in use");
            ContainerNames[id] = newName;
            Record("RenameContainer", id + " " + newName);
            return Task.CompletedTask;
        }
        public Task<long> WaitContainerAsync(string id, CancellationToken ct) => throw NotScripted(nameof(WaitContainerAsync));
        public Task<Task> AttachOutputAsync(string id, Func<IReadOnlyList<OutputLine>, Task> onLines, CancellationToken ct) => throw NotScripted(nameof(AttachOutputAsync));
        public Task StreamLogsAsync(string id, LogOptions options, Func<IReadOnlyList<OutputLine>, Task> onLines, CancellationToken ct) => throw NotScripted(nameof(StreamLogsAsync));
        public Task<long> ExecAsync(string container, ExecSpec spec, Stream stdin, Func<IReadOnlyList<OutputLine>, Task> onLines, CancellationToken ct) => throw NotScripted(nameof(ExecAsync));
        public Task<EngineProcessList> ListProcessesAsync(string id, CancellationToken ct) => throw NotScripted(nameof(ListProcessesAsync));
        public Task StreamStatsAsync(string id, bool stream, Action<EngineStats> onSample, CancellationToken ct) => throw NotScripted(nameof(StreamStatsAsync));
        public Task<long> ExecTtyAsync(string container, ExecSpec spec, TtySession tty, CancellationToken ct) => throw NotScripted(nameof(ExecTtyAsync));
        public Task<long> RunTtyAsync(string id, TtySession tty, CancellationToken ct) => throw NotScripted(nameof(RunTtyAsync));
        public Task<string> ExecDetachedAsync(string container, ExecSpec spec, CancellationToken ct) => throw NotScripted(nameof(ExecDetachedAsync));
        public Task<Task> AttachAsync(string id, Stream stdin, Func<IReadOnlyList<OutputLine>, Task> onLines, CancellationToken ct) => throw NotScripted(nameof(AttachAsync));
        public Task RemoveNetworkAsync(string idOrName, CancellationToken ct) => throw NotScripted(nameof(RemoveNetworkAsync));
        public Task ConnectNetworkAsync(string network, string container, EndpointSpec endpoint, CancellationToken ct) => throw NotScripted(nameof(ConnectNetworkAsync));
        public Task DisconnectNetworkAsync(string network, string container, bool force, CancellationToken ct) => throw NotScripted(nameof(DisconnectNetworkAsync));
        public Task RemoveVolumeAsync(string name, bool force, CancellationToken ct) => throw NotScripted(nameof(RemoveVolumeAsync));
        public Task<IReadOnlyList<EngineImage>> ListImagesAsync(IReadOnlyCollection<string> labelFilters, CancellationToken ct) => throw NotScripted(nameof(ListImagesAsync));
        public Task<IReadOnlyList<string>> RemoveImageAsync(string reference, bool force, CancellationToken ct) => throw NotScripted(nameof(RemoveImageAsync));
        public Task TagImageAsync(string source, string repository, string tag, CancellationToken ct) => throw NotScripted(nameof(TagImageAsync));
        public Task PullImageAsync(string reference, string platform, Action<EngineProgress> onProgress, CancellationToken ct) => throw NotScripted(nameof(PullImageAsync));
        public Task PushImageAsync(string reference, Action<EngineProgress> onProgress, CancellationToken ct) => throw NotScripted(nameof(PushImageAsync));
        public Task<string> InspectDistributionDigestAsync(string reference, CancellationToken ct) => throw NotScripted(nameof(InspectDistributionDigestAsync));
        public Task<string> BuildImageAsync(BuildSpec spec, Action<EngineProgress> onProgress, CancellationToken ct) => throw NotScripted(nameof(BuildImageAsync));
        public Task<EnginePathStat> StatContainerPathAsync(string id, string path, CancellationToken ct) => throw NotScripted(nameof(StatContainerPathAsync));

        public Task ReadArchiveAsync(string id, string path, Func<System.IO.Stream, EnginePathStat, Task> read, CancellationToken ct) => throw NotScripted(nameof(ReadArchiveAsync));

        public Task WriteArchiveAsync(string id, string directory, System.IO.Stream tar, bool copyUidGid, CancellationToken ct) => throw NotScripted(nameof(WriteArchiveAsync));

        public Task MonitorEventsAsync(IDictionary<string, IList<string>> filters, Action<EngineEvent> onEvent, CancellationToken ct) => throw NotScripted(nameof(MonitorEventsAsync));

        /// <summary>What GET /info says about the swarm; null: not scripted.</summary>
        public EngineSwarmState SwarmState { get; set; }

        public Task<EngineSwarmState> GetSwarmStateAsync(CancellationToken ct)
        {
            Record("GetSwarmState", "");
            return SwarmState == null ? Task.FromException<EngineSwarmState>(NotScripted(nameof(GetSwarmStateAsync))) : Task.FromResult(SwarmState);
        }

        public Task<IReadOnlyList<EngineSwarmNode>> ListNodesAsync(CancellationToken ct) => throw NotScripted(nameof(ListNodesAsync));

        public Task<IReadOnlyList<EngineSwarmService>> ListServicesAsync(IReadOnlyCollection<string> labelFilters, CancellationToken ct) => throw NotScripted(nameof(ListServicesAsync));

        public Task<EngineSwarmService> InspectServiceAsync(string idOrName, CancellationToken ct) => throw NotScripted(nameof(InspectServiceAsync));

        public Task<string> CreateServiceAsync(SwarmServiceSpec spec, CancellationToken ct) => throw NotScripted(nameof(CreateServiceAsync));

        public Task UpdateServiceAsync(string id, ulong version, SwarmServiceSpec spec, CancellationToken ct) => throw NotScripted(nameof(UpdateServiceAsync));

        public Task RemoveServiceAsync(string id, CancellationToken ct) => throw NotScripted(nameof(RemoveServiceAsync));

        public Task<IReadOnlyList<EngineSwarmTask>> ListTasksAsync(IReadOnlyCollection<string> labelFilters, string serviceId, CancellationToken ct) => throw NotScripted(nameof(ListTasksAsync));

        public Task<IReadOnlyList<EngineSwarmObject>> ListSwarmObjectsAsync(SwarmObjectKind kind, CancellationToken ct) => throw NotScripted(nameof(ListSwarmObjectsAsync));

        public Task<string> CreateSwarmObjectAsync(SwarmObjectKind kind, SwarmObjectSpec spec, CancellationToken ct) => throw NotScripted(nameof(CreateSwarmObjectAsync));

        public Task RemoveSwarmObjectAsync(SwarmObjectKind kind, string id, CancellationToken ct) => throw NotScripted(nameof(RemoveSwarmObjectAsync));

        public Task<string> ResolveImageDigestAsync(string image, CancellationToken ct) => throw NotScripted(nameof(ResolveImageDigestAsync));

        public Task StreamEventsAsync(EventQuery query, Action<EngineEvent> onEvent, CancellationToken ct) => throw NotScripted(nameof(StreamEventsAsync));

        public void Dispose()
        {
        }
    }
}
