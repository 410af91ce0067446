using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Model;
using PSCompose.Model.Watch;
using PSCompose.Plan;

namespace PSCompose.Execution.Watch
{
    /// <summary>
    /// What a watch batch does to a service's running containers (Compose's sync, restart, exec hooks, rebuild).
    /// Each ends with one event; a failure in some containers is collected, reported as Compose's warning and in
    /// the event, and does not end the watch.
    /// </summary>
    internal sealed class WatchActions
    {
        /// <summary>Compose syncs to at most this many containers at a time.</summary>
        private const int Parallelism = 16;

        private readonly IEngineClient engine;
        private readonly ProjectModel model;
        private readonly bool prune;
        private readonly bool quiet;
        private readonly WatchReport report;

        public WatchActions(IEngineClient engine, ProjectModel model, bool prune, bool quiet, WatchReport report)
        {
            this.engine = engine;
            this.model = model;
            this.prune = prune;
            this.quiet = quiet;
            this.report = report;
        }

        public async Task SyncAsync(string service, IReadOnlyList<SyncPath> paths, ComposeWatchAction action, CancellationToken ct)
        {
            report.Message($"Syncing service \"{service}\" after {paths.Count} changes were detected");
            foreach (SyncPath path in paths) report.Detail($"{service}: {path.HostPath} -> {path.ContainerPath}");
            IReadOnlyList<EngineContainer> containers = await RunningAsync(service, ct).ConfigureAwait(false);
            List<SyncPath> existing = paths.Where(p => p.Exists).ToList();
            List<SyncPath> deleted = paths.Where(p => !p.Exists).ToList();
            if (deleted.Count > 0)
            {
                var command = new List<string> { "rm", "-rf" };
                command.AddRange(deleted.Select(p => p.ContainerPath).Distinct());
                await EachAsync(service, ComposeWatchAction.Delete, deleted.Select(p => p.HostPath), containers,
                    c => RunAsync(service, c, new ExecSpec { Command = command }, ct), ct).ConfigureAwait(false);
            }
            if (existing.Count > 0)
            {
                using (SyncArchive archive = SyncArchive.Create(existing))
                {
                    await EachAsync(service, action, existing.Select(p => p.HostPath), containers, async c =>
                    {
                        using (System.IO.Stream tar = archive.Open())
                            await engine.WriteArchiveAsync(c.Id, "/", tar, true, ct).ConfigureAwait(false);
                    }, ct).ConfigureAwait(false);
                }
            }
        }

        public async Task RestartAsync(string service, IEnumerable<string> paths, CancellationToken ct)
        {
            IReadOnlyList<EngineContainer> containers = await RunningAsync(service, ct).ConfigureAwait(false);
            bool ok = await EachAsync(service, ComposeWatchAction.Restart, paths, containers,
                c => engine.RestartContainerAsync(c.Id, null, ct), ct).ConfigureAwait(false);
            if (ok) report.Message($"service(s) {GoList(new[] { service })} restarted");
        }

        public async Task ExecAsync(WatchRule rule, IEnumerable<string> paths, CancellationToken ct)
        {
            var spec = new ExecSpec
            {
                Command = rule.Exec.Command.ToList(),
                User = rule.Exec.User,
                Privileged = rule.Exec.Privileged,
                WorkingDir = rule.Exec.WorkingDir,
                Env = rule.Exec.Environment.ToList(),
            };
            IReadOnlyList<EngineContainer> containers = await RunningAsync(rule.Service, ct).ConfigureAwait(false);
            await EachAsync(rule.Service, ComposeWatchAction.Exec, paths, containers, c => RunAsync(rule.Service, c, spec, ct), ct).ConfigureAwait(false);
        }

        /// <summary>
        /// Builds the services, says so, stops their dependents with restart: true, recreates them from the new
        /// images (their dependencies untouched), starts them along with their dependents, then prunes the
        /// project's dangling images: Compose's rebuild.
        /// </summary>
        public async Task RebuildAsync(IReadOnlyList<string> services, IEnumerable<string> paths, CancellationToken ct)
        {
            report.Message($"Rebuilding service(s) {GoList(services)} after changes were detected...");
            var watch = Stopwatch.StartNew();
            var request = new UpRequest { Services = services.ToList(), Build = true, ForceRecreate = true, NoDeps = true, Compatibility = model.Compatibility };
            var context = new ExecutionContext
            {
                Project = model,
                Warn = report.Warning,
                Output = quiet ? (Action<string, string>)((s, l) => { }) : report.Output,
            };
            string stage = "Build failed. Error: ";
            var runner = new UpRunner(engine, model, request)
            {
                ImagesReady = token =>
                {
                    report.Message($"service(s) {GoList(services)} successfully built");
                    stage = "Failed to recreate services after update. Error: ";
                    return RebuildFollowUp.StopRestartDependentsAsync(engine, model, services, report.Warning, token);
                },
            };
            string error = null;
            try
            {
                await runner.PrepareAsync(ct).ConfigureAwait(false);
                IReadOnlyList<OperationFailure> failures = await runner.RunAsync(context, e => { }, ct).ConfigureAwait(false);
                OperationFailure failure = failures.FirstOrDefault(f => !f.Operation.BestEffort);
                if (failure != null)
                    error = (failure.Operation.Kind == OperationKind.BuildImage ? "Build failed. Error: " : "Failed to recreate services after update. Error: ")
                            + failure.Error.Message;
                else
                    error = await RebuildFollowUp.StartWithDependentsAsync(engine, model, services, context, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                error = stage + e.Message;
            }
            if (error != null) report.Warning(error);
            else if (prune) await RebuildFollowUp.PruneAsync(engine, model.Name, report, ct).ConfigureAwait(false);
            foreach (string service in services)
            {
                IReadOnlyList<EngineContainer> containers = error == null ? await RunningAsync(service, ct).ConfigureAwait(false) : new EngineContainer[0];
                report.Event(Event(service, ComposeWatchAction.Rebuild, paths, containers.Select(c => c.Name), error, watch.Elapsed));
            }
        }

        /// <summary>The Created time of the image of the service's first running container; null without one.</summary>
        public async Task<DateTime?> ImageCreatedAsync(string service, CancellationToken ct)
        {
            EngineContainer first = RuntimeContainers.PickOrder(await RunningAsync(service, ct).ConfigureAwait(false)).FirstOrDefault();
            if (first == null) return null;
            EngineImage image = await engine.InspectImageAsync(first.ImageId, ct).ConfigureAwait(false);
            return image.Created?.ToUniversalTime();
        }

        private async Task RunAsync(string service, EngineContainer container, ExecSpec spec, CancellationToken ct)
        {
            var stderr = new List<string>();
            long code = await engine.ExecAsync(container.Id, spec, null, lines =>
            {
                foreach (OutputLine line in lines)
                {
                    if (line.Stream == OutputStream.Stderr) lock (stderr) stderr.Add(line.Text);
                    report.Output(service, line.Text);
                }
                return Task.CompletedTask;
            }, ct).ConfigureAwait(false);
            if (code != 0)
                throw new InvalidOperationException($"{string.Join(" ", spec.Command)} exited with code {code}" + (stderr.Count > 0 ? ": " + string.Join(" ", stderr) : ""));
        }

        /// <summary>Runs the work in each container (16 at a time), then reports one event; false when any failed.</summary>
        private async Task<bool> EachAsync(string service, ComposeWatchAction action, IEnumerable<string> paths, IReadOnlyList<EngineContainer> containers,
            Func<EngineContainer, Task> work, CancellationToken ct)
        {
            var watch = Stopwatch.StartNew();
            var errors = new ConcurrentQueue<string>();
            using (var slots = new SemaphoreSlim(Parallelism))
            {
                await Task.WhenAll(containers.Select(async c =>
                {
                    await slots.WaitAsync(ct).ConfigureAwait(false);
                    try { await work(c).ConfigureAwait(false); }
                    catch (Exception e) when (!(e is OperationCanceledException && ct.IsCancellationRequested))
                    {
                        errors.Enqueue($"{c.Name}: {e.Message}");
                    }
                    finally { slots.Release(); }
                })).ConfigureAwait(false);
            }
            string error = errors.IsEmpty ? null : string.Join("; ", errors);
            if (error != null) report.Warning("Error handling changed files: " + error);
            report.Event(Event(service, action, paths, containers.Select(c => c.Name), error, watch.Elapsed));
            return error == null;
        }

        private ComposeWatchEvent Event(string service, ComposeWatchAction action, IEnumerable<string> paths, IEnumerable<string> containers, string error, TimeSpan duration) =>
            new ComposeWatchEvent
            {
                Time = DateTime.UtcNow,
                ProjectName = model.Name,
                Service = service,
                Action = action,
                Paths = paths.ToArray(),
                Containers = containers.OrderBy(n => n, StringComparer.Ordinal).ToArray(),
                Success = error == null,
                Error = error,
                Duration = duration,
            };

        /// <summary>The service's running replicas (no one-offs), as Compose's watch addresses them.</summary>
        private async Task<IReadOnlyList<EngineContainer>> RunningAsync(string service, CancellationToken ct)
        {
            IReadOnlyList<EngineContainer> running = await engine.ListContainersAsync(
                new[] { ComposeLabels.Project + "=" + model.Name, ComposeLabels.ConfigHash, ComposeLabels.Service + "=" + service }, false, ct).ConfigureAwait(false);
            return running.Where(c => !RuntimeContainers.IsOneOff(c)).ToList();
        }

        /// <summary>Go's %q of a []string: ["a" "b"].</summary>
        internal static string GoList(IEnumerable<string> items) => "[" + string.Join(" ", items.Select(i => "\"" + i + "\"")) + "]";
    }
}
