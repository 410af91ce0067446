using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Plan;

namespace PSCompose.Execution
{
    /// <summary>
    /// up --wait and start --wait: every selected service until running (healthy when it has a healthcheck), or
    /// completed successfully when another service depends on it that way. The polling is DependencyWaiter's.
    /// </summary>
    internal static class ServiceWaiter
    {
        /// <summary>
        /// A -WaitTimeout in seconds as Compose reads --wait-timeout: 0 (or not given) means no limit, not "do not wait".
        /// </summary>
        public static TimeSpan? Timeout(int? seconds) =>
            seconds.HasValue && seconds.Value > 0 ? TimeSpan.FromSeconds(seconds.Value) : (TimeSpan?)null;

        public static async Task WaitAllAsync(IEngineClient engine, string project, IReadOnlyList<DesiredService> services,
            IEnumerable<string> selected, TimeSpan? timeout, CancellationToken ct)
        {
            var names = new HashSet<string>(selected ?? services.Select(s => s.Name));
            var completedOnly = new HashSet<string>(services.SelectMany(s => s.DependsOn)
                .Where(d => d.Condition == DependencyConditions.CompletedSuccessfully).Select(d => d.Service));
            using (var limit = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                if (timeout.HasValue) limit.CancelAfter(timeout.Value);
                try
                {
                    await Task.WhenAll(services.Where(s => names.Contains(s.Name) && s.Scale > 0).Select(s =>
                        DependencyWaiter.WaitAsync(engine, project, s.Name,
                            completedOnly.Contains(s.Name) ? DependencyConditions.CompletedSuccessfully : DependencyWaiter.RunningOrHealthy,
                            limit.Token))).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    throw new ComposeException(ErrorIds.WaitTimeout,
                        $"application not healthy after {timeout.Value.TotalSeconds:0.###}s", project);
                }
            }
        }
    }
}
