using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.Engine;
using PSCompose.Execution;
using PSCompose.Execution.Watch;
using PSCompose.Model;
using PSCompose.Model.Typed;
using PSCompose.Model.Watch;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Watches the project's develop.watch paths and updates the running services when files change, as docker
    /// compose watch does: sync copies changed files into every running container of the service (deleted files are
    /// removed), sync+restart also restarts it, sync+exec runs its hook, restart restarts, rebuild builds the image
    /// and recreates the service with it. Changes are collected until 500 ms pass without one, then handled as one
    /// batch. Unless -NoUp, the project is brought up first (detached, building the watched services). Emits a
    /// ComposeWatchEvent per action; Compose's messages go to the information stream, the changed paths to the
    /// verbose stream. After a rebuild the project's dangling images are removed (-NoPrune keeps them). Like docker
    /// compose watch it holds the project's pidfile lock, so a second watch of the project (PSCompose's or
    /// Compose's) fails with WatchProjectLocked. Runs until Ctrl+C, which leaves the project running.
    /// </summary>
    /// <example>
    /// <code>Watch-ComposeProject</code>
    /// <para>Brings up the project in the current directory and keeps its containers in step with the source until Ctrl+C.</para>
    /// </example>
    /// <example>
    /// <code>Watch-ComposeProject web -NoUp -InformationAction Continue | Format-Table Time, Action, Paths</code>
    /// <para>Watches the already running web service only, showing Compose's messages and a row per action.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Watch, "ComposeProject", SupportsShouldProcess = true)]
    [OutputType(typeof(ComposeWatchEvent))]
    public sealed class WatchComposeProjectCommand : ComposeProjectCmdlet
    {
        /// <summary>Services to watch; default all that have a develop section.</summary>
        [Parameter(Position = 0)]
        [Alias("Service")]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string[] Name { get; set; }

        /// <summary>Do not bring the project up first; watch the containers as they are.</summary>
        [Parameter]
        public SwitchParameter NoUp { get; set; }

        /// <summary>
        /// Keep the project's images a rebuild leaves dangling (docker compose watch --prune=false). By default they
        /// are removed after each rebuild, as Compose does; another project's images are never touched.
        /// </summary>
        [Parameter]
        public SwitchParameter NoPrune { get; set; }

        /// <summary>Removing the dangling images after a rebuild is the default; -Prune:$false is -NoPrune.</summary>
        [Parameter]
        public SwitchParameter Prune { get; set; }

        private bool Pruning => !NoPrune && !(MyInvocation.BoundParameters.ContainsKey(nameof(Prune)) && !Prune);

        /// <summary>Do not show the build output of rebuilds.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void EndCompose()
        {
            IReadOnlyList<string> services = Name ?? new string[0];
            ProjectModel model = LoadProject(services);
            IReadOnlyList<WatchRule> rules = WatchRules.Read(model, services, false, false, WriteWarning);
            string action = NoUp ? "Watch (sync, restart and rebuild on changes)" : "Bring up, then watch (sync, restart and rebuild on changes)";
            if (!ShouldProcess($"project {model.Name}", action)) return;
            using (WatchLock.Take(model.Name))
            {
                if (!NoUp) Up(model, services, rules);
                Run(model, rules);
            }
        }

        /// <summary>
        /// Compose's up before watch: detached, the watched services that have a build section built (their
        /// pull_policy becomes build), only diverged containers recreated.
        /// </summary>
        private void Up(ProjectModel model, IReadOnlyList<string> services, IReadOnlyList<WatchRule> rules)
        {
            foreach (string service in rules.Select(r => r.Service).Distinct())
                if (model.Typed.Service(service) is ServiceConfig definition && definition.Build != null)
                    model.Typed = model.Typed.WithService(definition.WithPullPolicy("build"));
            var runner = new UpRunner(Engine, model, new UpRequest { Services = services, Compatibility = model.Compatibility });
            AwaitEngine((engine, ct) => runner.PrepareAsync(ct));
            var reporter = new ExecutionReporter(this, $"Compose up {model.Name}");
            IReadOnlyList<OperationFailure> failures = null;
            Stream(async (queue, ct) =>
            {
                var context = new ExecutionContext
                {
                    Project = model,
                    Warn = message => queue.Post(() => WriteWarning(message)),
                    Output = (service, line) => { if (!Quiet) queue.Post(() => WriteInformation(line, new[] { "PSCompose", service })); },
                };
                failures = await runner.RunAsync(context, e => queue.Post(() => reporter.Report(e)), ct).ConfigureAwait(false);
            });
            reporter.Complete();
            List<OperationFailure> reportable = OperationError.Reportable(failures, WriteVerbose, out EngineUnavailableException lost);
            if (lost != null) throw lost;
            if (reportable.Count > 0)
            {
                foreach (OperationFailure failure in reportable.Skip(1)) WriteComposeError(OperationError.From(failure), failure.Operation.Service);
                throw OperationError.From(reportable[0]);
            }
        }

        /// <summary>The watch loop until Ctrl+C, its events and messages written on the pipeline thread.</summary>
        private void Run(ProjectModel model, IReadOnlyList<WatchRule> rules)
        {
            IEngineClient engine = Engine;
            Stream((queue, ct) => new WatchSession(engine, model, rules, Pruning, Quiet, Report(this, queue)).RunAsync(ct));
        }

        /// <summary>Where a watch writes: events to the output, Compose's messages to information, paths to verbose.</summary>
        internal static WatchReport Report(ComposeCmdlet cmdlet, PipelineQueue queue) => new WatchReport
        {
            Message = m => queue.Post(() => cmdlet.WriteInformation(m, new[] { "PSCompose", "watch" })),
            Detail = m => queue.Post(() => cmdlet.WriteVerbose(m)),
            Warning = m => queue.Post(() => cmdlet.WriteWarning(m)),
            Event = e => queue.Post(() => cmdlet.WriteObject(e)),
            Output = (service, line) => queue.Post(() => cmdlet.WriteInformation(line, new[] { "PSCompose", service })),
        };
    }
}
