using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PSCompose.Engine
{
    /// <summary>
    /// The one path from a container's output bytes (logs, attach, exec) to lines: reads the raw stream in large
    /// chunks, splits frames when the stream is multiplexed, assembles lines per stream, and hands them on in
    /// batches. Awaiting <c>onLines</c> is the back-pressure: a slow consumer slows the socket reads.
    /// </summary>
    internal static class ContainerOutputReader
    {
        private const int ChunkSize = 64 * 1024;

        public static async Task ReadAsync(Stream raw, bool multiplexed, bool timestamps, Func<IReadOnlyList<OutputLine>, Task> onLines, CancellationToken ct)
        {
            var stdout = new LineAssembler(OutputStream.Stdout, timestamps, lineIsMessage: !multiplexed);
            var stderr = new LineAssembler(OutputStream.Stderr, timestamps, lineIsMessage: !multiplexed);
            FrameDecoder frames = multiplexed ? new FrameDecoder() : null;
            var lines = new List<OutputLine>();
            Action<OutputStream, byte[], int, int, bool> payload =
                (stream, bytes, offset, count, start) => (stream == OutputStream.Stderr ? stderr : stdout).Append(bytes, offset, count, start, lines);
            var chunk = new byte[ChunkSize];
            bool first = true;
            // A read blocked on an idle socket must end promptly on Ctrl+C even if the transport ignores the token.
            using (ct.Register(raw.Dispose))
            {
                while (true)
                {
                    int n = await ReadChunkAsync(raw, chunk, ct).ConfigureAwait(false);
                    if (n == 0) break;
                    if (frames != null) frames.Decode(chunk, 0, n, payload);
                    else stdout.Append(chunk, 0, n, first, lines);
                    first = false;
                    if (lines.Count > 0)
                    {
                        await onLines(lines).ConfigureAwait(false);
                        lines = new List<OutputLine>();
                    }
                }
            }
            if (frames != null && frames.MidFrame) throw new EngineStreamLostException("the stream ended in the middle of a frame");
            stdout.Flush(lines);
            stderr.Flush(lines);
            if (lines.Count > 0) await onLines(lines).ConfigureAwait(false);
        }

        private static async Task<int> ReadChunkAsync(Stream raw, byte[] chunk, CancellationToken ct)
        {
            try
            {
                return await raw.ReadAsync(chunk, 0, chunk.Length, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException || e is ObjectDisposedException || e is OperationCanceledException)
            {
                ct.ThrowIfCancellationRequested();
                if (e is OperationCanceledException) throw;
                throw new EngineStreamLostException(e.Message, e);
            }
        }
    }
}
