using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.Execution;
using PSCompose.Model;
using PSCompose.Model.Interpolation;
using PSCompose.Model.Loading;
using PSCompose.Model.Serialization;
using PSCompose.Model.Typed;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Gets the Compose project as loaded from its files, like docker compose config. Without a switch it returns a
    /// PSCompose.ComposeProject object; -Format returns the normalised JSON or YAML docker compose config prints;
    /// -Services, -Volumes, -Networks, -Profiles and -Images list names; -Hash returns each service's config hash;
    /// -Variables and -Environment show what interpolation uses; -ResolveImageDigests pins images to their registry
    /// digests and -LockImageDigests prints the override file that does so; -OutFile saves the text instead.
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
    /// <example>
    /// <code>Get-ComposeConfig -File compose.yaml, compose.prod.yaml -OutFile combined.yaml</code>
    /// <para>Combines two files into one (docker compose config -o combined.yaml).</para>
    /// </example>
    /// <example>
    /// <code>Get-ComposeConfig -LockImageDigests -OutFile compose.lock.yaml</code>
    /// <para>Writes an override file that pins every service's image to the digest its registry holds now.</para>
    /// </example>
    /// <example>
    /// <code>Get-ComposeConfig -Variables | Where-Object Required</code>
    /// <para>Lists the variables the files require.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "ComposeConfig", DefaultParameterSetName = ObjectSet, SupportsShouldProcess = true)]
    [OutputType(typeof(ComposeProject), ParameterSetName = new[] { ObjectSet })]
    [OutputType(typeof(string), ParameterSetName = new[] { FormatSet, ServicesSet, VolumesSet, NetworksSet, ProfilesSet, ImagesSet, LockSet })]
    [OutputType(typeof(ComposeServiceHash), ParameterSetName = new[] { HashSet })]
    [OutputType(typeof(ComposeVariable), typeof(string), ParameterSetName = new[] { VariablesSet })]
    [OutputType(typeof(ComposeEnvironmentVariable), typeof(string), ParameterSetName = new[] { EnvironmentSet })]
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
        private const string LockSet = "Lock";
        private const string VariablesSet = "Variables";
        private const string EnvironmentSet = "Environment";

        /// <summary>Services to select (like docker compose config SERVICE...): they and their dependencies.</summary>
        [Parameter(Position = 0)]
        [Alias("Service")]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string[] Name { get; set; }

        /// <summary>
        /// Return text as docker compose config --format prints it: the configuration as Json or Yaml; with
        /// -LockImageDigests the override file; with -Variables a Table, Json or Yaml; with -Environment the NAME=value lines.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = FormatSet)]
        [Parameter(ParameterSetName = LockSet)]
        [Parameter(ParameterSetName = VariablesSet)]
        [Parameter(ParameterSetName = EnvironmentSet)]
        public ConfigFormat Format { get; set; }

        /// <summary>Don't interpolate environment variables (--no-interpolate): print the files' ${…} as written.</summary>
        [Parameter]
        public SwitchParameter NoInterpolate { get; set; }

        /// <summary>Don't normalize the compose model (--no-normalize): no default network, no resource names filled in.</summary>
        [Parameter]
        public SwitchParameter NoNormalize { get; set; }

        /// <summary>Don't resolve file paths (--no-path-resolution): relative paths stay relative.</summary>
        [Parameter]
        public SwitchParameter NoPathResolution { get; set; }

        /// <summary>Don't check model consistency (--no-consistency); the output may not be a valid Compose project.</summary>
        [Parameter]
        public SwitchParameter NoConsistency { get; set; }

        /// <summary>Don't resolve service env files (--no-env-resolution). Compose 2.40.3 folds env_file into environment anyway.</summary>
        [Parameter]
        public SwitchParameter NoEnvResolution { get; set; }

        /// <summary>Pin every service's image to the digest its registry holds (--resolve-image-digests); asks the registry through the engine.</summary>
        [Parameter(ParameterSetName = ObjectSet)]
        [Parameter(ParameterSetName = FormatSet)]
        public SwitchParameter ResolveImageDigests { get; set; }

        /// <summary>Return the override file that pins each service's image to its digest (--lock-image-digests): YAML unless -Format Json.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LockSet)]
        public SwitchParameter LockImageDigests { get; set; }

        /// <summary>List the variables the files use, with their default and alternate values (--variables).</summary>
        [Parameter(Mandatory = true, ParameterSetName = VariablesSet)]
        public SwitchParameter Variables { get; set; }

        /// <summary>List the environment used for interpolation (--environment): the process environment, .env files and COMPOSE_PROJECT_NAME.</summary>
        [Parameter(Mandatory = true, ParameterSetName = EnvironmentSet)]
        public SwitchParameter Environment { get; set; }

        /// <summary>
        /// Save the configuration text to this file instead of returning it (--output): YAML unless -Format Json.
        /// Relative to the current location; written whole, so a failure leaves no partial file.
        /// </summary>
        [Parameter(ParameterSetName = ObjectSet)]
        [Parameter(ParameterSetName = FormatSet)]
        [Parameter(ParameterSetName = LockSet)]
        [Alias("Output")]
        public string OutFile { get; set; }

        /// <summary>Only validate the configuration, return nothing (--quiet).</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

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
            options.Interpolate = !NoInterpolate;
            options.Normalize = !NoNormalize;
            options.ResolvePaths = !NoPathResolution;
            options.CheckConsistency = !NoConsistency;
            // docker compose config --hash hashes the service before env_file is folded into environment.
            options.ResolveEnvironment = ParameterSetName != HashSet;
            switch (ParameterSetName)
            {
                case VariablesSet:
                    WriteVariables(options);
                    return;
                case EnvironmentSet:
                    WriteEnvironment(ProjectLoader.Load(options));
                    return;
                case ObjectSet:
                case FormatSet:
                case LockSet:
                    WriteConfigText(options);
                    return;
            }
            ProjectConfig project = ProjectLoader.Load(options).Typed;
            if (Quiet) return;
            switch (ParameterSetName)
            {
                case ServicesSet:
                    WriteObject(project.ServiceNames.ToArray(), true);
                    break;
                case VolumesSet:
                    WriteObject(project.Volumes.Keys.ToArray(), true);
                    break;
                case NetworksSet:
                    WriteObject(project.Networks.Keys.ToArray(), true);
                    break;
                case ProfilesSet:
                    WriteObject(project.AllProfiles.ToArray(), true);
                    break;
                case ImagesSet:
                    foreach (ServiceConfig s in project.Services.Values)
                        WriteObject(ComposeNames.Image(s.Image, project.Name, s.Name, project.Compatibility));
                    break;
                case HashSet:
                    foreach (ServiceConfig s in project.Services.Values)
                        WriteObject(new ComposeServiceHash { Service = s.Name, Hash = ConfigHash.Service(s) });
                    break;
            }
        }

        private bool FormatGiven => MyInvocation.BoundParameters.ContainsKey(nameof(Format));

        /// <summary>runConfig: the project (or, with -NoInterpolate, the raw model) as text, an object, or a file.</summary>
        private void WriteConfigText(LoadOptions options)
        {
            // Compose's config command turns normalisation off under --compatibility.
            if (options.Compatibility) options.Normalize = false;
            bool asObject = ParameterSetName == ObjectSet && OutFile == null;
            if (FormatGiven && Format == ConfigFormat.Table)
                throw new ComposeException(ErrorIds.ConfigFormatUnsupported, "unsupported format \"table\"", Format);
            bool json = FormatGiven && Format == ConfigFormat.Json;
            bool pin = ResolveImageDigests || LockImageDigests;
            string text;
            if (NoInterpolate && !asObject)
            {
                YMap raw = ProjectLoader.LoadModel(options);
                if (pin) ImageLock.Pin(raw, ResolveDigests(raw));
                if (LockImageDigests) raw = ImageLock.Document(raw);
                text = json ? ModelText.Json(raw) : ModelText.Yaml(raw);
            }
            else
            {
                ProjectModel model = ProjectLoader.Load(options);
                IReadOnlyDictionary<string, string> pinned = pin ? ResolveDigests(model.Root) : null;
                if (!NoConsistency) Consistency.CheckContainerNamesUnique(model.Typed);
                if (asObject)
                {
                    if (!Quiet) WriteObject(ServiceConfigView.Project(pinned == null ? model.Typed : Pinned(model.Typed, pinned)));
                    return;
                }
                if (pinned != null) ImageLock.Pin(model.Root, pinned);
                if (LockImageDigests) model = new ProjectModel { Name = "", Root = ImageLock.Document(model.Root) };
                text = json ? ConfigJson.Write(model) : ConfigYaml.Write(model);
            }
            if (Quiet) return;
            if (OutFile == null) WriteObject(text);
            else if (text.Length > 0) ConfigOutFile.Write(this, ResolvePath(OutFile), text);
        }

        /// <summary>Service → its image pinned to the registry's digest, for each service of the document that names an image.</summary>
        private IReadOnlyDictionary<string, string> ResolveDigests(YMap document)
        {
            var images = ImageLock.Images(document);
            if (images.Count == 0) return new Dictionary<string, string>();
            return AwaitEngine((engine, ct) => ImageDigestResolver.ResolveAsync(engine, images, ct));
        }

        /// <summary>The typed project with the pinned images (typed copies; the tree is not written).</summary>
        private static ProjectConfig Pinned(ProjectConfig project, IReadOnlyDictionary<string, string> pinned)
        {
            foreach (var kv in pinned)
                if (project.Service(kv.Key) is ServiceConfig service) project = project.WithService(service.WithImage(kv.Value));
            return project;
        }

        /// <summary>runVariables: read from the model loaded without interpolation.</summary>
        private void WriteVariables(LoadOptions options)
        {
            options.Interpolate = false;
            options.ResolveEnvironment = false;
            List<TemplateVariable> variables = TemplateVariables.Extract(ProjectLoader.LoadModel(options)).Values.ToList();
            if (Quiet) return;
            if (!FormatGiven)
            {
                foreach (TemplateVariable v in variables)
                    WriteObject(new ComposeVariable { Name = v.Name, Required = v.Required, DefaultValue = v.DefaultValue, AlternateValue = v.PresenceValue });
                return;
            }
            switch (Format)
            {
                case ConfigFormat.Json: WriteObject(VariablesText.Json(variables)); break;
                case ConfigFormat.Yaml: WriteObject(VariablesText.Yaml(variables)); break;
                default: WriteObject(VariablesText.Table(variables)); break;
            }
        }

        /// <summary>runEnvironment: "NAME=value" sorted as Compose sorts them (as whole strings); -Format gives that text.</summary>
        private void WriteEnvironment(ProjectModel model)
        {
            List<KeyValuePair<string, string>> entries = model.Environment
                .OrderBy(kv => kv.Key + "=" + kv.Value, StringComparer.Ordinal).ToList();
            if (Quiet) return;
            if (FormatGiven)
            {
                WriteObject(string.Concat(entries.Select(kv => kv.Key + "=" + kv.Value + "\n")));
                return;
            }
            foreach (var kv in entries) WriteObject(new ComposeEnvironmentVariable { Name = kv.Key, Value = kv.Value });
        }
    }

    public enum ConfigFormat
    {
        Json,
        Yaml,

        /// <summary>-Variables only: the docker CLI's table.</summary>
        Table,
    }
}
