using System;
using System.Collections.Generic;

namespace PSCompose.Engine
{
    /// <summary>GET /containers/{id}/top: the ps titles and one row of values per process.</summary>
    internal sealed class EngineProcessList
    {
        public IReadOnlyList<string> Titles { get; set; } = Array.Empty<string>();
        public IReadOnlyList<IReadOnlyList<string>> Processes { get; set; } = Array.Empty<IReadOnlyList<string>>();
    }

    /// <summary>One frame of GET /containers/{id}/stats, reduced to the raw numbers the docker CLI computes from.</summary>
    internal sealed class EngineStats
    {
        public string OsType { get; set; }
        public DateTime Read { get; set; }
        public ulong CpuTotal { get; set; }
        public ulong PreCpuTotal { get; set; }
        public ulong SystemCpu { get; set; }
        public ulong PreSystemCpu { get; set; }

        /// <summary>online_cpus; 0 when the engine did not report it.</summary>
        public uint OnlineCpus { get; set; }

        /// <summary>How many entries percpu_usage has (the CLI's fallback for online_cpus).</summary>
        public int PerCpuCount { get; set; }

        public ulong MemoryUsage { get; set; }
        public ulong MemoryLimit { get; set; }

        /// <summary>memory_stats.stats (cgroup counters such as inactive_file / total_inactive_file).</summary>
        public IReadOnlyDictionary<string, ulong> MemoryCounters { get; set; } = new Dictionary<string, ulong>();

        public ulong NetworkRx { get; set; }
        public ulong NetworkTx { get; set; }

        /// <summary>io_service_bytes_recursive entries: op (Read, write, …) and bytes.</summary>
        public IReadOnlyList<KeyValuePair<string, ulong>> BlockIo { get; set; } = Array.Empty<KeyValuePair<string, ulong>>();

        public ulong Pids { get; set; }
    }
}
