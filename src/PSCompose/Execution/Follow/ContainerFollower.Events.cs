using System;
using System.Globalization;
using System.Threading.Tasks;
using PSCompose.Common;
using PSCompose.Engine;
using PSCompose.Model;

namespace PSCompose.Execution.Follow
{
    // The engine's container events, one at a time: runs begin and end, containers come and go (the class summary is in ContainerFollower.cs).
    internal sealed partial class ContainerFollower
    {
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
                    Started(c, EngineTime.FromUnixNanoseconds(e.TimeNano));
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

        /// <summary>A new run begins, unless this start is that of a run already followed (attached before it, or found).</summary>
        private void Started(FollowedContainer c, DateTimeOffset at)
        {
            lock (gate)
            {
                if (c.RunOpen || at <= c.FoundExited) return;
                c.BeginRun();
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
            catch (Exception x) when (!(x is OperationCanceledException)) { sink.Error(x, c.Target.Name); /* taken as stopped */ }
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
    }
}
