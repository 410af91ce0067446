using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Model;
using PSCompose.Plan;

namespace PSCompose.Execution
{
    /// <summary>
    /// The one wait loop: depends_on conditions, and running-or-healthy for up/start --wait, as Compose waits on
    /// them: container inspect every 500 ms, no default timeout.
    /// </summary>
    internal static class DependencyWaiter
    {
        public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

        /// <summary>The --wait condition: running, and healthy when the container has a healthcheck.</summary>
        public const string RunningOrHealthy = "running_or_healthy";

        public static async Task WaitAsync(IEngineClient engine, string project, string service, string condition, CancellationToken ct)
        {
            if (condition == DependencyConditions.Started) return;
            while (true)
            {
                IReadOnlyList<EngineContainer> containers = await engine.ListContainersAsync(new[]
                {
                    ComposeLabels.Project + "=" + project, ComposeLabels.Service + "=" + service, ComposeLabels.OneOff + "=False",
                }, true, ct).ConfigureAwait(false);
                bool satisfied = containers.Count > 0;
                foreach (EngineContainer c in containers)
                {
                    EngineContainerDetails d = await engine.InspectContainerAsync(c.Id, ct).ConfigureAwait(false);
                    satisfied &= Satisfied(d, service, condition);
                }
                if (satisfied) return;
                await Task.Delay(PollInterval, ct).ConfigureAwait(false);
            }
        }

        /// <summary>True when met, false while pending; throws when it can no longer be met.</summary>
        internal static bool Satisfied(EngineContainerDetails d, string service, string condition)
        {
            bool exited = d.Status == ContainerStates.Exited || d.Status == ContainerStates.Dead;
            if (condition == RunningOrHealthy) return IsRunningOrHealthy(d, service, exited);
            if (condition == DependencyConditions.CompletedSuccessfully)
            {
                if (!exited) return false;
                if (d.ExitCode == 0) return true;
                throw Failed($"service \"{service}\" didn't complete successfully: exit {d.ExitCode}", service);
            }
            if (!d.HasHealthcheck) throw Failed($"container {d.Name} has no healthcheck configured", service);
            if (d.HealthStatus == "healthy") return true;
            if (d.HealthStatus == "unhealthy") throw Failed($"container {d.Name} is unhealthy", service);
            if (exited) throw Failed($"container {d.Name} exited ({d.ExitCode})", service);
            return false;
        }

        private static bool IsRunningOrHealthy(EngineContainerDetails d, string service, bool exited)
        {
            if (exited)
                throw new ComposeException(ErrorIds.ServiceExited, $"container {d.Name} exited ({d.ExitCode})", service);
            if (d.HasHealthcheck && d.HealthStatus == "unhealthy")
                throw new ComposeException(ErrorIds.ServiceUnhealthy, $"container {d.Name} is unhealthy", service);
            return d.Running && (!d.HasHealthcheck || d.HealthStatus == "healthy");
        }

        private static ComposeException Failed(string message, string service) =>
            new ComposeException(ErrorIds.DependencyFailed, "dependency failed to start: " + message, service);
    }
}
