using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;

namespace PSCompose.Execution.Stack
{
    /// <summary>
    /// Waits until every service of a deploy has converged and stayed so for a moment: its update (if any) completed, and as many tasks running
    /// as it wants (Swarm reports a task with a healthcheck as running only once it is healthy). A service whose tasks
    /// all ended in failure with none left to try, or whose update paused or rolled back, fails the wait with the task's error.
    /// </summary>
    internal static class StackWaiter
    {
        internal static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

        /// <summary>
        /// How long everything must stay converged before the wait ends (docker/cli's service progress "verify" step,
        /// its default monitor): a task that exits at once is seen running for a moment before it fails.
        /// </summary>
        internal static readonly TimeSpan StableFor = TimeSpan.FromSeconds(5);

        private static readonly HashSet<string> Failed = new HashSet<string>(StringComparer.Ordinal) { "failed", "rejected", "orphaned" };

        private static readonly HashSet<string> Ended = new HashSet<string>(StringComparer.Ordinal) { "complete", "shutdown", "failed", "rejected", "orphaned", "remove" };

        public static async Task WaitAsync(IEngineClient engine, string stack, IReadOnlyList<string> services, TimeSpan? timeout, StackReport report, CancellationToken ct)
        {
            DateTime since = DateTime.UtcNow.AddSeconds(-1);
            Stopwatch clock = Stopwatch.StartNew();
            string[] filter = { StackLabels.NamespaceFilter(stack) };
            var stalled = new Dictionary<string, int>(StringComparer.Ordinal);
            TimeSpan? convergedAt = null;
            try
            {
                while (true)
                {
                    List<EngineSwarmNode> eligibleNodes = (await engine.ListNodesAsync(ct).ConfigureAwait(false)).Where(n => n.Availability == "active" && n.State == "ready").ToList();
                    IReadOnlyList<EngineSwarmService> current = await engine.ListServicesAsync(filter, ct).ConfigureAwait(false);
                    IReadOnlyList<EngineSwarmTask> tasks = await engine.ListTasksAsync(filter, null, ct).ConfigureAwait(false);
                    var pending = new List<ServiceProgress>();
                    var stalledNow = new Dictionary<string, int>(StringComparer.Ordinal);
                    foreach (string name in services)
                    {
                        EngineSwarmService service = current.FirstOrDefault(s => s.Name == name);
                        if (service == null) continue;
                        ServiceProgress progress = Assess(service, tasks.Where(t => t.ServiceId == service.Id).ToList(), eligibleNodes, since);
                        if (!progress.Converged) pending.Add(progress);
                        if (!progress.Stalled) continue;
                        stalledNow[name] = stalled.TryGetValue(name, out int n) ? n + 1 : 1;
                        if (stalledNow[name] >= StalledPolls)
                            throw new ComposeException(ErrorIds.StackTaskFailed, $"service {name}: task {progress.LastFailure}", progress.FailedTask);
                    }
                    stalled = stalledNow;
                    int done = services.Count - pending.Count;
                    if (pending.Count == 0)
                    {
                        convergedAt = convergedAt ?? clock.Elapsed;
                        if (clock.Elapsed - convergedAt.Value >= StableFor) return;
                        report.Progress($"{done}/{services.Count} services converged; verifying that the tasks are stable", 100);
                    }
                    else
                    {
                        convergedAt = null;
                        report.Progress($"{done}/{services.Count} services converged; waiting for " + string.Join(", ", pending.Select(p => $"{p.Name} ({p.Running}/{p.Desired})")),
                            services.Count == 0 ? 100 : done * 100 / services.Count);
                    }
                    if (timeout.HasValue && timeout.Value > TimeSpan.Zero && clock.Elapsed >= timeout.Value)
                    {
                        if (pending.Count == 0) return;
                        ServiceProgress first = pending[0];
                        string lastError = first.LastFailure == null ? "" : $"; task {first.LastFailure}";
                        throw new ComposeException(ErrorIds.StackWaitTimeout,
                            $"service {first.Name} did not converge within {timeout.Value.TotalSeconds:0} s: {first.Running}/{first.Desired} tasks running{lastError}", first.Name);
                    }
                    await Task.Delay(PollInterval, ct).ConfigureAwait(false);
                }
            }
            finally
            {
                report.Progress(null, 100);
            }
        }

        private sealed class ServiceProgress
        {
            public string Name;
            public int Running;
            public int Desired;
            public bool Converged;
            public string LastFailure;
            public bool Stalled;
            public string FailedTask;
        }

        /// <summary>Polls a service must look stalled in a row before it fails: the orchestrator replaces a failed task a moment later.</summary>
        private const int StalledPolls = 3;

        private static ServiceProgress Assess(EngineSwarmService service, List<EngineSwarmTask> tasks, List<EngineSwarmNode> eligibleNodes, DateTime since)
        {
            bool job = service.Mode == "replicated-job" || service.Mode == "global-job";
            if (job) tasks = tasks.Where(t => t.JobIteration == service.JobIteration).ToList();
            int desired = service.Mode == "global" || service.Mode == "global-job"
                ? eligibleNodes.Count(n => PlacementConstraints.NodeMatches(service.Constraints, n))
                : (int)(service.Replicas ?? 0);
            // A job converges when its tasks of the current run completed; "Running" then counts completions.
            int running = job ? tasks.Count(t => t.State == "complete") : tasks.Count(t => t.DesiredState == "running" && t.State == "running");
            var progress = new ServiceProgress { Name = service.Name, Running = running, Desired = desired };
            string update = service.UpdateState;
            if (update == "paused" || update == "rollback_started" || update == "rollback_paused" || update == "rollback_completed")
                throw new ComposeException(ErrorIds.StackUpdateFailed,
                    $"service {service.Name}: update {update.Replace('_', ' ')}: {service.UpdateMessage}", service.Name);
            EngineSwarmTask failed = tasks
                .Where(t => t.State != null && Failed.Contains(t.State) && (t.Timestamp ?? t.CreatedAt ?? DateTime.MinValue) >= since)
                .OrderByDescending(t => t.Timestamp ?? t.CreatedAt).FirstOrDefault();
            if (failed != null) progress.LastFailure = Describe(service, failed);
            else if (tasks.FirstOrDefault(t => t.DesiredState == "running" && t.State != "running") is EngineSwarmTask waiting)
                progress.LastFailure = Describe(service, waiting);
            bool updating = update == "updating" || update == "rollback_started";
            progress.Converged = job ? running >= desired : running == desired && !updating
                && tasks.Where(t => t.DesiredState == "running").All(t => t.State == "running");
            // Nothing left that could still converge: every task has ended and the last attempt failed
            // (restart_policy max_attempts reached, or condition none).
            bool anyLive = tasks.Any(t => !Ended.Contains(t.DesiredState ?? "") && !Ended.Contains(t.State ?? ""));
            progress.Stalled = !progress.Converged && failed != null && !anyLive && running < desired;
            progress.FailedTask = failed == null ? null : TaskName(service, failed);
            return progress;
        }

        /// <summary>docker stack ps's task name: &lt;service&gt;.&lt;slot&gt;, or &lt;service&gt;.&lt;node id&gt; for a global service.</summary>
        internal static string TaskName(EngineSwarmService service, EngineSwarmTask task) =>
            service.Name + "." + (task.Slot is long slot && slot > 0 ? slot.ToString(System.Globalization.CultureInfo.InvariantCulture) : task.NodeId);

        private static string Describe(EngineSwarmService service, EngineSwarmTask task)
        {
            string error = string.IsNullOrEmpty(task.Error) ? task.Message : task.Error;
            string id = task.Id.Length > 12 ? task.Id.Substring(0, 12) : task.Id;
            return $"{TaskName(service, task)} ({id}) {task.State}: {error}";
        }
    }
}
