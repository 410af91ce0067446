using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
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
    /// is missed. A start event begins a read of the container's new run (a restart, a recreate, a scale-up) from its
    /// watermark, the last line seen, since the engine's StartedAt comes after a run's first lines. A die event ends
    /// the run with the event's exit code (the engine's state reads 0 once a restart policy started it again), reported
    /// after the run's output, "(restarting)" when the engine is starting it again. A container created to replace
    /// another counts from its create event, so a recreate does not end the follow. RunAsync returns once every awaited
    /// container has stopped for good (see <see cref="FollowRules"/>).
    /// </summary>
    internal sealed class ContainerFollower : IDisposable
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
                c.Live = c.RunOpen = true;
                // A read of an earlier run still going reads this one after it, from the watermark.
                busy = c.Reading;
                c.ReadAgain |= busy && c.ReadsOutput;
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

        // ---- the containers there at the start ----

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
            lock (gate) ReportEnd(c, new ContainerRunEnd(c.Target, d.ExitCode, false, EngineTime.FromEngineText(d.FinishedAt), c.Awaited));
        }

        // ---- events ----

        private async Task MonitorAsync(EventQuery query)
        {
            try
            {
                await engine.StreamEventsAsync(query, e =>
                {
                    events.Enqueue(e);
                    arrived.Release();
                }, token).ConfigureAwait(false);
                if (!token.IsCancellationRequested) throw new EngineStreamLostException("the engine's event stream ended");
            }
            catch (Exception e) when (!token.IsCancellationRequested)
            {
                eventsError = e is EngineStreamLostException ? e : new EngineStreamLostException("the engine's event stream ended: " + e.Message, e);
                Changed();
            }
            catch (Exception) when (token.IsCancellationRequested) { /* stopped: how the stream ended is moot */ }
        }

        /// <summary>One event at a time, in the engine's order, as Compose's monitor takes them.</summary>
        private async Task ProcessAsync()
        {
            while (true)
            {
                await arrived.WaitAsync(token).ConfigureAwait(false);
                events.TryDequeue(out EngineEvent e);
                await turn.WaitAsync(token).ConfigureAwait(false);
                try { await HandleAsync(e).ConfigureAwait(false); }
                catch (Exception x) when (!token.IsCancellationRequested) { sink.Error(x, request.Project); }
                finally { turn.Release(); }
            }
        }

        private async Task HandleAsync(EngineEvent e)
        {
            FollowedContainer c;
            lock (gate)
            {
                containers.TryGetValue(e.ActorId, out c);
                if (c == null && Selects(e) && (e.Action == "start" || (e.Action == "create" && e.Attributes.ContainsKey(ComposeLabels.Replace))))
                {
                    c = Add(Target(e));
                    c.Live = true; // a recreation awaits its start, so the old container's exit does not end the follow
                }
            }
            if (c == null) return;
            switch (e.Action)
            {
                case "start":
                    Started(c);
                    break;
                case "kill":
                    lock (gate) c.Killed |= c.RunOpen;
                    break;
                case "die":
                    await DiedAsync(c, e).ConfigureAwait(false);
                    break;
                case "stop":
                    await StoppedAsync(c).ConfigureAwait(false);
                    break;
                case "destroy":
                    lock (gate) c.Live = c.RunOpen = c.Settling = false;
                    Changed();
                    break;
            }
        }

        private bool Selects(EngineEvent e) => request.Selects(e.Attributes.TryGetValue("name", out string name) ? name : null, e.Attributes);

        private LogTarget Target(EngineEvent e) => new LogTarget(request.Project, new EngineContainer
        {
            Id = e.ActorId,
            Name = e.Attributes.TryGetValue("name", out string name) ? name : e.ActorId,
            Labels = e.Attributes,
        });

        /// <summary>A new run begins, unless this start is that of the run already followed (attached before it, or found running).</summary>
        private void Started(FollowedContainer c)
        {
            lock (gate)
            {
                c.Live = true;
                c.Settling = false;
                if (c.RunOpen) return;
                c.RunOpen = true;
                c.Runs++;
                c.Killed = false;
                RequestRead(c);
            }
            Changed();
        }

        private async Task DiedAsync(FollowedContainer c, EngineEvent e)
        {
            lock (gate)
            {
                if (!c.RunOpen) return; // a run this follow did not see start
                c.RunOpen = false;
            }
            EngineContainerDetails now = null;
            try { now = await engine.InspectContainerAsync(c.Target.Id, token).ConfigureAwait(false); }
            catch (EngineException x) when (x.IsNotFound) { /* removed: stopped for good */ }
            // Compose's test: restarting (the restart policy's delay), or running again (a restart under way or done).
            bool restarting = now != null && (now.Restarting || now.Running);
            long code = e.Attributes.TryGetValue("exitCode", out string text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long died)
                ? died : now?.ExitCode ?? 0;
            DateTimeOffset? finishedAt = (restarting ? null : EngineTime.FromEngineText(now?.FinishedAt)) ?? EngineTime.FromUnixNanoseconds(e.TimeNano);
            lock (gate)
            {
                // Stopped through the API: a restart's start may not have begun yet, so it settles at the stop event.
                c.Settling = !restarting && c.Killed;
                c.Killed = false;
                c.Live = restarting || c.RunOpen || c.Settling;
                c.LastEnd = EngineTime.ToQueryValue(e.TimeNano);
                ReportEnd(c, new ContainerRunEnd(c.Target, code, restarting, finishedAt, c.Awaited));
                if (c.Settling) Track(SettleAsync(c, c.Runs));
            }
            Changed();
        }

        /// <summary>docker kill sends no stop event: a killed container that neither stops nor starts again within the bound has stopped.</summary>
        private async Task SettleAsync(FollowedContainer c, int run)
        {
            await Task.Delay(SettleBound, token).ConfigureAwait(false);
            lock (gate)
            {
                if (!c.Settling || c.Runs != run) return;
                c.Settling = false;
                c.Live = c.RunOpen;
            }
            Changed();
        }

        /// <summary>
        /// A stop (or the stop half of a restart) is over, or a restarting container was stopped in its restart delay (no
        /// die event there). A restart starts the container right after this event and holds its lock meanwhile, so an
        /// inspect now waits for that start; one taken just before it began is asked again.
        /// </summary>
        private async Task StoppedAsync(FollowedContainer c)
        {
            int run;
            lock (gate)
            {
                if (c.RunOpen || !c.Live) return;
                run = c.Runs;
            }
            bool again = false;
            for (int look = 0; look < 2 && !again; look++)
            {
                try
                {
                    EngineContainerDetails now = await engine.InspectContainerAsync(c.Target.Id, token).ConfigureAwait(false);
                    again = now.Running || now.Restarting;
                }
                catch (EngineException x) when (x.IsNotFound) { break; /* removed: stopped for good */ }
            }
            lock (gate)
            {
                if (c.RunOpen || c.Runs != run) return;
                c.Settling = false;
                c.Live = again;
            }
            Changed();
        }

        /// <summary>The run's status line and the caller's Ended, after its output (each container's in order). Call under the lock.</summary>
        private void ReportEnd(FollowedContainer c, ContainerRunEnd end)
        {
            c.Reporting++;
            c.Reports = ReportAfterAsync(c.Reports, c, c.Current, end);
        }

        private async Task ReportAfterAsync(Task previous, FollowedContainer c, OutputRead read, ContainerRunEnd end)
        {
            try
            {
                await previous.ConfigureAwait(false);
                if (read != null) await read.EndedOrQuietAsync(OutputQuiet, token).ConfigureAwait(false);
                sink.Status(c.Target, LogPresenter.ExitStatus(end.ExitCode, end.Restarting));
                rules.Ended(end);
            }
            catch (OperationCanceledException) { /* stopped: nothing more is shown, as with Compose after Ctrl+C */ }
            finally
            {
                lock (gate) c.Reporting--;
                Changed();
            }
        }

        // ---- output ----

        /// <summary>
        /// Reads the container's new run, from where the run before it ended (taken now: a later die must not move it),
        /// or after the read under way. Call under the lock.
        /// </summary>
        private void RequestRead(FollowedContainer c)
        {
            if (!c.ReadsOutput || token.IsCancellationRequested) return;
            if (c.Reading)
            {
                if (!c.ReadAgain) c.AgainSince = c.LastEnd;
                c.ReadAgain = true;
                return;
            }
            c.Reading = true;
            c.Current = new OutputRead();
            reads.Add(ReadLoopAsync(c, c.Current, c.LastEnd, null));
        }

        private async Task AttachAsync(FollowedContainer c)
        {
            var read = new OutputRead();
            Task output = await engine.AttachOutputAsync(c.Target.Id, lines => Deliver(c, read, lines, false), token).ConfigureAwait(false);
            lock (gate)
            {
                c.Reading = true;
                c.Current = read;
                reads.Add(ReadLoopAsync(c, read, null, output));
            }
        }

        /// <summary>One read after another, while runs started during the last one: one reader per container, so the watermark holds.</summary>
        private async Task ReadLoopAsync(FollowedContainer c, OutputRead read, string runSince, Task attached)
        {
            await Task.Yield();
            if (attached != null) await ReadAttachedAsync(c, read, attached).ConfigureAwait(false);
            else await ReadLogsAsync(c, read, runSince).ConfigureAwait(false);
            while (true)
            {
                lock (gate)
                {
                    if (!c.ReadAgain || token.IsCancellationRequested || request.UntilPassed)
                    {
                        c.Reading = c.ReadAgain = false;
                        return;
                    }
                    c.ReadAgain = false;
                    runSince = c.AgainSince;
                    c.Current = read = new OutputRead();
                }
                await ReadLogsAsync(c, read, runSince).ConfigureAwait(false);
            }
        }

        private async Task ReadAttachedAsync(FollowedContainer c, OutputRead read, Task output)
        {
            try { await output.ConfigureAwait(false); }
            catch (Exception e) when (!(e is OperationCanceledException)) { streamLost |= ReportReadFailure(sink, e, c.Target); }
            finally { read.End(); }
        }

        /// <summary>
        /// Follows the container's log from the run's start (runSince, the die of the run before; null for a container's
        /// first read) or its watermark, whichever is later, and never before the request's since. A stream that ends
        /// while the container still runs the same process is an EngineStreamLost error. Attached up re-follows a
        /// container whose driver cannot be read back through the attach API instead, as Compose does (its first lines
        /// are lost there).
        /// </summary>
        private async Task ReadLogsAsync(FollowedContainer c, OutputRead read, string runSince)
        {
            string id = c.Target.Id;
            bool attachInstead = false;
            try
            {
                EngineContainerDetails before = await engine.InspectContainerAsync(id, token).ConfigureAwait(false);
                LogOptions options = request.Options(true, Later(Later(c.Mark.Since, runSince), request.Since));
                await engine.StreamLogsAsync(id, options, lines => Deliver(c, read, lines, true), token).ConfigureAwait(false);
                EngineContainerDetails now = await engine.InspectContainerAsync(id, token).ConfigureAwait(false);
                if (before.Running && now.Running && !now.Restarting && now.StartedAt == before.StartedAt && !request.UntilPassed)
                    throw new EngineStreamLostException($"the log stream of {c.Target.Name} ended while the container is still running");
            }
            catch (EngineException e) when (e.StatusCode == 501 && rules.Start == FollowStart.Now) { attachInstead = true; }
            catch (Exception e) when (!(e is OperationCanceledException)) { streamLost |= ReportReadFailure(sink, e, c.Target); }
            finally
            {
                if (!attachInstead) read.End();
            }
            if (!attachInstead) return;
            try
            {
                Task output = await engine.AttachOutputAsync(id, lines => Deliver(c, read, lines, false), token).ConfigureAwait(false);
                await ReadAttachedAsync(c, read, output).ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                read.End();
                if (!(e is EngineException ee && (ee.IsConflict || ee.IsNotFound))) streamLost |= ReportReadFailure(sink, e, c.Target);
            }
        }

        /// <summary>
        /// Passes on the lines not seen before. Logs lines carry the engine's capture time, which the watermark needs;
        /// attached up shows when each line arrived, as for the lines it attaches to.
        /// </summary>
        private Task Deliver(FollowedContainer c, OutputRead read, IReadOnlyList<OutputLine> lines, bool fromLogs)
        {
            IReadOnlyList<OutputLine> fresh = fromLogs ? c.Mark.Pass(lines) : lines;
            if (fresh.Count == 0) return Task.CompletedTask;
            if (fromLogs && rules.Start == FollowStart.Now)
            {
                DateTimeOffset arrivedAt = DateTimeOffset.Now;
                fresh = fresh.Select(l => new OutputLine(l.Stream, arrivedAt, l.Text)).ToList();
            }
            return read.DeliverAsync(sink.LinesAsync(c.Target, fresh, token));
        }

        private static string Later(string a, string b)
        {
            if (a == null) return b;
            if (b == null) return a;
            return decimal.Parse(a, CultureInfo.InvariantCulture) >= decimal.Parse(b, CultureInfo.InvariantCulture) ? a : b;
        }
    }
}
