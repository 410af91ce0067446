using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Engine.Archive;
using PSCompose.Execution;
using PSCompose.Model;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Copies files and directories between the host and a service's containers (docker compose cp). Either side may
    /// be written SERVICE:PATH; a host path that starts with '.' or is absolute is never read as a service. Copying to a
    /// service writes to every container of it (stopped ones too; one-offs with -All) unless -Index picks one; copying
    /// from a service reads its newest container, as Compose does. Directories, file modes and symlinks are kept; a
    /// tar from a container that would write outside the destination is refused. The project is found as by the other
    /// cmdlets, except that -Path is the source here: name the compose file with -File, or the project with -ProjectName.
    /// Unlike docker compose cp, '-' (a tar on standard input or output) is not supported.
    /// </summary>
    /// <example>
    /// <code>Copy-ComposeItem ./settings.json web:/app/settings.json</code>
    /// <para>Copies a file into every container of service web.</para>
    /// </example>
    /// <example>
    /// <code>Copy-ComposeItem web:/var/log/app ./logs -ProjectName shop -PassThru</code>
    /// <para>Copies a directory out of the newest web container of project shop into ./logs and returns what was copied.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Copy, "ComposeItem", SupportsShouldProcess = true)]
    [OutputType(typeof(ComposeCopyResult))]
    public sealed class CopyComposeItemCommand : ComposeProjectCmdlet
    {
        /// <summary>What to copy: a host path, or SERVICE:PATH (a container path with -FromService).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [AllowEmptyString]
        public new string Path { get; set; }

        /// <summary>Where to copy to: a host path, or SERVICE:PATH (a container path with -ToService).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [AllowEmptyString]
        public string Destination { get; set; }

        /// <summary>Copy out of this service; -Path is then a path in its container.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string FromService { get; set; }

        /// <summary>Copy into this service; -Destination is then a path in its containers.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string ToService { get; set; }

        /// <summary>Only the replica with this number, like --index.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Index { get; set; }

        /// <summary>Include one-off (run) containers, like --all.</summary>
        [Parameter]
        [Alias("IncludeOneOff")]
        public SwitchParameter All { get; set; }

        /// <summary>Give the copied files the container user's UID/GID, like --archive.</summary>
        [Parameter]
        public SwitchParameter Archive { get; set; }

        /// <summary>Copy what a symlink source points to rather than the link, like --follow-link.</summary>
        [Parameter]
        public SwitchParameter FollowLink { get; set; }

        /// <summary>Return a ComposeCopyResult per container copied to or from.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private const long ProgressStepBytes = 256 * 1024;

        protected override void ProcessCompose()
        {
            CopyRequest request = BuildRequest();
            ContainerCopy.CheckHostSide(request);
            IReadOnlyList<EngineContainer> targets = AwaitEngine((engine, ct) => ContainerCopy.TargetsAsync(engine, request, ct));
            var chosen = targets.Where(c => ShouldProcess(c.Name, Describe(request, c))).ToList();
            if (chosen.Count == 0) return;

            IEngineClient client = Engine;
            Stream(async (queue, ct) =>
            {
                await Task.WhenAll(chosen.Select((container, i) => CopyOneAsync(client, container, request, i + 1, queue, ct))).ConfigureAwait(false);
            });
        }

        private async Task CopyOneAsync(IEngineClient engine, EngineContainer container, CopyRequest request, int progressId, PipelineQueue queue, CancellationToken ct)
        {
            string activity = "Copy-ComposeItem " + container.Name;
            string status = Describe(request, container);
            long reported = -ProgressStepBytes;
            void OnBytes(long total)
            {
                if (total - reported < ProgressStepBytes) return;
                reported = total;
                queue.Post(() => WriteProgress(new ProgressRecord(progressId, activity, status) { CurrentOperation = $"{total} bytes" }));
            }

            try
            {
                queue.Post(() => WriteProgress(new ProgressRecord(progressId, activity, status)));
                long bytes = request.FromContainer
                    ? await ContainerCopy.FromContainerAsync(engine, container, request, OnBytes, m => queue.Post(() => WriteWarning(m)), ct).ConfigureAwait(false)
                    : await ContainerCopy.ToContainerAsync(engine, container, request, OnBytes, ct).ConfigureAwait(false);
                queue.Post(() =>
                {
                    WriteVerbose($"{status}: copied {bytes} bytes.");
                    if (PassThru) WriteObject(Result(request, container, bytes));
                });
            }
            catch (Exception e) when (e is ComposeException || (e is EngineException && !(e is EngineStreamException)) || e is System.IO.IOException || e is UnauthorizedAccessException)
            {
                Exception reported2 = e is System.IO.IOException || e is UnauthorizedAccessException
                    ? new ComposeException(ErrorIds.CopyDestinationInvalid, e.Message, request.HostText, e)
                    : e;
                queue.Post(() => WriteComposeError(reported2, reported2 is ComposeException ? null : container.Name));
            }
            finally
            {
                queue.Post(() => WriteProgress(new ProgressRecord(progressId, activity, status) { RecordType = ProgressRecordType.Completed }));
            }
        }

        private CopyRequest BuildRequest()
        {
            if (Path.Length == 0) throw new ComposeException(ErrorIds.CopyPathEmpty, "source can not be empty", "Path");
            if (Destination.Length == 0) throw new ComposeException(ErrorIds.CopyPathEmpty, "destination can not be empty", "Destination");
            (string fromService, string sourcePath) = FromService != null ? (FromService, Path) : CopyArguments.Split(Path);
            (string toService, string destinationPath) = ToService != null ? (ToService, Destination) : CopyArguments.Split(Destination);
            if (fromService != null && toService != null)
                throw new ComposeException(ErrorIds.CopyAcrossServices, "copying between services is not supported", fromService + ", " + toService);
            if (fromService == null && toService == null)
                throw new ComposeException(ErrorIds.CopyDirectionUnknown,
                    "unknown copy direction: name the container side as SERVICE:PATH, or use -FromService or -ToService", Path);
            bool from = fromService != null;
            string hostText = from ? destinationPath : sourcePath;
            return new CopyRequest
            {
                ProjectName = ResolveProjectName(),
                Service = from ? fromService : toService,
                FromContainer = from,
                ContainerPath = from ? sourcePath : destinationPath,
                HostText = hostText,
                HostPath = ResolveHostPath(hostText),
                Index = Index,
                IncludeOneOff = All,
                CopyUidGid = Archive,
                FollowLink = FollowLink,
            };
        }

        /// <summary>-ProjectName alone names the project (no compose file needed), as Compose's -p does; otherwise the file's.</summary>
        private string ResolveProjectName()
        {
            if (ProjectName != null && File == null) return ProjectName.ToLowerInvariant();
            return LoadProject().Name;
        }

        /// <summary>
        /// The host path against PowerShell's current location, '/'-separated, keeping a trailing "/" or "/." that the
        /// copy rules read (a directory is meant; copy its contents).
        /// </summary>
        private string ResolveHostPath(string text)
        {
            string full = HostSourceArchive.Slashed(ResolvePath(text));
            string slashed = HostSourceArchive.Slashed(text);
            if ((slashed == "." || slashed.EndsWith("/.", StringComparison.Ordinal)) && !full.EndsWith("/.", StringComparison.Ordinal))
                return full.TrimEnd('/') + "/.";
            if (slashed.EndsWith("/", StringComparison.Ordinal) && !full.EndsWith("/", StringComparison.Ordinal)) return full + "/";
            return full;
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
