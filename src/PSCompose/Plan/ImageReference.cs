namespace PSCompose.Plan
{
    internal static class ImageReference
    {
        /// <summary>
        /// The familiar form the engine lists in RepoTags: "nginx" → "nginx:latest",
        /// "docker.io/library/redis" → "redis:latest". A digest reference is kept as is (without a default tag).
        /// </summary>
        public static string Familiar(string reference)
        {
            if (string.IsNullOrEmpty(reference))
            {
                return reference;
            }
            string name = reference;
            if (name.StartsWith("docker.io/"))
            {
                name = name.Substring("docker.io/".Length);
            }
            else if (name.StartsWith("index.docker.io/"))
            {
                name = name.Substring("index.docker.io/".Length);
            }
            if (name.StartsWith("library/") && name.IndexOf('/', "library/".Length) < 0)
            {
                name = name.Substring("library/".Length);
            }
            if (name.Contains("@"))
            {
                return name;
            }
            int lastSlash = name.LastIndexOf('/');
            bool hasTag = name.IndexOf(':', lastSlash + 1) >= 0;
            return hasTag ? name : name + ":latest";
        }

        /// <summary>The image a service runs: image:, else &lt;project&gt;-&lt;service&gt; ('_' in compatibility mode).</summary>
        public static string ImageNameOrDefault(DesiredService service, string project, bool compatibility) =>
            !string.IsNullOrEmpty(service.Image) ? service.Image : project + (compatibility ? "_" : "-") + service.Name;
    }
}
