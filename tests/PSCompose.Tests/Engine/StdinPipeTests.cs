using System;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using Xunit;

namespace PSCompose.Tests.Engine
{
    /// <summary>The stdin pipe between the pipeline thread and the engine's copy loop: order, back-pressure, the end, the reader leaving.</summary>
    public class StdinPipeTests
    {
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

        private static byte[] Bytes(int count, byte value = 1)
        {
            var bytes = new byte[count];
            for (int i = 0; i < count; i++) bytes[i] = value;
            return bytes;
        }

        [Fact]
        public async Task Reads_WhatWasAdded_InOrder_AcrossChunks_ThenTheEndAfterCompleteAdding()
        {
            using var pipe = new StdinPipe();
            Assert.True(pipe.Add(new byte[] { 1, 2, 3 }).IsCompleted);
            Assert.True(pipe.Add(new byte[] { 4, 5 }).IsCompleted);
            var buffer = new byte[4];
            Assert.Equal(4, await pipe.ReadAsync(buffer, 0, 4, CancellationToken.None));
            Assert.Equal(new byte[] { 1, 2, 3, 4 }, buffer);
            pipe.CompleteAdding();
            Assert.Equal(1, await pipe.ReadAsync(buffer, 0, 4, CancellationToken.None));
            Assert.Equal(5, buffer[0]);
            Assert.Equal(0, await pipe.ReadAsync(buffer, 0, 4, CancellationToken.None));
        }

        [Fact]
        public async Task AReadWaitingForInput_GetsTheNextChunkAsItIsAdded()
        {
            using var pipe = new StdinPipe();
            var buffer = new byte[16];
            Task<int> read = pipe.ReadAsync(buffer, 0, buffer.Length, CancellationToken.None);
            await Task.Delay(50);
            Assert.False(read.IsCompleted);
            pipe.Add(new byte[] { 7 });
            Assert.Equal(1, await read.WaitAsync(Bound));
            Assert.Equal(7, buffer[0]);
        }

        [Fact]
        public async Task AFullPipe_HoldsTheProducer_UntilTheReaderHasTakenHalf()
        {
            using var pipe = new StdinPipe();
            Task room = Task.CompletedTask;
            int added = 0;
            while (room.IsCompleted)
            {
                room = pipe.Add(Bytes(64 * 1024));
                added += 64 * 1024;
            }
            Assert.Equal(StdinPipe.Capacity, added);

            var buffer = new byte[64 * 1024];
            int read = 0;
            while (read < StdinPipe.Capacity / 2 - buffer.Length)
            {
                read += await pipe.ReadAsync(buffer, 0, buffer.Length, CancellationToken.None);
                Assert.False(room.IsCompleted, $"room made after reading {read} of {added} bytes");
            }
            read += await pipe.ReadAsync(buffer, 0, buffer.Length, CancellationToken.None);
            await room.WaitAsync(Bound);
        }

        [Fact]
        public async Task WhenTheReaderLeaves_AWaitingProducerGoesOn_AndWhatFollowsIsDropped()
        {
            var pipe = new StdinPipe();
            Task room = pipe.Add(Bytes(StdinPipe.Capacity));
            Assert.False(room.IsCompleted);
            pipe.Dispose();
            await room.WaitAsync(Bound);
            Assert.True(pipe.Add(Bytes(StdinPipe.Capacity * 2)).IsCompleted);
            await Assert.ThrowsAsync<ObjectDisposedException>(() => pipe.ReadAsync(new byte[1], 0, 1, CancellationToken.None));
        }

        [Fact]
        public async Task AWaitingRead_EndsOnCancellation()
        {
            using var pipe = new StdinPipe();
            using var cancel = new CancellationTokenSource();
            Task<int> read = pipe.ReadAsync(new byte[1], 0, 1, cancel.Token);
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(Bound));
        }

        [Fact]
        public async Task AWaitingRead_EndsWhenTheReaderLeaves()
        {
            var pipe = new StdinPipe();
            Task<int> read = pipe.ReadAsync(new byte[1], 0, 1, CancellationToken.None);
            pipe.Dispose();
            await Assert.ThrowsAsync<ObjectDisposedException>(() => read.WaitAsync(Bound));
        }
    }
}
