using System.Collections.Generic;
using System.Management.Automation;
using PSCompose.Common;
using PSCompose.Engine;
using PSCompose.Model;
using PSCompose.Model.Typed;
using PSCompose.Plan;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Pulls the services' images, honouring each service's pull_policy, like docker compose pull.
    /// Alias: Pull-ComposeImage.
    /// </summary>
    /// <example>
    /// <code>Request-ComposeImage -Path ./shop; Invoke-ComposeUp -Path ./shop</code>
    /// <para>Pulls what the services' image tags point to now, then recreates the containers whose image changed.</para>
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
        /// <summary>Override pull_policy: Missing skips images present under a tag other than latest, Always pulls every image.</summary>
        [Parameter]
        [ValidateSet("Missing", "Always")]
        public string Policy { get; set; }

        /// <summary>Skip services that have a build section.</summary>
        [Parameter]
        public SwitchParameter IgnoreBuildable { get; set; }

        /// <summary>Report pull failures as warnings instead of errors.</summary>
        [Parameter]
        public SwitchParameter IgnorePullFailures { get; set; }

        internal override void ActOnProject()
        {
            ProjectModel model = LoadProject(Name);
            var pulledBy = new Dictionary<string, string>();
            foreach (string service in SelectedServices(model))
            {
                ServiceConfig config = model.Typed.Service(service);
                string image = config.Image;
                bool buildable = config.Build != null;
                var result = new ComposeImage { ProjectName = model.Name, Service = service, Image = image ?? "", Action = "Skipped" };
                // -Policy replaces pull_policy of every service with an image, as `docker compose pull --policy` does.
                string policy = image != null && Policy != null ? Policy.ToLowerInvariant() : config.PullPolicy;
                string skip = PullCommandRules.SkipReason(image, policy, buildable, IgnoreBuildable, () => LocalImageId(image) != null);
                if (skip == null && pulledBy.TryGetValue(ImageReference.Familiar(image), out string puller)) skip = "image already pulled by " + puller;
                if (skip != null)
                {
                    result.Reason = skip;
                    result.Id = image == null ? "" : LocalImageId(image) ?? "";
                    WriteObject(result);
                    continue;
                }
                if (!ShouldProcess(image, $"Pull image for service {service}")) continue;
                pulledBy[ImageReference.Familiar(image)] = service;
                try
                {
                    result.Action = "Pulled";
                    WriteObject(Act(service, "Pull", (engine, progress, ct) => engine.PullImageAsync(image, config.Platform, progress, ct), result));
                }
                catch (EngineException e) when (buildable || IgnorePullFailures)
                {
                    // A service that can be built is not failed by a pull error (Compose builds it instead).
                    WriteWarning($"{service}: pull of {image} failed: {e.Message}");
                }
            }
        }
    }
}
