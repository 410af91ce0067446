using System;
using System.Collections.Generic;
using System.Text;

namespace PSCompose.Engine
{
    /// <summary>
    /// Turns the bytes of one container stream into lines. A chunk may hold part of a line or many lines (json-file
    /// splits messages over 16 KiB; attach and exec chunks are arbitrary), so bytes before a newline wait here for the
    /// rest. Lines end at '\n'; one '\r' before it (TTY output) is dropped; bytes that are not UTF-8 become U+FFFD; a
    /// final fragment without '\n' is a line too (Compose's logs drops it). When the engine sends timestamps, each
    /// message starts with one and a space; the line takes the timestamp of the message it began in.
    /// </summary>
    internal sealed class LineAssembler
    {
        /// <summary>A longer run without a newline is emitted in pieces of this size, so memory stays bounded.</summary>
        internal const int MaxLineBytes = 8 * 1024 * 1024;

        private static readonly Encoding Utf8 = new UTF8Encoding(false, false);

        private readonly OutputStream stream;
        private readonly bool timestamps;
        private readonly bool lineIsMessage;
        private readonly byte[] stamp = new byte[EngineTimestamp.MaxLength];
        private int stampFill;
        private bool readingStamp;
        private DateTimeOffset messageTimestamp;

        private byte[] pending = new byte[256];
        private int pendingLength;
        private bool lineStarted;
        private DateTimeOffset lineTimestamp;

        /// <param name="timestamps">The engine puts a timestamp before every message (logs with timestamps=1).</param>
        /// <param name="lineIsMessage">Raw (TTY) streams have no frames; there every line is a message.</param>
        public LineAssembler(OutputStream stream, bool timestamps, bool lineIsMessage)
        {
            this.stream = stream;
            this.timestamps = timestamps;
            this.lineIsMessage = lineIsMessage;
        }

        /// <param name="messageStart">The bytes start a new engine message (a frame of the multiplexed logs stream).</param>
        public void Append(byte[] bytes, int offset, int count, bool messageStart, List<OutputLine> lines)
        {
            if (timestamps && messageStart) BeginStamp();
            int end = offset + count;
            while (offset < end)
            {
                if (readingStamp)
                {
                    offset = ReadStamp(bytes, offset, end);
                    continue;
                }
                int newline = Array.IndexOf(bytes, (byte)'\n', offset, end - offset);
                if (newline < 0)
                {
                    AddPending(bytes, offset, end - offset, lines);
                    return;
                }
                EmitLine(bytes, offset, newline - offset, lines);
                offset = newline + 1;
                if (timestamps && lineIsMessage) BeginStamp();
            }
        }

        /// <summary>Emits what is left at the end of the stream.</summary>
        public void Flush(List<OutputLine> lines)
        {
            if (readingStamp && stampFill > 0) AddPending(stamp, 0, stampFill, lines);
            readingStamp = false;
            if (lineStarted) EmitLine(pending, 0, 0, lines);
        }

        private void BeginStamp()
        {
            readingStamp = true;
            stampFill = 0;
        }

        /// <summary>Collects the timestamp up to its space; anything that is not one is kept as line content.</summary>
        private int ReadStamp(byte[] bytes, int offset, int end)
        {
            while (offset < end)
            {
                byte b = bytes[offset];
                if (b == (byte)' ')
                {
                    readingStamp = false;
                    if (EngineTimestamp.TryParse(stamp, 0, stampFill, out DateTimeOffset parsed)) messageTimestamp = parsed;
                    else
                    {
                        AddPending(stamp, 0, stampFill, null);
                        AddPending(bytes, offset, 1, null);
                    }
                    return offset + 1;
                }
                if (b == (byte)'\n' || stampFill == stamp.Length)
                {
                    readingStamp = false;
                    AddPending(stamp, 0, stampFill, null);
                    return offset;
                }
                stamp[stampFill++] = b;
                offset++;
            }
            return offset;
        }

        private DateTimeOffset LineTimestamp() => timestamps ? messageTimestamp : DateTimeOffset.UtcNow;

        private void AddPending(byte[] bytes, int offset, int count, List<OutputLine> lines)
        {
            if (count == 0) return;
            if (!lineStarted)
            {
                lineStarted = true;
                lineTimestamp = LineTimestamp();
            }
            if (lines != null && pendingLength > 0 && pendingLength + count > MaxLineBytes)
            {
                EmitLine(pending, 0, 0, lines);
                AddPending(bytes, offset, count, lines);
                return;
            }
            if (pendingLength + count > pending.Length)
                Array.Resize(ref pending, Math.Max(pendingLength + count, pending.Length * 2));
            Buffer.BlockCopy(bytes, offset, pending, pendingLength, count);
            pendingLength += count;
        }

        private void EmitLine(byte[] bytes, int offset, int count, List<OutputLine> lines)
        {
            DateTimeOffset timestamp = lineStarted ? lineTimestamp : LineTimestamp();
            if (pendingLength > 0 && !ReferenceEquals(bytes, pending))
            {
                AddPending(bytes, offset, count, null);
                bytes = pending;
                offset = 0;
                count = pendingLength;
            }
            else if (ReferenceEquals(bytes, pending)) count = pendingLength;
            if (count > 0 && bytes[offset + count - 1] == (byte)'\r') count--;
            lines.Add(new OutputLine(stream, timestamp, Utf8.GetString(bytes, offset, count)));
            pendingLength = 0;
            lineStarted = false;
        }
    }
}
