namespace PSCompose.Engine
{
    /// <summary>
    /// Splits an image reference the way the docker CLI does for pull/push: the repository, and the tag or digest
    /// (latest when neither is given), plus the registry host used to look up credentials.
    /// </summary>
    internal sealed class ImageReference
    {
        public const string DockerHubAuthKey = "https://index.docker.io/v1/";

        private ImageReference(string repository, string tag, string digest, string registry)
        {
            Repository = repository;
            Tag = tag;
            Digest = digest;
            Registry = registry;
        }

        public string Repository { get; }
        public string Tag { get; }
        public string Digest { get; }

        /// <summary>"docker.io" or the host[:port] named by the first path component.</summary>
        public string Registry { get; }

        /// <summary>The tag or the digest: what the API's tag parameter carries.</summary>
        public string TagOrDigest => Digest ?? Tag;

        public bool IsDockerHub => Registry == "docker.io";

        public static ImageReference Parse(string reference)
        {
            string rest = reference.Trim();
            string digest = null;
            int at = rest.IndexOf('@');
            if (at >= 0)
            {
                digest = rest.Substring(at + 1);
                rest = rest.Substring(0, at);
            }
            string tag = null;
            int colon = rest.LastIndexOf(':');
            if (colon > rest.LastIndexOf('/'))
            {
                tag = rest.Substring(colon + 1);
                rest = rest.Substring(0, colon);
            }
            if (tag == null && digest == null) tag = "latest";
            return new ImageReference(rest, tag, digest, RegistryOf(rest));
        }

        private static string RegistryOf(string repository)
        {
            int slash = repository.IndexOf('/');
            if (slash < 0) return "docker.io";
            string first = repository.Substring(0, slash);
            bool isHost = first.IndexOf('.') >= 0 || first.IndexOf(':') >= 0 || first == "localhost";
            return isHost && first != "index.docker.io" ? first : "docker.io";
        }
    }
}
