using System.Collections;
using System.Management.Automation;
using PSCompose.Engine;
using PSCompose.Execution;
using PSCompose.Model;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Builds the images of services that have a build section, like docker compose build, with the classic builder
    /// through the engine API (.dockerignore honoured). Alias: Build-ComposeImage.
    /// </summary>
    /// <example>
    /// <code>New-ComposeImage -Path ./shop</code>
    /// <para>Builds every buildable service of the project; build output goes to the information stream.</para>
    /// </example>
    /// <example>
    /// <code>Build-ComposeImage web -NoCache -Pull</code>
    /// <para>Rebuilds the web image from scratch with fresh base images.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "ComposeImage", SupportsShouldProcess = true)]
    [Alias("Build-ComposeImage")]
    [OutputType(typeof(ComposeImage))]
    public sealed class NewComposeImageCommand : ComposeImageCmdlet
    {
        /// <summary>Do not use the build cache.</summary>
        [Parameter]
        public SwitchParameter NoCache { get; set; }

        /// <summary>Always try to pull newer versions of base images.</summary>
        [Parameter]
        public SwitchParameter Pull { get; set; }

        /// <summary>
        /// Build arguments for every image built, overriding the file's build.args (docker compose build --build-arg).
        /// A $null value takes the variable from the project's environment (the shell and the .env file), as a bare
        /// --build-arg NAME does; when the environment has no such variable the file's value is dropped too.
        /// </summary>
        [Parameter]
        public Hashtable BuildArgument { get; set; }

        internal override void ActOnProject()
        {
            ProjectModel model = LoadProject(Name);
            foreach (string service in SelectedServices(model))
            {
                string image = ImageName(model, service);
                if (model.Typed.Service(service).Build == null)
                {
                    WriteVerbose($"{service}: no build section, nothing to build.");
                    continue;
                }
                if (!ShouldProcess(image, $"Build image for service {service}")) continue;
                var spec = ProjectResourceSpecs.Build(model, service, image, NoCache, Pull);
                OverrideArgs(spec, model);
                WriteObject(Act(service, "Build", (engine, progress, ct) => engine.BuildImageAsync(spec, progress, ct),
                    new ComposeImage { ProjectName = model.Name, Service = service, Image = image, Action = "Built" }));
            }
        }

        private void OverrideArgs(BuildSpec spec, ProjectModel model)
        {
            foreach (DictionaryEntry entry in BuildArgument ?? new Hashtable())
            {
                string name = entry.Key.ToString();
                string value = entry.Value == null ? (model.Environment.TryGetValue(name, out string found) ? found : null) : LanguagePrimitives.ConvertTo<string>(entry.Value);
                if (value == null) spec.Args.Remove(name);
                else spec.Args[name] = value;
            }
        }
    }
}
