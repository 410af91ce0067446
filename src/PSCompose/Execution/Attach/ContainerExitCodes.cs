using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Common;
using PSCompose.Engine;

namespace PSCompose.Execution.Attach
{
    /// <summary>
    /// The exit code of each run of one container, from its die events (as Compose reads them). The wait API alone
    /// cannot tell it once a restart policy restarts the container: the engine reads the code when the waiter wakes,
    /// and a container that has already started again reports 0. Without events, NextAsync gives null.
    /// </summary>
    internal sealed class ContainerExitCodes : IDisposable
    {
        private readonly ConcurrentQueue<(DateTimeOffset Time, long Code)> deaths = new ConcurrentQueue<(DateTimeOffset, long)>();
        private readonly SemaphoreSlim arrived = new SemaphoreSlim(0);
        private readonly CancellationTokenSource stop;
        private readonly Task monitor;

        public ContainerExitCodes(IEngineClient engine, string containerId, CancellationToken ct)
        {
            stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var query = new EventQuery
            {
                Filters = new Dictionary<string, IList<string>>
                {
                    ["type"] = new List<string> { "container" },
                    ["container"] = new List<string> { containerId },
                    ["event"] = new List<string> { "die" },
                },
                Since = EngineTime.ToQueryValue(DateTimeOffset.Now),
            };
            CancellationToken token = stop.Token;
            monitor = Task.Run(() => engine.StreamEventsAsync(query, Died, token), token);
        }

        /// <summary>
        /// The code of the run that started at runStart (the first death at or after it; earlier ones belong to runs
        /// already reported), or null when none arrives within the bound or events cannot be had.
        /// </summary>
        public async Task<long?> NextAsync(string runStart, TimeSpan bound, CancellationToken ct)
        {
            DateTimeOffset start = EngineTime.FromEngineText(runStart) ?? DateTimeOffset.MinValue;
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                while (deaths.TryDequeue(out var death))
                    if (death.Time >= start) return death.Code;
                TimeSpan left = bound - waited.Elapsed;
                if (monitor.IsCompleted || left <= TimeSpan.Zero || !await arrived.WaitAsync(left, ct).ConfigureAwait(false)) return null;
            }
        }

        private void Died(EngineEvent e)
        {
            if (!e.Attributes.TryGetValue("exitCode", out string text) || !long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long code)) return;
            deaths.Enqueue((EngineTime.FromUnixNanoseconds(e.TimeNano), code));
            try { arrived.Release(); }
            catch (ObjectDisposedException) { /* the follow is over */ }
        }

        public void Dispose()
        {
            stop.Cancel();
            // The stream ends on cancellation; its outcome (cancelled, or no events from this engine) is not needed.
            monitor.ContinueWith(t => { _ = t.Exception; stop.Dispose(); arrived.Dispose(); }, TaskScheduler.Default);
        }
    }
}
