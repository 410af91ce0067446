using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using Xunit;

namespace PSCompose.Tests.Engine
{
    /// <summary>Engine bytes → lines: frames, line assembly, timestamps, end of stream. Byte streams written by hand.</summary>
    public class ContainerOutputTests
    {
        private static byte[] Frame(int stream, string payload) => Frame(stream, Encoding.UTF8.GetBytes(payload));

        private static byte[] Frame(int stream, byte[] payload)
        {
            var header = new byte[] { (byte)stream, 0, 0, 0, (byte)(payload.Length >> 24), (byte)(payload.Length >> 16), (byte)(payload.Length >> 8), (byte)payload.Length };
            return header.Concat(payload).ToArray();
        }

        /// <summary>Reads the bytes through the reader, delivered in reads of <paramref name="readSize"/> bytes.</summary>
        private static List<OutputLine> Read(byte[] bytes, bool multiplexed, bool timestamps, int readSize = int.MaxValue)
        {
            var lines = new List<OutputLine>();
            ContainerOutputReader.ReadAsync(new TrickleStream(bytes, readSize), multiplexed, timestamps, batch =>
            {
                lines.AddRange(batch);
                return Task.CompletedTask;
            }, CancellationToken.None).GetAwaiter().GetResult();
            return lines;
        }

        private static string Show(IEnumerable<OutputLine> lines) => string.Join("|", lines.Select(l => (l.Stream == OutputStream.Stderr ? "E:" : "O:") + l.Text));

        [Theory]
        [InlineData(int.MaxValue)]
        [InlineData(1)]
        [InlineData(3)]
        [InlineData(9)]
        public void Multiplexed_frames_keep_stdout_and_stderr_apart_wherever_the_reads_split_them(int readSize)
        {
            byte[] bytes = Frame(1, "out1\nout").Concat(Frame(2, "err1\n")).Concat(Frame(1, "2\n")).Concat(Frame(2, "tail")).ToArray();
            Assert.Equal("O:out1|E:err1|O:out2|E:tail", Show(Read(bytes, true, false, readSize)));
        }

        [Fact]
        public void Crlf_of_a_tty_is_one_line_end_and_a_final_fragment_is_kept()
        {
            byte[] bytes = Encoding.UTF8.GetBytes("tty-out\r\nsecond\r\nno newline");
            Assert.Equal("O:tty-out|O:second|O:no newline", Show(Read(bytes, false, false, 4)));
        }

        [Fact]
        public void A_character_split_across_frames_survives_and_invalid_utf8_becomes_the_replacement_character()
        {
            byte[] u = Encoding.UTF8.GetBytes("ü\n");
            byte[] bytes = Frame(1, new[] { u[0] }).Concat(Frame(1, new[] { u[1], u[2] })).Concat(Frame(1, new byte[] { 0x66, 0xff, 0x0a })).ToArray();
            Assert.Equal("O:ü|O:f\uFFFD", Show(Read(bytes, true, false)));
        }

        [Fact]
        public void A_megabyte_without_a_newline_is_one_line()
        {
            string big = new string('x', 1024 * 1024);
            // json-file hands a long line back as 16 KiB messages, each its own frame and without a newline.
            var bytes = new List<byte>();
            for (int i = 0; i < big.Length; i += 16384) bytes.AddRange(Frame(1, big.Substring(i, Math.Min(16384, big.Length - i))));
            List<OutputLine> lines = Read(bytes.ToArray(), true, false, 65536);
            Assert.Single(lines);
            Assert.Equal(big.Length, lines[0].Text.Length);
        }

        [Fact]
        public void Engine_timestamps_are_parsed_and_removed_and_a_line_keeps_the_time_of_its_first_message()
        {
            byte[] bytes = Frame(2, "2026-11-30T05:13:03.596500644Z err1\n")
                .Concat(Frame(1, "2026-11-30T05:13:04.000000100Z part-"))
                .Concat(Frame(1, "2026-11-30T05:13:05.000000000Z two\n")).ToArray();
            List<OutputLine> lines = Read(bytes, true, true, 5);
            Assert.Equal("E:err1|O:part-two", Show(lines));
            Assert.Equal(new DateTimeOffset(2026, 11, 30, 5, 13, 3, TimeSpan.Zero).AddTicks(5965006), lines[0].Timestamp);
            Assert.Equal(new DateTimeOffset(2026, 11, 30, 5, 13, 4, TimeSpan.Zero).AddTicks(1), lines[1].Timestamp);
        }

        [Fact]
        public void Tty_logs_carry_a_timestamp_at_each_line_start()
        {
            byte[] bytes = Encoding.UTF8.GetBytes("2026-11-30T05:13:03.000000000Z a\r\n2026-11-30T05:13:04.000000000Z b\r\n");
            List<OutputLine> lines = Read(bytes, false, true, 7);
            Assert.Equal("O:a|O:b", Show(lines));
            Assert.Equal(4, lines[1].Timestamp.Second);
        }

        [Fact]
        public void Text_that_is_not_a_timestamp_stays_in_the_line()
        {
            byte[] bytes = Frame(1, "not-a-time here\n").Concat(Frame(1, "short\n")).ToArray();
            Assert.Equal("O:not-a-time here|O:short", Show(Read(bytes, true, true)));
        }

        [Fact]
        public void A_stream_cut_inside_a_frame_is_a_lost_stream_not_a_quiet_end()
        {
            byte[] bytes = Frame(1, "whole\n").Concat(Frame(1, "cut short\n").Take(10)).ToArray();
            Assert.Throws<EngineStreamLostException>(() => Read(bytes, true, false));
        }

        [Fact]
        public void A_broken_connection_is_a_lost_stream_and_cancellation_stays_cancellation()
        {
            var broken = new FailingStream(new IOException("Connection reset by peer"));
            var lost = Assert.Throws<EngineStreamLostException>(() =>
                ContainerOutputReader.ReadAsync(broken, true, false, _ => Task.CompletedTask, CancellationToken.None).GetAwaiter().GetResult());
            Assert.Contains("Connection reset by peer", lost.Message);

            using (var cts = new CancellationTokenSource())
            {
                cts.Cancel();
                Assert.ThrowsAny<OperationCanceledException>(() =>
                    ContainerOutputReader.ReadAsync(new FailingStream(new IOException("disposed")), true, false, _ => Task.CompletedTask, cts.Token).GetAwaiter().GetResult());
            }
        }

        [Fact]
        public void The_next_read_waits_for_the_consumer()
        {
            var bytes = new List<byte>();
            for (int i = 0; i < 1000; i++) bytes.AddRange(Frame(1, "line " + i + "\n"));
            var stream = new TrickleStream(bytes.ToArray(), 100);
            var gate = new TaskCompletionSource<bool>();
            int batches = 0;
            Task reading = ContainerOutputReader.ReadAsync(stream, true, false, async _ => { batches++; await gate.Task; }, CancellationToken.None);
            Thread.Sleep(200);
            Assert.Equal(1, batches);
            Assert.True(stream.Position <= 100, "nothing more is read while the consumer is busy");
            gate.SetResult(true);
            Assert.True(reading.Wait(5000));
        }

        [Theory]
        [InlineData(int.MaxValue)]
        [InlineData(1)]
        [InlineData(7)]
        public void Chunked_bodies_are_decoded_across_any_read_split_with_extensions_and_trailers(int readSize)
        {
            byte[] body = Encoding.ASCII.GetBytes("5\r\nhello\r\n1;ext=1\r\n \r\nA\r\n0123456789\r\n0\r\nX-Trailer: 1\r\n\r\n");
            var reader = new ChunkedTransferReader(new TrickleStream(body, readSize));
            var decoded = new MemoryStream();
            var chunk = new byte[3];
            int n;
            while ((n = reader.ReadAsync(chunk, 0, chunk.Length, CancellationToken.None).GetAwaiter().GetResult()) > 0) decoded.Write(chunk, 0, n);
            Assert.Equal("hello 0123456789", Encoding.ASCII.GetString(decoded.ToArray()));
        }

        [Fact]
        public void A_chunked_body_cut_short_is_a_broken_connection()
        {
            var reader = new ChunkedTransferReader(new MemoryStream(Encoding.ASCII.GetBytes("5\r\nhel")));
            Assert.Throws<EngineStreamLostException>(() =>
                ContainerOutputReader.ReadAsync(reader, false, false, _ => Task.CompletedTask, CancellationToken.None).GetAwaiter().GetResult());
        }

        private sealed class TrickleStream : MemoryStream
        {
            private readonly int readSize;

            public TrickleStream(byte[] bytes, int readSize) : base(bytes)
            {
                this.readSize = readSize;
            }

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
                base.ReadAsync(buffer, offset, Math.Min(count, readSize), ct);
        }

        private sealed class FailingStream : MemoryStream
        {
            private readonly Exception failure;

            public FailingStream(Exception failure)
            {
                this.failure = failure;
            }

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => Task.FromException<int>(failure);
        }
    }
}
