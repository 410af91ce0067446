namespace PSCompose
{
    /// <summary>A published port of a service container (docker compose port).</summary>
    public sealed class ComposePortBinding
    {
        public string ProjectName { get; set; }

        public string Service { get; set; }

        /// <summary>The container name, e.g. myapp-web-1.</summary>
        public string Container { get; set; }

        /// <summary>The replica number; 0 for one-off containers.</summary>
        public int Number { get; set; }

        /// <summary>The port inside the container.</summary>
        public int PrivatePort { get; set; }

        /// <summary>tcp, udp or sctp.</summary>
        public string Protocol { get; set; }

        /// <summary>The host address it is published on: 0.0.0.0, ::, 127.0.0.1, …</summary>
        public string HostIp { get; set; }

        public int HostPort { get; set; }

        /// <summary>HostIp:HostPort, as docker compose port prints it (so "$(Get-ComposePort web 80)" is the same text).</summary>
        public override string ToString() => HostIp + ":" + HostPort;
    }
}
