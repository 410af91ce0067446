using System;

namespace PSCompose
{
    /// <summary>The image a project container uses (docker compose images).</summary>
    public sealed class ComposeContainerImage
    {
        public string ProjectName { get; set; }

        /// <summary>The container name, e.g. myapp-web-1.</summary>
        public string Container { get; set; }

        public string Service { get; set; }

        /// <summary>The repository of the reference the container was created from, e.g. redis; empty for a bare image id.</summary>
        public string Repository { get; set; }

        /// <summary>Its tag; empty when the reference has none (a digest, or a bare image id).</summary>
        public string Tag { get; set; }

        /// <summary>os/architecture[/variant].</summary>
        public string Platform { get; set; }

        /// <summary>The full image id (sha256:…).</summary>
        public string Id { get; set; }

        /// <summary>The id's first 12 hex digits, as Compose's IMAGE ID column.</summary>
        public string ShortId => ComposeUnits.ShortId(Id);

        /// <summary>Bytes.</summary>
        public long Size { get; set; }

        /// <summary>When the image was built.</summary>
        public DateTime? Created { get; set; }

        /// <summary>When the image was last tagged locally (pulled, built or tagged); Compose's CREATED column.</summary>
        public DateTime? LastTagTime { get; set; }
    }
}
