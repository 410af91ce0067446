using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PSCompose.Engine
{
    /// <summary>
    /// Decodes an HTTP/1.1 chunked body from the connection's stream with large reads. dockerd flushes each log frame,
    /// so every frame is its own chunk, and the HTTP library's chunked stream returns one chunk per read: about 5 µs
    /// of async machinery per log line. Here one read of the connection yields many chunks. A read returns as soon as
    /// some payload is there, so a follow stream is not held back waiting for more.
    /// </summary>
    internal sealed class ChunkedTransferReader : ReadOnlyStream
    {
        private enum State { Size, Extension, Data, DataEnd, Trailer, Done }

        private readonly Stream inner;
        private readonly byte[] buffer = new byte[64 * 1024];
        private int position;
        private int length;
        private State state = State.Size;
        private long size;
        private long remaining;
        private int trailerLineLength;

        public ChunkedTransferReader(Stream inner)
        {
            this.inner = inner;
        }

        public override async Task<int> ReadAsync(byte[] destination, int offset, int count, CancellationToken ct)
        {
            int written = 0;
            while (written < count && state != State.Done)
            {
                if (position == length)
                {
                    if (written > 0) break;
                    length = await inner.ReadAsync(buffer, 0, buffer.Length, ct).ConfigureAwait(false);
                    position = 0;
                    if (length == 0) throw new IOException("the connection closed before the end of the chunked response");
                }
                if (state == State.Data)
                {
                    int n = (int)Math.Min(remaining, Math.Min(length - position, count - written));
                    Buffer.BlockCopy(buffer, position, destination, offset + written, n);
                    position += n;
                    written += n;
                    remaining -= n;
                    if (remaining == 0) state = State.DataEnd;
                    continue;
                }
                Step(buffer[position++]);
            }
            return written;
        }

        /// <summary>One byte of chunk framing: the hex size line, the CRLF after the data, the trailer.</summary>
        private void Step(byte b)
        {
            switch (state)
            {
                case State.Size:
                    if (b == (byte)'\n') EndSizeLine();
                    else if (b == (byte)';') state = State.Extension;
                    else if (b != (byte)'\r' && b != (byte)' ') size = checked(size * 16 + HexValue(b));
                    break;
                case State.Extension:
                    if (b == (byte)'\n') EndSizeLine();
                    break;
                case State.DataEnd:
                    if (b == (byte)'\n') state = State.Size;
                    else if (b != (byte)'\r') throw new IOException("a chunk of the response did not end with CRLF");
                    break;
                case State.Trailer:
                    if (b == (byte)'\n')
                    {
                        if (trailerLineLength == 0) state = State.Done;
                        trailerLineLength = 0;
                    }
                    else if (b != (byte)'\r') trailerLineLength++;
                    break;
            }
        }

        private void EndSizeLine()
        {
            remaining = size;
            size = 0;
            state = remaining == 0 ? State.Trailer : State.Data;
        }

        private static int HexValue(byte b)
        {
            if (b >= '0' && b <= '9') return b - '0';
            if (b >= 'a' && b <= 'f') return b - 'a' + 10;
            if (b >= 'A' && b <= 'F') return b - 'A' + 10;
            throw new IOException("the response's chunk size is not hexadecimal");
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
