using System.Globalization;

namespace PSCompose.Plan
{
    internal static class ContainerNaming
    {
        /// <summary>&lt;project&gt;-&lt;service&gt;-&lt;n&gt; ('_' in compatibility mode), or container_name.</summary>
        public static string ContainerName(string project, DesiredService service, int number, bool compatibility)
        {
            if (!string.IsNullOrEmpty(service.ContainerName))
            {
                return service.ContainerName;
            }
            string separator = compatibility ? "_" : "-";
            return project + separator + service.Name + separator + number.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>The temporary name of a replacement container: &lt;old ID[:12]&gt;_&lt;final name&gt;.</summary>
        public static string RecreateTempName(string oldId, string finalName) =>
            (oldId.Length > 12 ? oldId.Substring(0, 12) : oldId) + "_" + finalName;

        /// <summary>Value of the com.docker.compose.replace label: &lt;service&gt;-&lt;n&gt;, or the container_name.</summary>
        public static string ReplaceLabel(DesiredService service, int number) =>
            !string.IsNullOrEmpty(service.ContainerName)
                ? service.ContainerName
                : service.Name + "-" + number.ToString(CultureInfo.InvariantCulture);

        public static string ReplicaResource(string service, int number) =>
            "service:" + service + ":" + number.ToString(CultureInfo.InvariantCulture);
    }
}
