using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Engine.Archive;
using PSCompose.Model;

namespace PSCompose.Execution
{
    /// <summary>One docker compose cp: the service side and the host side (an absolute path, '/'-separated).</summary>
    internal sealed class CopyRequest : Commands.ProjectRequest
    {
        public string ProjectName => Project.Name;
        public string Service { get; set; }
        public bool FromContainer { get; set; }
        public string ContainerPath { get; set; }
        public string HostPath { get; set; }

        /// <summary>The host path as the user wrote it, for messages and error targets.</summary>
        public string HostText { get; set; }

        /// <summary>0: no --index.</summary>
        public int Index { get; set; }
        public bool IncludeOneOff { get; set; }
        public bool CopyUidGid { get; set; }
        public bool FollowLink { get; set; }

        /// <summary>Return a ComposeCopyResult per container copied to or from.</summary>
        public bool PassThru { get; set; }
    }

    /// <summary>
    /// docker compose cp (pkg/compose/cp.go) over the engine's archive API: which containers, then per container the
    /// docker CLI's copyFromContainer / copyToContainer rules.
    /// </summary>
    internal static class ContainerCopy
    {
        /// <summary>
        /// Compose's listContainersTargetedForCopy: with an index that replica; otherwise, to the service every container
        /// (stopped ones too, one-offs with -All), from the service the newest (first in the engine's list).
        /// </summary>
        public static async Task<IReadOnlyList<EngineContainer>> TargetsAsync(IEngineClient engine, CopyRequest request, CancellationToken ct)
        {
            var filters = new List<string>
            {
                ComposeLabels.Project + "=" + request.ProjectName,
                ComposeLabels.ConfigHash,
                ComposeLabels.Service + "=" + request.Service,
            };
            if (request.Index > 0)
            {
                filters.Add(ComposeLabels.ContainerNumber + "=" + request.Index);
                IReadOnlyList<EngineContainer> numbered = await engine.ListContainersAsync(filters, true, ct).ConfigureAwait(false);
                if (numbered.Count == 0)
                    throw new ComposeException(ErrorIds.CopyContainerNotFound,
                        $"service \"{request.Service}\" is not running container #{request.Index}", request.Service);
                return new[] { numbered[0] };
            }
            if (!request.IncludeOneOff) filters.Add(ComposeLabels.OneOff + "=False");
            IReadOnlyList<EngineContainer> containers = await engine.ListContainersAsync(filters, true, ct).ConfigureAwait(false);
            if (containers.Count == 0)
                throw new ComposeException(ErrorIds.CopyContainerNotFound, $"no container found for service \"{request.Service}\"", request.Service);
            return request.FromContainer ? containers.Take(1).ToList() : containers;
        }

        /// <summary>The host side's own errors (a missing source, a missing parent directory), once before any container.</summary>
        public static void CheckHostSide(CopyRequest request)
        {
            if (request.FromContainer) HostDestination.CheckParent(request.HostPath, request.HostText);
            else HostSourceArchive.Resolve(request.HostPath, request.FollowLink);
        }

        /// <summary>copyFromContainer: the tar of the path, extracted to the host destination by the docker cp rules.</summary>
        public static async Task<long> FromContainerAsync(IEngineClient engine, EngineContainer container, CopyRequest request,
            Action<long> onBytes, Action<string> warn, CancellationToken ct)
        {
            HostDestination.CheckParent(request.HostPath, request.HostText);
            string source = request.ContainerPath;
            string rebase = "";
            if (request.FollowLink)
            {
                EnginePathStat linkStat = await engine.StatContainerPathAsync(container.Id, source, ct).ConfigureAwait(false);
                if (linkStat != null && linkStat.IsSymlink)
                    (source, rebase) = CopyPath.RebaseAfterResolve(source, CopyPath.ResolveLink(source, linkStat.LinkTarget));
            }
            long bytes = 0;
            try
            {
                await engine.ReadArchiveAsync(container.Id, source, async (tar, stat) =>
                {
                    var sourceInfo = new CopyInfo { Path = source, Exists = true, IsDirectory = stat?.IsDirectory ?? false, RebaseName = rebase };
                    CopyInfo destination = HostDestination.Resolve(request.HostPath, request.HostText);
                    CopyPlacement placement = CopyPath.Place(sourceInfo, destination, request.HostText);
                    var counting = new CountingStream(tar, onBytes);
                    await SafeTarExtractor.ExtractAsync(counting, HostSourceArchive.Native(placement.Directory), placement.Rename, warn, ct).ConfigureAwait(false);
                    bytes = counting.Total;
                }, ct).ConfigureAwait(false);
            }
            catch (EngineException e) when (e.IsNotFound && !e.IsNoSuchContainer)
            {
                throw new ComposeException(ErrorIds.CopySourceNotFound, e.Message, request.ContainerPath, e);
            }
            return bytes;
        }

        /// <summary>copyToContainer: the destination stat-ed (a symlink followed), the host source tarred and put in place.</summary>
        public static async Task<long> ToContainerAsync(IEngineClient engine, EngineContainer container, CopyRequest request,
            Action<long> onBytes, CancellationToken ct)
        {
            string destinationText = container.Name + ":" + request.ContainerPath;
            var destination = new CopyInfo { Path = request.ContainerPath };
            EnginePathStat stat = await engine.StatContainerPathAsync(container.Id, request.ContainerPath, ct).ConfigureAwait(false);
            if (stat != null && stat.IsSymlink)
            {
                destination.Path = CopyPath.ResolveLink(request.ContainerPath, stat.LinkTarget);
                stat = await engine.StatContainerPathAsync(container.Id, destination.Path, ct).ConfigureAwait(false);
            }
            if (stat != null && stat.IsUnusableDestination)
                throw new ComposeException(ErrorIds.CopyDestinationInvalid,
                    $"destination \"{destinationText}\" must be a directory or a regular file", destinationText);
            if (stat != null)
            {
                destination.Exists = true;
                destination.IsDirectory = stat.IsDirectory;
            }

            CopyInfo source = HostSourceArchive.Resolve(request.HostPath, request.FollowLink);
            CopyPlacement placement = CopyPath.Place(source, destination, destinationText);
            using (Stream tar = HostSourceArchive.Create(source, placement))
            {
                var counting = new CountingStream(tar, onBytes);
                try
                {
                    await engine.WriteArchiveAsync(container.Id, placement.Directory, counting, request.CopyUidGid, ct).ConfigureAwait(false);
                }
                catch (EngineException e) when (e.IsNotFound && !e.IsNoSuchContainer)
                {
                    throw new ComposeException(ErrorIds.CopyDestinationParentMissing, e.Message, destinationText, e);
                }
                return tar.Length;
            }
        }
    }
}
