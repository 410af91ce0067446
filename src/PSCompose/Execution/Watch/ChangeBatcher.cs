using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PSCompose.Execution.Watch
{
    /// <summary>
    /// Collects changed paths from any thread and hands them out as one de-duplicated batch once no change has
    /// arrived for the quiet period (Compose's 500 ms debounce), so a burst of writes becomes one action.
    /// </summary>
    internal sealed class ChangeBatcher : IDisposable
    {
        public static readonly TimeSpan DefaultQuiet = TimeSpan.FromMilliseconds(500);

        private readonly object gate = new object();
        private readonly TimeSpan quiet;
        private readonly Func<DateTime> now;
        private readonly SemaphoreSlim signal = new SemaphoreSlim(0);
        private List<string> pending = new List<string>();
        private HashSet<string> seen = new HashSet<string>(StringComparer.Ordinal);
        private DateTime last;

        public ChangeBatcher(TimeSpan quiet, Func<DateTime> now = null)
        {
            this.quiet = quiet;
            this.now = now ?? (() => DateTime.UtcNow);
        }

        public void Add(string path)
        {
            lock (gate)
            {
                last = now();
                if (seen.Add(path)) pending.Add(path);
            }
            signal.Release();
        }

        /// <summary>Waits for a change, then for the quiet period after the latest one; returns the paths in arrival order.</summary>
        public async Task<IReadOnlyList<string>> NextAsync(CancellationToken ct)
        {
            while (true)
            {
                await signal.WaitAsync(ct).ConfigureAwait(false);
                while (true)
                {
                    TimeSpan wait;
                    lock (gate)
                    {
                        if (pending.Count == 0) break;
                        wait = last + quiet - now();
                        if (wait <= TimeSpan.Zero)
                        {
                            List<string> batch = pending;
                            pending = new List<string>();
                            seen = new HashSet<string>(StringComparer.Ordinal);
                            while (signal.CurrentCount > 0) signal.Wait(0);
                            return batch;
                        }
                    }
                    await Task.Delay(wait, ct).ConfigureAwait(false);
                }
            }
        }

        public void Dispose() => signal.Dispose();
    }
}
