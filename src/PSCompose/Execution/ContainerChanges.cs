using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Common;
using PSCompose.Engine;
using PSCompose.Model;

namespace PSCompose.Execution
{
    /// <summary>
    /// A subscription to the engine events that can change a wait's answer (start, die, health_status, destroy of
    /// one service's containers): NextAsync returns when one arrived or the fallback interval passed. The stream asks
    /// for events since the moment it was opened, so one that happens while the request is on its way is replayed,
    /// not lost. When events cannot be had (an engine or proxy without them), the interval alone paces the wait.
    /// </summary>
    internal sealed class ContainerChanges : IDisposable
    {
        private static readonly string[] Actions = { "start", "die", "health_status", "destroy" };

        private readonly SemaphoreSlim pulse = new SemaphoreSlim(0, 1);
        private readonly CancellationTokenSource stop;
        private readonly Task monitor;

        public ContainerChanges(IEngineClient engine, string project, string service, CancellationToken ct)
        {
            stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var query = new EventQuery
            {
                Filters = new Dictionary<string, IList<string>>
                {
                    ["type"] = new List<string> { "container" },
                    ["label"] = new List<string> { ComposeLabels.Project + "=" + project, ComposeLabels.Service + "=" + service },
                    ["event"] = new List<string>(Actions),
                },
                Since = EngineTime.ToQueryValue(DateTimeOffset.Now),
            };
            CancellationToken token = stop.Token;
            monitor = Task.Run(() => engine.StreamEventsAsync(query, _ => Pulse(), token), token);
        }

        /// <summary>Waits for a change or the interval; true when a change was seen.</summary>
        public Task<bool> NextAsync(TimeSpan fallback, CancellationToken ct) => pulse.WaitAsync(fallback, ct);

        private void Pulse()
        {
            try { pulse.Release(); }
            catch (SemaphoreFullException) { /* a change is already pending: one re-check covers both */ }
            catch (ObjectDisposedException) { /* the wait is over */ }
        }

        public void Dispose()
        {
            stop.Cancel();
            // The stream ends on cancellation; its outcome (cancelled, or a failure polling covered) is not needed.
            monitor.ContinueWith(t => { _ = t.Exception; stop.Dispose(); pulse.Dispose(); }, TaskScheduler.Default);
        }
    }
}
