using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Model;
using PSCompose.Plan;

namespace PSCompose.Execution
{
    /// <summary>
    /// up --wait: every selected service until running (healthy when it has a healthcheck), or completed
    /// successfully when another service depends on it that way. No timeout unless one is given.
    /// </summary>
    internal static class ServiceWaiter
    {
        public static async Task WaitAllAsync(IEngineClient engine, ProjectModel model, DesiredProject desired,
            IEnumerable<string> selected, TimeSpan? timeout, CancellationToken ct)
        {
            var names = new HashSet<string>(selected ?? desired.Services.Select(s => s.Name));
            var completedOnly = new HashSet<string>(desired.Services.SelectMany(s => s.DependsOn)
                .Where(d => d.Condition == DependencyConditions.CompletedSuccessfully).Select(d => d.Service));
            using (var limit = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                if (timeout.HasValue) limit.CancelAfter(timeout.Value);
                try
                {
                    await Task.WhenAll(desired.Services.Where(s => names.Contains(s.Name) && s.Scale > 0).Select(s =>
                        completedOnly.Contains(s.Name)
                            ? DependencyWaiter.WaitAsync(engine, model.Name, s.Name, DependencyConditions.CompletedSuccessfully, limit.Token)
                            : RunningOrHealthyAsync(engine, model.Name, s.Name, limit.Token))).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    throw new ComposeException("WaitTimeout", ErrorCategory.OperationTimeout,
                        $"application not healthy after {timeout.Value.TotalSeconds:0.###}s", model.Name);
                }
            }
        }

        /// <summary>True when running (and healthy, with a healthcheck); throws once the container exited or is unhealthy.</summary>
        internal static bool RunningOrHealthy(EngineContainerDetails d, string service)
        {
            if (d.Status == ContainerStates.Exited || d.Status == ContainerStates.Dead)
                throw new ComposeException("ServiceExited", ErrorCategory.InvalidResult, $"container {d.Name} exited ({d.ExitCode})", service);
            if (d.HasHealthcheck && d.HealthStatus == "unhealthy")
                throw new ComposeException("ServiceUnhealthy", ErrorCategory.InvalidResult, $"container {d.Name} is unhealthy", service);
            return d.Running && (!d.HasHealthcheck || d.HealthStatus == "healthy");
        }

        private static async Task RunningOrHealthyAsync(IEngineClient engine, string project, string service, CancellationToken ct)
        {
            while (true)
            {
                IReadOnlyList<EngineContainer> containers = await engine.ListContainersAsync(new[]
                {
                    ComposeLabels.Project + "=" + project, ComposeLabels.Service + "=" + service, ComposeLabels.OneOff + "=False",
                }, true, ct).ConfigureAwait(false);
                bool ready = containers.Count > 0;
                foreach (EngineContainer c in containers)
                    ready &= RunningOrHealthy(await engine.InspectContainerAsync(c.Id, ct).ConfigureAwait(false), service);
                if (ready) return;
                await Task.Delay(DependencyWaiter.PollInterval, ct).ConfigureAwait(false);
            }
        }
    }
}
