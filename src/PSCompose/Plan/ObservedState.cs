using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PSCompose.Model;

namespace PSCompose.Plan
{
    /// <summary>What the engine holds for the project, as listed by project label (plus name-matched networks/volumes).</summary>
    internal sealed class ObservedState
    {
        /// <summary>Every container of the project, one-offs included.</summary>
        public List<ObservedContainer> Containers { get; set; } = new List<ObservedContainer>();

        public List<ObservedNetwork> Networks { get; set; } = new List<ObservedNetwork>();

        public List<ObservedVolume> Volumes { get; set; } = new List<ObservedVolume>();

        /// <summary>Local images relevant to the project (service images, project-labelled builds).</summary>
        public List<ObservedImage> Images { get; set; } = new List<ObservedImage>();

        public IEnumerable<ObservedContainer> ServiceContainers(string service) =>
            Containers.Where(c => !c.OneOff && c.Service == service);

        /// <summary>
        /// The container a "service:x" or volumes_from reference resolves to (the first by name, as Compose does);
        /// null when the service has none.
        /// </summary>
        public string ReferenceContainerId(string service) =>
            ServiceContainers(service).OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => c.Id).FirstOrDefault();
    }

    internal sealed class ObservedContainer
    {
        public string Id { get; set; }

        /// <summary>Name without the leading '/'.</summary>
        public string Name { get; set; }

        public string Service { get; set; }

        public int Number { get; set; }

        public bool OneOff { get; set; }

        /// <summary>Engine state: created, running, paused, restarting, removing, exited, dead.</summary>
        public string State { get; set; }

        public string ConfigHash { get; set; }

        /// <summary>com.docker.compose.image label.</summary>
        public string ImageDigest { get; set; }

        /// <summary>Creation time (Unix seconds); breaks ties between equal container numbers.</summary>
        public long Created { get; set; }

        /// <summary>IDs of the networks the container is attached to.</summary>
        public List<string> NetworkIds { get; set; } = new List<string>();

        /// <summary>Names of the volumes mounted as type volume.</summary>
        public List<string> VolumeNames { get; set; } = new List<string>();

        public Dictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();

        public bool IsRunning => State == ContainerStates.Running;

        /// <summary>Fills the Compose fields from the container's labels.</summary>
        public static ObservedContainer FromLabels(string id, string name, string state, IDictionary<string, string> labels)
        {
            labels = labels ?? new Dictionary<string, string>();
            string Label(string key) => labels.TryGetValue(key, out string v) ? v : null;
            int.TryParse(Label(ComposeLabels.ContainerNumber), NumberStyles.Integer, CultureInfo.InvariantCulture, out int number);
            return new ObservedContainer
            {
                Id = id,
                Name = name?.TrimStart('/'),
                State = state,
                Service = Label(ComposeLabels.Service),
                Number = number,
                OneOff = string.Equals(Label(ComposeLabels.OneOff), "True", StringComparison.OrdinalIgnoreCase),
                ConfigHash = Label(ComposeLabels.ConfigHash),
                ImageDigest = Label(ComposeLabels.Image),
                Labels = new Dictionary<string, string>(labels),
            };
        }
    }

    internal static class ContainerStates
    {
        public const string Created = "created";
        public const string Running = "running";
        public const string Paused = "paused";
        public const string Restarting = "restarting";
        public const string Removing = "removing";
        public const string Exited = "exited";
        public const string Dead = "dead";
    }

    internal sealed class ObservedNetwork
    {
        /// <summary>com.docker.compose.network label; null for a network matched by name only (not created by Compose).</summary>
        public string Key { get; set; }

        public string Name { get; set; }

        public string Id { get; set; }

        /// <summary>com.docker.compose.config-hash; empty when absent (never considered diverged).</summary>
        public string ConfigHash { get; set; }
    }

    internal sealed class ObservedVolume
    {
        public string Key { get; set; }

        public string Name { get; set; }

        public string ConfigHash { get; set; }
    }

    internal sealed class ObservedImage
    {
        public string Id { get; set; }

        public List<string> RepoTags { get; set; } = new List<string>();

        /// <summary>com.docker.compose.project label (set on images Compose built).</summary>
        public string ProjectLabel { get; set; }

        /// <summary>com.docker.compose.service label.</summary>
        public string ServiceLabel { get; set; }

        /// <summary>When the image was last tagged (for daily/weekly/every_ pull policies).</summary>
        public DateTimeOffset? LastTagTime { get; set; }
    }
}
