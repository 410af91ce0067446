namespace PSCompose
{
    /// <summary>One service of a project with the state of its containers.</summary>
    public sealed class ComposeService
    {
        public string ProjectName { get; set; }

        /// <summary>The service name.</summary>
        public string Name { get; set; }

        public string Image { get; set; }

        /// <summary>The replicas the compose file asks for; the container count when no file was loaded.</summary>
        public int DesiredReplicas { get; set; }

        /// <summary>How many containers are running.</summary>
        public int Running { get; set; }

        /// <summary>Container states with counts, e.g. running(2), exited(1); empty when no container exists.</summary>
        public string State { get; set; }

        /// <summary>The health every container shares (healthy, unhealthy, starting); otherwise the states seen, e.g. starting(1), healthy(1).</summary>
        public string Health { get; set; }

        public string[] Ports { get; set; }

        public ComposeContainer[] Containers { get; set; }
    }
}
