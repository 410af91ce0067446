using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PSCompose.Engine
{
    /// <summary>
    /// A command's stdin while it is being produced: the producer (the pipeline thread, one record at a time) adds
    /// chunks, and the engine reads them as a stream and copies them into the exec or attach connection as they come.
    /// About <see cref="Capacity"/> bytes wait here at most: past that, <see cref="Add"/> returns a task that completes
    /// once the reader has taken half of them, and the producer waits for it. That is the back-pressure of a command
    /// that reads slowly. Disposing is the reader going away (the command ended, or its connection did): what waits
    /// here, and whatever is added afterwards, is dropped.
    /// </summary>
    internal sealed class StdinPipe : ReadOnlyStream
    {
        internal const int Capacity = 1024 * 1024;

        private readonly object gate = new object();
        private readonly Queue<byte[]> chunks = new Queue<byte[]>();
        private int headRead;
        private int buffered;
        private bool adding = true;
        private bool readerGone;
        private TaskCompletionSource<bool> arrived;
        private TaskCompletionSource<bool> room;

        /// <summary>Queues the bytes (nothing once the reader has gone); the task completes when there is room for more.</summary>
        public Task Add(byte[] bytes)
        {
            lock (gate)
            {
                if (readerGone || !adding || bytes.Length == 0) return Task.CompletedTask;
                chunks.Enqueue(bytes);
                buffered += bytes.Length;
                Signal(ref arrived);
                if (buffered < Capacity) return Task.CompletedTask;
                room = room ?? NewSignal();
                return room.Task;
            }
        }

        /// <summary>The end of the input: the reader sees the end of the stream once it has read what waits.</summary>
        public void CompleteAdding()
        {
            lock (gate)
            {
                adding = false;
                Signal(ref arrived);
            }
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct)
        {
            while (true)
            {
                Task next;
                lock (gate)
                {
                    if (readerGone) throw new ObjectDisposedException(nameof(StdinPipe));
                    if (buffered > 0) return Take(buffer, offset, count);
                    if (!adding) return 0;
                    arrived = arrived ?? NewSignal();
                    next = arrived.Task;
                }
                await WhenSignalled(next, ct).ConfigureAwait(false);
            }
        }

        /// <summary>Copies what waits, across chunks, up to count bytes; makes room for the producer below half the capacity.</summary>
        private int Take(byte[] buffer, int offset, int count)
        {
            int taken = 0;
            while (taken < count && chunks.Count > 0)
            {
                byte[] head = chunks.Peek();
                int n = Math.Min(count - taken, head.Length - headRead);
                Buffer.BlockCopy(head, headRead, buffer, offset + taken, n);
                taken += n;
                headRead += n;
                if (headRead == head.Length)
                {
                    chunks.Dequeue();
                    headRead = 0;
                }
            }
            buffered -= taken;
            if (buffered <= Capacity / 2) Signal(ref room);
            return taken;
        }

        private static async Task WhenSignalled(Task signal, CancellationToken ct)
        {
            if (!ct.CanBeCanceled)
            {
                await signal.ConfigureAwait(false);
                return;
            }
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (ct.Register(() => cancelled.TrySetResult(true)))
                await Task.WhenAny(signal, cancelled.Task).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
        }

        // Continuations run on the pool: neither the producer's thread nor the lock runs the engine's copy loop.
        private static TaskCompletionSource<bool> NewSignal() => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        private static void Signal(ref TaskCompletionSource<bool> signal)
        {
            signal?.TrySetResult(true);
            signal = null;
        }

        protected override void Dispose(bool disposing)
        {
            lock (gate)
            {
                readerGone = true;
                chunks.Clear();
                headRead = buffered = 0;
                Signal(ref room);
                Signal(ref arrived);
            }
            base.Dispose(disposing);
        }
    }
}
