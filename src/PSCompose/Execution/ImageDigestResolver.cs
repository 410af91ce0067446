using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Common;
using PSCompose.Engine;

namespace PSCompose.Execution
{
    /// <summary>
    /// compose-go WithImagesResolved with Compose's ImageDigestResolver: each image becomes its full reference
    /// pinned to the digest the registry holds (asked through the engine's distribution endpoint); an image that
    /// already carries a digest is only written in full. Each distinct image is asked once.
    /// </summary>
    internal static class ImageDigestResolver
    {
        /// <returns>Service name → pinned reference.</returns>
        public static async Task<IReadOnlyDictionary<string, string>> ResolveAsync(
            IEngineClient engine, IReadOnlyList<KeyValuePair<string, string>> serviceImages, CancellationToken ct)
        {
            var pinnedByImage = new Dictionary<string, Task<string>>();
            foreach (string image in serviceImages.Select(kv => kv.Value).Distinct())
                pinnedByImage[image] = PinAsync(engine, image, ct);
            var result = new Dictionary<string, string>();
            foreach (var kv in serviceImages)
            {
                try
                {
                    result[kv.Key] = await pinnedByImage[kv.Value].ConfigureAwait(false);
                }
                catch (DigestException e)
                {
                    throw new ComposeException(e.ErrorId, e.Message, target: kv.Key, inner: e.InnerException);
                }
            }
            return result;
        }

        private static async Task<string> PinAsync(IEngineClient engine, string image, CancellationToken ct)
        {
            ImageReference reference = ImageReference.Parse(image);
            string named = reference.Normalized;
            if (reference.Digest != null) return named;
            try
            {
                string digest = await engine.InspectDistributionDigestAsync(named, ct).ConfigureAwait(false);
                return named + "@" + digest;
            }
            catch (EngineException e)
            {
                string id = e.IsNotFound ? ErrorIds.ImageDigestNotFound : ErrorIds.ImageDigestUnresolved;
                throw new DigestException(id, $"failed to resolve digest for {named}: Error response from daemon: {e.Message}", e);
            }
        }

        // Carries the id from the shared per-image task to each service that uses the image.
        private sealed class DigestException : System.Exception
        {
            public DigestException(string errorId, string message, System.Exception inner) : base(message, inner) => ErrorId = errorId;

            public string ErrorId { get; }
        }
    }
}
