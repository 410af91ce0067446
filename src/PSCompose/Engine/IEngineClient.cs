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
