using System.Management.Automation;
using PSCompose.Execution;
using PSCompose.Execution.Commands;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Copies files and directories between the host and a service's containers (docker compose cp). Either side may
    /// be written SERVICE:PATH; a host path that starts with '.' or is absolute is never read as a service. Copying to a
    /// service writes to every container of it (stopped ones too; one-offs with -All) unless -Index picks one; copying
    /// from a service reads its newest container, as Compose does. Directories, file modes and symlinks are kept; a
    /// tar from a container that would write outside the destination is refused. The project is found as by the other
    /// cmdlets, except that -Path is the source here: name the project's directory or compose file with -ProjectPath
    /// (or -File), or the project with -ProjectName.
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
    /// <example>
    /// <code>Copy-ComposeItem ./seed.sql db:/tmp/seed.sql -ProjectPath ~/src/shop</code>
    /// <para>Copies a file into the db containers of the project whose compose file is in ~/src/shop, from any directory.</para>
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

        /// <summary>
        /// The project's directory or compose file, as -Path is for the other cmdlets (here -Path is what is copied).
        /// Like -File, it makes the compose file the way to the project even with -ProjectName.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ProjectPath { get; set; }

        internal override string ProjectLocation => ProjectPath;

        protected override void ProcessCompose()
        {
            CopyRequest request = CopyArguments.Parse(Path, Destination, FromService, ToService);
            request.Project = ResolveProject();
            request.HostPath = CopyArguments.HostPath(request.HostText, ResolvePath(request.HostText));
            request.Index = Index;
            request.IncludeOneOff = All;
            request.CopyUidGid = Archive;
            request.FollowLink = FollowLink;
            request.PassThru = PassThru;
            request.DryRun = DryRun;
            Run<ComposeCopyResult>((engine, sink, ct) => CopyCommand.RunAsync(engine, request, sink, ct));
        }
    }
}
