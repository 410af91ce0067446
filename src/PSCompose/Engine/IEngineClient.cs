using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PSCompose.Engine
{
    /// <summary>
    /// Everything PSCompose asks of a Docker engine. The only implementation over a real engine is
    /// <see cref="DockerEngineClient"/>; nothing outside the Engine folder sees Docker.DotNet.
    /// </summary>
    internal interface IEngineClient : IDisposable
    {
        EngineEndpoint Endpoint { get; }

        /// <summary>The API version negotiated with the engine (min of engine and client).</summary>
        string ApiVersion { get; }

        Task<EngineVersion> GetVersionAsync(CancellationToken ct);

        /// <summary>Containers whose labels match every <c>key=value</c> or bare <c>key</c> filter.</summary>
        Task<IReadOnlyList<EngineContainer>> ListContainersAsync(IReadOnlyCollection<string> labelFilters, bool all, CancellationToken ct);

        // ---- containers (DockerEngineClient.Containers.cs) ----

        /// <summary>Throws EngineException (IsNotFound) when there is no such container.</summary>
        Task<EngineContainerDetails> InspectContainerAsync(string idOrName, CancellationToken ct);

        /// <summary>
        /// Creates the container; on API &lt; 1.44 also connects the secondary networks (before start), as Compose does.
        /// </summary>
        Task<EngineCreateResult> CreateContainerAsync(ContainerSpec spec, CancellationToken ct);

        Task StartContainerAsync(string id, CancellationToken ct);

        /// <summary>Null timeout: the container's StopTimeout, else the engine's 10 s.</summary>
        Task StopContainerAsync(string id, int? timeoutSeconds, CancellationToken ct);

        Task RestartContainerAsync(string id, int? timeoutSeconds, CancellationToken ct);

        /// <summary>Null signal = SIGKILL.</summary>
        Task KillContainerAsync(string id, string signal, CancellationToken ct);

        Task PauseContainerAsync(string id, CancellationToken ct);

        Task UnpauseContainerAsync(string id, CancellationToken ct);

        Task RemoveContainerAsync(string id, bool force, bool removeVolumes, CancellationToken ct);

        Task RenameContainerAsync(string id, string newName, CancellationToken ct);

        /// <summary>Waits until the container stops; returns its exit code.</summary>
        Task<long> WaitContainerAsync(string id, CancellationToken ct);

        /// <summary>
        /// Attaches to stdout/stderr (no past logs), as `up` does before starting a container. The returned task
        /// completes once attached; the task it yields completes when the container's output ends, and fails with
        /// <see cref="EngineStreamLostException"/> when the connection breaks first.
        /// </summary>
        Task<Task> AttachOutputAsync(string id, Func<IReadOnlyList<OutputLine>, Task> onLines, CancellationToken ct);

        /// <summary>
        /// As <see cref="AttachOutputAsync"/>, and when <paramref name="stdin"/> is given it is attached too, copied in as
        /// it comes and half-closed at its end (the container must have been created with OpenStdin and StdinOnce): run's
        /// attach before start. The end of the output ends the copy; stdin is disposed then, so its producer drops the rest.
        /// </summary>
        Task<Task> AttachAsync(string id, System.IO.Stream stdin, Func<IReadOnlyList<OutputLine>, Task> onLines, CancellationToken ct);

        /// <summary>
        /// Streams log lines in batches until the end or cancellation; the next read waits for <paramref name="onLines"/>.
        /// A broken connection is an <see cref="EngineStreamLostException"/>.
        /// </summary>
        Task StreamLogsAsync(string id, LogOptions options, Func<IReadOnlyList<OutputLine>, Task> onLines, CancellationToken ct);

        /// <summary>
        /// Runs a command in a running container (docker exec, not interactive): output lines go to <paramref name="onLines"/>,
        /// <paramref name="stdin"/> (optional) is copied in as it comes and closed at its end; returns the exit code. A
        /// command that exits without reading all its input ends the copy at once (stdin is disposed then, so its producer
        /// drops the rest), as with docker exec.
        /// </summary>
        Task<long> ExecAsync(string container, ExecSpec spec, System.IO.Stream stdin, Func<IReadOnlyList<OutputLine>, Task> onLines, CancellationToken ct);

        // ---- runtime inspection (DockerEngineClient.Runtime.cs) ----

        /// <summary>GET /containers/{id}/top with the engine's default ps arguments.</summary>
        Task<EngineProcessList> ListProcessesAsync(string id, CancellationToken ct);

        /// <summary>
        /// Resource usage samples to <paramref name="onSample"/>: one (with the previous CPU sample filled) when
        /// <paramref name="stream"/> is false, else one per second until cancelled or the container goes away.
        /// </summary>
        Task StreamStatsAsync(string id, bool stream, Action<EngineStats> onSample, CancellationToken ct);
        // ---- archives (DockerEngineClient.Archive.cs) ----

        /// <summary>A path in the container as the archive API stats it (HEAD); null when the path does not exist.</summary>
        Task<EnginePathStat> StatContainerPathAsync(string id, string path, CancellationToken ct);

        /// <summary>
        /// GET archive: <paramref name="read"/> gets the tar of the path and its stat. A missing path is an
        /// EngineException (404) with the engine's "Could not find the file … in container …".
        /// </summary>
        Task ReadArchiveAsync(string id, string path, Func<System.IO.Stream, EnginePathStat, Task> read, CancellationToken ct);

        /// <summary>PUT archive: the engine extracts the tar into the container's <paramref name="directory"/>.</summary>
        Task WriteArchiveAsync(string id, string directory, System.IO.Stream tar, bool copyUidGid, CancellationToken ct);
        /// <summary>
        /// Runs a command with a TTY (docker exec -it): keystrokes from <paramref name="tty"/> in, the screen out, the
        /// window size passed at start and on every change; returns the exit code.
        /// </summary>
        Task<long> ExecTtyAsync(string container, ExecSpec spec, TtySession tty, CancellationToken ct);

        /// <summary>
        /// Attaches to a created TTY container (stdin too), starts it, and is its terminal until it ends, as docker run -it;
        /// returns the exit code.
        /// </summary>
        Task<long> RunTtyAsync(string id, TtySession tty, CancellationToken ct);

        /// <summary>Starts a command in a running container without attaching to it (docker exec -d); returns the exec id.</summary>
        Task<string> ExecDetachedAsync(string container, ExecSpec spec, CancellationToken ct);

        // ---- networks (DockerEngineClient.Networks.cs) ----

        /// <summary>Networks matching every label filter and (when given) the engine's partial name filter.</summary>
        Task<IReadOnlyList<EngineNetwork>> ListNetworksAsync(IReadOnlyCollection<string> labelFilters, string nameFilter, CancellationToken ct);

        Task<EngineNetwork> InspectNetworkAsync(string idOrName, CancellationToken ct);

        /// <summary>Returns the new network's ID.</summary>
        Task<string> CreateNetworkAsync(NetworkSpec spec, CancellationToken ct);

        Task RemoveNetworkAsync(string idOrName, CancellationToken ct);

        Task ConnectNetworkAsync(string network, string container, EndpointSpec endpoint, CancellationToken ct);

        Task DisconnectNetworkAsync(string network, string container, bool force, CancellationToken ct);

        // ---- volumes (DockerEngineClient.Volumes.cs) ----

        Task<IReadOnlyList<EngineVolume>> ListVolumesAsync(IReadOnlyCollection<string> labelFilters, CancellationToken ct);

        Task<EngineVolume> InspectVolumeAsync(string name, CancellationToken ct);

        Task<EngineVolume> CreateVolumeAsync(VolumeSpec spec, CancellationToken ct);

        Task RemoveVolumeAsync(string name, bool force, CancellationToken ct);

        // ---- images (DockerEngineClient.Images.cs) ----

        Task<EngineImage> InspectImageAsync(string reference, CancellationToken ct);

        Task<IReadOnlyList<EngineImage>> ListImagesAsync(IReadOnlyCollection<string> labelFilters, CancellationToken ct);

        /// <summary>Returns the engine's "Untagged: x" / "Deleted: y" lines.</summary>
        Task<IReadOnlyList<string>> RemoveImageAsync(string reference, bool force, CancellationToken ct);

        Task TagImageAsync(string source, string repository, string tag, CancellationToken ct);

        /// <summary>Pulls with credentials from the docker config; a stream error becomes an EngineException.</summary>
        Task PullImageAsync(string reference, string platform, Action<EngineProgress> onProgress, CancellationToken ct);

        Task PushImageAsync(string reference, Action<EngineProgress> onProgress, CancellationToken ct);

        /// <summary>The manifest digest (sha256:…) the registry holds for a reference, asked through the engine (GET /distribution/{name}/json).</summary>
        Task<string> InspectDistributionDigestAsync(string reference, CancellationToken ct);

        /// <summary>Classic-builder build from a tar of the context; returns the image ID. A failing step throws EngineException.</summary>
        Task<string> BuildImageAsync(BuildSpec spec, Action<EngineProgress> onProgress, CancellationToken ct);

        // ---- events (DockerEngineClient.Events.cs) ----

        /// <summary>Streams events matching <paramref name="filters"/> (type → values, e.g. label → [k=v]) until cancelled.</summary>
        Task MonitorEventsAsync(IDictionary<string, IList<string>> filters, Action<EngineEvent> onEvent, CancellationToken ct);

        /// <summary>Streams the events of a query until its Until, the end of the stream, or cancellation.</summary>
        Task StreamEventsAsync(EventQuery query, Action<EngineEvent> onEvent, CancellationToken ct);

        // ---- swarm (DockerEngineClient.Swarm.cs) ----

        Task<EngineSwarmState> GetSwarmStateAsync(CancellationToken ct);

        Task<IReadOnlyList<EngineSwarmNode>> ListNodesAsync(CancellationToken ct);

        Task<IReadOnlyList<EngineSwarmService>> ListServicesAsync(IReadOnlyCollection<string> labelFilters, CancellationToken ct);

        Task<EngineSwarmService> InspectServiceAsync(string idOrName, CancellationToken ct);

        /// <summary>Secret and config references are by name; the client looks up their ids. Returns the service id.</summary>
        Task<string> CreateServiceAsync(SwarmServiceSpec spec, CancellationToken ct);

        /// <summary><paramref name="version"/> is the service's version index as read (the engine refuses a stale one).</summary>
        Task UpdateServiceAsync(string id, ulong version, SwarmServiceSpec spec, CancellationToken ct);

        Task RemoveServiceAsync(string id, CancellationToken ct);

        /// <summary>Tasks matching every label filter and, when given, of one service.</summary>
        Task<IReadOnlyList<EngineSwarmTask>> ListTasksAsync(IReadOnlyCollection<string> labelFilters, string serviceId, CancellationToken ct);

        Task<IReadOnlyList<EngineSwarmObject>> ListSwarmObjectsAsync(SwarmObjectKind kind, CancellationToken ct);

        Task<string> CreateSwarmObjectAsync(SwarmObjectKind kind, SwarmObjectSpec spec, CancellationToken ct);

        Task RemoveSwarmObjectAsync(SwarmObjectKind kind, string id, CancellationToken ct);

        /// <summary>"name@sha256:…" from the image's registry (GET /distribution/{name}/json).</summary>
        Task<string> ResolveImageDigestAsync(string image, CancellationToken ct);
    }

    internal sealed class ExecSpec
    {
        public IList<string> Command { get; set; } = new List<string>();
        public IList<string> Env { get; set; } = new List<string>();
        public string User { get; set; }
        public string WorkingDir { get; set; }
        public bool Privileged { get; set; }
        public bool Tty { get; set; }
    }

    internal sealed class LogOptions
    {
        public bool Follow { get; set; }
        public bool Timestamps { get; set; }

        /// <summary>"all" or a number of lines.</summary>
        public string Tail { get; set; }

        public string Since { get; set; }
        public string Until { get; set; }
        public bool Stdout { get; set; } = true;
        public bool Stderr { get; set; } = true;
    }

    internal sealed class EngineVersion
    {
        public string Version { get; set; }
        public string ApiVersion { get; set; }
        public string MinApiVersion { get; set; }
        public string Os { get; set; }
        public string Arch { get; set; }
    }

    internal sealed class EngineContainer
    {
        public string Id { get; set; }
        public string Name { get; set; }
        public string Image { get; set; }
        public string ImageId { get; set; }
        public string Command { get; set; }
        public string State { get; set; }
        public string Status { get; set; }
        public DateTime Created { get; set; }
        public IReadOnlyDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();
        public IReadOnlyList<EnginePort> Ports { get; set; } = Array.Empty<EnginePort>();

        /// <summary>Attached networks: engine network name → network ID (Compose's "attached to expected network" check).</summary>
        public IReadOnlyDictionary<string, string> NetworkIds { get; set; } = new Dictionary<string, string>();

        /// <summary>Mounts as the list API reports them (Compose's "expected named volume mounted" check).</summary>
        public IReadOnlyList<EngineMount> Mounts { get; set; } = Array.Empty<EngineMount>();

        public string Label(string key) => Labels.TryGetValue(key, out string v) ? v : null;
    }

    internal sealed class EnginePort
    {
        public string HostIp { get; set; }
        public int PrivatePort { get; set; }
        public int? PublicPort { get; set; }
        public string Protocol { get; set; }
    }
}
