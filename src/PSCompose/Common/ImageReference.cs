namespace PSCompose.Common
{
    /// <summary>
    /// An image reference split the way the docker CLI does: repository, tag or digest (latest when neither is
    /// given), and the registry host credentials are looked up by; plus the familiar form the engine lists in RepoTags.
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

        /// <summary>The tag given, or latest when neither tag nor digest is; null for a digest without a tag.</summary>
        public string Tag { get; }

        public string Digest { get; }

        /// <summary>"docker.io" or the host[:port] named by the first path component.</summary>
        public string Registry { get; }

        /// <summary>The tag or the digest: what the API's tag parameter carries.</summary>
        public string TagOrDigest => Digest ?? Tag;

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

        /// <summary>
        /// The familiar form the engine lists in RepoTags: "nginx" → "nginx:latest",
        /// "docker.io/library/redis" → "redis:latest". A digest reference gets no default tag.
        /// </summary>
        public static string Familiar(string reference)
        {
            if (string.IsNullOrEmpty(reference)) return reference;
            ImageReference r = Parse(reference);
            string name = FamiliarName(r.Repository);
            return r.Digest == null ? name + ":" + r.Tag : name + (r.Tag == null ? "" : ":" + r.Tag) + "@" + r.Digest;
        }

        /// <summary>
        /// The full form distribution's ParseDockerRef gives: "nginx" → "docker.io/library/nginx:latest"; a digest
        /// reference keeps its tag if it has one and gets none otherwise.
        /// </summary>
        public string Normalized
        {
            get
            {
                string name = Repository;
                if (Registry == "docker.io")
                {
                    if (name.StartsWith("index.docker.io/")) name = name.Substring("index.docker.io/".Length);
                    else if (name.StartsWith("docker.io/")) name = name.Substring("docker.io/".Length);
                    name = "docker.io/" + (name.IndexOf('/') < 0 ? "library/" + name : name);
                }
                return name + (Tag == null ? "" : ":" + Tag) + (Digest == null ? "" : "@" + Digest);
            }
        }

        /// <summary>The repository without docker.io/ and library/, as the CLI shows it: docker.io/library/redis → redis.</summary>
        public static string FamiliarName(string repository)
        {
            string name = repository;
            if (name.StartsWith("docker.io/")) name = name.Substring("docker.io/".Length);
            else if (name.StartsWith("index.docker.io/")) name = name.Substring("index.docker.io/".Length);
            if (name.StartsWith("library/") && name.IndexOf('/', "library/".Length) < 0) name = name.Substring("library/".Length);
            return name;
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
