using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Actions posted from worker threads, run in order on the pipeline thread. <see cref="Post"/> is for the few
    /// messages of a plan (progress, warnings); <see cref="PostAsync"/> is for data that can be endless (log lines,
    /// events): at most <see cref="DataCapacity"/> such posts wait here, and a producer past that waits for the
    /// pipeline, so a slow consumer slows the engine reads and memory stays flat.
    /// </summary>
    internal sealed class PipelineQueue : IDisposable
    {
        internal const int DataCapacity = 64;

        private readonly BlockingCollection<Action> actions = new BlockingCollection<Action>();
        private readonly SemaphoreSlim dataSlots = new SemaphoreSlim(DataCapacity);
        private readonly CancellationTokenSource closed = new CancellationTokenSource();

        public void Post(Action action)
        {
            try { actions.Add(action); }
            catch (Exception e) when (e is InvalidOperationException || e is ObjectDisposedException) { /* completed: the pipeline is gone */ }
        }

        /// <summary>Waits for room, then posts. Ends with OperationCanceledException when the pipeline is gone.</summary>
        public async Task PostAsync(Action action, CancellationToken ct)
        {
            try
            {
                using (var either = CancellationTokenSource.CreateLinkedTokenSource(ct, closed.Token))
                    await dataSlots.WaitAsync(either.Token).ConfigureAwait(false);
                actions.Add(() =>
                {
                    dataSlots.Release();
                    action();
                });
            }
            catch (Exception e) when (e is InvalidOperationException || e is ObjectDisposedException)
            {
                throw new OperationCanceledException("The pipeline no longer reads this command's output.", e);
            }
        }

        public void Complete()
        {
            try
            {
                actions.CompleteAdding();
                closed.Cancel();
            }
            catch (ObjectDisposedException) { /* the pipeline side gave up waiting and disposed the queue */ }
        }

        public System.Collections.Generic.IEnumerable<Action> Drain(CancellationToken ct) => actions.GetConsumingEnumerable(ct);

        /// <summary>The next posted action when one waits; false at once otherwise.</summary>
        public bool TryTake(out Action action) => actions.TryTake(out action);

        public void Dispose()
        {
            actions.Dispose();
            dataSlots.Dispose();
            closed.Dispose();
        }
    }
}
