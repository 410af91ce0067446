using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Model;
using PSCompose.Plan;

namespace PSCompose.Execution.Attach
{
    /// <summary>
    /// The attached half of docker compose up: attaches to each attached service's container before the plan starts
    /// it (<see cref="BeforeStartAsync"/>, so nothing it prints at start is lost), then follows the containers until
    /// every watched one has exited: status lines for exits and restarts, a restarted container's output read again
    /// from its start, and the cascade (-AbortOnContainerExit/-Failure/-ExitCodeFrom) that stops the selected services.
    /// </summary>
    internal sealed class AttachedUp : IDisposable
    {
        private readonly IEngineClient engine;
        private readonly string project;
        private readonly AttachSelection selection;
        private readonly AttachRequest request;
        private readonly Func<IReadOnlyList<ComposeLogRecord>, CancellationToken, Task> onRecords;
        private readonly Action<string, string> onStatus;
        private readonly Func<CancellationToken, Task> stopSelected;
        private readonly ConcurrentDictionary<string, Task> outputs = new ConcurrentDictionary<string, Task>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, LogTarget> targets = new ConcurrentDictionary<string, LogTarget>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, Task> watchedFollowers = new ConcurrentDictionary<string, Task>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, Task> otherFollowers = new ConcurrentDictionary<string, Task>(StringComparer.Ordinal);
        private readonly List<ContainerExit> exits = new List<ContainerExit>();
        private readonly CancellationTokenSource reads;

        /// <summary>Ends the following of containers that are not watched, once the watched ones have exited.</summary>
        private readonly CancellationTokenSource others;
        private readonly CancellationToken ct;
        private Task abort;

        /// <summary>
        /// onRecords takes one batch of records (its task is the back-pressure on the reads); onStatus a service (null for
        /// the project) and a status line (exits, restarts, the abort); stopSelected stops the selected services (the
        /// cascade); ct ends every read (Ctrl+C).
        /// </summary>
        public AttachedUp(IEngineClient engine, string project, AttachSelection selection, AttachRequest request,
            Func<IReadOnlyList<ComposeLogRecord>, CancellationToken, Task> onRecords, Action<string, string> onStatus,
            Func<CancellationToken, Task> stopSelected, CancellationToken ct)
        {
            this.engine = engine;
            this.project = project;
            this.selection = selection;
            this.request = request;
            this.onRecords = onRecords;
            this.onStatus = onStatus;
            this.stopSelected = stopSelected;
            reads = CancellationTokenSource.CreateLinkedTokenSource(ct);
            this.ct = reads.Token;
            others = CancellationTokenSource.CreateLinkedTokenSource(this.ct);
        }

        /// <summary>The services followed: attached, watched, and the -ExitCodeFrom one (its exit is the result).</summary>
        private bool Followed(string service) =>
            service != null && (selection.Attached.Contains(service) || selection.Watched.Contains(service) || service == request.ExitCodeFrom);

        /// <summary>The executor's hook before a StartContainer: attach to an attached service's container.</summary>
        public async Task BeforeStartAsync(PlanOperation op, string containerId, CancellationToken startToken)
        {
            if (!selection.Attached.Contains(op.Service) || outputs.ContainsKey(containerId)) return;
            EngineContainerDetails details = await engine.InspectContainerAsync(containerId, startToken).ConfigureAwait(false);
            LogTarget target = Target(containerId, details.Name, details.Labels);
            targets[containerId] = target;
            outputs[containerId] = await AttachAsync(target).ConfigureAwait(false);
        }

        /// <summary>
        /// The executor's hook after a StartContainer: follow the container from now on, so an exit during the rest of
        /// the plan is seen (a restart policy could otherwise restart it before anyone waits).
        /// </summary>
        public void AfterStart(PlanOperation op, string containerId)
        {
            if (!Followed(op.Service)) return;
            Follow(containerId, op.Service, targets.TryGetValue(containerId, out LogTarget known) ? known : null);
        }

        private void Follow(string id, string service, LogTarget target)
        {
            bool watched = selection.Watched.Contains(service);
            ConcurrentDictionary<string, Task> followers = watched ? watchedFollowers : otherFollowers;
            if (followers.ContainsKey(id)) return;
            followers[id] = FollowAsync(id, target, watched, watched ? ct : others.Token);
        }

        private LogTarget Target(string id, string name, IReadOnlyDictionary<string, string> labels) =>
            new LogTarget(project, new EngineContainer { Id = id, Name = name, Labels = labels });

        /// <summary>Attached for the life of this up (not the start operation), so the reads outlive the plan.</summary>
        private Task<Task> AttachAsync(LogTarget target) =>
            engine.AttachOutputAsync(target.Id, lines => onRecords(lines.Select(target.Record).ToList(), ct), ct);

        /// <summary>
        /// Ends every read (output of containers that are not watched, or of an up whose plan failed) and waits for the
        /// readers, so no engine call outlives the command.
        /// </summary>
        public async Task CloseAsync()
        {
            reads.Cancel();
            Task all = Task.WhenAll(outputs.Values.Concat(watchedFollowers.Values).Concat(otherFollowers.Values).Select(t => t.ContinueWith(done => _ = done.Exception, TaskScheduler.Default)));
            await Task.WhenAny(all, Task.Delay(CloseBound)).ConfigureAwait(false);
        }

        private static readonly TimeSpan CloseBound = TimeSpan.FromSeconds(5);

        public void Dispose()
        {
            others.Dispose();
            reads.Dispose();
        }

        /// <summary>After the plan: follows every followed container until each watched one has exited; returns the outcome.</summary>
        public async Task<ComposeUpResult> RunAsync()
        {
            IReadOnlyList<EngineContainer> containers = await engine.ListContainersAsync(
                new[] { ComposeLabels.Project + "=" + project, ComposeLabels.ConfigHash, ComposeLabels.OneOff + "=False" }, true, ct).ConfigureAwait(false);
            foreach (EngineContainer c in containers.Where(c => Followed(c.Label(ComposeLabels.Service))).OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                string service = c.Label(ComposeLabels.Service);
                var target = new LogTarget(project, c);
                targets.TryAdd(c.Id, target);
                if (selection.Attached.Contains(service) && !outputs.ContainsKey(c.Id) && c.State == "running")
                    outputs[c.Id] = await AttachAsync(target).ConfigureAwait(false);
                Follow(c.Id, service, target);
            }
            lock (exits)
            {
                planDone = true;
                AbortWhenDue();
            }
            await Task.WhenAll(watchedFollowers.Values).ConfigureAwait(false);
            Task started;
            lock (exits) started = abort;
            if (started != null) await started.ConfigureAwait(false);
            others.Cancel();
            await Task.WhenAll(otherFollowers.Values.Select(Quietly)).ConfigureAwait(false);
            return Result();
        }

        private static async Task Quietly(Task task)
        {
            try { await task.ConfigureAwait(false); }
            catch (OperationCanceledException) { }
        }

        /// <summary>
        /// Waits for the container's exits. A restart-policy restart is reported, and the container's output is read
        /// again through the logs API from the exit on (the attach stream carries only the first run's output).
        /// </summary>
        private async Task FollowAsync(string id, LogTarget target, bool watched, CancellationToken token)
        {
            await Task.Yield();
            using (var exitCodes = new ContainerExitCodes(engine, id, token))
                await FollowRunsAsync(id, target, watched, exitCodes, token).ConfigureAwait(false);
        }

        private async Task FollowRunsAsync(string id, LogTarget target, bool watched, ContainerExitCodes exitCodes, CancellationToken token)
        {
            string runStartedAt;
            try
            {
                EngineContainerDetails first = await engine.InspectContainerAsync(id, token).ConfigureAwait(false);
                target = target ?? Target(id, first.Name, first.Labels);
                runStartedAt = first.StartedAt;
            }
            catch (EngineException e) when (e.IsNotFound)
            {
                return;
            }
            string name = ComposeNames.LogName(project, target.Service, target.Number, target.Name);
            outputs.TryGetValue(target.Id, out Task output);
            while (true)
            {
                long code;
                EngineContainerDetails details;
                try
                {
                    code = await engine.WaitContainerAsync(target.Id, token).ConfigureAwait(false);
                    details = await engine.InspectContainerAsync(target.Id, token).ConfigureAwait(false);
                }
                catch (EngineException e) when (e.IsNotFound)
                {
                    return; // removed by someone else: nothing more to follow
                }
                if (details.Running && !details.Restarting && details.StartedAt == runStartedAt)
                {
                    // The same run still going: the wait answered early (seen right after a start); wait again.
                    await Task.Delay(RestartPoll, token).ConfigureAwait(false);
                    continue;
                }
                if (details.Restarting || details.Running)
                {
                    long? died = await exitCodes.NextAsync(runStartedAt, DieEventBound, token).ConfigureAwait(false);
                    code = died ?? (details.Restarting ? details.ExitCode : code);
                    onStatus(target.Service, name + " " + LogPresenter.ExitStatus(code, true));
                    EngineContainerDetails again = details.Restarting ? await StartedAgainAsync(target.Id, details.StartedAt, token).ConfigureAwait(false) : details;
                    if (again != null)
                    {
                        runStartedAt = again.StartedAt;
                        if (selection.Attached.Contains(target.Service)) output = FollowLogsFrom(target, details.FinishedAt, token);
                        continue;
                    }
                    details = await engine.InspectContainerAsync(target.Id, token).ConfigureAwait(false);
                }
                code = details.ExitCode;
                await Drained(output, token).ConfigureAwait(false);
                onStatus(target.Service, name + " " + LogPresenter.ExitStatus(code, false));
                Exited(target, (int)code, details.FinishedAt, watched);
                return;
            }
        }

        /// <summary>How long a restarted run's die event may lag behind the wait's answer.</summary>
        private static readonly TimeSpan DieEventBound = TimeSpan.FromSeconds(2);

        /// <summary>The output of a container that exited ends with its stream; a little while is allowed for the last lines.</summary>
        private static async Task Drained(Task output, CancellationToken token)
        {
            if (output == null) return;
            Task done = await Task.WhenAny(output, Task.Delay(OutputDrainBound, token)).ConfigureAwait(false);
            if (done == output) await Quietly(output).ConfigureAwait(false);
            token.ThrowIfCancellationRequested();
        }

        private static readonly TimeSpan OutputDrainBound = TimeSpan.FromSeconds(2);

        /// <summary>
        /// Polls until the container has started again (a new StartedAt, even if that run already ended), or null when it
        /// settles stopped instead.
        /// </summary>
        private async Task<EngineContainerDetails> StartedAgainAsync(string id, string previousStart, CancellationToken token)
        {
            while (true)
            {
                EngineContainerDetails d = await engine.InspectContainerAsync(id, token).ConfigureAwait(false);
                if (d.StartedAt != previousStart) return d;
                if (!d.Restarting && !d.Running) return null;
                await Task.Delay(RestartPoll, token).ConfigureAwait(false);
            }
        }

        private static readonly TimeSpan RestartPoll = TimeSpan.FromMilliseconds(100);

        /// <summary>A restarted container's output from its last exit on, as Compose re-follows it through the logs API.</summary>
        private Task FollowLogsFrom(LogTarget target, string exitedAt, CancellationToken token)
        {
            // Engine 20.10 sends nothing for follow=1 with since= unless tail is given too.
            var options = new LogOptions { Follow = true, Tail = "all", Since = Common.EngineTime.FromEngineTimestamp(exitedAt) };
            return engine.StreamLogsAsync(target.Id, options, lines => onRecords(lines.Select(target.Record).ToList(), token), token);
        }

        private void Exited(LogTarget target, int code, string finishedAt, bool watched)
        {
            lock (exits)
            {
                exits.Add(new ContainerExit(target, code, Common.EngineTime.FromEngineText(finishedAt), watched, exits.Count));
                abortDue |= watched && (request.Cascade == Cascade.OnExit || (request.Cascade == Cascade.OnFailure && code != 0));
                AbortWhenDue();
            }
        }

        /// <summary>
        /// Starts the cascade once an exit called for it and the up plan has finished: a stop planned while the plan
        /// still starts containers would leave the later ones running. Call under the exits lock.
        /// </summary>
        private void AbortWhenDue()
        {
            if (abortDue && planDone && abort == null) abort = AbortAsync();
        }

        private bool abortDue;
        private bool planDone;

        private async Task AbortAsync()
        {
            await Task.Yield();
            onStatus(null, "Aborting on container exit...");
            await stopSelected(ct).ConfigureAwait(false);
        }

        /// <summary>Compose's exit code (compose-v2-runtime §1.5) from the exits in the order the engine saw them.</summary>
        private ComposeUpResult Result()
        {
            List<ContainerExit> ordered;
            bool aborted;
            lock (exits)
            {
                ordered = exits.OrderBy(e => e.FinishedAt ?? DateTimeOffset.MaxValue).ThenBy(e => e.Order).ToList();
                aborted = abort != null;
            }
            ContainerExit decisive = null;
            if (request.ExitCodeFrom != null) decisive = ordered.FirstOrDefault(e => e.Target.Service == request.ExitCodeFrom);
            else if (request.Cascade == Cascade.OnExit) decisive = ordered.FirstOrDefault(e => e.Watched);
            else if (request.Cascade == Cascade.OnFailure) decisive = ordered.FirstOrDefault(e => e.Watched && e.Code != 0);
            Decisive = decisive == null ? null : ToOutput(decisive);
            return new ComposeUpResult
            {
                ProjectName = project,
                ExitCode = decisive?.Code ?? 0,
                Aborted = aborted,
                Containers = ordered.Select(ToOutput).ToArray(),
            };
        }

        /// <summary>The exit that decided the exit code, if any.</summary>
        public ComposeContainerExit Decisive { get; private set; }

        private static ComposeContainerExit ToOutput(ContainerExit e) => new ComposeContainerExit
        {
            Service = e.Target.Service,
            Container = e.Target.Name,
            Number = e.Target.Number,
            ExitCode = e.Code,
            FinishedAt = e.FinishedAt,
        };

        private sealed class ContainerExit
        {
            public ContainerExit(LogTarget target, int code, DateTimeOffset? finishedAt, bool watched, int order)
            {
                Target = target;
                Code = code;
                FinishedAt = finishedAt;
                Watched = watched;
                Order = order;
            }

            public LogTarget Target { get; }

            public int Code { get; }

            public DateTimeOffset? FinishedAt { get; }

            public bool Watched { get; }

            public int Order { get; }
        }
    }
}
