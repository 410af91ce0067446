using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Execution;
using PSCompose.Model;
using PSCompose.Plan;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Waits for the project's services (docker compose wait). -Condition Exited (the default) waits until every
    /// running container of the services, one-offs included, has exited, and emits each one's exit code as it
    /// exits; with -DownProject the project is then taken down. -Condition Running or Healthy waits until every
    /// replica of each service is running or healthy, then emits the containers. -Timeout ends the wait with a
    /// ComposeWaitTimeout error per service not done, naming its state and last log lines.
    /// </summary>
    /// <example>
    /// <code>$r = Wait-ComposeService -Name job; exit $r.ExitCode</code>
    /// <para>Waits for the job service's container to exit and ends the script with its exit code.</para>
    /// </example>
    /// <example>
    /// <code>Wait-ComposeService -Name db, api -Condition Healthy -Timeout 60</code>
    /// <para>Waits up to a minute for db and api to be healthy; an error says which one was not and why.</para>
    /// </example>
    /// <example>
    /// <code>Wait-ComposeService -ProjectName ci -Name tests -DownProject</code>
    /// <para>Waits for the tests to finish, then takes project ci down, like docker compose wait --down-project.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Wait, "ComposeService", SupportsShouldProcess = true)]
    [OutputType(typeof(ComposeContainerExit), typeof(ComposeContainer))]
    public sealed class WaitComposeServiceCommand : ComposeServiceCmdlet
    {
        public const string Exited = "Exited";
        public const string Running = "Running";
        public const string Healthy = "Healthy";

        /// <summary>What to wait for: Exited (docker compose wait), Running, or Healthy.</summary>
        [Parameter]
        [ValidateSet(Exited, Running, Healthy, IgnoreCase = true)]
        public string Condition { get; set; } = Exited;

        /// <summary>The longest to wait, as a TimeSpan or in seconds. Default: no limit.</summary>
        [Parameter]
        [SecondsTransformation]
        public TimeSpan Timeout { get; set; }

        /// <summary>After every container exited, take the project down (with orphans), like --down-project.</summary>
        [Parameter]
        public SwitchParameter DownProject { get; set; }

        private bool IsExitWait => string.Equals(Condition, Exited, StringComparison.OrdinalIgnoreCase);

        private TimeSpan? Limit => MyInvocation.BoundParameters.ContainsKey(nameof(Timeout)) ? Timeout : (TimeSpan?)null;

        protected override void BeginCompose()
        {
            base.BeginCompose();
            if (DownProject && !IsExitWait)
                throw new ComposeException(ErrorIds.ParameterConflict, "-DownProject can only follow -Condition Exited.");
        }

        internal override void Act(LifecycleProject project, IReadOnlyList<string> named)
        {
            bool done = IsExitWait ? WaitForExits(project, named) : WaitUntilReady(project, named);
            if (done && DownProject)
                InvokeComposeDownCommand.TakeDown(this, ResolveProject(new string[0]), new DownOptions { RemoveOrphans = true }, false);
        }

        private bool WaitForExits(LifecycleProject project, IReadOnlyList<string> named)
        {
            IReadOnlyList<EngineContainer> running = AwaitEngine((engine, ct) => engine.ListContainersAsync(
                new[] { ComposeLabels.Project + "=" + project.Name, ComposeLabels.ConfigHash }, false, ct));
            List<EngineContainer> selected = running.Where(c => named.Count == 0 || named.Contains(c.Label(ComposeLabels.Service))).ToList();
            if (selected.Count == 0)
            {
                WriteComposeError(new ComposeException(ErrorIds.NoContainerToWait, $"no containers for project \"{project.Name}\"", project.Name));
                return false;
            }
            var pending = new ConcurrentDictionary<string, EngineContainer>(selected.ToDictionary(c => c.Id));
            bool timedOut = false;
            IEngineClient client = Engine;
            Stream(async (queue, ct) =>
            {
                using (var limit = CancellationTokenSource.CreateLinkedTokenSource(ct))
                {
                    if (Limit.HasValue) limit.CancelAfter(Limit.Value);
                    try
                    {
                        await Task.WhenAll(selected.Select(async c =>
                        {
                            long code = await client.WaitContainerAsync(c.Id, limit.Token).ConfigureAwait(false);
                            pending.TryRemove(c.Id, out _);
                            ComposeContainerExit exit = ToExit(c, code);
                            queue.Post(() => WriteObject(exit));
                        })).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                    {
                        timedOut = true;
                        foreach (string service in pending.Values.Select(c => c.Label(ComposeLabels.Service)).Distinct().OrderBy(s => s, StringComparer.Ordinal))
                            await ReportTimeoutAsync(client, queue, project.Name, service, "has not exited", ct).ConfigureAwait(false);
                    }
                }
            });
            return !timedOut;
        }

        private bool WaitUntilReady(LifecycleProject project, IReadOnlyList<string> named)
        {
            List<string> services = named.Count > 0 ? named.ToList()
                : project.Desired.Services.Where(s => s.Scale > 0).Select(s => s.Name).ToList();
            bool healthy = string.Equals(Condition, Healthy, StringComparison.OrdinalIgnoreCase);
            string condition = healthy ? DependencyWaiter.Healthy : DependencyWaiter.Running;
            string notReady = healthy ? "is not healthy" : "is not running";
            bool failed = false;
            IEngineClient client = Engine;
            Stream(async (queue, ct) =>
            {
                using (var limit = CancellationTokenSource.CreateLinkedTokenSource(ct))
                {
                    if (Limit.HasValue) limit.CancelAfter(Limit.Value);
                    await Task.WhenAll(services.Select(async service =>
                    {
                        try
                        {
                            await DependencyWaiter.WaitAsync(client, project.Name, service, condition, limit.Token).ConfigureAwait(false);
                        }
                        catch (ComposeException e)
                        {
                            // It can no longer get ready (exited, unhealthy): waiting on for the others is pointless.
                            failed = true;
                            limit.Cancel();
                            queue.Post(() => WriteComposeError(e, service));
                        }
                        catch (OperationCanceledException) when (!ct.IsCancellationRequested && !failed)
                        {
                            await ReportTimeoutAsync(client, queue, project.Name, service, notReady, ct).ConfigureAwait(false);
                        }
                        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                        {
                        }
                    })).ConfigureAwait(false);
                    if (limit.IsCancellationRequested) failed = true;
                }
            });
            if (failed) return false;
            IReadOnlyList<ComposeContainer> ready = AwaitEngine((engine, ct) =>
                ProjectStatusReader.ContainersAsync(engine, project.Name, services, false, false, ct));
            WriteObject(ready, true);
            return true;
        }

        private async Task ReportTimeoutAsync(IEngineClient client, PipelineQueue queue, string project, string service, string what, CancellationToken ct)
        {
            string report = await WaitReport.DescribeAsync(client, project, service, ct).ConfigureAwait(false);
            var error = new ComposeException(ErrorIds.ServiceWaitTimeout,
                $"service \"{service}\" {what} after {Limit.Value.TotalSeconds:0.###}s: {report.TrimStart()}", service);
            queue.Post(() => WriteComposeError(error, service));
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
