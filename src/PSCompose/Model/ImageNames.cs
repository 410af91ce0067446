namespace PSCompose.Model
{
    /// <summary>Compose's naming of resources it creates.</summary>
    internal static class ImageNames
    {
        /// <summary>The image a service without image: gets when built: &lt;project&gt;-&lt;service&gt; (underscore in V1 compatibility).</summary>
        public static string Default(string project, string service, bool compatibility) =>
            project + (compatibility ? "_" : "-") + service;
    }
}
