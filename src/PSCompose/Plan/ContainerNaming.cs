using System.Globalization;
using PSCompose.Model;

namespace PSCompose.Plan
{
    /// <summary>The planner's view of <see cref="ComposeNames"/>: names of a desired service's containers and images.</summary>
    internal static class ContainerNaming
    {
        public static string ContainerName(string project, DesiredService service, int number, bool compatibility) =>
            ComposeNames.Container(project, service.Name, service.ContainerName, number, compatibility);

        public static string RecreateTempName(string oldId, string finalName) => ComposeNames.RecreateTemp(oldId, finalName);

        public static bool IsRecreateTempName(string name, string finalName) => ComposeNames.IsRecreateTemp(name, finalName);

        public static string ReplaceLabel(DesiredService service, int number, bool compatibility) =>
            ComposeNames.ReplaceLabel(service.Name, service.ContainerName, number, compatibility);

        /// <summary>The image a service runs: image:, else the name it is built as.</summary>
        public static string ImageName(DesiredService service, string project, bool compatibility) =>
            ComposeNames.Image(service.Image, project, service.Name, compatibility);

        public static string ReplicaResource(string service, int number) =>
            "service:" + service + ":" + number.ToString(CultureInfo.InvariantCulture);
    }
}
