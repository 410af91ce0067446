using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.Execution;
using PSCompose.Plan;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Base of the cmdlets that act on services (start, stop, restart, pause, unpause, rm, down). -Name and
    /// -ProjectName bind from the pipeline by property name, so ComposeService objects can be piped in. Names are
    /// collected per project while records arrive and acted on once per project at the end, so dependency order
    /// holds across everything piped in.
    /// </summary>
    public abstract class ComposeServiceCmdlet : ComposeLifecycleCmdlet
    {
        /// <summary>Services to act on; default all. Strings, ComposeService and ComposeContainer objects piped in name services too.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Service", "ServiceName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string[] Name { get; set; }

        private readonly List<ServiceRequest> requests = new List<ServiceRequest>();

        protected sealed override void ProcessCompose()
        {
            string[] names = PipedServices(Name);
            ServiceRequest request = requests.FirstOrDefault(r => r.ProjectName == ProjectName);
            if (request == null) requests.Add(request = new ServiceRequest { ProjectName = ProjectName });
            if (names == null) request.All = true;
            else request.Names.AddRange(names.Where(n => !request.Names.Contains(n)));
        }

        protected sealed override void EndCompose()
        {
            foreach (ServiceRequest request in requests)
            {
                ProjectName = request.ProjectName;
                IReadOnlyList<string> named = request.All ? new string[0] : (IReadOnlyList<string>)request.Names;
                LifecycleProject project = ResolveProject(named);
                if (MissingProjectIsError && project.FromLabels && project.Observed.Containers.Count == 0)
                {
                    // docker compose -p x start: "no container found for project", the only lifecycle verb that fails.
                    WriteComposeError(new ComposeException(ErrorIds.ProjectNotFound,
                        $"no container found for project \"{project.Name}\": not found", project.Name));
                    continue;
                }
                List<string> known = UnknownServicesAreErrors ? KnownServices(project, named) : named.Where(project.HasService).ToList();
                if (named.Count > 0 && known.Count == 0)
                {
                    if (!UnknownServicesAreErrors)
                        WriteWarning($"None of the services {string.Join(", ", named)} has a container in project \"{project.Name}\".");
                    continue;
                }
                Act(project, known);
            }
        }

        /// <summary>True when a project with no container at all is an error rather than nothing to do (start).</summary>
        internal virtual bool MissingProjectIsError => false;

        /// <summary>False for down from labels: a service already removed cannot be told from a typo, so Compose lets it pass.</summary>
        internal virtual bool UnknownServicesAreErrors => true;

        /// <summary>Acts on the named services of the project; an empty list means every service.</summary>
        internal abstract void Act(LifecycleProject project, IReadOnlyList<string> named);

        private sealed class ServiceRequest
        {
            public string ProjectName { get; set; }

            public bool All { get; set; }

            public List<string> Names { get; } = new List<string>();
        }
    }
}
