using System.Collections.Generic;
using System.Management.Automation;
using PSCompose.Execution.Commands;

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

        private readonly List<string> names = new List<string>();

        protected override void ProcessCompose() => names.AddRange(Name ?? new string[0]);

        protected override void EndCompose()
        {
            var request = new LsRequest { Names = names, All = All };
            Run<ComposeProject>((engine, sink, ct) => LsCommand.RunAsync(engine, request, sink, ct));
        }
    }
}
