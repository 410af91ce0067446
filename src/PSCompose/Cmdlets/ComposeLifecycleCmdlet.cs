using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.Engine;
using PSCompose.Execution;
using PSCompose.Execution.Commands;
using PSCompose.Model;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Base of the cmdlets on an existing project's services (down, ps, start, stop, logs, top, …): the pipeline record
    /// that names a project and services. How the project is found is <see cref="ProjectResolver"/>'s decision; what
    /// the command does is its entry point's (Execution/Commands).
    /// </summary>
    public abstract class ComposeLifecycleCmdlet : ComposeProjectCmdlet
    {
        /// <summary>
        /// From the pipeline: a service name, a ComposeService, a ComposeContainer (its service) or a ComposeProject
        /// (every service of that project, found by its labels).
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject InputObject { get; set; }

        private string commandLineProjectName;
        private bool namesFromCommandLine;
        private readonly List<ServiceBatch> batches = new List<ServiceBatch>();

        protected override void BeginCompose()
        {
            commandLineProjectName = ProjectName;
            namesFromCommandLine = MyInvocation.BoundParameters.ContainsKey("Name");
        }

        /// <summary>
        /// The services the current pipeline record names (null: every service), given what -Name holds now; sets
        /// ProjectName to the record's project, or back to the command line's when the record names none.
        /// </summary>
        internal string[] PipedServices(string[] name)
        {
            PipelineInput input = PipelineInput.From(InputObject, name, namesFromCommandLine);
            if (input.Project != null) ProjectName = input.Project;
            else if (InputObject != null && !input.BoundProjectName) ProjectName = commandLineProjectName;
            return input.Services;
        }

        /// <summary>
        /// Collects the current record's services under its project. The cmdlets that change services act once per
        /// project at the end (<see cref="ForEachCollected"/>), so dependency order holds across everything piped in.
        /// </summary>
        internal void CollectServices(string[] name)
        {
            string[] names = PipedServices(name);
            ServiceBatch batch = batches.FirstOrDefault(b => b.ProjectName == ProjectName);
            if (batch == null) batches.Add(batch = new ServiceBatch { ProjectName = ProjectName });
            if (names == null) batch.All = true;
            else batch.Names.AddRange(names.Where(n => !batch.Names.Contains(n)));
        }

        /// <summary>
        /// Acts once per project collected, with a request for it: the project resolved, the services named (empty:
        /// every service) and DryRun; <paramref name="act"/> binds the rest and runs it.
        /// </summary>
        internal void ForEachCollected<T>(Action<T> act) where T : ServicesRequest, new()
        {
            foreach (ServiceBatch batch in batches)
            {
                ProjectName = batch.ProjectName;
                IReadOnlyList<string> named = batch.All ? new string[0] : (IReadOnlyList<string>)batch.Names;
                act(new T { Project = ResolveProject(named), Services = named, DryRun = DryRun });
            }
        }

        /// <summary>
        /// A request for the current pipeline record: its project resolved (names with wildcards enable no profile) and
        /// the services it names, for the query commands to match.
        /// </summary>
        internal T RecordRequest<T>(string[] name) where T : ServicesRequest, new()
        {
            string[] names = PipedServices(name);
            return new T { Project = ResolveProject(ServiceMatch.Exact(names)), Services = names ?? new string[0], DryRun = DryRun };
        }

        /// <summary>The model (null when working from labels) and the project name, for the cmdlets that read the model themselves.</summary>
        internal ProjectModel ResolveModel(IReadOnlyCollection<string> services, out string projectName)
        {
            ResolvedProject project = ResolveProject(services);
            projectName = project.Name;
            return project.Model;
        }

        internal void WriteServiceNotFound(string project, string service, bool fromLabels) =>
            WriteComposeError(ServiceMatch.NotFound(project, service, fromLabels), service);

        /// <summary>
        /// The project of the current pipeline record and the services it selects among those the model declares and
        /// those <paramref name="list"/> finds on the engine (wildcards allowed); a ServiceNotFound error for each name matching none.
        /// </summary>
        internal HashSet<string> SelectServices(string[] name, Func<string, IEnumerable<EngineContainer>> list, out string project,
            out IReadOnlyList<EngineContainer> containers)
        {
            string[] names = PipedServices(name);
            ResolvedProject resolved = ResolveProject(ServiceMatch.Exact(names));
            project = resolved.Name;
            containers = list(project).ToList();
            return ServiceMatch.SelectKnown(resolved, containers.Select(RuntimeContainers.Service), names, (e, target) => WriteComposeError(e, target));
        }

        /// <summary>A stop or restart timeout from a bound -Timeout; null lets the engine use the container's own.</summary>
        internal TimeSpan? BoundTimeout(string parameter, int seconds) =>
            MyInvocation.BoundParameters.ContainsKey(parameter) ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;

        private sealed class ServiceBatch
        {
            public string ProjectName { get; set; }

            public bool All { get; set; }

            public List<string> Names { get; } = new List<string>();
        }
    }
}
