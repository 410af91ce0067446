using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.Engine;
using PSCompose.Execution;
using PSCompose.Execution.Attach;
using PSCompose.Model;
using PSCompose.Plan;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Creates and starts the project's containers, converging like docker compose up -d: only what changed is
    /// recreated, and the containers keep running after the cmdlet returns. Emits the resulting services.
    /// -WhatIf shows the plan. With -Attach it stays attached like docker compose up: it emits the services' log
    /// records until the containers exit, then a ComposeUpResult with the exit codes. A container left under a
    /// recreate's temporary name (&lt;id&gt;_&lt;project&gt;-&lt;service&gt;-&lt;n&gt;, by an interrupted docker compose up) gets
    /// its own name back; docker compose keeps the temporary name on every later up.
    /// </summary>
    /// <example>
    /// <code>Invoke-ComposeUp -Path ./shop -Wait</code>
    /// <para>Brings the project up and waits until every service is running, or healthy when it has a healthcheck.</para>
    /// </example>
    /// <example>
    /// <code>Invoke-ComposeUp web -Scale @{ web = 3 } -WhatIf</code>
    /// <para>Shows the operations that scaling web to three replicas would perform, without doing them.</para>
    /// </example>
    /// <example>
    /// <code>$r = Invoke-ComposeUp -Attach -AbortOnContainerExit -ExitCodeFrom test; exit $r.ExitCode</code>
    /// <para>
    /// Runs the project attached, showing the services' output, until the first container exits; then stops the
    /// services and exits with the test service's exit code, as docker compose up --abort-on-container-exit
    /// --exit-code-from test does. A non-zero code is also a ContainerExitedNonZero error.
    /// </para>
    /// </example>
    /// <example>
    /// <code>Invoke-ComposeUp -Build -ForceRecreate</code>
    /// <para>Rebuilds the images and recreates every container.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Invoke, "ComposeUp", SupportsShouldProcess = true)]
    [OutputType(typeof(ComposeService), typeof(ComposeLogRecord), typeof(ComposeUpResult), typeof(ComposeWatchEvent))]
    public sealed partial class InvokeComposeUpCommand : ComposeProjectCmdlet
    {
        /// <summary>Services to bring up (with their dependencies unless -NoDeps); default all.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Service")]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string[] Name { get; set; }

        /// <summary>
        /// From the pipeline: a service name, a ComposeService, a ComposeContainer (its service) or a ComposeProject
        /// (loaded from the compose files and directory it was created from, under its name).
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject InputObject { get; set; }

        /// <summary>Build images before starting containers.</summary>
        [Parameter]
        public SwitchParameter Build { get; set; }

        /// <summary>Do not build an image, even if it is missing.</summary>
        [Parameter]
        public SwitchParameter NoBuild { get; set; }

        /// <summary>Pull images: Always, Missing or Never; default: each service's pull_policy.</summary>
        [Parameter]
        [ValidateSet("Always", "Missing", "Never")]
        public string Pull { get; set; }

        /// <summary>Recreate containers even if their configuration and image have not changed.</summary>
        [Parameter]
        public SwitchParameter ForceRecreate { get; set; }

        /// <summary>Do not recreate containers that already exist, even when they diverge.</summary>
        [Parameter]
        public SwitchParameter NoRecreate { get; set; }

        /// <summary>Recreate dependencies of the selected services too.</summary>
        [Parameter]
        public SwitchParameter AlwaysRecreateDeps { get; set; }

        /// <summary>Recreate anonymous volumes instead of inheriting them from the previous containers.</summary>
        [Parameter]
        [Alias("V")]
        public SwitchParameter RenewAnonVolumes { get; set; }

        /// <summary>Do not start the services the selected ones depend on.</summary>
        [Parameter]
        public SwitchParameter NoDeps { get; set; }

        /// <summary>Remove containers of services no longer in the compose file (also COMPOSE_REMOVE_ORPHANS).</summary>
        [Parameter]
        public SwitchParameter RemoveOrphans { get; set; }

        /// <summary>
        /// Replica counts by service, e.g. @{ web = 3 }. Each key must be a service of the project and each count a
        /// whole number from 0 to 10000 (the bound also applies to scale/deploy.replicas in the file: every replica
        /// is a planned operation and a container, so a typo such as [int]::MaxValue must fail instead of planning
        /// until memory runs out).
        /// </summary>
        [Parameter]
        public Hashtable Scale { get; set; }

        /// <summary>Do not report pull progress (docker compose up --quiet-pull).</summary>
        [Parameter]
        public SwitchParameter QuietPull { get; set; }

        /// <summary>Do not report build output or progress (docker compose up --quiet-build).</summary>
        [Parameter]
        public SwitchParameter QuietBuild { get; set; }

        /// <summary>Wait for services to be running|healthy before returning.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>Maximum seconds to wait with -Wait; 0 (the default) means no limit, as with docker compose --wait-timeout.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int WaitTimeout { get; set; }

        /// <summary>Create the containers without starting them.</summary>
        [Parameter]
        public SwitchParameter NoStart { get; set; }

        /// <summary>Seconds to wait for containers to stop when they are replaced, and with -Attach when Ctrl+C or an abort stops them; default: their stop_grace_period (10 s).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int Timeout { get; set; }

        /// <summary>
        /// Answer yes to Compose's question "Volume ... exists but doesn't match configuration in compose file.
        /// Recreate (data will be lost)?" for every diverged volume, like docker compose up -y. Without it the
        /// question is asked per volume; a host that cannot ask gets an error naming the volume and nothing changes.
        /// </summary>
        [Parameter]
        [Alias("Yes")]
        public SwitchParameter Force { get; set; }

        private readonly List<string> services = new List<string>();
        private bool namesFromCommandLine;

        protected override void BeginCompose() => namesFromCommandLine = MyInvocation.BoundParameters.ContainsKey(nameof(Name));

        protected override void ProcessCompose()
        {
            TakePipedProject(InputObject?.BaseObject);
            string[] names = PipelineInput.From(InputObject, Name, namesFromCommandLine).Services;
            if (names != null) services.AddRange(names.Where(n => !services.Contains(n)));
        }

        protected override void EndCompose() => ForEachPipedProject(Converge);

        private void Converge()
        {
            ProjectModel model = LoadProject(services);
            UpRequest request = Request(model);
            IReadOnlyList<Model.Watch.WatchRule> watchRules = WatchRules(model);
            AttachRequest attach = AttachRequest();
            var runner = new UpRunner(Engine, model, request);
            AwaitEngine((engine, ct) => runner.PrepareAsync(ct));
            AttachSelection selection = attach == null ? null : Selection(model, runner, attach);

            string plan = PlanTranscript.Format(runner.ImagePlan) + PlanTranscript.Format(runner.ContainerPlan);
            foreach (DivergedVolume volume in runner.ContainerPlan.DivergedVolumes)
                plan += $"volume {volume.Name}: config diverged; recreating it (data lost) is " +
                        (Force ? "confirmed by -Force" : "asked before anything changes") + Environment.NewLine;
            if (!ShouldProcess($"project {model.Name}", "Converge with the plan:" + Environment.NewLine + (plan.Length > 0 ? plan : "(nothing to do)")))
                return;

            ConfirmVolumeRecreates(runner.ContainerPlan.DivergedVolumes, request);

            var reporter = new ExecutionReporter(this, $"Compose up {model.Name}");
            IReadOnlyList<OperationFailure> failures = null;
            ComposeUpResult result = null;
            ComposeContainerExit decisive = null;
            var context = new ExecutionContext { Project = model };
            bool bars = Ci != null || ImageProgressReporter.Wanted(this);
            try
            {
                Stream(async (queue, ct) =>
                {
                    context.Warn = message => queue.Post(() => WriteWarning(message));
                    reporter.Wire(context, queue, bars, QuietPull, QuietBuild);
                    AttachedUp session = attach == null ? null : BeginAttached(model, selection, attach, request.Timeout, queue, reporter, ct);
                    if (session != null)
                    {
                        context.BeforeStart = session.BeforeStartAsync;
                    }
                    try
                    {
                        failures = await runner.RunAsync(context, e => queue.Post(() => reporter.Report(e)), ct).ConfigureAwait(false);
                        if (session != null && failures.All(f => f.Operation.BestEffort))
                        {
                            result = await RunWatchingAsync(session, model, watchRules, queue, ct).ConfigureAwait(false);
                            decisive = session.Decisive;
                        }
                    }
                    finally
                    {
                        if (session != null)
                        {
                            await session.CloseAsync().ConfigureAwait(false);
                            session.Dispose();
                        }
                    }
                });
            }
            catch (Exception) when (attach != null && CancellationToken.IsCancellationRequested)
            {
                StopOnCtrlC(model, request.Timeout, request.Compatibility);
                throw;
            }
            reporter.Complete();
            List<OperationFailure> reportable = OperationError.Reportable(failures, WriteVerbose, out EngineUnavailableException lost);
            foreach (OperationFailure failure in reportable)
                WriteComposeError(OperationError.From(failure), failure.Operation.Service);
            if (lost != null) throw lost;
            if (attach != null)
            {
                if (result != null) WriteOutcome(result, decisive, attach);
                return;
            }

            IReadOnlyList<ComposeContainer> containers = AwaitEngine((engine, ct) =>
                ProjectStatusReader.ContainersAsync(engine, model.Name, null, true, false, ct));
            var selected = new HashSet<string>(services.Count == 0 ? model.Typed.ServiceNames : runner.Desired.Services.Select(s => s.Name));
            foreach (ComposeService service in ProjectStatusReader.Services(model.Name, containers, model))
                if (selected.Contains(service.Name)) WriteObject(service);
        }

        /// <summary>Compose's question for each diverged volume, asked on the pipeline thread before anything changes.</summary>
        private void ConfirmVolumeRecreates(IEnumerable<DivergedVolume> volumes, UpRequest request)
        {
            bool yesToAll = false, noToAll = false;
            foreach (DivergedVolume volume in volumes)
            {
                if (Force || Ask(volume, ref yesToAll, ref noToAll)) request.RecreateVolumes.Add(volume.Name);
                else WriteWarning($"Volume \"{volume.Name}\" kept as it is, though it does not match the compose file: recreating it was declined.");
            }
        }

        private bool Ask(DivergedVolume volume, ref bool yesToAll, ref bool noToAll)
        {
            if (Host?.UI == null) throw NotConfirmed(volume, null);
            try
            {
                return ShouldContinue(volume.Question, "Invoke-ComposeUp", ref yesToAll, ref noToAll);
            }
            catch (Exception e) when (e is PSInvalidOperationException || e is System.Management.Automation.Host.HostException || e is NotImplementedException || e is NotSupportedException)
            {
                throw NotConfirmed(volume, e);
            }
        }

        private static ComposeException NotConfirmed(DivergedVolume volume, Exception inner) =>
            new ComposeException(ErrorIds.VolumeRecreateNotConfirmed,
                $"Volume \"{volume.Name}\" exists but doesn't match configuration in compose file, and this host cannot ask whether to " +
                "recreate it (data will be lost). Nothing was changed: run again with -Force to recreate it, or restore its configuration.",
                volume.Name, inner);

        private UpRequest Request(ProjectModel model)
        {
            if (Build && NoBuild) throw Conflict("-Build and -NoBuild");
            if (ForceRecreate && NoRecreate) throw Conflict("-ForceRecreate and -NoRecreate");
            if (NoRecreate && (RenewAnonVolumes || AlwaysRecreateDeps)) throw Conflict("-NoRecreate and -RenewAnonVolumes/-AlwaysRecreateDeps");
            return new UpRequest
            {
                Services = services,
                Build = Build,
                NoBuild = NoBuild,
                Pull = Pull == null ? PullOption.Policy : (PullOption)Enum.Parse(typeof(PullOption), Pull, true),
                ForceRecreate = ForceRecreate,
                NoRecreate = NoRecreate,
                AlwaysRecreateDeps = AlwaysRecreateDeps,
                RenewAnonVolumes = RenewAnonVolumes,
                NoDeps = NoDeps,
                RemoveOrphans = RemoveOrphans || EnvironmentFlag("COMPOSE_REMOVE_ORPHANS"),
                Scale = ScaleOverrides(model),
                NoStart = NoStart,
                Timeout = MyInvocation.BoundParameters.ContainsKey(nameof(Timeout)) ? TimeSpan.FromSeconds(Timeout) : (TimeSpan?)null,
                Wait = Wait,
                WaitTimeout = ServiceWaiter.Timeout(WaitTimeout),
                Compatibility = BuildLoadOptions().Compatibility,
            };
        }

        /// <summary>-Scale, checked before any planning: known services only (as Compose's "no such service"), bounded counts.</summary>
        private IDictionary<string, int> ScaleOverrides(ProjectModel model)
        {
            var scale = new Dictionary<string, int>();
            if (Scale == null) return scale;
            foreach (DictionaryEntry e in Scale)
            {
                string service = Convert.ToString(e.Key, System.Globalization.CultureInfo.InvariantCulture);
                if (!model.Typed.Services.ContainsKey(service))
                    throw new ComposeException(ErrorIds.ServiceNotFound, $"-Scale: no such service: {service}", service);
                scale[service] = ReplicaCount.Parse(service, e.Value);
            }
            return scale;
        }

        private static ComposeException Conflict(string what) =>
            new ComposeException(ErrorIds.ParameterConflict, what + " cannot be used together.");

        internal static bool EnvironmentFlag(string name)
        {
            string value = System.Environment.GetEnvironmentVariable(name);
            return value == "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
        }
    }
}
