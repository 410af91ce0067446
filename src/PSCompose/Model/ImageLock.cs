using System.Collections.Generic;
using System.Linq;

namespace PSCompose.Model
{
    /// <summary>
    /// `config --resolve-image-digests` and `--lock-image-digests` on a compose document (the canonical tree or the
    /// raw model): which images to resolve, writing the pinned references back into the document being printed, and
    /// the override document that keeps only each service's image (and its `type: image` volumes).
    /// </summary>
    internal static class ImageLock
    {
        /// <summary>Service name → image, for every service that names one, sorted by service.</summary>
        public static List<KeyValuePair<string, string>> Images(YMap document)
        {
            YMap services = Services(document);
            return services.Keys.OrderBy(k => k, System.StringComparer.Ordinal)
                .Select(k => new KeyValuePair<string, string>(k, (services[k] as YMap)?.String("image")))
                .Where(kv => !string.IsNullOrEmpty(kv.Value))
                .ToList();
        }

        public static void Pin(YMap document, IReadOnlyDictionary<string, string> pinned)
        {
            YMap services = Services(document);
            foreach (var kv in pinned)
                if (services[kv.Key] is YMap service) service["image"] = kv.Value;
        }

        /// <summary>{services: {name: {image, volumes of type image}}}: nothing else of the project.</summary>
        public static YMap Document(YMap document)
        {
            var locked = new YMap();
            foreach (var entry in Services(document))
            {
                var service = entry.Value as YMap ?? new YMap();
                var kept = new YMap();
                if (service.ContainsKey("image")) kept["image"] = service["image"];
                List<object> imageVolumes = (service.List("volumes") ?? new List<object>())
                    .Where(v => v is YMap m && m.String("type") == "image").ToList();
                if (imageVolumes.Count > 0) kept["volumes"] = imageVolumes;
                locked[entry.Key] = kept;
            }
            return new YMap { ["services"] = locked };
        }

        private static YMap Services(YMap document) => document?.Map("services") ?? new YMap();
    }
}
