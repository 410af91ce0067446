using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Execution;
using PSCompose.Plan;
using Xunit;

namespace PSCompose.Tests.Lifecycle
{
    public class ServiceOrderTests
    {
        // web -> cache -> db, and worker on its own.
        private static List<DesiredService> Chain() => new List<DesiredService>
        {
            new DesiredService { Name = "db" },
            new DesiredService { Name = "cache", DependsOn = { new ServiceDependency("db", restart: true) } },
            new DesiredService { Name = "web", DependsOn = { new ServiceDependency("cache") } },
            new DesiredService { Name = "worker" },
        };

        private static async Task<(List<string> order, IReadOnlyList<ServiceFailure> failures, List<string> skipped)> Run(
            ICollection<string> selected, bool reverse, string failing = null)
        {
            var order = new ConcurrentQueue<string>();
            var skipped = new ConcurrentQueue<string>();
            IReadOnlyList<ServiceFailure> failures = await ServiceOrder.RunAsync(Chain(), selected, reverse, async (name, ct) =>
            {
                await Task.Delay(name == "db" ? 50 : 1, ct);
                if (name == failing) throw new InvalidOperationException("boom");
                order.Enqueue(name);
            }, skipped.Enqueue, CancellationToken.None);
            return (order.ToList(), failures, skipped.ToList());
        }

        [Fact]
        public async Task UnselectedServicesStillCarryTheOrder()
        {
            // cache is not selected, yet web must wait for db through it.
            var (order, failures, _) = await Run(new[] { "web", "db" }, reverse: false);
            Assert.Empty(failures);
            Assert.Equal(new[] { "db", "web" }, order);
        }

        [Fact]
        public async Task ReverseOrder_PutsDependentsFirst()
        {
            var (order, _, _) = await Run(new[] { "web", "cache", "db" }, reverse: true);
            Assert.Equal(new[] { "web", "cache", "db" }, order);
        }

        [Fact]
        public async Task AFailureSkipsWhatWaitsForIt_AndTheRestGoesOn()
        {
            var (order, failures, skipped) = await Run(new[] { "db", "cache", "web", "worker" }, reverse: false, failing: "cache");
            Assert.Equal("cache", Assert.Single(failures).Service);
            Assert.Equal(new[] { "web" }, skipped);
            Assert.Equal(new[] { "db", "worker" }, order.OrderBy(s => s));
        }

        [Fact]
        public void RestartSelection_FollowsOnlyRestartTrueDependents()
        {
            var project = new DesiredProject { Name = "p", Services = Chain() };
            // cache depends on db with restart: true; web depends on cache without it.
            Assert.Equal(new[] { "cache", "db" }, ServiceLifecycle.RestartSelection(project, new[] { "db" }, false).OrderBy(s => s));
            Assert.Equal(new[] { "db" }, ServiceLifecycle.RestartSelection(project, new[] { "db" }, true));
            Assert.Equal(new[] { "cache" }, ServiceLifecycle.RestartSelection(project, new[] { "cache" }, false));
        }
    }
}
