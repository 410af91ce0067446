using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.Execution;
using PSCompose.Model;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Gets one object per service with the state of its containers. With a compose file, every
    /// service it declares (running or not) plus any other service found on the engine; with -ProjectName alone,
    /// the services found by their labels.
    /// </summary>
    /// <example>
    /// <code>Get-ComposeService</code>
    /// <para>Lists the services with their desired and running replicas, state, health and ports.</para>
    /// </example>
    /// <example>
    /// <code>Get-ComposeService | Where-Object Health -eq unhealthy | Restart-ComposeService</code>
    /// <para>Restarts every unhealthy service.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "ComposeService")]
    [OutputType(typeof(ComposeService))]
    public sealed class GetComposeServiceCommand : ComposeLifecycleCmdlet
    {
        /// <summary>Services to get; wildcards allowed. Default all.</summary>
        [Parameter(Position = 0)]
        [Alias("Service", "ServiceName")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string[] Name { get; set; }

        protected override void ProcessCompose()
        {
            string[] names = PipedServices(Name);
            ProjectModel model = ResolveModel(ExactNames(names), out string project);
            IReadOnlyList<ComposeContainer> containers = AwaitEngine((engine, ct) =>
                ProjectStatusReader.ContainersAsync(engine, project, null, true, false, ct));
            List<ComposeService> services = ProjectStatusReader.Services(project, containers, model).ToList();
            HashSet<string> selected = MatchServices(services.Select(s => s.Name), names, project, model == null);
            foreach (ComposeService service in services)
                if (selected.Contains(service.Name)) WriteObject(service);
        }
    }
}
