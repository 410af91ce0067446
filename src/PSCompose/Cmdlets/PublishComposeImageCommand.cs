using System.Collections.Generic;
using System.Management.Automation;
using PSCompose.Model;
using PSCompose.Model.Typed;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Pushes the images of services that are built here (a build section and an image name), with their build
    /// tags, like docker compose push. Alias: Push-ComposeImage.
    /// </summary>
    /// <example>
    /// <code>New-ComposeImage; Publish-ComposeImage</code>
    /// <para>Builds and pushes the project's images to their registries.</para>
    /// </example>
    [Cmdlet(VerbsData.Publish, "ComposeImage", SupportsShouldProcess = true)]
    [Alias("Push-ComposeImage")]
    [OutputType(typeof(ComposeImage))]
    public sealed class PublishComposeImageCommand : ComposeImageCmdlet
    {
        /// <summary>Report push failures as warnings instead of errors.</summary>
        [Parameter]
        public SwitchParameter IgnorePushFailures { get; set; }

        internal override void ActOnProject()
        {
            ProjectModel model = LoadProject(Name);
            foreach (string service in SelectedServices(model))
            {
                ServiceConfig config = model.Typed.Service(service);
                string image = config.Image;
                BuildConfig build = config.Build;
                if (build == null || image == null)
                {
                    WriteVerbose($"{service}: skipped, only services with both build and image are pushed.");
                    continue;
                }
                var tags = new List<string> { image };
                tags.AddRange(build.Tags);
                foreach (string tag in tags)
                {
                    if (!ShouldProcess(tag, $"Push image for service {service}")) continue;
                    try
                    {
                        WriteObject(Act(service, "Push", (engine, progress, ct) => engine.PushImageAsync(tag, progress, ct),
                            new ComposeImage { ProjectName = model.Name, Service = service, Image = tag, Action = "Pushed" }));
                    }
                    catch (Engine.EngineException e) when (IgnorePushFailures)
                    {
                        WriteWarning($"{service}: push of {tag} failed: {e.Message}");
                    }
                }
            }
        }
    }
}
