using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Execution;
using PSCompose.Model;
using PSCompose.Model.Loading;
using PSCompose.Plan;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Base of the cmdlets that work on an existing project (down, ps, start, stop, …). They find it the way
    /// Compose does (§2.5): the compose file is loaded when -File or -Path is given or -ProjectName is not;
    /// with -ProjectName alone the project is rebuilt from the engine's labels and any file here is ignored.
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

        /// <summary>True when the compose file is read; false for labels alone.</summary>
        internal bool LoadsComposeFile => File != null || Path != null || ProjectName == null;

        /// <summary>
        /// The model (null when working from labels) and the project name. Named services disabled by profiles are
        /// enabled, as Compose's WithServicesEnabled does. If the file cannot be loaded but COMPOSE_PROJECT_NAME is
        /// set, that project is used from its labels, as Compose does.
        /// </summary>
        internal ProjectModel ResolveModel(IReadOnlyCollection<string> services, out string projectName)
        {
            if (!LoadsComposeFile)
            {
                projectName = ProjectName.ToLowerInvariant();
                return null;
            }
            try
            {
                ProjectModel model = LoadProject();
                List<string> profiles = (services ?? new string[0])
                    .Where(s => !model.Services.ContainsKey(s) && model.DisabledServices.ContainsKey(s))
                    .SelectMany(s => ServiceSelection.Profiles(model.DisabledServices.Map(s)))
                    .Distinct().ToList();
                if (profiles.Count > 0) model = LoadWithProfiles(profiles);
                projectName = model.Name;
                return model;
            }
            catch (ComposeFileException e) when (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("COMPOSE_PROJECT_NAME")))
            {
                projectName = Environment.GetEnvironmentVariable("COMPOSE_PROJECT_NAME");
                WriteVerbose($"The compose file could not be loaded ({e.Message}); using project {projectName} from COMPOSE_PROJECT_NAME.");
                return null;
            }
        }

        private ProjectModel LoadWithProfiles(IEnumerable<string> extra)
        {
            string[] saved = Profile;
            Profile = (Profile ?? new string[0]).Concat(extra).Distinct().ToArray();
            try { return LoadProject(); }
            finally { Profile = saved; }
        }

        /// <summary>The project with what the engine holds for it.</summary>
        internal LifecycleProject ResolveProject(IReadOnlyCollection<string> services)
        {
            ProjectModel model = ResolveModel(services, out string name);
            bool compatibility = BuildLoadOptions().Compatibility;
            return AwaitEngine((engine, ct) => LifecycleProject.ReadAsync(engine, name, model, compatibility, ct));
        }

        /// <summary>The named services the project has; a ServiceNotFound error for each other name.</summary>
        internal List<string> KnownServices(LifecycleProject project, IEnumerable<string> names)
        {
            var known = new List<string>();
            foreach (string name in names)
            {
                if (project.HasService(name)) known.Add(name);
                else WriteServiceNotFound(project.Name, name, project.FromLabels);
            }
            return known;
        }

        internal void WriteServiceNotFound(string project, string service, bool fromLabels)
        {
            string message = fromLabels
                ? $"no such service: {service} (no container of project \"{project}\" belongs to it)"
                : $"no such service: {service}";
            var record = new ErrorRecord(new ComposeException(ErrorIds.ServiceNotFound, message, service),
                ErrorIds.ServiceNotFound, ErrorCatalogue.CategoryOf(ErrorIds.ServiceNotFound), service);
            record.ErrorDetails = new ErrorDetails(message)
            {
                RecommendedAction = fromLabels
                    ? "Check the name with Get-ComposeService -ProjectName " + project + "."
                    : "Check the name with Get-ComposeService, or enable the service's profile with -Profile.",
            };
            WriteError(record);
        }

        /// <summary>The names without wildcard characters (they must match a service).</summary>
        internal static List<string> ExactNames(IEnumerable<string> names) =>
            (names ?? new string[0]).Where(n => !WildcardPattern.ContainsWildcardCharacters(n)).ToList();

        /// <summary>
        /// The services that match the names (wildcards allowed, case-insensitive), all when none are given; a
        /// ServiceNotFound error for each name without wildcards that matches nothing.
        /// </summary>
        internal HashSet<string> MatchServices(IEnumerable<string> available, string[] names, string project, bool fromLabels)
        {
            List<string> services = available.Where(s => !string.IsNullOrEmpty(s)).Distinct().ToList();
            if (names == null) return new HashSet<string>(services);
            var matched = new HashSet<string>();
            foreach (string name in names)
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                List<string> hits = services.Where(pattern.IsMatch).ToList();
                if (hits.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name)) WriteServiceNotFound(project, name, fromLabels);
                matched.UnionWith(hits);
            }
            return matched;
        }

        /// <summary>
        /// Runs a plan with the one executor: progress records and -Verbose lines per operation, warnings on the
        /// pipeline thread. Returns every failed operation (the caller decides which become errors).
        /// </summary>
        internal IReadOnlyList<OperationFailure> ExecutePlan(LifecycleProject project, ComposePlan plan, string activity,
            Action<ExecutionEvent> observe = null)
        {
            var reporter = new ExecutionReporter(this, activity);
            var context = new Execution.ExecutionContext
            {
                Project = project.Model,
                Desired = project.Desired,
                Observed = project.Observed,
            };
            IEngineClient client = Engine;
            IReadOnlyList<OperationFailure> failures = null;
            Stream(async (queue, ct) =>
            {
                context.Warn = message => queue.Post(() => WriteWarning(message));
                failures = await new PlanExecutor(client, context, e => queue.Post(() =>
                {
                    reporter.Report(e);
                    observe?.Invoke(e);
                })).RunAsync(plan, ct).ConfigureAwait(false);
            });
            reporter.Complete();
            return failures;
        }

        /// <summary>
        /// start/stop/kill/restart/pause/unpause/rm: plans the verb, writes the plan's warnings, asks ShouldProcess
        /// with the plan (what -WhatIf lists), runs it, and reports as Compose does: a service skipped because one
        /// it depends on failed is a warning, an optional dependency that failed is a warning, every other failure
        /// an error naming the service. Null when declined; otherwise the failures written as errors.
        /// </summary>
        internal IReadOnlyList<OperationFailure> RunLifecyclePlan(LifecycleProject project, LifecycleOptions options, string action,
            Func<ComposePlan, bool> confirm = null)
        {
            ComposePlan plan = LifecyclePlanner.Plan(project.Desired, project.Observed, options);
            foreach (string warning in plan.Warnings) WriteWarning(warning);
            string transcript = plan.IsEmpty ? "(nothing to do)" + Environment.NewLine : PlanTranscript.Format(plan);
            if (!ShouldProcess($"project {project.Name}", action + " with the plan:" + Environment.NewLine + transcript)) return null;
            if (plan.IsEmpty) return new OperationFailure[0];
            if (confirm != null && !confirm(plan)) return null;

            var skipped = new HashSet<string>();
            IReadOnlyList<OperationFailure> failures = ExecutePlan(project, plan, $"Compose {action.ToLowerInvariant()} {project.Name}", e =>
            {
                if (e.Status == OperationStatus.Skipped && e.Message == "a dependency failed"
                    && e.Operation.Kind != OperationKind.WaitCondition && skipped.Add(e.Operation.Service))
                    WriteWarning($"service \"{e.Operation.Service}\" was skipped: a service it depends on failed");
            });
            var errors = new List<OperationFailure>();
            List<OperationFailure> reportable = OperationError.Reportable(this, failures, out EngineUnavailableException lost);
            foreach (OperationFailure failure in reportable)
            {
                if (failure.Operation.BestEffort)
                {
                    WriteWarning($"optional dependency \"{failure.Operation.Service}\" failed: {failure.Error.Message}");
                    continue;
                }
                WriteComposeError(OperationError.From(failure), failure.Operation.Service);
                errors.Add(failure);
            }
            if (lost != null) throw lost;
            return errors;
        }

        /// <summary>The services as they are now (one-offs left out), in the project's order.</summary>
        internal void WriteServices(LifecycleProject project, ICollection<string> services)
        {
            IReadOnlyList<ComposeContainer> containers = AwaitEngine((engine, ct) =>
                ProjectStatusReader.ContainersAsync(engine, project.Name, null, true, false, ct));
            foreach (ComposeService service in ProjectStatusReader.Services(project.Name, containers, project.Model))
                if (services.Contains(service.Name)) WriteObject(service);
        }

        /// <summary>A stop or restart timeout from a bound -Timeout; null lets the engine use the container's own.</summary>
        internal TimeSpan? BoundTimeout(string parameter, int seconds) =>
            MyInvocation.BoundParameters.ContainsKey(parameter) ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
    }
}
