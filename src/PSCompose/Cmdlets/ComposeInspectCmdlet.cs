using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.Engine;
using PSCompose.Execution;
using PSCompose.Model;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Base of the read-only runtime cmdlets (top, images, stats): -Name selects services (wildcards allowed) and binds
    /// from the pipeline like the service cmdlets; with a compose file loaded, a name that is no service is an error.
    /// </summary>
    public abstract class ComposeInspectCmdlet : ComposeLifecycleCmdlet
    {
        /// <summary>Services to include; wildcards allowed. Default all. ComposeService and ComposeContainer objects piped in name services too.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Service", "ServiceName")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string[] Name { get; set; }

        /// <summary>
        /// The project of the current pipeline record and the services it selects among those the model declares
        /// and those <paramref name="list"/> finds on the engine; a ServiceNotFound error for each name matching none.
        /// </summary>
        internal HashSet<string> SelectServices(System.Func<string, IEnumerable<EngineContainer>> list, out string project,
            out IReadOnlyList<EngineContainer> containers)
        {
            string[] names = PipedServices(Name);
            ProjectModel model = ResolveModel(ExactNames(names), out project);
            containers = list(project).ToList();
            IEnumerable<string> known = (model?.ServiceNames ?? Enumerable.Empty<string>()).Concat(containers.Select(RuntimeContainers.Service));
            return MatchServices(known, names, project, model == null);
        }
    }
}
