using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Model;
using PSCompose.Plan;

namespace PSCompose.Execution
{
    /// <summary>
    /// docker compose run: bring up the service's dependencies (the up machinery, limited to them), create the one-off,
    /// attach before start, start, and wait for its exit. Ctrl+C sends SIGINT, gives it <see cref="InterruptGrace"/>,
    /// then stops it; a one-off that never started, or any with -Remove, is removed whatever happened.
    /// </summary>
    internal sealed class OneOffRunner
    {
        internal static readonly TimeSpan InterruptGrace = TimeSpan.FromSeconds(3);
        private static readonly TimeSpan StopGraceSeconds = TimeSpan.FromSeconds(2);
        private static readonly TimeSpan CleanupBound = TimeSpan.FromSeconds(15);

        private readonly IEngineClient engine;
        private readonly ProjectModel model;
        private readonly OneOffRequest request;

        public OneOffRunner(IEngineClient engine, ProjectModel model, OneOffRequest request, UpRequest dependencies)
        {
            this.engine = engine;
            this.model = model;
            this.request = request;
            dependencies.Services = new[] { request.Service };
            dependencies.OneOffService = request.Service;
            Dependencies = new UpRunner(engine, model, dependencies);
        }

        /// <summary>Brings up what the one-off depends on and ensures its image.</summary>
        public UpRunner Dependencies { get; }

        /// <summary>Whether the one-off was removed after it ran.</summary>
        public bool Removed { get; private set; }

        /// <summary>The one-off's name, once created.</summary>
        public string ContainerName { get; private set; }

        public async Task<EngineCreateResult> CreateAsync(CancellationToken ct)
        {
            ObservedState observed = await ObservedStateReader.ReadAsync(engine, model.Name, ct).ConfigureAwait(false);
            Dependencies.ImageIds.TryGetValue(request.Service, out string imageId);
            ContainerSpec spec = OneOffContainer.Build(model, request, observed, imageId);
            EngineCreateResult created = await engine.CreateContainerAsync(spec, ct).ConfigureAwait(false);
            ContainerName = spec.Name;
            return created;
        }

        /// <summary>A start the runtime refuses (a missing executable) is run's failure at start, exit 1 in Compose.</summary>
        private async Task StartAsync(string id, CancellationToken ct)
        {
            try
            {
                await engine.StartContainerAsync(id, ct).ConfigureAwait(false);
            }
            catch (EngineException e) when (!e.IsNotFound)
            {
                throw new ComposeException(ErrorIds.StartContainerFailed, e.Message, ContainerName, e);
            }
        }

        /// <summary>Starts a created one-off without attaching (-Detach); removes it when it cannot start.</summary>
        public async Task StartDetachedAsync(string id, CancellationToken ct)
        {
            try
            {
                await StartAsync(id, ct).ConfigureAwait(false);
            }
            catch (Exception)
            {
                await RemoveAsync(id).ConfigureAwait(false);
                throw;
            }
        }

        /// <summary>Attaches (stdin too when given), starts, and returns the exit code once the one-off has ended.</summary>
        public async Task<long> RunAttachedAsync(string id, Stream stdin, Func<IReadOnlyList<OutputLine>, Task> onLines, CancellationToken ct)
        {
            bool refused = false;
            Task output = null;
            try
            {
                output = await engine.AttachAsync(id, stdin, onLines, ct).ConfigureAwait(false);
                try
                {
                    await StartAsync(id, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (!(e is OperationCanceledException))
                {
                    refused = true;
                    throw;
                }
                await output.ConfigureAwait(false);
                return await engine.WaitContainerAsync(id, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Also when the start call itself was cut off: the engine may have started the one-off all the same.
                await InterruptAsync(id).ConfigureAwait(false);
                throw;
            }
            finally
            {
                if (refused || request.Remove) await RemoveAsync(id).ConfigureAwait(false);
                if (output != null) _ = output.ContinueWith(t => t.Exception, TaskScheduler.Default);
            }
        }

        /// <summary>-Interactive: the one-off runs with the terminal attached; a refused start or -Remove removes it afterwards.</summary>
        public async Task<long> RunWithTtyAsync(string id, TtySession tty, CancellationToken ct)
        {
            bool remove = request.Remove;
            try
            {
                return await engine.RunTtyAsync(id, tty, ct).ConfigureAwait(false);
            }
            catch (EngineException e) when (!e.IsNotFound)
            {
                remove = true;
                throw new ComposeException(ErrorIds.StartContainerFailed, e.Message, ContainerName, e);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await InterruptAsync(id).ConfigureAwait(false);
                throw;
            }
            finally
            {
                if (remove) await RemoveAsync(id).ConfigureAwait(false);
            }
        }

        /// <summary>Compose forwards the SIGINT; a one-off that ignores it is stopped after a grace instead of left running (#12965).</summary>
        private async Task InterruptAsync(string id)
        {
            using (var bound = new CancellationTokenSource(CleanupBound))
            {
                try
                {
                    await engine.KillContainerAsync(id, "SIGINT", bound.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (IsCleanupFailure(e)) { /* not running (yet, or any more): the stop below settles it */ }
                using (var grace = CancellationTokenSource.CreateLinkedTokenSource(bound.Token))
                {
                    grace.CancelAfter(InterruptGrace);
                    try { await engine.WaitContainerAsync(id, grace.Token).ConfigureAwait(false); }
                    catch (Exception e) when (IsCleanupFailure(e)) { }
                }
                try
                {
                    // A no-op for a one-off that obeyed; ends one that ignores SIGINT, or whose start landed late.
                    await engine.StopContainerAsync(id, (int)StopGraceSeconds.TotalSeconds, bound.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (IsCleanupFailure(e)) { /* gone already, or the engine is: removal follows */ }
            }
        }

        /// <summary>What a bounded cleanup step may meet and go past: the engine's answer, its absence, or the bound.</summary>
        private static bool IsCleanupFailure(Exception e) =>
            e is EngineException || e is EngineUnavailableException || e is OperationCanceledException;

        private async Task RemoveAsync(string id)
        {
            using (var bound = new CancellationTokenSource(CleanupBound))
            {
                try
                {
                    await engine.RemoveContainerAsync(id, true, true, bound.Token).ConfigureAwait(false);
                    Removed = true;
                }
                catch (EngineException e) when (e.IsNotFound || e.IsRemovalInProgress) { Removed = true; }
                catch (Exception e) when (IsCleanupFailure(e)) { /* the engine is gone or slow: the one-off stays, Removed says so */ }
            }
        }
    }
}
