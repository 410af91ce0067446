namespace PSCompose
{
    /// <summary>A service image that New-, Request- or Publish-ComposeImage acted on.</summary>
    public sealed class ComposeImage
    {
        public string ProjectName { get; set; }

        public string Service { get; set; }

        /// <summary>The image reference, e.g. myapp-web or registry:5000/team/web:1.</summary>
        public string Image { get; set; }

        /// <summary>The local image id (sha256:…) after the action; empty when the image is not present locally.</summary>
        public string Id { get; set; }

        /// <summary>Built, Pulled, Pushed or Skipped.</summary>
        public string Action { get; set; }

        /// <summary>Why it was skipped, when it was.</summary>
        public string Reason { get; set; }
    }
}
