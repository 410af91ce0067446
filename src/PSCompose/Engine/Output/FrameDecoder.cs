using System;

namespace PSCompose.Engine
{
    /// <summary>
    /// Splits the engine's multiplexed stream (logs, attach and exec of a container without a TTY) into payloads.
    /// Each frame is an 8-byte header — stream (0 stdin, 1 stdout, 2 stderr, 3 systemerr), three zero bytes, payload
    /// length as a big-endian uint32 — then the payload. Reads split frames anywhere, headers included, so the decoder
    /// keeps its place between calls. A TTY stream has no frames: the caller passes it straight through as stdout.
    /// </summary>
    internal sealed class FrameDecoder
    {
        private readonly byte[] header = new byte[8];
        private int headerFill;
        private long remaining;
        private OutputStream target;
        private bool frameStart;

        /// <summary>The stream ended inside a frame: the connection was cut, not closed by the engine.</summary>
        public bool MidFrame => headerFill > 0 || remaining > 0;

        /// <summary>
        /// Calls <paramref name="payload"/> for each run of payload bytes in the chunk; <c>frameStart</c> is true for the
        /// first bytes of a frame (the logs API starts each frame with one log message, timestamp first).
        /// </summary>
        public void Decode(byte[] buffer, int offset, int count, Action<OutputStream, byte[], int, int, bool> payload)
        {
            int end = offset + count;
            while (offset < end)
            {
                if (remaining == 0)
                {
                    int take = Math.Min(8 - headerFill, end - offset);
                    Buffer.BlockCopy(buffer, offset, header, headerFill, take);
                    headerFill += take;
                    offset += take;
                    if (headerFill < 8) return;
                    headerFill = 0;
                    target = StreamOf(header[0]);
                    remaining = ((long)header[4] << 24) | ((long)header[5] << 16) | ((long)header[6] << 8) | header[7];
                    frameStart = true;
                    continue;
                }
                int n = (int)Math.Min(remaining, end - offset);
                payload(target, buffer, offset, n, frameStart);
                frameStart = false;
                remaining -= n;
                offset += n;
            }
        }

        private static OutputStream StreamOf(byte kind)
        {
            switch (kind)
            {
                case 0:
                case 1: return OutputStream.Stdout;
                case 2:
                case 3: return OutputStream.Stderr; // systemerr: the engine's own error about this stream
                default: throw new EngineStreamLostException($"the engine sent a frame for unknown stream {kind}, so the stream is not in the multiplexed format");
            }
        }
    }
}
