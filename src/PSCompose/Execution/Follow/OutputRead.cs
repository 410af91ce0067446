using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace PSCompose.Execution.Follow
{
    /// <summary>
    /// One read of a container's output (an attach or a logs stream): when it ended, and whether its lines still flow.
    /// A run's status line waits for the read, as long as lines keep coming or are being written (the back-pressure of
    /// a slow consumer), or a quiet while for a stream that does not end.
    /// </summary>
    internal sealed class OutputRead
    {
        private readonly TaskCompletionSource<bool> ended = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        private long lastActivity = Stopwatch.GetTimestamp();
        private int delivering;

        /// <summary>A batch of lines on its way to the sink; the returned task completes with it.</summary>
        public async Task DeliverAsync(Task delivery)
        {
            Interlocked.Increment(ref delivering);
            try { await delivery.ConfigureAwait(false); }
            finally
            {
                Interlocked.Exchange(ref lastActivity, Stopwatch.GetTimestamp());
                Interlocked.Decrement(ref delivering);
            }
        }

        public void End() => ended.TrySetResult(true);

        /// <summary>Until the read has ended, or nothing has arrived for <paramref name="quiet"/> counted from now or its last lines.</summary>
        public async Task EndedOrQuietAsync(TimeSpan quiet, CancellationToken ct)
        {
            long since = Stopwatch.GetTimestamp();
            while (!ended.Task.IsCompleted)
            {
                long last = Math.Max(since, Interlocked.Read(ref lastActivity));
                if (Volatile.Read(ref delivering) > 0) last = Stopwatch.GetTimestamp();
                TimeSpan left = quiet - TimeSpan.FromSeconds((Stopwatch.GetTimestamp() - last) / (double)Stopwatch.Frequency);
                if (left <= TimeSpan.Zero) return;
                await Task.WhenAny(ended.Task, Task.Delay(left, ct)).ConfigureAwait(false);
                ct.ThrowIfCancellationRequested();
            }
        }
    }
}
