using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Execution.Follow;
using PSCompose.Model;
using PSCompose.Plan;

namespace PSCompose.Execution.Attach
{
    /// <summary>
    /// The attached half of docker compose up, on a <see cref="ContainerFollower"/> opened before the plan runs: it
    /// attaches to each attached service's container before the plan starts it (<see cref="BeforeStartAsync"/>, so
    /// nothing it prints at start is lost), and follows the containers until every watched one has exited, with the
    /// cascade (-AbortOnContainerExit/-Failure/-ExitCodeFrom) that stops the selected services.
    /// </summary>
    internal sealed class AttachedUp : IDisposable
    {
        private readonly string project;
        private readonly AttachSelection selection;
        private readonly AttachRequest request;
        private readonly Action<string> onProjectStatus;
        private readonly Func<CancellationToken, Task> stopSelected;
        private readonly CancellationToken ct;
        private readonly ContainerFollower follower;
        private readonly List<ContainerExit> exits = new List<ContainerExit>();
        private Task abort;
        private bool abortDue;
        private bool planDone;

        /// <summary>
        /// sink takes the attached containers' output (awaiting it is the back-pressure on the reads) and the exit and
        /// restart status lines; onProjectStatus the abort's line; stopSelected stops the selected services (the
        /// cascade); ct ends every read (Ctrl+C).
        /// </summary>
        public AttachedUp(IEngineClient engine, string project, AttachSelection selection, AttachRequest request, ILogSink sink,
            Action<string> onProjectStatus, Func<CancellationToken, Task> stopSelected, CancellationToken ct)
        {
            this.project = project;
            this.selection = selection;
            this.request = request;
            this.onProjectStatus = onProjectStatus;
            this.stopSelected = stopSelected;
            this.ct = ct;
            // Followed: attached, watched, and the -ExitCodeFrom service (its exit is the result).
            var followed = selection.Attached.Concat(selection.Watched).Concat(request.ExitCodeFrom == null ? new string[0] : new[] { request.ExitCodeFrom });
            var rules = new FollowRules
            {
                Request = new LogRequest { Project = project, Services = followed.Distinct().ToList(), Follow = true, Tail = "all" },
                Start = FollowStart.Now,
                ReadsOutput = c => selection.Attached.Contains(c.Service),
                Awaited = c => selection.Watched.Contains(c.Service),
                Ended = Exited,
            };
            follower = new ContainerFollower(engine, rules, sink, ct);
        }

        /// <summary>The executor's hook before a StartContainer: attach to an attached service's container.</summary>
        public Task BeforeStartAsync(PlanOperation op, string containerId, CancellationToken startToken) =>
            selection.Attached.Contains(op.Service) ? follower.AttachBeforeStartAsync(containerId, startToken) : Task.CompletedTask;

        /// <summary>Ends every read (output of containers that are not watched, or of an up whose plan failed) and waits for it.</summary>
        public Task CloseAsync() => follower.CloseAsync();

        public void Dispose() => follower.Dispose();

        /// <summary>
        /// After the plan: follows the containers until each watched one has exited; returns the outcome, or null when the
        /// engine's events broke (reported as an error).
        /// </summary>
        public async Task<ComposeUpResult> RunAsync()
        {
            lock (exits)
            {
                planDone = true;
                AbortWhenDue();
            }
            await follower.RunAsync().ConfigureAwait(false);
            if (follower.Interrupted) return null;
            Task started;
            lock (exits) started = abort;
            if (started != null) await started.ConfigureAwait(false);
            return Result();
        }

        private void Exited(ContainerRunEnd end)
        {
            if (end.Restarting) return;
            lock (exits)
            {
                exits.Add(new ContainerExit(end.Target, (int)end.ExitCode, end.FinishedAt, end.Awaited, exits.Count));
                abortDue |= end.Awaited && (request.Cascade == Cascade.OnExit || (request.Cascade == Cascade.OnFailure && end.ExitCode != 0));
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

        private async Task AbortAsync()
        {
            await Task.Yield();
            onProjectStatus("Aborting on container exit...");
            await stopSelected(ct).ConfigureAwait(false);
        }

        /// <summary>Compose's exit code from the exits in the order the engine saw them.</summary>
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
