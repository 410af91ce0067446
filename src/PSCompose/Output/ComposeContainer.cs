using System;

namespace PSCompose
{
    /// <summary>One container of a project (docker compose ps).</summary>
    public sealed class ComposeContainer
    {
        public string ProjectName { get; set; }

        /// <summary>The container name, e.g. myapp-web-1.</summary>
        public string Name { get; set; }

        public string Service { get; set; }

        /// <summary>The replica number (com.docker.compose.container-number); 0 for one-off containers.</summary>
        public int Number { get; set; }

        public bool OneOff { get; set; }

        /// <summary>created, running, paused, restarting, removing, exited, dead.</summary>
        public string State { get; set; }

        /// <summary>The engine's status text, e.g. "Up 3 minutes (healthy)".</summary>
        public string Status { get; set; }

        /// <summary>healthy, unhealthy, starting, or empty when there is no healthcheck.</summary>
        public string Health { get; set; }

        public long? ExitCode { get; set; }

        /// <summary>Published ports as host_ip:public->private/protocol, exposed ones as private/protocol.</summary>
        public string[] Ports { get; set; }

        public DateTime Created { get; set; }

        public string Image { get; set; }

        public string Command { get; set; }

        public string Id { get; set; }

        /// <summary>The engine's list entry and inspected exit code: Compose's other `ps --format` fields (labels, mounts, networks, publishers) come from them.</summary>
        internal Engine.EngineContainer Listed { get; set; }

        internal long InspectedExitCode { get; set; }
    }
}
