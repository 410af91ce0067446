using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Model;
using PSCompose.Plan;

namespace PSCompose.Execution
{
    /// <summary>
    /// The project's local images as the planners see them (up's pulls and builds, down --rmi). Every service image is
    /// inspected by its reference as written, as Compose does. The engine decides what the reference names: Podman
    /// answers for "name:tag" with an image tagged "localhost/name:tag" or "docker.io/library/name:tag", so the
    /// reference itself is recorded among the image's names and the planners find the image by it.
    /// </summary>
    internal sealed class ProjectImages
    {
        public List<ObservedImage> Images { get; } = new List<ObservedImage>();

        /// <summary>The local image id of each service whose image exists.</summary>
        public Dictionary<string, string> IdsByService { get; } = new Dictionary<string, string>();

        /// <summary>
        /// Reads the service images; with <paramref name="labelled"/> also the images labelled with the project (those
        /// down --rmi local removes, built for services that may be gone).
        /// </summary>
        public static async Task<ProjectImages> ReadAsync(IEngineClient engine, string project, DesiredProject desired, bool compatibility,
            bool labelled, CancellationToken ct)
        {
            var read = new ProjectImages();
            foreach (DesiredService service in desired.Services)
            {
                string reference = ContainerNaming.ImageName(service, project, compatibility);
                EngineImage image;
                try { image = await engine.InspectImageAsync(reference, ct).ConfigureAwait(false); }
                catch (EngineException e) when (e.IsNotFound) { continue; }
                read.IdsByService[service.Name] = image.Id;
                ObservedImage known = read.Add(image);
                if (!known.RepoTags.Contains(reference)) known.RepoTags.Add(reference);
            }
            if (labelled)
            {
                foreach (EngineImage image in await engine.ListImagesAsync(new[] { ComposeLabels.Project + "=" + project }, ct).ConfigureAwait(false))
                    read.Add(image);
            }
            return read;
        }

        /// <summary>The image as observed; an image already read (another service's, or by its label) is read once.</summary>
        private ObservedImage Add(EngineImage image)
        {
            ObservedImage known = Images.FirstOrDefault(i => i.Id == image.Id);
            if (known != null) return known;
            known = new ObservedImage
            {
                Id = image.Id,
                RepoTags = image.RepoTags.ToList(),
                ProjectLabel = Label(image, ComposeLabels.Project),
                ServiceLabel = Label(image, ComposeLabels.Service),
                LastTagTime = image.LastTagTime,
            };
            Images.Add(known);
            return known;
        }

        private static string Label(EngineImage image, string key) =>
            image.Labels != null && image.Labels.TryGetValue(key, out string value) ? value : null;
    }
}
