using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Execution;
using PSCompose.Model;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Gets the resource usage of the project's containers (docker compose stats): by default one sample per running
    /// container, one-offs included; -Follow streams a sample per container every second until Ctrl+C or until the
    /// containers stop (with -All, stopped containers go on giving zeros until Ctrl+C). The values are numbers computed
    /// as the docker CLI computes them (CPU and memory percent, memory without page cache, bytes of network and block
    /// I/O), so Sort-Object and Measure-Object work; the table view shows them the way docker stats does. Unlike docker
    /// stats, -Follow does not add containers started later, and a service name that the compose file does not declare
    /// is an error rather than an empty table.
    /// </summary>
    /// <example>
    /// <code>Get-ComposeStat | Sort-Object CpuPercent -Descending</code>
    /// <para>Shows the busiest containers of the project in the current directory first.</para>
    /// </example>
    /// <example>
    /// <code>Get-ComposeStat -ProjectName shop | Measure-Object MemoryUsage -Sum</code>
    /// <para>Adds up the memory project shop's containers use.</para>
    /// </example>
    /// <example>
    /// <code>Get-ComposeStat -Name web -Follow | Where-Object CpuPercent -gt 80</code>
    /// <para>Watches the web containers and passes on the samples above 80 % CPU, until Ctrl+C.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "ComposeStat")]
    [OutputType(typeof(ComposeContainerStatistic))]
    public sealed class GetComposeStatCommand : ComposeLifecycleCmdlet
    {
        /// <summary>Services to include; wildcards allowed. Default all. ComposeService and ComposeContainer objects piped in name services too.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Service", "ServiceName")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string[] Name { get; set; }

        /// <summary>Stream samples (every second, per container) until Ctrl+C, instead of one sample; like stats without --no-stream.</summary>
        [Parameter]
        [Alias("Stream")]
        public SwitchParameter Follow { get; set; }

        /// <summary>Include stopped containers (their numbers are zero), like --all.</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        protected override void ProcessCompose()
        {
            // docker stats filters by the project label alone.
            HashSet<string> selected = SelectServices(Name, p => AwaitEngine((engine, ct) =>
                engine.ListContainersAsync(new[] { ComposeLabels.Project + "=" + p }, All, ct)), out string project, out var containers);
            List<EngineContainer> chosen = containers.Where(c => selected.Contains(RuntimeContainers.Service(c)))
                .OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
            if (Follow) StreamSamples(project, chosen);
            else WriteOneSample(project, chosen);
        }

        private void WriteOneSample(string project, List<EngineContainer> chosen)
        {
            var samples = new EngineStats[chosen.Count];
            AwaitEngine((engine, ct) => Task.WhenAll(chosen.Select((c, i) => engine.StreamStatsAsync(c.Id, false, s => samples[i] = s, ct))));
            for (int i = 0; i < chosen.Count; i++)
                if (samples[i] != null) WriteObject(StatisticsCalculator.From(project, chosen[i], samples[i]));
        }

        private void StreamSamples(string project, List<EngineContainer> chosen)
        {
            IEngineClient client = Engine;
            bool keepStopped = All;
            Stream((queue, ct) => Task.WhenAll(chosen.Select(c => FollowAsync(client, c, keepStopped, s => queue.Post(() =>
                WriteObject(StatisticsCalculator.From(project, c, s))), ct))));
        }

        /// <summary>
        /// One container's samples until its stream ends. The engine goes on sending empty samples for a stopped
        /// container; without -All that container drops out (as in docker stats), with -All its zeros go on. A container
        /// removed meanwhile just ends its part.
        /// </summary>
        private static async Task FollowAsync(IEngineClient client, EngineContainer c, bool keepStopped, Action<EngineStats> onSample,
            System.Threading.CancellationToken ct)
        {
            using (var stopped = System.Threading.CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                try
                {
                    await client.StreamStatsAsync(c.Id, true, s =>
                    {
                        if (s.Read == default(DateTime) && !keepStopped) stopped.Cancel();
                        else onSample(s);
                    }, stopped.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stopped.IsCancellationRequested && !ct.IsCancellationRequested) { }
                catch (EngineException e) when (e.IsNotFound) { }
            }
        }
    }
}
