using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Model;
using PSCompose.Plan;

namespace PSCompose.Execution.Watch
{
    /// <summary>What a watch rebuild does around the recreate of the rebuilt services: their dependents, the prune.</summary>
    internal static class RebuildFollowUp
    {
        /// <summary>
        /// Compose's stopDependentContainers before a recreate: the running containers of the services that depend on
        /// a rebuilt one with restart: true are stopped (the recreate of a watch rebuild plans the rebuilt services
        /// alone), to be started again with the dependents. Throws when a stop fails.
        /// </summary>
        public static async Task StopRestartDependentsAsync(IEngineClient engine, ProjectModel model, IReadOnlyList<string> services,
            Action<string> warn, CancellationToken ct)
        {
            LifecycleProject project = await LifecycleProject.ReadAsync(engine, model.Name, model, model.Compatibility, ct).ConfigureAwait(false);
            List<string> dependents = project.Desired.Services
                .Where(s => !services.Contains(s.Name) && s.DependsOn.Any(d => d.Restart && services.Contains(d.Service)))
                .Select(s => s.Name).ToList();
            if (dependents.Count == 0) return;
            var options = new LifecycleOptions { Verb = LifecycleVerb.Stop, Services = dependents };
            OperationFailure failure = await RunAsync(engine, project, options, new ExecutionContext { Project = model, Warn = warn }, ct).ConfigureAwait(false);
            if (failure != null) throw new InvalidOperationException(failure.Error.Message, failure.Error);
        }

        /// <summary>
        /// Compose's start of the rebuilt services with their dependents (the services that depend on them, at any
        /// depth), each after its depends_on conditions hold; other dependencies are waited for, never started.
        /// Null when all started, else Compose's warning text.
        /// </summary>
        public static async Task<string> StartWithDependentsAsync(IEngineClient engine, ProjectModel model, IReadOnlyList<string> services,
            ExecutionContext context, CancellationToken ct)
        {
            LifecycleProject project = await LifecycleProject.ReadAsync(engine, model.Name, model, model.Compatibility, ct).ConfigureAwait(false);
            var options = new LifecycleOptions
            {
                Verb = LifecycleVerb.Start,
                Services = DependencyGraph.WithDependents(project.Desired.Services, services).ToList(),
                NoDeps = true,
            };
            OperationFailure failure = await RunAsync(engine, project, options, context, ct).ConfigureAwait(false);
            return failure == null ? null : "Application failed to start after update. Error: " + failure.Error.Message;
        }

        /// <summary>The lifecycle plan run on the project as read; its first failure that counts, or null.</summary>
        private static async Task<OperationFailure> RunAsync(IEngineClient engine, LifecycleProject project, LifecycleOptions options,
            ExecutionContext context, CancellationToken ct)
        {
            IReadOnlyList<OperationFailure> failures = await project.RunAsync(engine, options, context, e => { }, ct).ConfigureAwait(false);
            return failures.FirstOrDefault(f => !f.Operation.BestEffort);
        }

        /// <summary>
        /// Removes the project's dangling images (no tag, no digest), which a rebuild leaves behind; another
        /// project's images and tagged ones are never touched. A removal the engine refuses is only reported verbosely.
        /// </summary>
        public static async Task PruneAsync(IEngineClient engine, string project, WatchReport report, CancellationToken ct)
        {
            IReadOnlyList<EngineImage> images = await engine.ListImagesAsync(new[] { ComposeLabels.Project + "=" + project }, ct).ConfigureAwait(false);
            foreach (EngineImage image in images.Where(IsDangling))
            {
                try { await engine.RemoveImageAsync(image.Id, false, ct).ConfigureAwait(false); }
                catch (EngineException e) { report.Detail($"prune {image.Id}: {e.Message}"); }
            }
        }

        private static bool IsDangling(EngineImage image) =>
            image.RepoTags.All(t => t == "<none>:<none>") && image.RepoDigests.All(d => d == "<none>@<none>");
    }
}
