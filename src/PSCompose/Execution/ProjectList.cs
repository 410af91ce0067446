using System;
using System.Collections.Generic;
using System.Linq;
using PSCompose.Engine;
using PSCompose.Model;

namespace PSCompose.Execution
{
    /// <summary>Groups labelled containers into projects the way docker compose ls does.</summary>
    internal static class ProjectList
    {
        public static IEnumerable<ComposeProject> FromContainers(IEnumerable<EngineContainer> containers)
        {
            return containers
                .GroupBy(c => c.Label(ComposeLabels.Project), StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ComposeProject
                {
                    Name = g.Key,
                    Status = CombinedStatus(g.Select(c => c.State)),
                    ConfigFiles = g.SelectMany(c => (c.Label(ComposeLabels.ConfigFiles) ?? "").Split(','))
                                   .Where(f => f.Length > 0).Distinct().ToArray(),
                    WorkingDirectory = g.Select(c => c.Label(ComposeLabels.WorkingDir)).FirstOrDefault(d => !string.IsNullOrEmpty(d)),
                });
        }

        /// <summary>"running(2), exited(1)": each state with its count, states in ordinal order.</summary>
        public static string CombinedStatus(IEnumerable<string> states)
        {
            return string.Join(", ", states
                .GroupBy(s => s, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key}({g.Count()})"));
        }
    }
}
