using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Common;
using PSCompose.Engine;
using PSCompose.Model;

namespace PSCompose.Execution
{
    /// <summary>docker compose images: the image of every project container, stopped ones and one-offs included.</summary>
    internal static class ContainerImages
    {
        private static readonly Regex ImageId = new Regex("^(sha256:)?[0-9a-f]{64}$");

        /// <summary>Compose lists by the project label alone (no config-hash requirement), stopped containers included.</summary>
        public static Task<IReadOnlyList<EngineContainer>> ListAsync(IEngineClient engine, string project, CancellationToken ct) =>
            engine.ListContainersAsync(new[] { ComposeLabels.Project + "=" + project }, true, ct);

        /// <summary>Inspects each container's image reference (once per reference), as Compose does.</summary>
        public static async Task<IReadOnlyList<ComposeContainerImage>> ReadAsync(IEngineClient engine, string project,
            IReadOnlyCollection<EngineContainer> chosen, CancellationToken ct)
        {
            List<string> references = chosen.Select(c => c.Image).Distinct().ToList();
            EngineImage[] images = await Task.WhenAll(references.Select(r => engine.InspectImageAsync(r, ct))).ConfigureAwait(false);
            Dictionary<string, EngineImage> byReference = references.Zip(images, (r, i) => (r, i)).ToDictionary(p => p.r, p => p.i);
            return chosen.Select(c => From(project, c, byReference[c.Image]))
                .OrderBy(i => i.Container, StringComparer.Ordinal).ToList();
        }

        public static ComposeContainerImage From(string project, EngineContainer c, EngineImage image)
        {
            string repository = "", tag = "";
            if (!string.IsNullOrEmpty(c.Image) && !ImageId.IsMatch(c.Image))
            {
                ImageReference reference = ImageReference.Parse(c.Image);
                repository = ImageReference.FamiliarName(reference.Repository);
                tag = reference.Tag ?? "";
            }
            return new ComposeContainerImage
            {
                ProjectName = project,
                Container = c.Name,
                Service = RuntimeContainers.Service(c),
                Repository = repository,
                Tag = tag,
                Platform = string.Join("/", new[] { image.Os, image.Architecture, image.Variant }.Where(p => !string.IsNullOrEmpty(p))),
                Id = image.Id,
                Size = image.Size,
                Created = image.Created,
                LastTagTime = image.LastTagTime,
            };
        }
    }
}
