using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Common;
using PSCompose.Engine;
using PSCompose.Model;
using PSCompose.Plan;

namespace PSCompose.Execution.Follow
{
    /// <summary>
    /// Follows one project's selected containers (Receive-ComposeLog -Follow, attached up) from the engine's container
    /// events, as Compose's monitor does, opened before anything is listed or started so nothing that happens meanwhile
    /// is missed. A start event begins a read of the container's new run (a restart, a recreate, a scale-up) from the die
    /// event of the run before it (every line of a run is in the log by then; the engine's StartedAt comes after a run's
    /// first lines), never repeating a line already passed on (the <see cref="Watermark"/>). A die event ends the run
    /// with the event's exit code (the engine's state reads 0 once a restart policy started it again), reported after
    /// the run's output, "(restarting)" when the engine is starting it again. A container created to replace another
    /// counts from its create event, so a recreate does not end the follow; one stopped through the API counts until
    /// its stop event, so a restart does not either. RunAsync returns once every awaited container has stopped for
    /// good (see <see cref="FollowRules"/>).
    /// </summary>
    internal sealed partial class ContainerFollower : IDisposable
    {
        private static readonly string[] Actions = { "create", "start", "kill", "die", "stop", "destroy" };

        /// <summary>How long a run's status waits for output gone quiet: a stream can outlive its run.</summary>
        private static readonly TimeSpan OutputQuiet = TimeSpan.FromSeconds(2);

        /// <summary>How long, once the events broke, the reads may take to report a lost engine themselves.</summary>
        private static readonly TimeSpan LossReportBound = TimeSpan.FromSeconds(5);

        private static readonly TimeSpan CloseBound = TimeSpan.FromSeconds(5);

        /// <summary>How long a container killed through the API may take to its stop event (docker kill sends none).</summary>
        private static readonly TimeSpan SettleBound = TimeSpan.FromSeconds(5);

        private readonly IEngineClient engine;
        private readonly FollowRules rules;
        private readonly LogRequest request;
        private readonly ILogSink sink;
        private readonly CancellationTokenSource stop;
        private readonly CancellationToken token;
        private readonly object gate = new object();
        private readonly Dictionary<string, FollowedContainer> containers = new Dictionary<string, FollowedContainer>(StringComparer.Ordinal);
        private readonly List<Task> reads = new List<Task>();
        private readonly List<Task> others = new List<Task>();
        private readonly ConcurrentQueue<EngineEvent> events = new ConcurrentQueue<EngineEvent>();
        private readonly SemaphoreSlim arrived = new SemaphoreSlim(0);
        private readonly SemaphoreSlim changed = new SemaphoreSlim(0);

        /// <summary>The seed and the events take turns: an event that comes while the list is read applies to what it found.</summary>
        private readonly SemaphoreSlim turn = new SemaphoreSlim(1, 1);
        private readonly Task monitor;
        private readonly Task processing;
        private bool seeded;
        private volatile bool streamLost;
        private volatile Exception eventsError;

        /// <summary>Starts listening to the project's container events at once; ct (Ctrl+C) ends everything.</summary>
        public ContainerFollower(IEngineClient engine, FollowRules rules, ILogSink sink, CancellationToken ct)
        {
            this.engine = engine;
            this.rules = rules;
            request = rules.Request;
            this.sink = sink;
            stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            token = stop.Token;
            var query = new EventQuery
            {
                Filters = new Dictionary<string, IList<string>>
                {
                    ["type"] = new List<string> { "container" },
                    ["label"] = new List<string> { ComposeLabels.Project + "=" + request.Project },
                    ["event"] = new List<string>(Actions),
                },
                Since = EngineTime.ToQueryValue(DateTimeOffset.Now),
            };
            monitor = Task.Run(() => MonitorAsync(query));
            processing = Task.Run(ProcessAsync);
        }

        /// <summary>The follow ended because the engine's events broke (the sink has been told).</summary>
        public bool Interrupted { get; private set; }

        /// <summary>
        /// Attaches to a created container before it starts (attached up's hook inside the start), so its first lines are
        /// read; the start event to come is this run's own.
        /// </summary>
        public async Task AttachBeforeStartAsync(string containerId, CancellationToken startToken)
        {
            EngineContainerDetails d = await engine.InspectContainerAsync(containerId, startToken).ConfigureAwait(false);
            FollowedContainer c;
            bool busy;
            lock (gate)
            {
                c = Add(new LogTarget(request.Project, new EngineContainer { Id = d.Id, Name = d.Name, Labels = d.Labels }));
                c.BeginRun();
                // A read of an earlier run still going reads this one after it.
                busy = c.Reading;
                if (busy) RequestRead(c);
            }
            if (!busy && c.ReadsOutput) await AttachAsync(c).ConfigureAwait(false);
        }

        /// <summary>Follows the selected containers there now, then returns once every awaited one has stopped for good (or at -Until).</summary>
        public async Task RunAsync()
        {
            await SeedAsync().ConfigureAwait(false);
            while (!Done())
            {
                if (eventsError != null)
                {
                    // The reads fail too when the engine is gone, each naming its container; else the events alone broke.
                    await Task.WhenAny(Task.WhenAll(Reads().Select(Settle)), Task.Delay(LossReportBound, token)).ConfigureAwait(false);
                    if (!streamLost) sink.Error(eventsError, request.Project);
                    Interrupted = true;
                    return;
                }
                TimeSpan wait = Timeout.InfiniteTimeSpan;
                if (request.UntilTime.HasValue)
                {
                    wait = request.UntilTime.Value - DateTimeOffset.UtcNow;
                    if (wait <= TimeSpan.Zero) return;
                }
                await changed.WaitAsync(wait, token).ConfigureAwait(false);
            }
        }

        /// <summary>The reads started so far have ended (a stopped container's log is read to its end).</summary>
        public Task ReadsEndedAsync() => Task.WhenAll(Reads().Select(Settle));

        /// <summary>Ends the events and every read, and waits a bounded while for them, so no engine call outlives the command.</summary>
        public async Task CloseAsync()
        {
            stop.Cancel();
            Task[] reports;
            lock (gate) reports = containers.Values.Select(c => c.Reports).Concat(others).ToArray();
            Task all = Task.WhenAll(new[] { monitor, processing }.Concat(Reads()).Concat(reports).Select(Settle));
            await Task.WhenAny(all, Task.Delay(CloseBound)).ConfigureAwait(false);
        }

        public void Dispose()
        {
            stop.Cancel();
            Task.WhenAll(new[] { monitor, processing }.Select(Settle)).ContinueWith(_ => stop.Dispose(), TaskScheduler.Default);
        }

        /// <summary>
        /// A read's failure, as logs reports it: a driver that cannot be read back is a warning, a container removed
        /// meanwhile (a recreate; its successor is followed) is nothing, anything else an error naming the container.
        /// True for a lost engine stream.
        /// </summary>
        internal static bool ReportReadFailure(ILogSink sink, Exception e, LogTarget target)
        {
            if (e is EngineException ee && ee.StatusCode == 501)
                sink.Warning($"Can't retrieve logs for \"{target.Name}\": Error response from daemon: {ee.Message}");
            else if (!(e is EngineException nf && nf.IsNotFound))
                sink.Error(e, target.Name);
            return e is EngineStreamLostException;
        }

        private bool Done()
        {
            lock (gate) return seeded && containers.Values.All(c => !c.Awaited || (!c.Live && c.Reporting == 0));
        }

        private Task[] Reads()
        {
            lock (gate) return reads.ToArray();
        }

        /// <summary>Keeps a background task of the follow, for CloseAsync. Call under the lock.</summary>
        private void Track(Task task) => others.Add(task);

        private static async Task Settle(Task t)
        {
            try { await t.ConfigureAwait(false); }
            catch (Exception) { /* each read and report has said what went wrong; cancellation is how they end */ }
        }

        private void Changed() => changed.Release();

        /// <summary>The container's entry, added when new. Call under the lock.</summary>
        private FollowedContainer Add(LogTarget target)
        {
            if (!containers.TryGetValue(target.Id, out FollowedContainer c))
                containers.Add(target.Id, c = new FollowedContainer(target, rules.ReadsOutput(target), rules.Awaited(target)));
            return c;
        }

        private async Task SeedAsync()
        {
            await turn.WaitAsync(token).ConfigureAwait(false);
            try { await SeedInTurnAsync().ConfigureAwait(false); }
            finally { turn.Release(); }
            lock (gate) seeded = true;
            Changed();
        }

        private async Task SeedInTurnAsync()
        {
            IReadOnlyList<EngineContainer> listed = await request.ListAsync(engine, token).ConfigureAwait(false);
            bool now = rules.Start == FollowStart.Now;
            foreach (EngineContainer found in now ? listed.OrderBy(c => c.Name, StringComparer.Ordinal) : (IEnumerable<EngineContainer>)listed)
            {
                bool running = found.State == ContainerStates.Running || found.State == ContainerStates.Paused;
                bool live = running || found.State == ContainerStates.Restarting;
                FollowedContainer c;
                lock (gate)
                {
                    if (containers.ContainsKey(found.Id)) continue; // already followed from its events
                    c = Add(new LogTarget(request.Project, found));
                    c.Live = live;
                    c.RunOpen = running;
                    if (!now) RequestRead(c); // a stopped container is read to its end
                }
                if (now && running && c.ReadsOutput) await AttachFoundAsync(c).ConfigureAwait(false);
                else if (now && (found.State == ContainerStates.Exited || found.State == ContainerStates.Dead)) await ReportLastExitAsync(c).ConfigureAwait(false);
            }
        }

        /// <summary>A running container found at the start, attached for its output from now on (an exit meanwhile is its die event's).</summary>
        private async Task AttachFoundAsync(FollowedContainer c)
        {
            try { await AttachAsync(c).ConfigureAwait(false); }
            catch (EngineException e) when (e.IsConflict || e.IsNotFound) { /* stopped or removed meanwhile: its events tell */ }
            catch (Exception e) when (!(e is OperationCanceledException)) { streamLost |= ReportReadFailure(sink, e, c.Target); }
        }

        /// <summary>A stopped container found at the start: its last exit, from the engine's state.</summary>
        private async Task ReportLastExitAsync(FollowedContainer c)
        {
            EngineContainerDetails d;
            try { d = await engine.InspectContainerAsync(c.Target.Id, token).ConfigureAwait(false); }
            catch (EngineException e) when (e.IsNotFound) { return; }
            DateTimeOffset? finishedAt = EngineTime.FromEngineText(d.FinishedAt);
            lock (gate)
            {
                c.FoundExited = finishedAt;
                ReportEnd(c, new ContainerRunEnd(c.Target, d.ExitCode, false, finishedAt, c.Awaited));
            }
        }
    }
}
