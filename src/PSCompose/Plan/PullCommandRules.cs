using System;
using PSCompose.Common;

namespace PSCompose.Plan
{
    /// <summary>
    /// Which images `docker compose pull` pulls (pull.go). Unlike up, it pulls a present image again, skipping only for
    /// pull_policy never/build, or missing/if_not_present when a tag other than latest is present locally.
    /// </summary>
    internal static class PullCommandRules
    {
        /// <summary>Why the service's image is not pulled, or null to pull it. isPresent is asked only when it matters.</summary>
        public static string SkipReason(string image, string pullPolicy, bool buildable, bool ignoreBuildable, Func<bool> isPresent)
        {
            if (string.IsNullOrEmpty(image)) return "no image to be pulled";
            switch (pullPolicy)
            {
                case "never":
                case "build":
                    return "pull_policy " + pullPolicy;
                case "missing":
                case "if_not_present":
                    if (IsPinnedTag(image) && isPresent()) return "image already present";
                    break;
            }
            return buildable && ignoreBuildable ? "buildable service" : null;
        }

        /// <summary>A local copy stands for the remote one only under a tag other than latest (imageAlreadyPresent).</summary>
        private static bool IsPinnedTag(string image)
        {
            ImageReference reference = ImageReference.Parse(image);
            return reference.Digest == null && reference.Tag != "latest";
        }
    }
}
