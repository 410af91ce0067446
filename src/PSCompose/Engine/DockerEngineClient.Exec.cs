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
            ContainerExecCreateParameters create = CreateParameters(spec, stdin != null, attachOutput: true);
            ContainerExecCreateResponse exec = await Call(Endpoint, ct, () => client.Exec.CreateContainerExecAsync(container, create, ct)).ConfigureAwait(false);
            using (MultiplexedStream stream = await Call(Endpoint, ct,
                () => client.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters { TTY = spec.Tty }, ct)).ConfigureAwait(false))
            {
                if (stdin == null) await ReadLinesAsync(stream, false, onLines, ct).ConfigureAwait(false);
                else await ExchangeAsync(stream, stdin, onLines, ct).ConfigureAwait(false);
            }
            ContainerExecInspectResponse inspect = await Call(Endpoint, ct, () => client.Exec.InspectContainerExecAsync(exec.ID, ct)).ConfigureAwait(false);
            return inspect.ExitCode ?? 0;
        }

        public async Task<string> ExecDetachedAsync(string container, ExecSpec spec, CancellationToken ct)
        {
            ContainerExecCreateParameters create = CreateParameters(spec, false, attachOutput: false);
            ContainerExecCreateResponse exec = await Call(Endpoint, ct, () => client.Exec.CreateContainerExecAsync(container, create, ct)).ConfigureAwait(false);
            try
            {
                using (await client.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters { Detach = true, TTY = spec.Tty }, ct).ConfigureAwait(false))
                {
                }
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                // The library always expects a hijacked stream; a detached start answers a plain 200 once the process
                // runs, which it reports as an error. The exec's state tells whether it started.
                ContainerExecInspectResponse inspect = await Call(Endpoint, ct, () => client.Exec.InspectContainerExecAsync(exec.ID, ct)).ConfigureAwait(false);
                if (!inspect.Running && inspect.Pid == 0 && inspect.ExitCode == null)
                    await Call(Endpoint, ct, () => Task.FromException<bool>(e)).ConfigureAwait(false);
            }
            return exec.ID;
        }

        private static ContainerExecCreateParameters CreateParameters(ExecSpec spec, bool attachStdin, bool attachOutput) =>
            new ContainerExecCreateParameters
            {
                Cmd = spec.Command.ToList(),
                Env = spec.Env == null || spec.Env.Count == 0 ? null : spec.Env.ToList(),
                User = string.IsNullOrEmpty(spec.User) ? null : spec.User,
                WorkingDir = string.IsNullOrEmpty(spec.WorkingDir) ? null : spec.WorkingDir,
                Privileged = spec.Privileged,
                TTY = spec.Tty,
                AttachStdin = attachStdin,
                AttachStdout = attachOutput,
                AttachStderr = attachOutput,
            };
    }
}
