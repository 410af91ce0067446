using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Models;

namespace PSCompose.Engine
{
    internal sealed partial class DockerEngineClient
    {
        public async Task<EnginePathStat> StatContainerPathAsync(string id, string path, CancellationToken ct)
        {
            try
            {
                ContainerArchiveResponse response = await Call(Endpoint, ct, () =>
                    client.Containers.GetArchiveFromContainerAsync(id, new ContainerPathStatParameters { Path = path }, true, ct)).ConfigureAwait(false);
                response.Stream?.Dispose();
                return ToPathStat(response.Stat);
            }
            catch (EngineException e) when (e.IsNotFound && !e.IsNoSuchContainer)
            {
                return null;
            }
        }

        public async Task ReadArchiveAsync(string id, string path, Func<Stream, EnginePathStat, Task> read, CancellationToken ct)
        {
            ContainerArchiveResponse response = await Call(Endpoint, ct, () =>
                client.Containers.GetArchiveFromContainerAsync(id, new ContainerPathStatParameters { Path = path }, false, ct)).ConfigureAwait(false);
            using (Stream tar = new LostOnReadStream(response.Stream, Endpoint, "GET /containers/" + id + "/archive", ct))
                await read(tar, ToPathStat(response.Stat)).ConfigureAwait(false);
        }

        public Task WriteArchiveAsync(string id, string directory, Stream tar, bool copyUidGid, CancellationToken ct)
        {
            var parameters = new CopyToContainerParameters { Path = directory, AllowOverwriteDirWithFile = false, CopyUIDGID = copyUidGid };
            return Call(Endpoint, ct, () => client.Containers.ExtractArchiveToContainerAsync(id, parameters, tar, ct));
        }

        private static EnginePathStat ToPathStat(ContainerPathStatResponse stat) => stat == null ? null : new EnginePathStat
        {
            Name = stat.Name,
            Size = stat.Size,
            Mode = stat.Mode,
            Modified = stat.Mtime,
            LinkTarget = stat.LinkTarget ?? "",
        };
    }

    /// <summary>What the engine's archive API says about a path in a container (Go's os.FileMode bits in Mode).</summary>
    internal sealed class EnginePathStat
    {
        private const uint GoModeDir = 1u << 31;
        private const uint GoModeSymlink = 1u << 27;
        private const uint GoModeDevice = 1u << 26;
        private const uint GoModeIrregular = 1u << 19;

        public string Name { get; set; }
        public long Size { get; set; }
        public uint Mode { get; set; }
        public DateTime Modified { get; set; }
        public string LinkTarget { get; set; }

        public bool IsDirectory => (Mode & GoModeDir) != 0;

        public bool IsSymlink => (Mode & GoModeSymlink) != 0;

        /// <summary>A device or an irregular file: what docker cp refuses as a destination (ValidateOutputPathFileMode).</summary>
        public bool IsUnusableDestination => (Mode & (GoModeDevice | GoModeIrregular)) != 0;
    }
}
