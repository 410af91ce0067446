using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Model;
using PSCompose.Plan;

namespace PSCompose.Execution
{
    /// <summary>
    /// docker compose up -d, in Compose's phases: observe the engine, pull/build images, plan the containers
    /// with the images as they now are, run the plan, then (-Wait) wait for the services.
    /// </summary>
    internal sealed class UpRunner
    {
        private readonly IEngineClient engine;
        private readonly ProjectModel model;
        private readonly UpRequest request;

        public UpRunner(IEngineClient engine, ProjectModel model, UpRequest request)
        {
            this.engine = engine;
            this.model = model;
            this.request = request;
        }

        public ObservedState Observed { get; private set; }

        public DesiredProject Desired { get; private set; }

        public ComposePlan ImagePlan { get; private set; }

        /// <summary>The container plan computed from the images found before any pull or build (for -WhatIf).</summary>
        public ComposePlan ContainerPlan { get; private set; }

        /// <summary>Called once the image phase succeeded, before any container changes (watch's "successfully built").</summary>
        public Func<CancellationToken, Task> ImagesReady { get; set; }

        /// <summary>Reads the engine and computes both plans without changing anything.</summary>
        public async Task PrepareAsync(CancellationToken ct)
        {
            Observed = await ObservedStateReader.ReadAsync(engine, model.Name, ct).ConfigureAwait(false);
            Desired = DesiredProjectBuilder.Build(model, Observed, request.Compatibility);
            ApplyPullAndBuildSwitches(Desired);
            await ReadImagesAsync(ct).ConfigureAwait(false);
            ImagePlan = ImagePlanner.Plan(Desired, Observed, DateTimeOffset.UtcNow, SelectedWithDependencies());
            if (request.NoBuild) ImagePlan = Without(ImagePlan, op => op.Kind == OperationKind.BuildImage);
            ContainerPlan = PlanContainers();
        }

        /// <summary>Runs the image plan, then re-plans containers with the resulting image ids and runs that.</summary>
        public async Task<IReadOnlyList<OperationFailure>> RunAsync(ExecutionContext context, Action<ExecutionEvent> report, CancellationToken ct)
        {
            context.Desired = Desired;
            context.Observed = Observed;
            context.ImageIds = ImageIds;
            IReadOnlyList<OperationFailure> imageFailures = await new PlanExecutor(engine, context, report).RunAsync(ImagePlan, ct).ConfigureAwait(false);
            if (imageFailures.Any(f => !f.Operation.BestEffort)) return imageFailures;
            if (ImagesReady != null) await ImagesReady(ct).ConfigureAwait(false);

            IReadOnlyList<OperationFailure> failures;
            for (int attempt = 1; ; attempt++)
            {
                if (attempt > 1)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(300 * attempt), ct).ConfigureAwait(false);
                    await ObserveAgainAsync(context, ct).ConfigureAwait(false);
                }
                await ReadImagesAsync(ct).ConfigureAwait(false);
                foreach (DesiredService service in Desired.Services)
                    if (ImageIds.TryGetValue(service.Name, out string id)) service.ImageDigest = id;
                ContainerPlan = PlanContainers();
                if (attempt == 1) foreach (string warning in ContainerPlan.Warnings) context.Warn(warning);
                failures = await new PlanExecutor(engine, context, report).RunAsync(ContainerPlan, ct).ConfigureAwait(false);
                if (failures.Count == 0 || attempt == ContainerAttempts || !failures.All(ConcurrentChange.LostARace)) break;
                OperationFailure first = failures[0];
                context.Warn($"{first.Operation.Resource} {first.Operation.Kind}: {first.Error.Message} - another actor changed the project; " +
                    $"reading it again (attempt {attempt + 1} of {ContainerAttempts}).");
            }
            if (failures.Count == 0 && request.Wait && !request.NoStart)
                await ServiceWaiter.WaitAllAsync(engine, model.Name, Desired.Services, SelectedWithDependencies(), request.WaitTimeout, ct).ConfigureAwait(false);
            return imageFailures.Concat(failures).ToList();
        }

        /// <summary>
        /// How often the container phase runs when each failure is a lost race (a container gone or a name taken): each
        /// retry plans from the engine as it is now, never from what an earlier read assumed.
        /// </summary>
        private const int ContainerAttempts = 3;

        private async Task ObserveAgainAsync(ExecutionContext context, CancellationToken ct)
        {
            Observed = await ObservedStateReader.ReadAsync(engine, model.Name, ct).ConfigureAwait(false);
            Desired = DesiredProjectBuilder.Build(model, Observed, request.Compatibility);
            ApplyPullAndBuildSwitches(Desired);
            context.Desired = Desired;
            context.Observed = Observed;
        }

        /// <summary>Local image id per service, read before and again after the image plan ran.</summary>
        public IDictionary<string, string> ImageIds { get; } = new Dictionary<string, string>();

        private PlanOptions PlanOptions()
        {
            PlanOptions options = Plan.PlanOptions.ForUp(request.ForceRecreate, request.NoRecreate, request.AlwaysRecreateDeps,
                request.RenewAnonVolumes, request.NoStart);
            options.Services = request.Services.ToList();
            options.NoDeps = request.NoDeps;
            options.RemoveOrphans = request.RemoveOrphans;
            options.Scale = new Dictionary<string, int>(request.Scale);
            options.Timeout = request.Timeout;
            options.RecreateVolumes = new HashSet<string>(request.RecreateVolumes);
            return options;
        }

        private IEnumerable<string> SelectedWithDependencies() =>
            request.Services.Count == 0 ? null
            : request.NoDeps ? request.Services
            : DependencyGraph.WithDependencies(Desired, request.Services);

        /// <summary>--pull and --build rewrite pull_policy the way Compose does before it ensures images.</summary>
        private void ApplyPullAndBuildSwitches(DesiredProject desired)
        {
            foreach (DesiredService service in desired.Services)
            {
                if (request.Build && service.HasBuild) service.PullPolicy = "build";
                else if (request.Pull == PullOption.Always) service.PullPolicy = "always";
                else if (request.Pull == PullOption.Never) service.PullPolicy = "never";
                else if (request.Pull == PullOption.Missing) service.PullPolicy = "missing";
            }
        }

        /// <summary>The service images as they are now (<see cref="ProjectImages"/>): observed images for the image plan, ids for the image label.</summary>
        private async Task ReadImagesAsync(CancellationToken ct)
        {
            ProjectImages images = await ProjectImages.ReadAsync(engine, model.Name, Desired, request.Compatibility, false, ct).ConfigureAwait(false);
            Observed.Images.Clear();
            Observed.Images.AddRange(images.Images);
            ImageIds.Clear();
            foreach (KeyValuePair<string, string> id in images.IdsByService) ImageIds[id.Key] = id.Value;
        }

        /// <summary>
        /// The container plan. For run (<see cref="UpRequest.OneOffService"/>) the one-off's service is planned only for
        /// what it depends on: its own replicas are left as they are, as Compose's run starts the dependencies alone.
        /// </summary>
        private ComposePlan PlanContainers()
        {
            ComposePlan plan = Reconciler.Plan(Desired, Observed, PlanOptions());
            string oneOff = request.OneOffService;
            return oneOff == null ? plan : Without(plan, op => op.Service == oneOff && op.Kind != OperationKind.WaitCondition);
        }

        /// <summary>The plan without the dropped operations; what depended on one now depends on what it depended on.</summary>
        private static ComposePlan Without(ComposePlan plan, Func<PlanOperation, bool> drop)
        {
            var filtered = new ComposePlan();
            filtered.Warnings.AddRange(plan.Warnings);
            filtered.DivergedVolumes.AddRange(plan.DivergedVolumes);
            var standsFor = new Dictionary<PlanOperation, List<PlanOperation>>();
            foreach (PlanOperation op in plan.Operations)
            {
                List<PlanOperation> dependencies = op.DependsOn.SelectMany(d => standsFor[d]).Distinct().ToList();
                if (drop(op))
                {
                    standsFor[op] = dependencies;
                    continue;
                }
                op.DependsOn.Clear();
                standsFor[op] = new List<PlanOperation> { filtered.Add(op, dependencies) };
            }
            return filtered;
        }
    }
}
