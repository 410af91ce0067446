using System;
using System.Linq;
using System.Management.Automation;
using PSCompose.Model;
using PSCompose.Model.Serialization;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Get-ComposeConfig: the loaded project (docker compose config). Without a switch it returns a
    /// PSCompose.ComposeProject; -Format returns the text docker compose config prints; -Services, -Volumes,
    /// -Networks, -Profiles, -Images list names; -Hash returns each service's config hash.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ComposeConfig", DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(ComposeProject), ParameterSetName = new[] { ObjectSet })]
    [OutputType(typeof(string), ParameterSetName = new[] { FormatSet, ServicesSet, VolumesSet, NetworksSet, ProfilesSet, ImagesSet })]
    [OutputType(typeof(ComposeServiceHash), ParameterSetName = new[] { HashSet })]
    public sealed class GetComposeConfigCommand : ComposeProjectCmdlet
    {
        private const string ObjectSet = "Object";
        private const string FormatSet = "Format";
        private const string ServicesSet = "Services";
        private const string VolumesSet = "Volumes";
        private const string NetworksSet = "Networks";
        private const string ProfilesSet = "Profiles";
        private const string ImagesSet = "Images";
        private const string HashSet = "Hash";

        /// <summary>Services to select (like docker compose config SERVICE...): they and their dependencies.</summary>
        [Parameter(Position = 0)]
        [Alias("Service")]
        public string[] Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = FormatSet)]
        public ConfigFormat Format { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ServicesSet)]
        public SwitchParameter Services { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = VolumesSet)]
        public SwitchParameter Volumes { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = NetworksSet)]
        public SwitchParameter Networks { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ProfilesSet)]
        public SwitchParameter Profiles { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ImagesSet)]
        public SwitchParameter Images { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = HashSet)]
        public SwitchParameter Hash { get; set; }

        protected override void EndCompose()
        {
            ProjectModel model = LoadProject(Name);
            switch (ParameterSetName)
            {
                case FormatSet:
                    WriteObject(Format == ConfigFormat.Json ? ConfigJson.Write(model) : ConfigYaml.Write(model));
                    break;
                case ServicesSet:
                    WriteObject(model.ServiceNames.ToArray(), true);
                    break;
                case VolumesSet:
                    WriteObject(model.Volumes.Keys.ToArray(), true);
                    break;
                case NetworksSet:
                    WriteObject(model.Networks.Keys.ToArray(), true);
                    break;
                case ProfilesSet:
                    WriteObject(model.AllProfiles.ToArray(), true);
                    break;
                case ImagesSet:
                    foreach (var s in model.Services)
                        WriteObject(((YMap)s.Value).String("image") ?? ImageNames.Default(model.Name, s.Key, BuildLoadOptions().Compatibility));
                    break;
                case HashSet:
                    foreach (var s in model.Services)
                        WriteObject(new ComposeServiceHash { Service = s.Key, Hash = ConfigHash.Service((YMap)s.Value) });
                    break;
                default:
                    WriteObject(ServiceConfigView.Project(model));
                    break;
            }
        }
    }

    public enum ConfigFormat
    {
        Json,
        Yaml,
    }
}
