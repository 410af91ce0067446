using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Common;
using PSCompose.Model;
using PSCompose.Plan;

namespace PSCompose.Execution
{
    /// <summary>Where the log streams of a request go. Every call may come from any pool thread.</summary>
    internal interface ILogSink
    {
        /// <summary>A batch of one container's lines, in order; awaiting it is the back-pressure.</summary>
        Task LinesAsync(LogTarget target, IReadOnlyList<OutputLine> lines, CancellationToken ct);

        /// <summary>"exited with code N" and the like.</summary>
        void Status(LogTarget target, string message);

        void Warning(string message);

        /// <summary>A failure that ends one container's stream (the others go on).</summary>
        void Error(Exception error, string target);
    }

    /// <summary>
    /// Reads the logs of the request's containers concurrently, each container's lines in order. With Follow it
    /// also watches the project's start events and follows each (re)started container with the same tail, as Compose
    /// does, but from its watermark (the last line seen) rather than StartedAt, which the engine sets after a run's
    /// first lines; it ends once every followed container has stopped and none is restarting —
    /// containers already stopped at the start count as done (docker/compose#8715 never ends there) — or at Until.
    /// A follow stream that ends while its container still runs the same process is an EngineStreamLost error.
    /// </summary>
    internal sealed class LogStreams
    {
        private readonly IEngineClient engine;
        private readonly LogRequest request;
        private readonly ILogSink sink;
        private readonly object gate = new object();
        private readonly HashSet<string> following = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> again = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, Watermark> watermarks = new Dictionary<string, Watermark>(StringComparer.Ordinal);
        private readonly List<Task> streams = new List<Task>();
        private readonly SemaphoreSlim changed = new SemaphoreSlim(0);
        private int active;
        private volatile bool streamLost;
        private volatile bool monitorEnded;
        private Exception monitorError;

        public LogStreams(IEngineClient engine, LogRequest request, ILogSink sink)
        {
            this.engine = engine;
            this.request = request;
            this.sink = sink;
        }

        /// <summary>The request's containers now, newest first as the engine lists them.</summary>
        public static async Task<IReadOnlyList<EngineContainer>> SelectAsync(IEngineClient engine, LogRequest request, CancellationToken ct) =>
            (await engine.ListContainersAsync(request.LabelFilters(), true, ct).ConfigureAwait(false)).Where(request.Selects).ToList();

        public async Task RunAsync(CancellationToken ct)
        {
            if (!request.Follow)
            {
                IReadOnlyList<EngineContainer> containers = await SelectAsync(engine, request, ct).ConfigureAwait(false);
                await Task.WhenAll(containers.Select(c => ReadOnceAsync(new LogTarget(request.Project, c), ct))).ConfigureAwait(false);
                return;
            }
            using (var follow = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                Task monitor = MonitorAsync(follow.Token);
                try
                {
                    await FollowUntilDoneAsync(follow.Token).ConfigureAwait(false);
                    // The reads of containers stopped at the start run to their end; nothing is cut short. At -Until the
                    // engine (20.10) keeps an idle follow stream open, so those are cancelled instead.
                    if (!UntilPassed()) await Task.WhenAll(Streams()).ConfigureAwait(false);
                }
                finally
                {
                    follow.Cancel();
                    await Settle(monitor).ConfigureAwait(false);
                    await Task.WhenAll(Streams().Select(Settle)).ConfigureAwait(false);
                }
                ct.ThrowIfCancellationRequested();
            }
        }

        private Task[] Streams()
        {
            lock (gate) return streams.ToArray();
        }

        private static async Task Settle(Task t)
        {
            try { await t.ConfigureAwait(false); }
            catch (OperationCanceledException) { }
        }

        private async Task ReadOnceAsync(LogTarget target, CancellationToken ct)
        {
            try
            {
                Watermark mark = WatermarkOf(target.Id);
                await engine.StreamLogsAsync(target.Id, request.Options(false, request.Since), lines => Forward(target, mark, lines, ct), ct)
                    .ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException)) { Report(e, target); }
        }

        private void Report(Exception e, LogTarget target)
        {
            if (e is EngineException ee && ee.StatusCode == 501)
                sink.Warning($"Can't retrieve logs for \"{target.Name}\": Error response from daemon: {ee.Message}");
            else if (e is EngineException nf && nf.IsNotFound) { /* removed meanwhile (a recreate): its successor is followed */ }
            else
            {
                if (e is EngineStreamLostException) streamLost = true;
                sink.Error(e, target.Name);
            }
        }

        private async Task FollowUntilDoneAsync(CancellationToken ct)
        {
            bool first = true;
            while (true)
            {
                IReadOnlyList<EngineContainer> containers = await SelectAsync(engine, request, ct).ConfigureAwait(false);
                bool restarting = false;
                foreach (EngineContainer c in containers)
                {
                    bool up = c.State == ContainerStates.Running || c.State == ContainerStates.Restarting || c.State == ContainerStates.Paused;
                    restarting |= c.State == ContainerStates.Restarting;
                    // At the start every container is read (a stopped one to its end); later only running ones need a look.
                    if (first || up) Follow(c.Id, ct);
                }
                first = false;
                if (Volatile.Read(ref active) == 0 && !restarting) return;
                TimeSpan wait = restarting ? TimeSpan.FromSeconds(1) : Timeout.InfiniteTimeSpan;
                if (request.UntilTime.HasValue)
                {
                    TimeSpan left = request.UntilTime.Value - DateTimeOffset.UtcNow;
                    if (left <= TimeSpan.Zero) return;
                    if (wait == Timeout.InfiniteTimeSpan || left < wait) wait = left;
                }
                // Wake on every container read that ends; whether the project is done is decided on a fresh list.
                if (!await changed.WaitAsync(wait, ct).ConfigureAwait(false) && UntilPassed()) return;
                while (changed.CurrentCount > 0) await changed.WaitAsync(ct).ConfigureAwait(false);
                // The engine went away: each stream has said so; a fresh list would only fail again.
                if (streamLost) return;
                if (monitorEnded)
                {
                    // The streams fail too when the engine is gone, each naming its container; else the events alone broke.
                    await Task.WhenAny(Task.WhenAll(Streams()), Task.Delay(TimeSpan.FromSeconds(5), ct)).ConfigureAwait(false);
                    if (!streamLost) sink.Error(monitorError, request.Project);
                    return;
                }
            }
        }

        private void Track(Task stream)
        {
            lock (gate) streams.Add(stream);
        }

        /// <summary>
        /// Reads the container's log from where it was left (its watermark) and follows it while it runs. One reader
        /// per container: a call while it reads (a start event racing the list) makes it look once more when done.
        /// </summary>
        private void Follow(string id, CancellationToken ct)
        {
            lock (gate)
            {
                if (following.Contains(id))
                {
                    again.Add(id);
                    return;
                }
                following.Add(id);
                Interlocked.Increment(ref active);
            }
            Track(FollowLoopAsync(id, ct));
        }

        private async Task FollowLoopAsync(string id, CancellationToken ct)
        {
            Watermark mark = WatermarkOf(id);
            LogTarget target = null;
            try
            {
                while (true)
                {
                    EngineContainerDetails before = await engine.InspectContainerAsync(id, ct).ConfigureAwait(false);
                    target = target ?? new LogTarget(request.Project, ToContainer(before));
                    string since = Later(mark.Since, request.Since);
                    await engine.StreamLogsAsync(id, request.Options(true, since), lines => Forward(target, mark, lines, ct), ct).ConfigureAwait(false);
                    EngineContainerDetails now = await engine.InspectContainerAsync(id, ct).ConfigureAwait(false);
                    bool sameRun = now.StartedAt == before.StartedAt;
                    if (before.Running && now.Running && !now.Restarting && sameRun && !UntilPassed())
                        throw new EngineStreamLostException($"the log stream of {target.Name} ended while the container is still running");
                    if (!now.Running) mark.Finished(now.FinishedAt);
                    if (before.Running && (!now.Running || !sameRun))
                        sink.Status(target, LogPresenter.ExitStatus(now.ExitCode, now.Restarting || now.Running));
                    lock (gate)
                    {
                        bool look = again.Remove(id) || (now.Running && !sameRun);
                        if (!look || UntilPassed())
                        {
                            following.Remove(id);
                            return;
                        }
                    }
                }
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                lock (gate) following.Remove(id);
                Report(e, target ?? new LogTarget(request.Project, new EngineContainer { Id = id, Name = id }));
            }
            catch (OperationCanceledException)
            {
                lock (gate) following.Remove(id);
            }
            finally
            {
                Interlocked.Decrement(ref active);
                changed.Release();
            }
        }

        private Watermark WatermarkOf(string id)
        {
            lock (gate)
            {
                if (!watermarks.TryGetValue(id, out Watermark mark)) watermarks.Add(id, mark = new Watermark());
                return mark;
            }
        }

        private Task Forward(LogTarget target, Watermark mark, IReadOnlyList<OutputLine> lines, CancellationToken ct)
        {
            IReadOnlyList<OutputLine> fresh = mark.Pass(lines);
            return fresh.Count == 0 ? Task.CompletedTask : sink.LinesAsync(target, fresh, ct);
        }

        private bool UntilPassed() => request.UntilTime.HasValue && DateTimeOffset.UtcNow >= request.UntilTime.Value;

        /// <summary>Start events of the selected containers (restarts, recreates, scale-ups) start a follow.</summary>
        private async Task MonitorAsync(CancellationToken ct)
        {
            var filters = new Dictionary<string, IList<string>>
            {
                ["type"] = new List<string> { "container" },
                ["event"] = new List<string> { "start" },
                ["label"] = new List<string> { ComposeLabels.Project + "=" + request.Project },
            };
            try
            {
                await engine.MonitorEventsAsync(filters, e =>
                {
                    if (e.Action != "start" || !request.Selects(e.Attributes.TryGetValue("name", out string n) ? n : null, e.Attributes)) return;
                    Follow(e.ActorId, ct);
                }, ct).ConfigureAwait(false);
                if (!ct.IsCancellationRequested) throw new EngineStreamLostException("the engine's event stream ended");
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // Without events no restart is seen. When the engine is gone the streams say so per container.
                monitorError = e is EngineStreamLostException ? e : new EngineStreamLostException("the engine's event stream ended: " + e.Message, e);
                monitorEnded = true;
                changed.Release();
            }
            // Stopped: the follow is over (the streams have reported a lost engine), so how the event stream ended is moot.
            catch (Exception) when (ct.IsCancellationRequested) { }
        }

        private static EngineContainer ToContainer(EngineContainerDetails d) => new EngineContainer { Id = d.Id, Name = d.Name, Labels = d.Labels };

        private static string Later(string a, string b)
        {
            if (a == null) return b;
            if (b == null) return a;
            return decimal.Parse(a, CultureInfo.InvariantCulture) >= decimal.Parse(b, CultureInfo.InvariantCulture) ? a : b;
        }
    }
}
