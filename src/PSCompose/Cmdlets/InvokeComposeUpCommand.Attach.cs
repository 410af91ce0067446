using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Execution;
using PSCompose.Execution.Attach;
using PSCompose.Model;
using PSCompose.Plan;

namespace PSCompose.Cmdlets
{
    // Invoke-ComposeUp -Attach: docker compose up without -d (the class summary is in InvokeComposeUpCommand.cs).
    public sealed partial class InvokeComposeUpCommand
    {
        /// <summary>
        /// Stay attached, like docker compose up without -d: stream the services' output as PSCompose.ComposeLogRecord
        /// objects from container start until the watched containers exit (the services named, else all attached),
        /// then write a PSCompose.ComposeUpResult with each container's exit code and Compose's exit code, which also
        /// becomes $global:LASTEXITCODE. Status lines ("web-1 exited with code 0", restarts, the abort) go to the
        /// Information stream, tagged PSCompose, Status and the service. Ctrl+C stops the selected services (never
        /// their dependencies) within their stop timeout (-Timeout, else stop_grace_period, else 10 s) and removes
        /// nothing. To keep the result apart from the records: $r = Invoke-ComposeUp -Attach; $r.ExitCode (member
        /// enumeration finds the one result), or Invoke-ComposeUp -Attach | Where-Object { $_ -is [PSCompose.ComposeUpResult] }.
        /// </summary>
        [Parameter]
        public SwitchParameter Attach { get; set; }

        /// <summary>With -Attach: show only these services' output (they may be attach: false ones), like --attach.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string[] AttachService { get; set; }

        /// <summary>With -Attach: do not show these services' output, like --no-attach.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string[] NoAttach { get; set; }

        /// <summary>With -Attach: also show the output of the named services' dependencies, like --attach-dependencies.</summary>
        [Parameter]
        public SwitchParameter AttachDependencies { get; set; }

        /// <summary>
        /// With -Attach: when a watched container exits, stop the selected services; the exit code is that
        /// container's. A non-zero code is also a ContainerExitedNonZero error.
        /// </summary>
        [Parameter]
        public SwitchParameter AbortOnContainerExit { get; set; }

        /// <summary>With -Attach: when a watched container exits with a non-zero code, stop the selected services; the exit code is that one.</summary>
        [Parameter]
        public SwitchParameter AbortOnContainerFailure { get; set; }

        /// <summary>
        /// With -Attach: the exit code is this service's first container exit (137/143 when the abort stopped it);
        /// implies -AbortOnContainerExit unless -AbortOnContainerFailure is given.
        /// </summary>
        [Parameter]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string ExitCodeFrom { get; set; }

        /// <summary>With -Attach: show each record's Timestamp (when PSCompose received the line) after the prefix.</summary>
        [Parameter]
        public SwitchParameter Timestamps { get; set; }

        /// <summary>With -Attach: show the lines without the "web-1  | " prefix.</summary>
        [Parameter]
        public SwitchParameter NoLogPrefix { get; set; }

        private static readonly string[] AttachOnly =
        {
            nameof(AttachService), nameof(NoAttach), nameof(AttachDependencies), nameof(AbortOnContainerExit),
            nameof(AbortOnContainerFailure), nameof(ExitCodeFrom), nameof(Timestamps), nameof(NoLogPrefix),
        };

        /// <summary>Compose's flag rules for attached up, checked before the engine is asked anything.</summary>
        private AttachRequest AttachRequest()
        {
            string[] bound = AttachOnly.Where(MyInvocation.BoundParameters.ContainsKey).ToArray();
            if (!Attach && !Watch)
            {
                if (bound.Length == 0) return null;
                throw new ComposeException(ErrorIds.AttachRequired,
                    $"-{bound[0]} needs -Attach: Invoke-ComposeUp is detached by default, and --detach cannot be combined with " +
                    "--abort-on-container-exit, --abort-on-container-failure, --attach, --attach-dependencies or --watch.", bound[0]);
            }
            if (Wait)
                throw AttachConflict("--wait cannot be combined with --abort-on-container-exit, --attach or --attach-dependencies (-Wait returns once the services are up; -Attach follows them).");
            if (NoStart) throw AttachConflict("-NoStart and -Attach cannot be used together: nothing would start to attach to.");
            if (AbortOnContainerExit && AbortOnContainerFailure)
                throw AttachConflict("--abort-on-container-failure cannot be combined with --abort-on-container-exit");
            if (AttachService != null && AttachDependencies)
                throw AttachConflict("cannot combine --attach and --attach-dependencies");
            return new AttachRequest
            {
                AttachServices = AttachService,
                NoAttach = NoAttach ?? new string[0],
                AttachDependencies = AttachDependencies,
                AbortOnContainerExit = AbortOnContainerExit,
                AbortOnContainerFailure = AbortOnContainerFailure,
                ExitCodeFrom = ExitCodeFrom,
            };
        }

        private static ComposeException AttachConflict(string message) => new ComposeException(ErrorIds.AttachParameterConflict, message);

        /// <summary>Attached and watched services, once the plan knows what up selects; errors before anything changes.</summary>
        private AttachSelection Selection(ProjectModel model, UpRunner runner, AttachRequest request)
        {
            if (request.ExitCodeFrom != null && !model.Typed.Services.ContainsKey(request.ExitCodeFrom))
                throw new ComposeException(ErrorIds.ServiceNotFound, $"no such service: {request.ExitCodeFrom}: not found", request.ExitCodeFrom);
            DesiredProject desired = runner.Desired;
            ICollection<string> upSelection = services.Count == 0 ? desired.Services.Select(s => s.Name).ToList()
                : NoDeps ? (ICollection<string>)services
                : DependencyGraph.WithDependencies(desired, services);
            return AttachSelection.Compute(model, services, upSelection, named => DependencyGraph.WithDependencies(desired, named), request);
        }

        /// <summary>The attached session for one run: records to the output, status to the Information stream, the cascade stop.</summary>
        private AttachedUp BeginAttached(ProjectModel model, AttachSelection selection, AttachRequest request, TimeSpan? timeout,
            PipelineQueue queue, ExecutionReporter reporter, CancellationToken ct)
        {
            var presenter = new LogPresenter(!NoLogPrefix, Timestamps, Ci != null);
            Engine.IEngineClient client = Engine;
            return new AttachedUp(client, model.Name, selection, request, new AttachedSink(new PipelineLogSink(this, queue, presenter, false), queue, reporter),
                message => queue.Post(() => WriteInformation(message, new[] { "PSCompose", "Status" })),
                async token =>
                {
                    IReadOnlyList<OperationFailure> failures = await SelectedServicesStop.RunAsync(client, model, services, timeout,
                        BuildLoadOptions().Compatibility, e => queue.Post(() => reporter.Report(e)), m => queue.Post(() => WriteWarning(m)), token).ConfigureAwait(false);
                    foreach (OperationFailure failure in failures)
                        queue.Post(() => WriteComposeError(OperationError.From(failure), failure.Operation.Service));
                },
                ct);
        }

        /// <summary>The log sink of attached up: the progress display closes before the first output line.</summary>
        private sealed class AttachedSink : ILogSink
        {
            private readonly ILogSink inner;
            private readonly PipelineQueue queue;
            private readonly ExecutionReporter reporter;

            public AttachedSink(ILogSink inner, PipelineQueue queue, ExecutionReporter reporter)
            {
                this.inner = inner;
                this.queue = queue;
                this.reporter = reporter;
            }

            public Task LinesAsync(LogTarget target, IReadOnlyList<Engine.OutputLine> lines, CancellationToken ct)
            {
                queue.Post(reporter.Close);
                return inner.LinesAsync(target, lines, ct);
            }

            public void Status(LogTarget target, string message) => inner.Status(target, message);

            public void Warning(string message) => inner.Warning(message);

            public void Error(Exception error, string target) => inner.Error(error, target);
        }

        /// <summary>
        /// Ctrl+C: stops the selected services with a token of its own (the command's is cancelled) bounded by their stop
        /// timeout, on the stopping pipeline, which can no longer write anything.
        /// </summary>
        private void StopOnCtrlC(ProjectModel model, TimeSpan? timeout, bool compatibility)
        {
            SetLastExitCode(130);
            TimeSpan bound = SelectedServicesStop.Bound(model, services, timeout);
            Engine.IEngineClient client = Engine;
            using (var stop = new CancellationTokenSource(bound))
            {
                Task task = Task.Run(() => SelectedServicesStop.RunAsync(client, model, services, timeout, compatibility, _ => { }, _ => { }, stop.Token));
                task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default).Wait(bound);
            }
        }

        /// <summary>The result, $global:LASTEXITCODE, and with a cascade a non-zero code as a ContainerExitedNonZero error.</summary>
        private void WriteOutcome(ComposeUpResult result, ComposeContainerExit decisive, AttachRequest request)
        {
            WriteObject(result);
            SetLastExitCode(result.ExitCode);
            if (result.ExitCode != 0 && request.Cascade != Cascade.None && decisive != null)
                WriteComposeError(new ContainerExitedException(decisive.Container, result.ExitCode, decisive.Service, $"{decisive.Container} exited with code {result.ExitCode}"), decisive.Service);
        }

        private void SetLastExitCode(int code) => SessionState.PSVariable.Set("global:LASTEXITCODE", code);
    }
}
