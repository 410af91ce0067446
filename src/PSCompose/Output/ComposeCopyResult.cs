namespace PSCompose
{
    /// <summary>One container a Copy-ComposeItem copy went to or came from (-PassThru).</summary>
    public sealed class ComposeCopyResult
    {
        public string ProjectName { get; set; }

        public string Service { get; set; }

        public string ContainerName { get; set; }

        public string ContainerId { get; set; }

        /// <summary>FromContainer or ToContainer.</summary>
        public string Direction { get; set; }

        /// <summary>What was copied: a host path, or container:path.</summary>
        public string Source { get; set; }

        /// <summary>Where it went: a host path, or container:path.</summary>
        public string Destination { get; set; }

        /// <summary>The bytes of the tar stream that carried the copy.</summary>
        public long Bytes { get; set; }
    }
}
