using System.Collections.Generic;

namespace PSCompose.Execution
{
    /// <summary>The switches of Invoke-ComposeRun (docker compose run) that shape the one-off container.</summary>
    internal sealed class OneOffRequest
    {
        public string Service { get; set; }

        /// <summary>Replaces the service's command when not empty.</summary>
        public IList<string> Command { get; set; } = new List<string>();

        /// <summary>Replaces the entrypoint (and, with no command given, clears the service's command); null keeps it.</summary>
        public IList<string> Entrypoint { get; set; }

        /// <summary>--name; null: &lt;project&gt;-&lt;service&gt;-run-&lt;12 hex of the slug&gt;.</summary>
        public string ContainerName { get; set; }

        /// <summary>-e: a null value takes the variable from the project environment, and is dropped when it has none.</summary>
        public IDictionary<string, string> Environment { get; set; } = new Dictionary<string, string>();

        public IDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();

        /// <summary>-v short syntax, appended to the service's volumes.</summary>
        public IList<string> Volumes { get; set; } = new List<string>();

        /// <summary>-p short syntax; when given it replaces the service's ports.</summary>
        public IList<string> Publish { get; set; } = new List<string>();

        /// <summary>-P: keep the service's ports (otherwise a one-off publishes none).</summary>
        public bool ServicePorts { get; set; }

        /// <summary>--cap-add: appended to the service's cap_add and taken out of its cap_drop.</summary>
        public IList<string> CapAdd { get; set; } = new List<string>();

        /// <summary>--cap-drop: appended to the service's cap_drop and taken out of its cap_add.</summary>
        public IList<string> CapDrop { get; set; } = new List<string>();

        public string User { get; set; }

        public string WorkingDirectory { get; set; }

        public bool UseAliases { get; set; }

        public bool Remove { get; set; }

        public bool Detach { get; set; }

        /// <summary>-Interactive: a TTY with stdin open, the console as its terminal.</summary>
        public bool Tty { get; set; }

        /// <summary>Pipeline input goes to the container's stdin: it is created with OpenStdin and StdinOnce.</summary>
        public bool Stdin { get; set; }
    }
}
