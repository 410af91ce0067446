using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace PSCompose.Engine
{
    internal sealed partial class DockerEngineClient
    {
        public async Task<Task> AttachOutputAsync(string id, Action<EngineOutput> onOutput, CancellationToken ct)
        {
            var parameters = new ContainerAttachParameters { Stream = true, Stdout = true, Stderr = true, Logs = false };
            MultiplexedStream stream = await Call(Endpoint, ct, () => client.Containers.AttachContainerAsync(id, parameters, ct)).ConfigureAwait(false);
            return PumpAndDisposeAsync(stream, onOutput, ct);
        }

        private static async Task PumpAndDisposeAsync(MultiplexedStream stream, Action<EngineOutput> onOutput, CancellationToken ct)
        {
            using (stream) await PumpOutputAsync(stream, onOutput, ct).ConfigureAwait(false);
        }

        /// <summary>
        /// Reads a (possibly multiplexed) stream to its end, decoding UTF-8 per stream so a character split across
        /// frames survives. Lines are not reassembled here: a chunk may hold part of a line or several lines.
        /// </summary>
        private static async Task PumpOutputAsync(MultiplexedStream stream, Action<EngineOutput> onOutput, CancellationToken ct)
        {
            var buffer = new byte[81920];
            var stdout = new Utf8Splitter();
            var stderr = new Utf8Splitter();
            while (true)
            {
                MultiplexedStream.ReadResult r;
                try
                {
                    r = await stream.ReadOutputAsync(buffer, 0, buffer.Length, ct).ConfigureAwait(false);
                }
                catch (IOException) when (!ct.IsCancellationRequested)
                {
                    // Stream type 3 (systemerr, unsupported by Docker.DotNet) or a dropped connection ends the stream.
                    break;
                }
                if (r.EOF) break;
                bool isStderr = r.Target == MultiplexedStream.TargetStream.StandardError;
                string text = (isStderr ? stderr : stdout).Decode(buffer, r.Count);
                if (text.Length > 0) onOutput?.Invoke(new EngineOutput { IsStderr = isStderr, Text = text });
            }
        }
    }
}
