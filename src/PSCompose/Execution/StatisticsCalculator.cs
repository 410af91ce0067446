using System;
using System.Linq;
using PSCompose.Engine;

namespace PSCompose.Execution
{
    /// <summary>The numbers docker stats shows, computed from an engine sample exactly as the docker CLI (Linux) does.</summary>
    internal static class StatisticsCalculator
    {
        public static ComposeContainerStatistic From(string project, EngineContainer c, EngineStats s)
        {
            double memory = MemoryWithoutCache(s);
            return new ComposeContainerStatistic
            {
                ProjectName = project,
                Service = RuntimeContainers.Service(c),
                Container = c.Name,
                ContainerId = c.Id,
                Read = s.Read,
                CpuPercent = CpuPercent(s),
                MemoryUsage = (long)memory,
                MemoryLimit = (long)s.MemoryLimit,
                MemoryPercent = s.MemoryLimit != 0 ? memory / s.MemoryLimit * 100.0 : 0,
                NetworkRx = (long)s.NetworkRx,
                NetworkTx = (long)s.NetworkTx,
                BlockRead = (long)s.BlockIo.Where(e => IsOp(e.Key, 'r')).Aggregate(0UL, (sum, e) => sum + e.Value),
                BlockWrite = (long)s.BlockIo.Where(e => IsOp(e.Key, 'w')).Aggregate(0UL, (sum, e) => sum + e.Value),
                Pids = (long)s.Pids,
            };
        }

        /// <summary>calculateCPUPercentUnix: the share of the host's CPU time since the previous sample, times the CPUs.</summary>
        public static double CpuPercent(EngineStats s)
        {
            double cpuDelta = (double)s.CpuTotal - s.PreCpuTotal;
            double systemDelta = (double)s.SystemCpu - s.PreSystemCpu;
            double cpus = s.OnlineCpus != 0 ? s.OnlineCpus : s.PerCpuCount;
            return systemDelta > 0 && cpuDelta > 0 ? cpuDelta / systemDelta * cpus * 100.0 : 0;
        }

        /// <summary>calculateMemUsageUnixNoCache: usage minus inactive file pages (cgroup v1 total_inactive_file, v2 inactive_file).</summary>
        public static double MemoryWithoutCache(EngineStats s)
        {
            if (s.MemoryCounters.TryGetValue("total_inactive_file", out ulong v1) && v1 < s.MemoryUsage) return s.MemoryUsage - v1;
            ulong v2 = s.MemoryCounters.TryGetValue("inactive_file", out ulong inactive) ? inactive : 0;
            return v2 < s.MemoryUsage ? s.MemoryUsage - v2 : s.MemoryUsage;
        }

        private static bool IsOp(string op, char first) => op.Length > 0 && char.ToLowerInvariant(op[0]) == first;
    }
}
