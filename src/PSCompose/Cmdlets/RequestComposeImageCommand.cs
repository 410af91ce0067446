using System.Management.Automation;
using PSCompose.Engine;
using PSCompose.Model;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Pulls the services' images, honouring each service's pull_policy, like docker compose pull.
    /// Alias: Pull-ComposeImage.
    /// </summary>
    /// <example>
    /// <code>Request-ComposeImage -Path ./shop</code>
    /// <para>Pulls the images that are missing locally.</para>
    /// </example>
    /// <example>
    /// <code>Request-ComposeImage -Policy Always -IgnoreBuildable</code>
    /// <para>Pulls every image again, except those of services that are built here.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Request, "ComposeImage", SupportsShouldProcess = true)]
    [Alias("Pull-ComposeImage")]
    [OutputType(typeof(ComposeImage))]
    public sealed class RequestComposeImageCommand : ComposeImageCmdlet
    {
        /// <summary>Override pull_policy: Missing pulls only absent images, Always pulls every image.</summary>
        [Parameter]
        [ValidateSet("Missing", "Always")]
        public string Policy { get; set; }

        /// <summary>Skip services that have a build section.</summary>
        [Parameter]
        public SwitchParameter IgnoreBuildable { get; set; }

        /// <summary>Report pull failures as warnings instead of errors.</summary>
        [Parameter]
        public SwitchParameter IgnorePullFailures { get; set; }

        protected override void EndCompose()
        {
            ProjectModel model = LoadProject(Name);
            foreach (string service in SelectedServices(model))
            {
                YMap config = model.Service(service);
                string image = config.String("image");
                bool buildable = config.Map("build") != null;
                var result = new ComposeImage { ProjectName = model.Name, Service = service, Image = image ?? "", Action = "Skipped" };
                string skip = SkipReason(image, buildable, Policy ?? config.String("pull_policy"));
                if (skip != null)
                {
                    result.Reason = skip;
                    result.Id = image == null ? "" : LocalImageId(image) ?? "";
                    WriteObject(result);
                    continue;
                }
                if (!ShouldProcess(image, $"Pull image for service {service}")) continue;
                try
                {
                    result.Action = "Pulled";
                    WriteObject(Act(service, "Pull", (engine, progress, ct) => engine.PullImageAsync(image, config.String("platform"), progress, ct), result));
                }
                catch (EngineException e) when (buildable || IgnorePullFailures)
                {
                    // A service that can be built is not failed by a pull error (Compose builds it instead).
                    WriteWarning($"{service}: pull of {image} failed: {e.Message}");
                }
            }
        }

        private string SkipReason(string image, bool buildable, string policy)
        {
            if (image == null) return "no image to be pulled";
            if (IgnoreBuildable && buildable) return "buildable service";
            switch (policy)
            {
                case "never":
                case "build":
                    return "pull_policy " + policy;
                case "always":
                    return null;
                default:
                    // missing / if_not_present / unset: pull only what is absent.
                    return LocalImageId(image) != null ? "image already present" : null;
            }
        }
    }
}
