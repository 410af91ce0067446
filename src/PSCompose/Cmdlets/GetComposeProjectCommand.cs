using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.Engine;
using PSCompose.Execution;
using PSCompose.Model;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Gets the Compose projects found on the engine by their com.docker.compose labels, like docker compose ls,
    /// whichever tool created them.
    /// </summary>
    /// <example>
    /// <code>Get-ComposeProject</code>
    /// <para>Lists projects with running containers, with their status such as running(2), exited(1).</para>
    /// </example>
    /// <example>
    /// <code>Get-ComposeProject -All -Name 'shop-*'</code>
    /// <para>Lists every project whose name starts with shop-, including stopped ones.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "ComposeProject")]
    [OutputType(typeof(ComposeProject))]
    public sealed class GetComposeProjectCommand : ComposeCmdlet
    {
        /// <summary>Project names to list; wildcards allowed.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectName")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(Completion.ProjectNameCompleter))]
        public string[] Name { get; set; }

        /// <summary>Include projects whose containers are all stopped.</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        private readonly List<WildcardPattern> patterns = new List<WildcardPattern>();

        protected override void ProcessCompose()
        {
            foreach (string name in Name ?? new string[0])
                patterns.Add(new WildcardPattern(name, WildcardOptions.IgnoreCase));
        }

        protected override void EndCompose()
        {
            IReadOnlyList<EngineContainer> containers = AwaitEngine((engine, ct) => engine.ListContainersAsync(
                new[] { ComposeLabels.Project, ComposeLabels.ConfigHash }, All.IsPresent, ct));
            foreach (ComposeProject project in ProjectList.FromContainers(containers))
            {
                if (patterns.Count == 0 || patterns.Any(p => p.IsMatch(project.Name)))
                    WriteObject(project);
            }
        }
    }
}
