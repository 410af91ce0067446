using System;
using System.Linq;
using System.Globalization;

namespace PSCompose.Model
{
    /// <summary>
    /// Compose's names for what it creates. Containers and default image names join with '-', or with '_' under
    /// --compatibility (Compose V1's names); networks and volumes are always &lt;project&gt;_&lt;key&gt; (compose-go names them).
    /// </summary>
    internal static class ComposeNames
    {
        private static string Separator(bool compatibility) => compatibility ? "_" : "-";

        /// <summary>The image a service runs: image:, else the one it is built as, &lt;project&gt;-&lt;service&gt;.</summary>
        public static string Image(string image, string project, string service, bool compatibility) =>
            string.IsNullOrEmpty(image) ? project + Separator(compatibility) + service : image;

        /// <summary>&lt;project&gt;-&lt;service&gt;-&lt;n&gt;, or container_name when the service sets it.</summary>
        public static string Container(string project, string service, string containerName, int number, bool compatibility)
        {
            if (!string.IsNullOrEmpty(containerName)) return containerName;
            string separator = Separator(compatibility);
            return project + separator + service + separator + number.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// How Compose's log prefix names a container: the default name without "&lt;project&gt;-" (web-1), else the
        /// whole name (a container_name, a one-off).
        /// </summary>
        public static string LogName(string project, string service, int number, string container)
        {
            bool isDefault = container == Container(project, service, null, number, false) || container == Container(project, service, null, number, true);
            return isDefault ? container.Substring(project.Length + 1) : container;
        }

        /// <summary>Value of the com.docker.compose.replace label of a recreated container: &lt;service&gt;-&lt;n&gt;, or the container_name.</summary>
        public static string ReplaceLabel(string service, string containerName, int number, bool compatibility) =>
            !string.IsNullOrEmpty(containerName) ? containerName : service + Separator(compatibility) + number.ToString(CultureInfo.InvariantCulture);

        /// <summary>The temporary name of a replacement container: &lt;old ID[:12]&gt;_&lt;final name&gt;.</summary>
        public static string RecreateTemp(string oldId, string finalName) =>
            (oldId.Length > 12 ? oldId.Substring(0, 12) : oldId) + "_" + finalName;

        /// <summary>
        /// True for a replacement left under its temporary name (&lt;12 hex&gt;_&lt;final name&gt;) by a recreate that
        /// did not reach its rename: ours after a lost race, or docker compose's after a failure or Ctrl+C.
        /// </summary>
        public static bool IsRecreateTemp(string name, string finalName) =>
            name != null && name.Length == finalName.Length + 13 && name[12] == '_' && name.EndsWith(finalName, StringComparison.Ordinal)
            && name.Substring(0, 12).All(c => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));

        /// <summary>A network or volume without name: &lt;project&gt;_&lt;key&gt;.</summary>
        public static string ProjectResource(string project, string key) => project + "_" + key;
    }
}
