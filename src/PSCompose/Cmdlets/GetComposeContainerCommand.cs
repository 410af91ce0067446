using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.Execution;
using PSCompose.Model;
using PSCompose.Plan;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Gets the project's containers (docker compose ps). Running ones by default; -All adds
    /// stopped and one-off containers; -Status keeps the containers in the given states (and implies -All).
    /// </summary>
    /// <example>
    /// <code>Get-ComposeContainer</code>
    /// <para>Lists the running containers of the project in the current directory, like docker compose ps.</para>
    /// </example>
    /// <example>
    /// <code>Get-ComposeContainer -ProjectName shop -All | Where-Object ExitCode -ne 0</code>
    /// <para>Finds the containers of project shop that exited with an error.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "ComposeContainer")]
    [OutputType(typeof(ComposeContainer))]
    public sealed class GetComposeContainerCommand : ComposeLifecycleCmdlet
    {
        /// <summary>Services whose containers to get; wildcards allowed. Default all.</summary>
        [Parameter(Position = 0)]
        [Alias("Service", "ServiceName")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string[] Name { get; set; }

        /// <summary>Include stopped and one-off containers.</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        /// <summary>Only containers in these states, like --status.</summary>
        [Parameter]
        [ValidateSet(ContainerStates.Paused, ContainerStates.Restarting, ContainerStates.Removing, ContainerStates.Running,
            ContainerStates.Dead, ContainerStates.Created, ContainerStates.Exited, IgnoreCase = true)]
        public string[] Status { get; set; }

        protected override void ProcessCompose()
        {
            string[] names = PipedServices(Name);
            ProjectModel model = ResolveModel(ExactNames(names), out string project);
            // Everything is listed so that a service whose containers are all stopped is still known.
            IReadOnlyList<ComposeContainer> containers = AwaitEngine((engine, ct) =>
                ProjectStatusReader.ContainersAsync(engine, project, null, true, true, ct));
            IEnumerable<string> known = (model?.Typed.ServiceNames ?? Enumerable.Empty<string>()).Concat(containers.Select(c => c.Service));
            HashSet<string> selected = MatchServices(known, names, project, model == null);

            bool all = All || Status != null;
            var states = new HashSet<string>((Status ?? new string[0]).Select(s => s.ToLowerInvariant()));
            foreach (ComposeContainer container in containers)
            {
                if (!selected.Contains(container.Service)) continue;
                if (!all && (container.OneOff || !IsUp(container.State))) continue;
                if (states.Count > 0 && !states.Contains(container.State)) continue;
                WriteObject(container);
            }
        }

        /// <summary>What the engine lists without --all: running, paused and restarting containers.</summary>
        private static bool IsUp(string state) =>
            state == ContainerStates.Running || state == ContainerStates.Paused || state == ContainerStates.Restarting;
    }
}
