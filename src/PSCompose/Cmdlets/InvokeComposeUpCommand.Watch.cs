using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Execution.Attach;
using PSCompose.Execution.Watch;
using PSCompose.Model;
using PSCompose.Model.Watch;

namespace PSCompose.Cmdlets
{
    // Invoke-ComposeUp -Watch: docker compose up --watch (the class summary is in InvokeComposeUpCommand.cs).
    public sealed partial class InvokeComposeUpCommand
    {
        /// <summary>
        /// Stay attached (implies -Attach) and watch the services' develop.watch paths while they run, as docker
        /// compose up --watch: ComposeWatchEvent objects join the log records in the output, and the watch ends
        /// when the attached session does. Ctrl+C stops the services as -Attach does. Not with -Wait (detached).
        /// </summary>
        [Parameter]
        public SwitchParameter Watch { get; set; }

        /// <summary>The watch rules, checked with Compose's texts before anything changes; null without -Watch.</summary>
        private IReadOnlyList<WatchRule> WatchRules(ProjectModel model)
        {
            if (!Watch) return null;
            if (Wait)
                throw new ComposeException(ErrorIds.AttachParameterConflict,
                    "--wait cannot be combined with --abort-on-container-exit, --abort-on-container-failure, --attach, --attach-dependencies or --watch",
                    nameof(Watch));
            return Model.Watch.WatchRules.Read(model, services, true, NoBuild, WriteWarning);
        }

        /// <summary>The attached session's run with the watch beside it; the watch is cancelled and awaited when the session ends.</summary>
        private async Task<ComposeUpResult> RunWatchingAsync(AttachedUp session, ProjectModel model, IReadOnlyList<WatchRule> rules, PipelineQueue queue, CancellationToken ct)
        {
            if (rules == null) return await session.RunAsync().ConfigureAwait(false);
            using (var watchCancel = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                Task watching = new WatchSession(Engine, model, rules, false, false, WatchComposeProjectCommand.Report(this, queue)).RunAsync(watchCancel.Token);
                try
                {
                    return await session.RunAsync().ConfigureAwait(false);
                }
                finally
                {
                    watchCancel.Cancel();
                    await watching.ContinueWith(t => _ = t.Exception, TaskScheduler.Default).ConfigureAwait(false);
                }
            }
        }
    }
}
