using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PSCompose.Common;

namespace PSCompose.Plan
{
    /// <summary>
    /// Plans the pulls and builds that must happen before containers are planned (ensureImagesExists). Run it
    /// first, execute it, record the image IDs into DesiredService.ImageDigest, then run the Reconciler: the
    /// image check of a container needs the image as it is after pulling and building.
    /// </summary>
    internal static class ImagePlanner
    {
        public static ComposePlan Plan(DesiredProject project, ObservedState observed, DateTimeOffset now, IEnumerable<string> services = null)
        {
            var plan = new ComposePlan();
            var selected = services == null ? null : new HashSet<string>(services);
            var pulls = new Dictionary<string, PlanOperation>();
            var builds = new Dictionary<string, PlanOperation>();
            foreach (DesiredService service in project.Services.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                if (selected != null && !selected.Contains(service.Name))
                {
                    continue;
                }
                string pullReason = PullReason(service, observed, now);
                PlanOperation pull = null;
                if (pullReason != null)
                {
                    string reference = ImageReference.Familiar(service.Image);
                    if (!pulls.TryGetValue(reference, out pull))
                    {
                        pull = plan.Add(new PlanOperation
                        {
                            Kind = OperationKind.PullImage, Resource = "image:" + reference, Reason = pullReason,
                            Service = service.Name, Name = service.Image, BestEffort = service.HasBuild,
                        });
                        pulls[reference] = pull;
                    }
                }
                string buildReason = BuildReason(service, project, observed);
                if (buildReason == null)
                {
                    continue;
                }
                string image = ImageNameOrDefault(service, project);
                string key = ImageReference.Familiar(image);
                if (builds.ContainsKey(key))
                {
                    continue;
                }
                builds[key] = plan.Add(new PlanOperation
                {
                    Kind = OperationKind.BuildImage, Resource = "image:" + key, Reason = buildReason,
                    Service = service.Name, Name = image, OnlyIfImageMissing = pull != null && buildReason == "image not found",
                }, pull);
            }
            return plan;
        }

        /// <summary>Why the service image is pulled, or null (pull_policy, as pkg/compose/pull.go and build.go decide).</summary>
        public static string PullReason(DesiredService service, ObservedState observed, DateTimeOffset now)
        {
            if (string.IsNullOrEmpty(service.Image))
            {
                return null;
            }
            string policy = string.IsNullOrEmpty(service.PullPolicy) ? "missing" : service.PullPolicy;
            ObservedImage local = Find(observed, service.Image);
            switch (policy)
            {
                case "always":
                    return "pull_policy always";
                case "never":
                case "build":
                    return null;
                case "missing":
                case "if_not_present":
                    return local == null ? "image not found" : null;
            }
            TimeSpan? period = RefreshPeriod(policy);
            if (period == null)
            {
                return local == null ? "image not found" : null;
            }
            if (local == null)
            {
                return "image not found";
            }
            return local.LastTagTime == null || local.LastTagTime.Value + period.Value < now ? "pull_policy " + policy : null;
        }

        /// <summary>Why the service image is built, or null: a build section and pull_policy build, or no local image.</summary>
        public static string BuildReason(DesiredService service, DesiredProject project, ObservedState observed)
        {
            if (!service.HasBuild)
            {
                return null;
            }
            if (service.PullPolicy == "build")
            {
                return "pull_policy build";
            }
            return Find(observed, ImageNameOrDefault(service, project)) == null ? "image not found" : null;
        }

        private static string ImageNameOrDefault(DesiredService service, DesiredProject project) =>
            ContainerNaming.ImageName(service, project.Name, project.Compatibility);

        private static ObservedImage Find(ObservedState observed, string reference)
        {
            string familiar = ImageReference.Familiar(reference);
            return (observed?.Images ?? new List<ObservedImage>())
                .FirstOrDefault(i => i.RepoTags.Any(t => ImageReference.Familiar(t) == familiar) || i.Id == reference);
        }

        /// <summary>daily = 24h, weekly = 7 days, every_&lt;duration&gt; (Go duration units: 12h, 30m, 1h30m, also d and w).</summary>
        public static TimeSpan? RefreshPeriod(string policy)
        {
            switch (policy)
            {
                case "daily":
                    return TimeSpan.FromDays(1);
                case "weekly":
                    return TimeSpan.FromDays(7);
            }
            if (policy == null || !policy.StartsWith("every_"))
            {
                return null;
            }
            return ParseDuration(policy.Substring("every_".Length));
        }

        private static TimeSpan? ParseDuration(string text)
        {
            TimeSpan total = TimeSpan.Zero;
            int i = 0;
            if (text.Length == 0)
            {
                return null;
            }
            while (i < text.Length)
            {
                int start = i;
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }
                if (start == i || !double.TryParse(text.Substring(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                {
                    return null;
                }
                int unitStart = i;
                while (i < text.Length && char.IsLetter(text[i]))
                {
                    i++;
                }
                switch (text.Substring(unitStart, i - unitStart))
                {
                    case "w": total += TimeSpan.FromDays(7 * value); break;
                    case "d": total += TimeSpan.FromDays(value); break;
                    case "h": total += TimeSpan.FromHours(value); break;
                    case "m": total += TimeSpan.FromMinutes(value); break;
                    case "s": total += TimeSpan.FromSeconds(value); break;
                    case "ms": total += TimeSpan.FromMilliseconds(value); break;
                    default: return null;
                }
            }
            return total;
        }
    }
}
