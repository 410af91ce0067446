using System;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Execution.Watch;
using Xunit;

namespace PSCompose.Tests.Execution.Watch
{
    /// <summary>Compose's debounce: changes become one de-duplicated batch once the quiet period passes without one.</summary>
    public class ChangeBatcherTests
    {
        [Fact]
        public async Task Burst_IsOneBatch_InArrivalOrder_WithoutRepeats()
        {
            using var batcher = new ChangeBatcher(TimeSpan.FromMilliseconds(200));
            Task<System.Collections.Generic.IReadOnlyList<string>> next = batcher.NextAsync(CancellationToken.None);
            for (int i = 0; i < 50; i++)
            {
                batcher.Add("/f" + (i % 10));
                await Task.Delay(5);
            }
            Assert.False(next.IsCompleted);
            var batch = await next.WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Equal(new[] { "/f0", "/f1", "/f2", "/f3", "/f4", "/f5", "/f6", "/f7", "/f8", "/f9" }, batch);

            batcher.Add("/later");
            Assert.Equal(new[] { "/later" }, await batcher.NextAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)));
        }

        [Fact]
        public async Task WaitsForQuiet_AfterTheLatestChange()
        {
            using var batcher = new ChangeBatcher(TimeSpan.FromMilliseconds(300));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            batcher.Add("/a");
            await Task.Delay(200);
            batcher.Add("/b");
            var batch = await batcher.NextAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Equal(new[] { "/a", "/b" }, batch);
            Assert.True(clock.ElapsedMilliseconds >= 480, $"flushed after {clock.ElapsedMilliseconds} ms");
        }

        [Fact]
        public async Task Cancel_EndsTheWait()
        {
            using var batcher = new ChangeBatcher(TimeSpan.FromMilliseconds(100));
            using var cts = new CancellationTokenSource(100);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => batcher.NextAsync(cts.Token));
        }
    }
}
