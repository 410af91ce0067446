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
    /// A project as start/stop/down/ps see it: the loaded model when there is one, otherwise the pseudo-project
    /// rebuilt from labels (pkg/compose/compose.go projectFromName), together with what the engine holds for it.
    /// </summary>
    internal sealed class LifecycleProject
    {
        public string Name { get; private set; }

        /// <summary>Null when the project comes from labels alone.</summary>
        public ProjectModel Model { get; private set; }

        public DesiredProject Desired { get; private set; }

        public ObservedState Observed { get; private set; }

        public bool FromLabels => Model == null;

        public static async Task<LifecycleProject> ReadAsync(IEngineClient engine, string name, ProjectModel model, bool compatibility, CancellationToken ct)
        {
            ObservedState observed = await ObservedStateReader.ReadAsync(engine, name, ct).ConfigureAwait(false);
            DesiredProject desired = model != null
                ? DesiredProjectBuilder.Build(model, observed, compatibility)
                : PseudoProject.FromObserved(name, observed);
            desired.Compatibility = compatibility;
            return new LifecycleProject { Name = name, Model = model, Desired = desired, Observed = observed };
        }

        /// <summary>
        /// The one "plan a lifecycle verb and run it": plans the verb on the project as read and runs the plan (the
        /// context gets the project's state). With <paramref name="confirm"/>, the plan is shown to it first; declined
        /// gives null and nothing runs.
        /// </summary>
        public async Task<IReadOnlyList<OperationFailure>> RunAsync(IEngineClient engine, LifecycleOptions options, ExecutionContext context,
            Action<ExecutionEvent> report, CancellationToken ct, Func<ComposePlan, Task<bool>> confirm = null)
        {
            ComposePlan plan = LifecyclePlanner.Plan(Desired, Observed, options);
            if (confirm != null && !await confirm(plan).ConfigureAwait(false)) return null;
            context.Project = Model;
            context.Desired = Desired;
            context.Observed = Observed;
            return await new PlanExecutor(engine, context, report).RunAsync(plan, ct).ConfigureAwait(false);
        }

        /// <summary>Services of the model, or services that have a (non one-off) container when from labels.</summary>
        public bool HasService(string service) => Desired.Service(service) != null;

        /// <summary>Service names in the model's order (by name when from labels).</summary>
        public IEnumerable<string> ServiceNames =>
            Model != null ? Model.Typed.ServiceNames.Where(HasService) : Desired.Services.Select(s => s.Name);

        /// <summary>The service's containers (one-offs excluded), lowest replica number first.</summary>
        public IEnumerable<ObservedContainer> Containers(string service) =>
            Observed.ServiceContainers(service).OrderBy(c => c.Number).ThenBy(c => c.Name, StringComparer.Ordinal);

        /// <summary>Local images down --rmi decides on: each service image, and the images labelled with the project.</summary>
        public async Task ReadImagesAsync(IEngineClient engine, CancellationToken ct)
        {
            ProjectImages images = await ProjectImages.ReadAsync(engine, Name, Desired, Desired.Compatibility, true, ct).ConfigureAwait(false);
            Observed.Images.Clear();
            Observed.Images.AddRange(images.Images);
        }
    }
}
