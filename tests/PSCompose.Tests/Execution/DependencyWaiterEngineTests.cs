using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Execution;
using PSCompose.Model;
using PSCompose.Plan;
using PSCompose.Testing;
using Xunit;
using static PSCompose.Tests.Engine.EngineTestSupport;

namespace PSCompose.Tests.Execution
{
    /// <summary>
    /// The one wait loop against the real engine: it reacts to the engine's events, not to a poll. With the fallback
    /// read a minute away, only the event can end the wait within seconds; the reaction is measured from the engine's
    /// own time of the health_status event to the wait's return (printed; bench/health-chain-bench.sh times it). (A die event is no good
    /// yardstick: the engine sends it while it still holds the container's lock for its network clean-up, so any
    /// inspect, evented or polled, waits that out.)
    /// </summary>
    public class DependencyWaiterEngineTests
    {
        private const int Trials = 6;

        /// <summary>No read of the state happens in this time without an event.</summary>
        private static readonly TimeSpan Fallback = TimeSpan.FromMinutes(1);

        /// <summary>Far above the event's delivery under load, far below the fallback.</summary>
        private static readonly TimeSpan ReactionBound = TimeSpan.FromSeconds(5);

        [EngineFact]
        public void ServiceHealthy_ReturnsAsSoonAsTheEngineReportsHealthy()
        {
            string project = Unique("events-dw");
            using (DockerEngineClient engine = Connect())
            {
                var spec = new ContainerSpec
                {
                    Name = project + "-db-1",
                    Image = Busybox,
                    Command = new List<string> { "sh", "-c", "trap 'exit 0' TERM; sleep 600 & wait" },
                    Healthcheck = new HealthcheckSpec { Test = new List<string> { "CMD", "true" }, Interval = TimeSpan.FromMilliseconds(700) },
                    Labels =
                    {
                        [ComposeLabels.Project] = project,
                        [ComposeLabels.Service] = "db",
                        [ComposeLabels.OneOff] = "False",
                    },
                };
                string id = engine.CreateContainerAsync(spec, CancellationToken.None).GetAwaiter().GetResult().Id;
                var healthy = new BlockingCollection<long>();
                var filters = new Dictionary<string, IList<string>>
                {
                    ["container"] = new List<string> { id },
                    ["event"] = new List<string> { "health_status" },
                };
                using (var stop = new CancellationTokenSource())
                {
                    try
                    {
                        Task monitor = engine.MonitorEventsAsync(filters, e =>
                        {
                            if (e.Action == "health_status: healthy") healthy.Add(e.TimeNano / 1000000);
                        }, stop.Token);
                        Thread.Sleep(300); // let the event stream open
                        var reactions = new List<long>();
                        for (int trial = 0; trial <= Trials; trial++)
                        {
                            // A start resets the health to starting; the first passing probe makes it healthy.
                            engine.StartContainerAsync(id, CancellationToken.None).GetAwaiter().GetResult();
                            Task wait = DependencyWaiter.WaitAsync(engine, project, "db", DependencyConditions.Healthy, Fallback, CancellationToken.None);
                            Assert.True(wait.Wait(TimeSpan.FromSeconds(30)), "the wait did not end: it did not react to the engine's event");
                            long returned = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                            Assert.True(healthy.TryTake(out long reported, TimeSpan.FromSeconds(10)), "no health_status event");
                            if (trial > 0) reactions.Add(returned - reported); // trial 0 warms up the code paths and connections
                            engine.StopContainerAsync(id, 0, CancellationToken.None).GetAwaiter().GetResult();
                        }
                        string measured = string.Join(", ", reactions.Select(r => r + " ms"));
                        Assert.True(reactions.All(r => r < ReactionBound.TotalMilliseconds), $"reaction after health_status: {measured}");
                    }
                    finally
                    {
                        stop.Cancel();
                        Quietly(() => engine.RemoveContainerAsync(id, true, false, CancellationToken.None).GetAwaiter().GetResult());
                    }
                }
            }
        }
    }
}
