using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Plan;

namespace PSCompose.Execution.Commands
{
    internal sealed class StartRequest : ServicesRequest
    {
        /// <summary>start --wait: until running (healthy with a healthcheck).</summary>
        public bool Wait { get; set; }

        /// <summary>--wait-timeout in seconds; 0 is no limit.</summary>
        public int WaitTimeout { get; set; }

        public bool PassThru { get; set; }
    }

    internal sealed class StopRequest : ServicesRequest
    {
        /// <summary>Null: each container's own stop timeout.</summary>
        public TimeSpan? Timeout { get; set; }

        public bool PassThru { get; set; }
    }

    internal sealed class KillRequest : ServicesRequest
    {
        public string Signal { get; set; } = "SIGKILL";

        public bool PassThru { get; set; }
    }

    internal sealed class RestartRequest : ServicesRequest
    {
        public TimeSpan? Timeout { get; set; }

        /// <summary>Not the services that depend on the named ones with restart: true.</summary>
        public bool NoDeps { get; set; }

        public bool PassThru { get; set; }
    }

    internal sealed class PauseRequest : ServicesRequest
    {
        public bool PassThru { get; set; }
    }

    internal sealed class UnpauseRequest : ServicesRequest
    {
        public bool PassThru { get; set; }
    }

    internal sealed class RemoveRequest : ServicesRequest
    {
        /// <summary>Stop the running containers first (rm --stop).</summary>
        public bool Stop { get; set; }

        /// <summary>Also their anonymous volumes (rm -v).</summary>
        public bool Volumes { get; set; }

        /// <summary>Without asking (rm -f).</summary>
        public bool Force { get; set; }

        public bool PassThru { get; set; }
    }

    /// <summary>
    /// start, stop, kill, restart, pause, unpause and rm. Each plans its verb on the project (LifecyclePlanner), asks with
    /// the plan (what a dry run shows), runs it, and reports as Compose does: a service skipped because one it depends on
    /// failed is a warning, an optional dependency that failed is a warning, every other failure an error naming the
    /// service. With PassThru, the services (rm: the containers removed) as they are afterwards.
    /// </summary>
    internal static class LifecycleCommands
    {
        public static async Task StartAsync(IEngineClient engine, StartRequest request, ICommandSink<ComposeService> sink, CancellationToken ct)
        {
            ServiceTarget target = await ServiceTarget.ReadAsync(engine, request, sink, ct, missingProjectIsError: true).ConfigureAwait(false);
            if (target == null) return;
            LifecycleProject project = target.Project;
            var options = new LifecycleOptions { Verb = LifecycleVerb.Start, Services = target.Services };
            IReadOnlyList<OperationFailure> failures = await RunVerbAsync(engine, project, options, "Start", request.DryRun, sink, ct).ConfigureAwait(false);
            if (failures == null) return;
            HashSet<string> services = LifecyclePlanner.Selection(project.Desired, options);
            if (request.Wait && failures.Count == 0)
            {
                // A wait failure ends the command, as it ends docker compose start --wait.
                await ServiceWaiter.WaitAllAsync(engine, project.Name, project.Desired.Services,
                    services.Where(s => project.Containers(s).Any()), ServiceWaiter.Timeout(request.WaitTimeout), ct).ConfigureAwait(false);
            }
            if (request.PassThru) await WriteServicesAsync(engine, project, services, sink, ct).ConfigureAwait(false);
        }

        public static Task StopAsync(IEngineClient engine, StopRequest request, ICommandSink<ComposeService> sink, CancellationToken ct) =>
            RunAsync(engine, request, new LifecycleOptions { Verb = LifecycleVerb.Stop, Timeout = request.Timeout }, "Stop", request.PassThru, sink, ct);

        public static Task KillAsync(IEngineClient engine, KillRequest request, ICommandSink<ComposeService> sink, CancellationToken ct) =>
            RunAsync(engine, request, new LifecycleOptions { Verb = LifecycleVerb.Kill, Signal = request.Signal }, "Kill", request.PassThru, sink, ct);

        public static Task RestartAsync(IEngineClient engine, RestartRequest request, ICommandSink<ComposeService> sink, CancellationToken ct) =>
            RunAsync(engine, request, new LifecycleOptions { Verb = LifecycleVerb.Restart, Timeout = request.Timeout, NoDeps = request.NoDeps },
                "Restart", request.PassThru, sink, ct);

        public static Task PauseAsync(IEngineClient engine, PauseRequest request, ICommandSink<ComposeService> sink, CancellationToken ct) =>
            RunAsync(engine, request, new LifecycleOptions { Verb = LifecycleVerb.Pause }, "Pause", request.PassThru, sink, ct);

        public static Task UnpauseAsync(IEngineClient engine, UnpauseRequest request, ICommandSink<ComposeService> sink, CancellationToken ct) =>
            RunAsync(engine, request, new LifecycleOptions { Verb = LifecycleVerb.Unpause }, "Unpause", request.PassThru, sink, ct);

        /// <summary>rm: like Compose, asks before removing unless Force; PassThru gives the containers removed, as they were just before.</summary>
        public static async Task RemoveAsync(IEngineClient engine, RemoveRequest request, ICommandSink<ComposeContainer> sink, CancellationToken ct)
        {
            ServiceTarget target = await ServiceTarget.ReadAsync(engine, request, sink, ct).ConfigureAwait(false);
            if (target == null) return;
            LifecycleProject project = target.Project;
            var options = new LifecycleOptions
            {
                Verb = LifecycleVerb.Remove, Services = target.Services, StopFirst = request.Stop, RemoveVolumes = request.Volumes,
            };
            List<ComposeContainer> before = null;
            IReadOnlyList<OperationFailure> failures = await RunVerbAsync(engine, project, options, "Remove", request.DryRun, sink, ct, async plan =>
            {
                string names = string.Join(", ", Removed(plan).Select(o => o.Container.Name));
                if (!request.Force && !await sink.ShouldContinueAsync($"Going to remove {names}", "Remove-ComposeService", ct).ConfigureAwait(false)) return false;
                if (request.PassThru) before = await ContainersAsync(engine, project, Removed(plan), ct).ConfigureAwait(false);
                return true;
            }).ConfigureAwait(false);
            if (failures == null || before == null) return;
            var remaining = new HashSet<string>((await ContainersAsync(engine, project, null, ct).ConfigureAwait(false)).Select(c => c.Id));
            foreach (ComposeContainer removed in before.Where(c => !remaining.Contains(c.Id))) sink.Write(removed);
        }

        /// <summary>The verbs whose only options are their own and whose PassThru is the selected services.</summary>
        private static async Task RunAsync(IEngineClient engine, ServicesRequest request, LifecycleOptions options, string action, bool passThru,
            ICommandSink<ComposeService> sink, CancellationToken ct)
        {
            ServiceTarget target = await ServiceTarget.ReadAsync(engine, request, sink, ct).ConfigureAwait(false);
            if (target == null) return;
            options.Services = target.Services;
            if (await RunVerbAsync(engine, target.Project, options, action, request.DryRun, sink, ct).ConfigureAwait(false) == null) return;
            if (passThru) await WriteServicesAsync(engine, target.Project, LifecyclePlanner.Selection(target.Project.Desired, options), sink, ct).ConfigureAwait(false);
        }

        /// <summary>
        /// Plans the verb, writes the plan's warnings, asks with the plan, then (<paramref name="confirm"/>, for a plan
        /// with something to do) asks the command's own question, runs it and reports its failures. Null when declined
        /// or a dry run; otherwise the failures reported as errors. Losing the engine ends the command.
        /// </summary>
        private static async Task<IReadOnlyList<OperationFailure>> RunVerbAsync(IEngineClient engine, LifecycleProject project, LifecycleOptions options,
            string action, bool dryRun, ICommandSink sink, CancellationToken ct, Func<ComposePlan, Task<bool>> confirm = null)
        {
            string activity = $"Compose {action.ToLowerInvariant()} {project.Name}";
            var skipped = new ConcurrentDictionary<string, bool>();
            IReadOnlyList<OperationFailure> failures;
            try
            {
                failures = await project.RunAsync(engine, options, new ExecutionContext { Warn = sink.Warning }, e =>
                {
                    sink.PlanEvent(activity, e);
                    if (e.Status == OperationStatus.Skipped && e.Message == "a dependency failed"
                        && e.Operation.Kind != OperationKind.WaitCondition && skipped.TryAdd(e.Operation.Service, true))
                        sink.Warning($"service \"{e.Operation.Service}\" was skipped: a service it depends on failed");
                }, ct, async plan =>
                {
                    foreach (string warning in plan.Warnings) sink.Warning(warning);
                    string transcript = plan.IsEmpty ? "(nothing to do)" + Environment.NewLine : PlanTranscript.Format(plan);
                    if (!await sink.ShouldProcessAsync($"project {project.Name}", action + " with the plan:" + Environment.NewLine + transcript, ct)
                        .ConfigureAwait(false) || dryRun) return false;
                    return plan.IsEmpty || confirm == null || await confirm(plan).ConfigureAwait(false);
                }).ConfigureAwait(false);
            }
            finally
            {
                sink.PlanDone(activity);
            }
            if (failures == null) return null;
            var errors = new List<OperationFailure>();
            List<OperationFailure> reportable = OperationError.Reportable(failures, sink.Verbose, out EngineUnavailableException lost);
            foreach (OperationFailure failure in reportable)
            {
                if (failure.Operation.BestEffort)
                {
                    sink.Warning($"optional dependency \"{failure.Operation.Service}\" failed: {failure.Error.Message}");
                    continue;
                }
                sink.Error(OperationError.From(failure), failure.Operation.Service);
                errors.Add(failure);
            }
            if (lost != null) throw lost;
            return errors;
        }

        /// <summary>The services as they are now (one-offs left out), in the project's order.</summary>
        private static async Task WriteServicesAsync(IEngineClient engine, LifecycleProject project, ICollection<string> services,
            ICommandSink<ComposeService> sink, CancellationToken ct)
        {
            IReadOnlyList<ComposeContainer> containers = await ProjectStatusReader.ContainersAsync(engine, project.Name, null, true, false, ct).ConfigureAwait(false);
            foreach (ComposeService service in ProjectStatusReader.Services(project.Name, containers, project.Model))
                if (services.Contains(service.Name)) sink.Write(service);
        }

        private static IEnumerable<PlanOperation> Removed(ComposePlan plan) => plan.Operations.Where(o => o.Kind == OperationKind.RemoveContainer);

        /// <summary>The project's service containers among <paramref name="removes"/> (all of them when null), as they are now.</summary>
        private static async Task<List<ComposeContainer>> ContainersAsync(IEngineClient engine, LifecycleProject project, IEnumerable<PlanOperation> removes,
            CancellationToken ct)
        {
            HashSet<string> ids = removes == null ? null : new HashSet<string>(removes.Select(o => o.Container.Id));
            return (await ProjectStatusReader.ContainersAsync(engine, project.Name, null, true, false, ct).ConfigureAwait(false))
                .Where(c => ids == null || ids.Contains(c.Id)).ToList();
        }
    }
}
