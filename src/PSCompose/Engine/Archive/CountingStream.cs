using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PSCompose.Engine.Archive
{
    /// <summary>A read-only view of a stream that reports the running total of bytes read (for Write-Progress).</summary>
    internal sealed class CountingStream : Stream
    {
        private readonly Stream inner;
        private readonly Action<long> onRead;
        private long total;

        public CountingStream(Stream inner, Action<long> onRead)
        {
            this.inner = inner;
            this.onRead = onRead;
        }

        public long Total => total;

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Count(await inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

        private int Count(int read)
        {
            if (read > 0)
            {
                total += read;
                onRead(total);
            }
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;

        public override long Position
        {
            get => total;
            set => throw new NotSupportedException();
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
