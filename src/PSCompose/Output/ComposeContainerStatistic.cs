using System;

namespace PSCompose
{
    /// <summary>One resource usage sample of a project container (docker compose stats), as numbers the docker CLI computes.</summary>
    public sealed class ComposeContainerStatistic
    {
        public string ProjectName { get; set; }

        public string Service { get; set; }

        /// <summary>The container name, e.g. myapp-web-1.</summary>
        public string Container { get; set; }

        public string ContainerId { get; set; }

        /// <summary>When the engine read the sample.</summary>
        public DateTime Read { get; set; }

        /// <summary>Percent of one CPU (100 = one whole CPU), like docker stats' CPU %.</summary>
        public double CpuPercent { get; set; }

        /// <summary>Bytes in use, without the inactive page cache (as docker stats counts it).</summary>
        public long MemoryUsage { get; set; }

        /// <summary>Bytes the container may use.</summary>
        public long MemoryLimit { get; set; }

        public double MemoryPercent { get; set; }

        /// <summary>Bytes received over all networks.</summary>
        public long NetworkRx { get; set; }

        /// <summary>Bytes sent over all networks.</summary>
        public long NetworkTx { get; set; }

        public long BlockRead { get; set; }

        public long BlockWrite { get; set; }

        public long Pids { get; set; }
    }
}
