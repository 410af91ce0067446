using System;
using System.Linq;
using System.Management.Automation;
using PSCompose.Model;
using PSCompose.Model.Loading;
using PSCompose.Model.Serialization;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Gets the Compose project as loaded from its files, like docker compose config. Without a switch it returns a
    /// PSCompose.ComposeProject object; -Format returns the normalised JSON or YAML docker compose config prints;
    /// -Services, -Volumes, -Networks, -Profiles and -Images list names; -Hash returns each service's config hash.
    /// </summary>
    /// <example>
    /// <code>Get-ComposeConfig -Path ./shop | Select-Object -ExpandProperty Services</code>
    /// <para>Loads the project in ./shop and lists its services as objects.</para>
    /// </example>
    /// <example>
    /// <code>Get-ComposeConfig -File compose.yaml, compose.prod.yaml -Format Yaml</code>
    /// <para>Prints the merged, interpolated and normalised configuration of two files.</para>
    /// </example>
    /// <example>
    /// <code>Get-ComposeConfig -Hash</code>
    /// <para>Shows the config hash of every service: the value written in the com.docker.compose.config-hash label.</para>
    /// </example>
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
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string[] Name { get; set; }

        /// <summary>Return the configuration as Json or Yaml text, as docker compose config --format prints it.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FormatSet)]
        public ConfigFormat Format { get; set; }

        /// <summary>List the service names.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ServicesSet)]
        public SwitchParameter Services { get; set; }

        /// <summary>List the volume names.</summary>
        [Parameter(Mandatory = true, ParameterSetName = VolumesSet)]
        public SwitchParameter Volumes { get; set; }

        /// <summary>List the network names.</summary>
        [Parameter(Mandatory = true, ParameterSetName = NetworksSet)]
        public SwitchParameter Networks { get; set; }

        /// <summary>List every profile the project declares.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ProfilesSet)]
        public SwitchParameter Profiles { get; set; }

        /// <summary>List the image of every service (the image: value, or the name a build gets).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ImagesSet)]
        public SwitchParameter Images { get; set; }

        /// <summary>Return each service's config hash (docker compose config --hash '*').</summary>
        [Parameter(Mandatory = true, ParameterSetName = HashSet)]
        public SwitchParameter Hash { get; set; }

        /// <summary>A ComposeProject from Get-ComposeProject: loaded from the compose files and directory it was created from.</summary>
        [Parameter(ValueFromPipeline = true)]
        public ComposeProject InputObject { get; set; }

        protected override void ProcessCompose() => TakePipedProject(InputObject);

        protected override void EndCompose() => ForEachPipedProject(WriteConfig);

        private void WriteConfig()
        {
            LoadOptions options = BuildLoadOptions(Name);
            // docker compose config --hash hashes the service before env_file is folded into environment.
            options.ResolveEnvironment = ParameterSetName != HashSet;
            ProjectModel model = ProjectLoader.Load(options);
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
                        WriteObject(ComposeNames.Image(((YMap)s.Value).String("image"), model.Name, s.Key, model.Compatibility));
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
