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
    /// The one wait loop: depends_on conditions, running-or-healthy for up/start --wait, and Wait-ComposeService's
    /// running and healthy, with no default timeout. Compose inspects every 500 ms; this re-checks when an engine
    /// event of the service's containers arrives (start, die, health_status, destroy), and every few seconds as a
    /// fallback, so a dependent starts as soon as the engine reports the dependency ready.
    /// </summary>
    internal static class DependencyWaiter
    {
        /// <summary>How often the state is read when no event came (a missed or unavailable event stream).</summary>
        public static readonly TimeSpan FallbackInterval = TimeSpan.FromSeconds(2);

        /// <summary>The --wait condition: running, and healthy when the container has a healthcheck.</summary>
        public const string RunningOrHealthy = "running_or_healthy";

        /// <summary>Wait-ComposeService -Condition Running: every replica running (health not considered).</summary>
        public const string Running = "running";

        /// <summary>Wait-ComposeService -Condition Healthy: every replica healthy.</summary>
        public const string Healthy = "healthy";

        public static Task WaitAsync(IEngineClient engine, string project, string service, string condition, CancellationToken ct) =>
            WaitAsync(engine, project, service, condition, FallbackInterval, ct);

        /// <param name="fallback">How long to go without an event before reading the state anyway.</param>
        internal static async Task WaitAsync(IEngineClient engine, string project, string service, string condition, TimeSpan fallback, CancellationToken ct)
        {
            if (condition == DependencyConditions.Started) return;
            using (var changes = new ContainerChanges(engine, project, service, ct))
            {
                // Subscribed before the first read: a change between the read and the wait is still seen.
                while (!await SatisfiedAsync(engine, project, service, condition, ct).ConfigureAwait(false))
                    await changes.NextAsync(fallback, ct).ConfigureAwait(false);
            }
        }

        private static async Task<bool> SatisfiedAsync(IEngineClient engine, string project, string service, string condition, CancellationToken ct)
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
            return satisfied;
        }

        /// <summary>True when met, false while pending; throws when it can no longer be met.</summary>
        internal static bool Satisfied(EngineContainerDetails d, string service, string condition)
        {
            bool exited = d.Status == ContainerStates.Exited || d.Status == ContainerStates.Dead;
            if (condition == RunningOrHealthy) return IsRunningOrHealthy(d, service, exited);
            if (condition == Running || condition == Healthy) return IsReady(d, service, exited, condition == Healthy);
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

        private static bool IsReady(EngineContainerDetails d, string service, bool exited, bool healthy)
        {
            if (exited)
                throw new ComposeException(ErrorIds.ServiceExited, $"container {d.Name} exited ({d.ExitCode})", service);
            if (!healthy) return d.Status == ContainerStates.Running;
            if (!d.HasHealthcheck)
                throw new ComposeException(ErrorIds.ServiceUnhealthy, $"container {d.Name} has no healthcheck configured", service);
            if (d.HealthStatus == "unhealthy")
                throw new ComposeException(ErrorIds.ServiceUnhealthy, $"container {d.Name} is unhealthy", service);
            return d.HealthStatus == "healthy";
        }

        private static ComposeException Failed(string message, string service) =>
            new ComposeException(ErrorIds.DependencyFailed, "dependency failed to start: " + message, service);
    }
}
