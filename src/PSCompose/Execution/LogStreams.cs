using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Execution.Follow;

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
    /// Reads the logs of the request's containers concurrently, each container's lines in order. With Follow the
    /// <see cref="ContainerFollower"/> keeps reading them, follows restarts, recreates and scale-ups, and ends once every
    /// followed container has stopped and none is restarting — containers already stopped at the start count as done
    /// (docker/compose#8715 never ends there) — or at Until.
    /// </summary>
    internal sealed class LogStreams
    {
        private readonly IEngineClient engine;
        private readonly LogRequest request;
        private readonly ILogSink sink;

        public LogStreams(IEngineClient engine, LogRequest request, ILogSink sink)
        {
            this.engine = engine;
            this.request = request;
            this.sink = sink;
        }

        public async Task RunAsync(CancellationToken ct)
        {
            if (!request.Follow)
            {
                IReadOnlyList<EngineContainer> containers = await request.ListAsync(engine, ct).ConfigureAwait(false);
                await Task.WhenAll(containers.Select(c => ReadOnceAsync(new LogTarget(request.Project, c), ct))).ConfigureAwait(false);
                return;
            }
            using (var follower = new ContainerFollower(engine, new FollowRules { Request = request, Start = FollowStart.History }, sink, ct))
            {
                try
                {
                    await follower.RunAsync().ConfigureAwait(false);
                    // The reads of containers stopped at the start run to their end; nothing is cut short. At -Until the
                    // engine (20.10) keeps an idle follow stream open, so those are cancelled instead.
                    if (!follower.Interrupted && !request.UntilPassed) await follower.ReadsEndedAsync().ConfigureAwait(false);
                }
                finally
                {
                    await follower.CloseAsync().ConfigureAwait(false);
                }
                ct.ThrowIfCancellationRequested();
            }
        }

        private async Task ReadOnceAsync(LogTarget target, CancellationToken ct)
        {
            try
            {
                await engine.StreamLogsAsync(target.Id, request.Options(false, request.Since), lines => sink.LinesAsync(target, lines, ct), ct)
                    .ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException)) { ContainerFollower.ReportReadFailure(sink, e, target); }
        }
    }
}
