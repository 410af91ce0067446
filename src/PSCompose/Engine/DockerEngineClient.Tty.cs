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
        public async Task<long> ExecTtyAsync(string container, ExecSpec spec, TtySession tty, CancellationToken ct)
        {
            spec.Tty = true;
            ContainerExecCreateParameters create = CreateParameters(spec, true, attachOutput: true);
            ContainerExecCreateResponse exec = await Call(Endpoint, ct, () => client.Exec.CreateContainerExecAsync(container, create, ct)).ConfigureAwait(false);
            (int width, int height) = tty.Size;
            var start = new ContainerExecStartParameters { TTY = true, ConsoleSize = new ConsoleSize { Width = (ulong)width, Height = (ulong)height } };
            using (MultiplexedStream stream = await Call(Endpoint, ct, () => client.Exec.StartContainerExecAsync(exec.ID, start, ct)).ConfigureAwait(false))
            using (var pumps = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                Task input = PumpInputAsync(stream, tty, pumps.Token);
                // Also sized at once: engines before API 1.42 ignore the start's ConsoleSize, as the docker CLI knows.
                Task resize = FollowSizeAsync(tty, size => client.Exec.ResizeExecTtyAsync(exec.ID, size, pumps.Token), pumps.Token);
                try
                {
                    await CopyOutputAsync(RawStream.Get(stream), tty, ct).ConfigureAwait(false);
                }
                finally
                {
                    pumps.Cancel();
                    await Task.WhenAll(Quietly(input), Quietly(resize)).ConfigureAwait(false);
                }
            }
            ContainerExecInspectResponse inspect = await Call(Endpoint, ct, () => client.Exec.InspectContainerExecAsync(exec.ID, ct)).ConfigureAwait(false);
            return inspect.ExitCode ?? 0;
        }

        private static async Task CopyOutputAsync(Stream raw, TtySession tty, CancellationToken ct)
        {
            var buffer = new byte[16 * 1024];
            using (ct.Register(raw.Dispose))
            {
                while (true)
                {
                    int n;
                    try { n = await raw.ReadAsync(buffer, 0, buffer.Length, ct).ConfigureAwait(false); }
                    catch (Exception e) when (e is IOException || e is ObjectDisposedException)
                    {
                        ct.ThrowIfCancellationRequested();
                        throw new EngineStreamLostException(e.Message, e);
                    }
                    if (n == 0) return;
                    tty.WriteOutput(buffer, n);
                }
            }
        }

        private static async Task PumpInputAsync(MultiplexedStream stream, TtySession tty, CancellationToken ct)
        {
            while (!ct.IsCancellationRequested)
            {
                byte[] keys = tty.ReadInput();
                if (keys.Length > 0) await stream.WriteAsync(keys, 0, keys.Length, ct).ConfigureAwait(false);
                else await TtySession.Delay(ct).ConfigureAwait(false);
            }
        }

        public async Task<long> RunTtyAsync(string id, TtySession tty, CancellationToken ct)
        {
            var parameters = new ContainerAttachParameters { Stream = true, Stdin = true, Stdout = true, Stderr = true, Logs = false };
            using (MultiplexedStream stream = await Call(Endpoint, ct, () => client.Containers.AttachContainerAsync(id, parameters, ct)).ConfigureAwait(false))
            using (var pumps = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                Task output = CopyOutputAsync(RawStream.Get(stream), tty, ct);
                await StartContainerAsync(id, ct).ConfigureAwait(false);
                Task input = PumpInputAsync(stream, tty, pumps.Token);
                Task resize = FollowSizeAsync(tty, size => client.Containers.ResizeContainerTtyAsync(id, size, pumps.Token), pumps.Token);
                try
                {
                    await output.ConfigureAwait(false);
                }
                finally
                {
                    pumps.Cancel();
                    await Task.WhenAll(Quietly(input), Quietly(resize)).ConfigureAwait(false);
                }
            }
            return await WaitContainerAsync(id, ct).ConfigureAwait(false);
        }

        private async Task FollowSizeAsync(TtySession tty, Func<ContainerResizeParameters, Task> resize, CancellationToken ct)
        {
            (int Width, int Height) last = (0, 0);
            while (!ct.IsCancellationRequested)
            {
                (int Width, int Height) now = tty.Size;
                if (now != last)
                {
                    last = now;
                    await Call(Endpoint, ct, () => resize(new ContainerResizeParameters { Width = now.Width, Height = now.Height })).ConfigureAwait(false);
                }
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct).ConfigureAwait(false);
            }
        }

        private static async Task Quietly(Task task)
        {
            try { await task.ConfigureAwait(false); }
            catch (Exception) { /* the session has ended: a pump cut off mid-write or mid-resize has nothing left to do */ }
        }
    }
}
