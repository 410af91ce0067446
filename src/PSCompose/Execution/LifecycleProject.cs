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
    /// rebuilt from labels (§2.5), together with what the engine holds for it.
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

        /// <summary>Plans the lifecycle verb on the project as read and runs the plan (the context gets the project's state).</summary>
        public Task<IReadOnlyList<OperationFailure>> RunAsync(IEngineClient engine, LifecycleOptions options, ExecutionContext context,
            Action<ExecutionEvent> report, CancellationToken ct)
        {
            ComposePlan plan = LifecyclePlanner.Plan(Desired, Observed, options);
            context.Desired = Desired;
            context.Observed = Observed;
            return new PlanExecutor(engine, context, report).RunAsync(plan, ct);
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
            Observed.Images.Clear();
            var references = Desired.Services
                .Select(s => ContainerNaming.ImageName(s, Name, Desired.Compatibility)).Distinct().ToList();
            foreach (string reference in references)
            {
                try { Add(await engine.InspectImageAsync(reference, ct).ConfigureAwait(false)); }
                catch (EngineException e) when (e.IsNotFound) { }
            }
            foreach (EngineImage image in await engine.ListImagesAsync(new[] { ComposeLabels.Project + "=" + Name }, ct).ConfigureAwait(false))
                Add(image);
        }

        private void Add(EngineImage image)
        {
            if (Observed.Images.Any(i => i.Id == image.Id)) return;
            Observed.Images.Add(new ObservedImage
            {
                Id = image.Id,
                RepoTags = image.RepoTags.ToList(),
                ProjectLabel = Label(image, ComposeLabels.Project),
                ServiceLabel = Label(image, ComposeLabels.Service),
                LastTagTime = image.LastTagTime,
            });
        }

        private static string Label(EngineImage image, string key) =>
            image.Labels != null && image.Labels.TryGetValue(key, out string value) ? value : null;
    }
}
