using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Model;

namespace PSCompose.Execution.Commands
{
    internal sealed class LsRequest
    {
        /// <summary>Project names to list (wildcards allowed, case-insensitive); empty: every project.</summary>
        public IReadOnlyList<string> Names { get; set; } = new string[0];

        /// <summary>-a: projects whose containers are all stopped too.</summary>
        public bool All { get; set; }
    }

    /// <summary>docker compose ls: the projects found on the engine by their labels, whichever tool created them.</summary>
    internal static class LsCommand
    {
        public static async Task RunAsync(IEngineClient engine, LsRequest request, ICommandSink<ComposeProject> sink, CancellationToken ct)
        {
            List<WildcardPattern> patterns = request.Names.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            IReadOnlyList<EngineContainer> containers = await engine.ListContainersAsync(
                new[] { ComposeLabels.Project, ComposeLabels.ConfigHash }, request.All, ct).ConfigureAwait(false);
            foreach (ComposeProject project in ProjectList.FromContainers(containers))
                if (patterns.Count == 0 || patterns.Any(p => p.IsMatch(project.Name))) sink.Write(project);
        }
    }
}
