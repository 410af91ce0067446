using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Model;

namespace PSCompose.Execution.Commands
{
    internal enum WaitCondition
    {
        /// <summary>docker compose wait: every running container of the services has exited.</summary>
        Exited,

        /// <summary>Every replica of each service is running.</summary>
        Running,

        /// <summary>Every replica of each service is healthy.</summary>
        Healthy,
    }

    internal sealed class WaitRequest : ServicesRequest
    {
        public WaitCondition Condition { get; set; }

        /// <summary>The longest to wait; null: no limit.</summary>
        public TimeSpan? Timeout { get; set; }

        /// <summary>wait --down-project: after every container exited, take the project down (with orphans).</summary>
        public bool DownProject { get; set; }
    }

    /// <summary>
    /// docker compose wait, and waiting until services are running or healthy. Results: a ComposeContainerExit per
    /// container as it exits (Exited), or the ready containers (Running, Healthy). A timeout is a ServiceWaitTimeout error
    /// per service not done, naming its state and last log lines.
    /// </summary>
    internal static class WaitCommand
    {
        public static async Task RunAsync(IEngineClient engine, WaitRequest request, ICommandSink<object> sink, CancellationToken ct)
        {
            if (request.DownProject && request.Condition != WaitCondition.Exited)
                throw new ComposeException(ErrorIds.ParameterConflict, "-DownProject can only follow -Condition Exited.");
            ServiceTarget target = await ServiceTarget.ReadAsync(engine, request, sink, ct).ConfigureAwait(false);
            if (target == null) return;
            bool done = request.Condition == WaitCondition.Exited
                ? await WaitForExitsAsync(engine, request, target, sink, ct).ConfigureAwait(false)
                : await WaitUntilReadyAsync(engine, request, target, sink, ct).ConfigureAwait(false);
            if (done && request.DownProject)
                await DownCommand.RunAsync(engine, new DownRequest { Project = request.Project, RemoveOrphans = true, DryRun = request.DryRun }, sink, ct)
                    .ConfigureAwait(false);
        }

        private static async Task<bool> WaitForExitsAsync(IEngineClient engine, WaitRequest request, ServiceTarget target, ICommandSink<object> sink,
            CancellationToken ct)
        {
            string project = target.Project.Name;
            IReadOnlyList<EngineContainer> running = await engine.ListContainersAsync(
                new[] { ComposeLabels.Project + "=" + project, ComposeLabels.ConfigHash }, false, ct).ConfigureAwait(false);
            List<EngineContainer> selected = running
                .Where(c => target.Services.Count == 0 || target.Services.Contains(c.Label(ComposeLabels.Service))).ToList();
            if (selected.Count == 0)
            {
                sink.Error(new ComposeException(ErrorIds.NoContainerToWait, $"no containers for project \"{project}\"", project));
                return false;
            }
            var pending = new ConcurrentDictionary<string, EngineContainer>(selected.ToDictionary(c => c.Id));
            using (var limit = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                if (request.Timeout.HasValue) limit.CancelAfter(request.Timeout.Value);
                try
                {
                    await Task.WhenAll(selected.Select(async c =>
                    {
                        long code = await engine.WaitContainerAsync(c.Id, limit.Token).ConfigureAwait(false);
                        pending.TryRemove(c.Id, out _);
                        sink.Write(ToExit(c, code));
                    })).ConfigureAwait(false);
                    return true;
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    foreach (string service in pending.Values.Select(c => c.Label(ComposeLabels.Service)).Distinct().OrderBy(s => s, StringComparer.Ordinal))
                        await ReportTimeoutAsync(engine, request, project, service, "has not exited", sink, ct).ConfigureAwait(false);
                    return false;
                }
            }
        }

        private static async Task<bool> WaitUntilReadyAsync(IEngineClient engine, WaitRequest request, ServiceTarget target, ICommandSink<object> sink,
            CancellationToken ct)
        {
            string project = target.Project.Name;
            List<string> services = target.Services.Count > 0 ? target.Services
                : target.Project.Desired.Services.Where(s => s.Scale > 0).Select(s => s.Name).ToList();
            bool healthy = request.Condition == WaitCondition.Healthy;
            string condition = healthy ? DependencyWaiter.Healthy : DependencyWaiter.Running;
            string notReady = healthy ? "is not healthy" : "is not running";
            bool failed = false;
            using (var limit = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                if (request.Timeout.HasValue) limit.CancelAfter(request.Timeout.Value);
                await Task.WhenAll(services.Select(async service =>
                {
                    try
                    {
                        await DependencyWaiter.WaitAsync(engine, project, service, condition, limit.Token).ConfigureAwait(false);
                    }
                    catch (ComposeException e)
                    {
                        // It can no longer get ready (exited, unhealthy): waiting on for the others is pointless.
                        failed = true;
                        limit.Cancel();
                        sink.Error(e, service);
                    }
                    catch (OperationCanceledException) when (!ct.IsCancellationRequested && !failed)
                    {
                        await ReportTimeoutAsync(engine, request, project, service, notReady, sink, ct).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                    {
                    }
                })).ConfigureAwait(false);
                if (failed || limit.IsCancellationRequested) return false;
            }
            foreach (ComposeContainer ready in await ProjectStatusReader.ContainersAsync(engine, project, services, false, false, ct).ConfigureAwait(false))
                sink.Write(ready);
            return true;
        }

        private static async Task ReportTimeoutAsync(IEngineClient engine, WaitRequest request, string project, string service, string what,
            ICommandSink sink, CancellationToken ct)
        {
            string report = await WaitReport.DescribeAsync(engine, project, service, ct).ConfigureAwait(false);
            sink.Error(new ComposeException(ErrorIds.ServiceWaitTimeout,
                $"service \"{service}\" {what} after {request.Timeout.Value.TotalSeconds:0.###}s: {report.TrimStart()}", service), service);
        }

        private static ComposeContainerExit ToExit(EngineContainer c, long code) => new ComposeContainerExit
        {
            ProjectName = c.Label(ComposeLabels.Project),
            Service = c.Label(ComposeLabels.Service),
            Container = c.Name,
            Number = int.TryParse(c.Label(ComposeLabels.ContainerNumber), out int n) ? n : 0,
            OneOff = c.Label(ComposeLabels.OneOff) == "True",
            ExitCode = (int)code,
            Id = c.Id,
        };
    }
}
