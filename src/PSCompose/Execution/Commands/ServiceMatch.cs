using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace PSCompose.Execution.Commands
{
    /// <summary>Which of the project's services the names on a command line select, and the error for a name that is none.</summary>
    internal static class ServiceMatch
    {
        /// <summary>"no such service", with how to find the right name; from labels, the project has no container of it.</summary>
        public static ComposeException NotFound(string project, string service, bool fromLabels) =>
            new ComposeException(ErrorIds.ServiceNotFound,
                fromLabels ? $"no such service: {service} (no container of project \"{project}\" belongs to it)" : $"no such service: {service}",
                service)
            {
                RecommendedAction = fromLabels
                    ? "Check the name with Get-ComposeService -ProjectName " + project + "."
                    : "Check the name with Get-ComposeService, or enable the service's profile with -Profile.",
            };

        /// <summary>The names without wildcard characters (they must match a service).</summary>
        public static List<string> Exact(IEnumerable<string> names) =>
            (names ?? Enumerable.Empty<string>()).Where(n => !WildcardPattern.ContainsWildcardCharacters(n)).ToList();

        /// <summary>
        /// <see cref="Select"/> among the services the compose file declares (none from labels) and those the engine has
        /// containers of: a service whose containers are all gone is still known by the file, one only on the engine too.
        /// </summary>
        public static HashSet<string> SelectKnown(ResolvedProject project, IEnumerable<string> engineServices, IReadOnlyCollection<string> names,
            Action<Exception, object> error) =>
            Select((project.Model?.Typed.ServiceNames ?? Enumerable.Empty<string>()).Concat(engineServices), names, project, error);

        /// <summary>
        /// The services that match the names (wildcards allowed, case-insensitive), all when none are given; a
        /// ServiceNotFound error for each name without wildcards that matches nothing.
        /// </summary>
        public static HashSet<string> Select(IEnumerable<string> available, IReadOnlyCollection<string> names, ResolvedProject project,
            Action<Exception, object> error)
        {
            List<string> services = available.Where(s => !string.IsNullOrEmpty(s)).Distinct().ToList();
            if (names == null || names.Count == 0) return new HashSet<string>(services);
            var matched = new HashSet<string>();
            foreach (string name in names)
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                List<string> hits = services.Where(pattern.IsMatch).ToList();
                if (hits.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name)) error(NotFound(project.Name, name, project.FromLabels), name);
                matched.UnionWith(hits);
            }
            return matched;
        }
    }
}
