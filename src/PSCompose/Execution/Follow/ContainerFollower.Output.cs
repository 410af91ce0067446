using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using PSCompose.Engine;

namespace PSCompose.Execution.Follow
{
    // The reads of the containers' output, one at a time per container (the class summary is in ContainerFollower.cs).
    internal sealed partial class ContainerFollower
    {
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
