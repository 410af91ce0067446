using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Models;

namespace PSCompose.Engine
{
    internal sealed partial class DockerEngineClient
    {
        public async Task<EngineProcessList> ListProcessesAsync(string id, CancellationToken ct)
        {
            ContainerProcessesResponse r = await Call(Endpoint, ct,
                () => client.Containers.ListProcessesAsync(id, new ContainerListProcessesParameters(), ct)).ConfigureAwait(false);
            return new EngineProcessList
            {
                Titles = (r.Titles ?? new List<string>()).ToList(),
                Processes = (r.Processes ?? new List<IList<string>>()).Select(p => (IReadOnlyList<string>)(p ?? new List<string>()).ToList()).ToList(),
            };
        }

        public Task StreamStatsAsync(string id, bool stream, Action<EngineStats> onSample, CancellationToken ct)
        {
            // Without streaming the engine takes two samples and returns the second, so its precpu_stats are filled.
            var parameters = new ContainerStatsParameters { Stream = stream };
            var progress = new InlineProgress<ContainerStatsResponse>(s => onSample(ToStats(s)));
            return Call(Endpoint, ct, () => client.Containers.GetContainerStatsAsync(id, parameters, progress, ct));
        }

        private static EngineStats ToStats(ContainerStatsResponse s)
        {
            MemoryStats memory = s.MemoryStats ?? new MemoryStats();
            IEnumerable<NetworkStats> networks = (s.Networks ?? new Dictionary<string, NetworkStats>()).Values.Where(n => n != null);
            return new EngineStats
            {
                OsType = s.OSType,
                Read = s.Read,
                CpuTotal = s.CPUStats?.CPUUsage?.TotalUsage ?? 0,
                PreCpuTotal = s.PreCPUStats?.CPUUsage?.TotalUsage ?? 0,
                SystemCpu = s.CPUStats?.SystemUsage ?? 0,
                PreSystemCpu = s.PreCPUStats?.SystemUsage ?? 0,
                OnlineCpus = s.CPUStats?.OnlineCPUs ?? 0,
                PerCpuCount = s.CPUStats?.CPUUsage?.PercpuUsage?.Count ?? 0,
                MemoryUsage = memory.Usage ?? 0,
                MemoryLimit = memory.Limit ?? 0,
                MemoryCounters = memory.Stats != null ? new Dictionary<string, ulong>(memory.Stats) : new Dictionary<string, ulong>(),
                NetworkRx = networks.Aggregate(0UL, (sum, n) => sum + n.RxBytes),
                NetworkTx = networks.Aggregate(0UL, (sum, n) => sum + n.TxBytes),
                BlockIo = (s.BlkioStats?.IoServiceBytesRecursive ?? new List<BlkioStatEntry>())
                    .Select(e => new KeyValuePair<string, ulong>(e.Op ?? "", e.Value)).ToList(),
                Pids = s.PidsStats?.Current ?? 0,
            };
        }
    }
}
