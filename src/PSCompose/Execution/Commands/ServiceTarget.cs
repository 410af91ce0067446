using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;

namespace PSCompose.Execution.Commands
{
    /// <summary>
    /// The first step of the commands that change an existing project's services (down, start, stop, rm, wait, …): what
    /// the engine holds for the project, and which of the named services it has.
    /// </summary>
    internal sealed class ServiceTarget
    {
        public LifecycleProject Project { get; private set; }

        /// <summary>The named services the project has; empty means every service.</summary>
        public List<string> Services { get; private set; }

        /// <summary>
        /// Null (after reporting why) when there is nothing to act on. <paramref name="missingProjectIsError"/>: a project
        /// found by labels without any container is an error (start). Unless <paramref name="unknownServicesAreErrors"/>,
        /// a name that is no service is let pass (down from labels: a service already removed cannot be told from a typo).
        /// </summary>
        public static async Task<ServiceTarget> ReadAsync(IEngineClient engine, ServicesRequest request, ICommandSink sink, CancellationToken ct,
            bool missingProjectIsError = false, bool unknownServicesAreErrors = true)
        {
            ResolvedProject resolved = request.Project;
            LifecycleProject project = await LifecycleProject.ReadAsync(engine, resolved.Name, resolved.Model, resolved.Compatibility, ct).ConfigureAwait(false);
            if (missingProjectIsError && project.FromLabels && project.Observed.Containers.Count == 0)
            {
                // docker compose -p x start: "no container found for project", the only lifecycle verb that fails.
                sink.Error(new ComposeException(ErrorIds.ProjectNotFound, $"no container found for project \"{project.Name}\": not found", project.Name));
                return null;
            }
            var known = new List<string>();
            foreach (string name in request.Services)
            {
                if (project.HasService(name)) known.Add(name);
                else if (unknownServicesAreErrors) sink.Error(ServiceMatch.NotFound(project.Name, name, project.FromLabels), name);
            }
            if (request.Services.Count > 0 && known.Count == 0)
            {
                if (!unknownServicesAreErrors)
                    sink.Warning($"None of the services {string.Join(", ", request.Services)} has a container in project \"{project.Name}\".");
                return null;
            }
            return new ServiceTarget { Project = project, Services = known };
        }
    }
}
