using System.Collections.Specialized;

namespace PSCompose
{
    /// <summary>One process in a container of a project (docker compose top).</summary>
    public sealed class ComposeProcess
    {
        public string ProjectName { get; set; }

        public string Service { get; set; }

        /// <summary>The container name, e.g. myapp-web-1.</summary>
        public string Container { get; set; }

        /// <summary>The replica number; 0 for one-off containers (Compose prints them with a blank #).</summary>
        public int Number { get; set; }

        public string UID { get; set; }

        public int? PID { get; set; }

        public int? PPID { get; set; }

        public string C { get; set; }

        public string STIME { get; set; }

        public string TTY { get; set; }

        public string TIME { get; set; }

        public string CMD { get; set; }

        /// <summary>Every column the engine returned, title → value, in the engine's order (titles differ on Windows).</summary>
        public OrderedDictionary Fields { get; set; } = new OrderedDictionary();

        public string ContainerId { get; set; }
    }
}
