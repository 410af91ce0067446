using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Testing;
using Xunit;
using static PSCompose.Tests.Engine.EngineTestSupport;

namespace PSCompose.Tests.Engine
{
    public class EventsEngineTests
    {
        private static readonly CancellationToken None = CancellationToken.None;

        [EngineFact]
        public void Events_FilteredByLabel_ArriveInOrder_AndCancellationEndsTheStream()
        {
            string marker = Guid.NewGuid().ToString("N");
            string name = Unique("psc-events");
            var actions = new ConcurrentQueue<string>();
            using (DockerEngineClient engine = Connect())
            using (var cts = new CancellationTokenSource())
            {
                var filters = new Dictionary<string, IList<string>>
                {
                    ["type"] = new List<string> { "container" },
                    ["label"] = new List<string> { "psc.test.events=" + marker },
                };
                Task monitor = engine.MonitorEventsAsync(filters, e =>
                {
                    if (e.Attributes.TryGetValue("name", out string n) && n == name) actions.Enqueue(e.Action);
                }, cts.Token);
                try
                {
                    Thread.Sleep(300); // let the event stream open before the first event
                    var spec = new ContainerSpec
                    {
                        Name = name,
                        Image = "pscompose/busybox:latest",
                        Command = new List<string> { "true" },
                        Labels = { ["psc.test.events"] = marker },
                    };
                    string id = engine.CreateContainerAsync(spec, None).GetAwaiter().GetResult().Id;
                    engine.StartContainerAsync(id, None).GetAwaiter().GetResult();
                    engine.WaitContainerAsync(id, None).GetAwaiter().GetResult();
                    engine.RemoveContainerAsync(id, false, false, None).GetAwaiter().GetResult();

                    var deadline = DateTime.UtcNow.AddSeconds(10);
                    while (!actions.Contains("destroy") && DateTime.UtcNow < deadline) Thread.Sleep(50);
                    Assert.Equal(new[] { "create", "start", "die", "destroy" }, actions.Where(a => a != "attach").ToArray());
                }
                finally
                {
                    cts.Cancel();
                    Quietly(() => engine.RemoveContainerAsync(name, true, false, None).GetAwaiter().GetResult());
                }
                Assert.ThrowsAny<OperationCanceledException>(() => monitor.GetAwaiter().GetResult());
            }
        }
    }
}
