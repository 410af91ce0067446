using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Plan;

namespace PSCompose.Execution.Commands
{
    internal sealed class DownRequest : ServicesRequest
    {
        /// <summary>-v: named volumes declared in the project, and the containers' anonymous volumes.</summary>
        public bool Volumes { get; set; }

        /// <summary>--rmi.</summary>
        public RemoveImages Images { get; set; }

        /// <summary>--remove-orphans (COMPOSE_REMOVE_ORPHANS in the project's environment also turns it on).</summary>
        public bool RemoveOrphans { get; set; }

        /// <summary>Null: each container's own stop timeout.</summary>
        public TimeSpan? Timeout { get; set; }

        /// <summary>Return the containers removed, as they were just before.</summary>
        public bool PassThru { get; set; }
    }

    /// <summary>
    /// docker compose down: stops and removes the project's containers and networks (DownPlanner), named volumes and
    /// images when asked. From labels alone a name that is no service passes, as in Compose.
    /// </summary>
    internal static class DownCommand
    {
        public static async Task RunAsync(IEngineClient engine, DownRequest request, ICommandSink<ComposeContainer> sink, CancellationToken ct)
        {
            ServiceTarget target = await ServiceTarget.ReadAsync(engine, request, sink, ct, unknownServicesAreErrors: !request.Project.FromLabels)
                .ConfigureAwait(false);
            if (target == null) return;
            LifecycleProject project = target.Project;
            var options = new DownOptions
            {
                Services = target.Services,
                Volumes = request.Volumes,
                RemoveOrphans = request.RemoveOrphans || EnvironmentFlag(request.Project, "COMPOSE_REMOVE_ORPHANS"),
                Images = request.Images,
                Timeout = request.Timeout,
            };
            if (options.Images != RemoveImages.None) await project.ReadImagesAsync(engine, ct).ConfigureAwait(false);

            ComposePlan plan = DownPlanner.Plan(project.Desired, project.Observed, options);
            foreach (string warning in plan.Warnings) sink.Warning(warning);
            if (plan.IsEmpty) return;
            if (!await sink.ShouldProcessAsync($"project {project.Name}", "Take down with the plan:" + Environment.NewLine + PlanTranscript.Format(plan), ct)
                .ConfigureAwait(false) || request.DryRun) return;

            List<ComposeContainer> removed = request.PassThru ? await RemovedContainersAsync(engine, project, plan, ct).ConfigureAwait(false) : null;
            string activity = $"Compose down {project.Name}";
            IReadOnlyList<OperationFailure> failures;
            try
            {
                var context = new ExecutionContext { Project = project.Model, Desired = project.Desired, Observed = project.Observed, Warn = sink.Warning };
                failures = await new PlanExecutor(engine, context, e => sink.PlanEvent(activity, e)).RunAsync(plan, ct).ConfigureAwait(false);
            }
            finally
            {
                sink.PlanDone(activity);
            }
            List<OperationFailure> reportable = OperationError.Reportable(failures, sink.Verbose, out EngineUnavailableException lost);
            foreach (OperationFailure failure in reportable)
            {
                if (failure.Operation.Kind == OperationKind.RemoveNetwork && IsInUse(failure.Error))
                    sink.Warning($"Network {failure.Operation.Name}: Resource is still in use");
                else
                    sink.Error(OperationError.From(failure), failure.Operation.Service ?? failure.Operation.Name);
            }
            if (lost != null) throw lost;
            foreach (ComposeContainer container in removed ?? new List<ComposeContainer>()) sink.Write(container);
        }

        /// <summary>A network with containers still attached (an orphan left running, say): Compose only warns.</summary>
        private static bool IsInUse(Exception e) =>
            e is EngineException ee && (ee.StatusCode == 403 || ee.IsConflict) && ee.Message.IndexOf("active endpoints", StringComparison.OrdinalIgnoreCase) >= 0;

        private static async Task<List<ComposeContainer>> RemovedContainersAsync(IEngineClient engine, LifecycleProject project, ComposePlan plan, CancellationToken ct)
        {
            var ids = new HashSet<string>(plan.Operations.Where(o => o.Kind == OperationKind.RemoveContainer).Select(o => o.Container.Id));
            return (await ProjectStatusReader.ContainersAsync(engine, project.Name, null, true, true, ct).ConfigureAwait(false))
                .Where(c => ids.Contains(c.Id)).ToList();
        }

        private static bool EnvironmentFlag(ResolvedProject project, string name) =>
            project.Environment.TryGetValue(name, out string value) && (value == "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase));
    }
}
