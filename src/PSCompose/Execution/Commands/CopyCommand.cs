using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;

namespace PSCompose.Execution.Commands
{
    /// <summary>
    /// docker compose cp (<see cref="ContainerCopy"/>): the host side is checked once, then every target container is
    /// asked about (each copy is a change) and the chosen ones are copied concurrently, with progress per container.
    /// A failure is that container's error; the others go on.
    /// </summary>
    internal static class CopyCommand
    {
        private const long ProgressStepBytes = 256 * 1024;

        public static async Task RunAsync(IEngineClient engine, CopyRequest request, ICommandSink<ComposeCopyResult> sink, CancellationToken ct)
        {
            ContainerCopy.CheckHostSide(request);
            IReadOnlyList<EngineContainer> targets = await ContainerCopy.TargetsAsync(engine, request, ct).ConfigureAwait(false);
            var chosen = new List<EngineContainer>();
            foreach (EngineContainer container in targets)
                if (await sink.ShouldProcessAsync(container.Name, Describe(request, container), ct).ConfigureAwait(false) && !request.DryRun)
                    chosen.Add(container);
            await Task.WhenAll(chosen.Select((container, i) => CopyOneAsync(engine, container, request, i + 1, sink, ct))).ConfigureAwait(false);
        }

        private static async Task CopyOneAsync(IEngineClient engine, EngineContainer container, CopyRequest request, int progressId,
            ICommandSink<ComposeCopyResult> sink, CancellationToken ct)
        {
            string activity = "Copy-ComposeItem " + container.Name;
            string status = Describe(request, container);
            long reported = -ProgressStepBytes;
            void OnBytes(long total)
            {
                if (total - reported < ProgressStepBytes) return;
                reported = total;
                sink.Progress(new CommandProgress { Id = progressId, Activity = activity, Status = status, Detail = $"{total} bytes" });
            }

            try
            {
                sink.Progress(new CommandProgress { Id = progressId, Activity = activity, Status = status });
                long bytes = request.FromContainer
                    ? await ContainerCopy.FromContainerAsync(engine, container, request, OnBytes, sink.Warning, ct).ConfigureAwait(false)
                    : await ContainerCopy.ToContainerAsync(engine, container, request, OnBytes, ct).ConfigureAwait(false);
                sink.Verbose($"{status}: copied {bytes} bytes.");
                if (request.PassThru) sink.Write(Result(request, container, bytes));
            }
            catch (Exception e) when (e is ComposeException || (e is EngineException && !(e is EngineStreamException)) || e is IOException || e is UnauthorizedAccessException)
            {
                Exception error = e is IOException || e is UnauthorizedAccessException
                    ? new ComposeException(ErrorIds.CopyDestinationInvalid, e.Message, request.HostText, e)
                    : e;
                sink.Error(error, error is ComposeException ? null : container.Name);
            }
            finally
            {
                sink.Progress(new CommandProgress { Id = progressId, Activity = activity, Status = status, Completed = true });
            }
        }

        private static string Describe(CopyRequest request, EngineContainer container) => request.FromContainer
            ? $"copy {container.Name}:{request.ContainerPath} to {request.HostText}"
            : $"copy {request.HostText} to {container.Name}:{request.ContainerPath}";

        private static ComposeCopyResult Result(CopyRequest request, EngineContainer container, long bytes) => new ComposeCopyResult
        {
            ProjectName = request.ProjectName,
            Service = request.Service,
            ContainerName = container.Name,
            ContainerId = container.Id,
            Direction = request.FromContainer ? "FromContainer" : "ToContainer",
            Source = request.FromContainer ? container.Name + ":" + request.ContainerPath : request.HostPath,
            Destination = request.FromContainer ? request.HostPath : container.Name + ":" + request.ContainerPath,
            Bytes = bytes,
        };
    }
}
