using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace PSCompose.Engine
{
    internal sealed partial class DockerEngineClient
    {
        public async Task StreamLogsAsync(string id, LogOptions options, Func<IReadOnlyList<OutputLine>, Task> onLines, CancellationToken ct)
        {
            options = options ?? new LogOptions();
            var parameters = new ContainerLogsParameters
            {
                ShowStdout = options.Stdout,
                ShowStderr = options.Stderr,
                Follow = options.Follow,
                Timestamps = options.Timestamps,
                Tail = string.IsNullOrEmpty(options.Tail) ? null : options.Tail,
                Since = string.IsNullOrEmpty(options.Since) ? null : options.Since,
                Until = string.IsNullOrEmpty(options.Until) ? null : options.Until,
            };
            using (MultiplexedStream stream = await Call(Endpoint, ct, () => client.Containers.GetContainerLogsAsync(id, parameters, ct)).ConfigureAwait(false))
                await ReadLinesAsync(stream, options.Timestamps, onLines, ct).ConfigureAwait(false);
        }

        public async Task<Task> AttachOutputAsync(string id, Func<IReadOnlyList<OutputLine>, Task> onLines, CancellationToken ct)
        {
            var parameters = new ContainerAttachParameters { Stream = true, Stdout = true, Stderr = true, Logs = false };
            MultiplexedStream stream = await Call(Endpoint, ct, () => client.Containers.AttachContainerAsync(id, parameters, ct)).ConfigureAwait(false);
            return ReadAndDisposeAsync(stream, onLines, ct);
        }

        public async Task<Task> AttachAsync(string id, Stream stdin, Func<IReadOnlyList<OutputLine>, Task> onLines, CancellationToken ct)
        {
            if (stdin == null) return await AttachOutputAsync(id, onLines, ct).ConfigureAwait(false);
            var parameters = new ContainerAttachParameters { Stream = true, Stdin = true, Stdout = true, Stderr = true, Logs = false };
            MultiplexedStream stream = await Call(Endpoint, ct, () => client.Containers.AttachContainerAsync(id, parameters, ct)).ConfigureAwait(false);
            return ExchangeAsync(stream, stdin, onLines, ct);
        }

        /// <summary>
        /// A command's output read until the engine ends it, while <paramref name="stdin"/> is copied in as it comes and
        /// half-closed at its end. As in the docker CLI's hijacked-stream copy, the end of the output ends the exchange:
        /// a command that exits without reading all its input does not wait for it. Then stdin is disposed (its producer
        /// drops the rest) and the connection closed, which also ends a copy stuck writing into it. A failing copy is no
        /// error of its own (the command closed its stdin, or the connection went): the output tells what happened.
        /// </summary>
        private static async Task ExchangeAsync(MultiplexedStream stream, Stream stdin, Func<IReadOnlyList<OutputLine>, Task> onLines, CancellationToken ct)
        {
            using (var feeding = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                Task feed = FeedAsync(stream, stdin, feeding.Token);
                try
                {
                    await ReadLinesAsync(stream, false, onLines, ct).ConfigureAwait(false);
                }
                finally
                {
                    feeding.Cancel();
                    stdin.Dispose();
                    stream.Dispose();
                    await feed.ConfigureAwait(false);
                }
            }
        }

        private static async Task FeedAsync(MultiplexedStream stream, Stream stdin, CancellationToken ct)
        {
            try
            {
                await stream.CopyFromAsync(stdin, ct).ConfigureAwait(false);
                stream.CloseWrite();
            }
            catch (Exception e) when (e is IOException || e is ObjectDisposedException || e is OperationCanceledException || e is System.Net.Sockets.SocketException)
            {
                // Ended early by ExchangeAsync or by the command: nothing more goes in.
            }
            finally
            {
                stdin.Dispose();
            }
        }

        private static async Task ReadAndDisposeAsync(MultiplexedStream stream, Func<IReadOnlyList<OutputLine>, Task> onLines, CancellationToken ct)
        {
            using (stream) await ReadLinesAsync(stream, false, onLines, ct).ConfigureAwait(false);
        }

        /// <summary>
        /// Reads the library's stream through <see cref="ContainerOutputReader"/>. MultiplexedStream hands out one frame
        /// per read (about 12 µs each, one frame per log line), so the reader takes the HTTP stream under it and splits
        /// the frames itself from 64 KiB reads. The library already knows whether the stream is multiplexed (it
        /// inspects the container's TTY setting); both fields are private in the pinned Docker.DotNet.Enhanced 4.3.3,
        /// and an engine test fails if that ever changes.
        /// </summary>
        private static Task ReadLinesAsync(MultiplexedStream stream, bool timestamps, Func<IReadOnlyList<OutputLine>, Task> onLines, CancellationToken ct) =>
            ContainerOutputReader.ReadAsync(RawStream.Get(stream), RawStream.IsMultiplexed(stream), timestamps, onLines, ct);

        internal static class RawStream
        {
            private static readonly FieldInfo StreamField = Field(typeof(MultiplexedStream), "_stream");
            private static readonly FieldInfo MultiplexedField = Field(typeof(MultiplexedStream), "_multiplexed");

            /// <summary>
            /// The bytes under the library's framing. For a chunked HTTP response not yet read from (logs over the
            /// unix socket or TCP), the chunks are decoded here too (<see cref="ChunkedTransferReader"/>); any other
            /// shape of the library's streams is read as it is, only more slowly.
            /// </summary>
            public static Stream Get(MultiplexedStream stream)
            {
                var raw = (Stream)StreamField.GetValue(stream);
                Stream response = Inner(raw, "Docker.DotNet.StandardStreamResponse", "_stream") ?? raw;
                if (response.GetType().FullName != "Microsoft.Net.Http.Client.ChunkedReadStream") return raw;
                Type chunked = response.GetType();
                bool untouched = Value(chunked, response, "_chunkBytesRemaining") is int left && left == 0 && Value(chunked, response, "_done") is bool done && !done;
                return untouched && Value(chunked, response, "_inner") is Stream connection ? new ChunkedTransferReader(connection) : raw;
            }

            public static bool IsMultiplexed(MultiplexedStream stream) => (bool)MultiplexedField.GetValue(stream);

            private static Stream Inner(Stream stream, string typeName, string field) =>
                stream.GetType().FullName == typeName ? Value(stream.GetType(), stream, field) as Stream : null;

            private static object Value(Type type, object instance, string name) =>
                type.GetField(name, BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(instance);

            private static FieldInfo Field(Type type, string name) =>
                type.GetField(name, BindingFlags.NonPublic | BindingFlags.Instance)
                ?? throw new InvalidOperationException($"Docker.DotNet's {type.Name} has no field {name}: PSCompose was built against Docker.DotNet.Enhanced 4.3.3.");
        }
    }
}
