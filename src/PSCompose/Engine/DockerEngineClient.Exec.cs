using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace PSCompose.Engine
{
    internal sealed partial class DockerEngineClient
    {
        public async Task<long> ExecAsync(string container, ExecSpec spec, Stream stdin, Func<IReadOnlyList<OutputLine>, Task> onLines, CancellationToken ct)
        {
            var create = new ContainerExecCreateParameters
            {
                Cmd = spec.Command.ToList(),
                Env = spec.Env == null || spec.Env.Count == 0 ? null : spec.Env.ToList(),
                User = string.IsNullOrEmpty(spec.User) ? null : spec.User,
                WorkingDir = string.IsNullOrEmpty(spec.WorkingDir) ? null : spec.WorkingDir,
                Privileged = spec.Privileged,
                TTY = spec.Tty,
                AttachStdin = stdin != null,
                AttachStdout = true,
                AttachStderr = true,
            };
            ContainerExecCreateResponse exec = await Call(Endpoint, ct, () => client.Exec.CreateContainerExecAsync(container, create, ct)).ConfigureAwait(false);
            using (MultiplexedStream stream = await Call(Endpoint, ct,
                () => client.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters { TTY = spec.Tty }, ct)).ConfigureAwait(false))
            {
                Task feed = stdin == null ? Task.CompletedTask : FeedAsync(stream, stdin, ct);
                await ReadLinesAsync(stream, false, onLines, ct).ConfigureAwait(false);
                await feed.ConfigureAwait(false);
            }
            ContainerExecInspectResponse inspect = await Call(Endpoint, ct, () => client.Exec.InspectContainerExecAsync(exec.ID, ct)).ConfigureAwait(false);
            return inspect.ExitCode ?? 0;
        }

        private static async Task FeedAsync(MultiplexedStream stream, Stream stdin, CancellationToken ct)
        {
            await stream.CopyFromAsync(stdin, ct).ConfigureAwait(false);
            stream.CloseWrite();
        }
    }
}
