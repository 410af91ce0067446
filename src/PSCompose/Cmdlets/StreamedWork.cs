using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Async work running on the pool while the pipeline thread runs what it posts to its queue, the only place Write*
    /// may be called (<see cref="ComposeCmdlet.BeginStream"/>). The pipeline thread may do other things between drains,
    /// as a cmdlet feeding the work from ProcessRecord does: <see cref="DrainAvailable"/> runs what is posted so far,
    /// <see cref="DrainUntil"/> runs posts until a task completes, <see cref="Finish"/> until the work ends. When a
    /// drain ends early (Ctrl+C, or a posted write that throws: -WarningAction Stop, a downstream command failing), and
    /// when the work is disposed before it ended (the pipeline stopped elsewhere), the work is cancelled and awaited,
    /// bounded, before the exception goes on: it must neither keep changing the engine nor outlive the engine client
    /// it uses.
    /// </summary>
    internal sealed class StreamedWork : IDisposable
    {
        private static readonly TimeSpan CleanupGrace = TimeSpan.FromSeconds(30);

        private readonly PipelineQueue queue = new PipelineQueue();
        private readonly CancellationTokenSource workCancellation;
        private readonly CancellationToken stopping;
        private readonly Task task;

        /// <param name="work">The work, given the queue and a token cancelled on Ctrl+C or when the pipeline no longer drains.</param>
        /// <param name="stopping">The pipeline's token, cancelled on Ctrl+C.</param>
        public StreamedWork(Func<PipelineQueue, CancellationToken, Task> work, CancellationToken stopping)
        {
            this.stopping = stopping;
            workCancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            CancellationToken token = workCancellation.Token;
            task = Task.Run(async () =>
            {
                try { await work(queue, token).ConfigureAwait(false); }
                finally { queue.Complete(); }
            });
        }

        /// <summary>Runs the actions posted so far, without waiting for more.</summary>
        public void DrainAvailable() => Drain(() =>
        {
            while (queue.TryTake(out Action action)) action();
        });

        /// <summary>Runs posted actions until <paramref name="done"/> has completed or the work has ended.</summary>
        public void DrainUntil(Task done)
        {
            if (done.IsCompleted) return;
            // A no-op post wakes the drain when done completes with nothing else posted.
            done.ContinueWith(_ => queue.Post(() => { }), TaskScheduler.Default);
            Drain(() =>
            {
                foreach (Action action in queue.Drain(stopping))
                {
                    action();
                    if (done.IsCompleted) return;
                }
            });
        }

        /// <summary>Runs posted actions until the work ends; then its failure, if any, is thrown here.</summary>
        public void Finish()
        {
            Drain(() =>
            {
                foreach (Action action in queue.Drain(stopping)) action();
            });
            task.GetAwaiter().GetResult();
        }

        private void Drain(Action drain)
        {
            try
            {
                drain();
            }
            catch (Exception e)
            {
                Stop();
                if (e is OperationCanceledException && stopping.IsCancellationRequested) throw new PipelineStoppedException();
                throw;
            }
        }

        /// <summary>
        /// Cancels the work, releases producers waiting for room, and gives it a bounded moment to finish, undoing
        /// half-done engine changes (temp-named containers); observes its outcome so no task exception goes unobserved.
        /// </summary>
        private void Stop()
        {
            workCancellation.Cancel();
            queue.Complete();
            task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default).Wait(CleanupGrace);
        }

        public void Dispose()
        {
            if (!task.IsCompleted) Stop();
            _ = task.Exception;
            queue.Dispose();
            workCancellation.Dispose();
        }
    }
}
