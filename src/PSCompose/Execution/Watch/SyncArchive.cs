using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ICSharpCode.SharpZipLib.Tar;
using PSCompose.Engine.Archive;

namespace PSCompose.Execution.Watch
{
    /// <summary>
    /// The tar a sync sends (extracted at `/` in each container): every existing changed path under its container
    /// path, a directory with what is below it that the rule accepts. Kept in a temporary file so each container
    /// reads it from the start.
    /// </summary>
    internal sealed class SyncArchive : IDisposable
    {
        private SyncArchive(string file, IReadOnlyList<string> entries)
        {
            File = file;
            Entries = entries;
        }

        public string File { get; }

        public IReadOnlyList<string> Entries { get; }

        public Stream Open() => new FileStream(File, FileMode.Open, FileAccess.Read, FileShare.Read);

        public static SyncArchive Create(IEnumerable<SyncPath> paths)
        {
            string file = Path.Combine(Path.GetTempPath(), "pscompose-watch-" + Guid.NewGuid().ToString("N") + ".tar");
            var entries = new List<string>();
            try
            {
                using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write))
                using (var tar = new TarOutputStream(stream, Encoding.UTF8))
                {
                    var writer = new TarTreeWriter(tar, entries, hostOwner: true);
                    foreach (SyncPath path in paths) Add(writer, path.Filter, path.HostPath, path.ContainerPath.TrimStart('/'));
                }
                return new SyncArchive(file, entries);
            }
            catch
            {
                TryDelete(file);
                throw;
            }
        }

        private static void Add(TarTreeWriter writer, WatchFilter filter, string hostPath, string name)
        {
            switch (FileSystemLinks.Kind(hostPath))
            {
                case EntryKind.Symlink:
                    writer.AddSymlink(name, new FileInfo(hostPath));
                    break;
                case EntryKind.Directory:
                    var directory = new DirectoryInfo(hostPath);
                    writer.AddDirectory(name, directory);
                    foreach (FileSystemInfo child in directory.EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal))
                        if (filter == null || filter.Accepts(child.FullName)) Add(writer, filter, child.FullName, name + "/" + child.Name);
                    break;
                case EntryKind.File:
                    try
                    {
                        writer.AddFile(name, new FileInfo(hostPath));
                    }
                    catch (FileNotFoundException)
                    {
                        // Deleted between the batch and the tar: the next batch removes it.
                    }
                    break;
            }
        }

        public void Dispose() => TryDelete(File);

        private static void TryDelete(string file)
        {
            try { System.IO.File.Delete(file); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>A changed host path, where it goes in the container, and the rule that matched it.</summary>
    internal sealed class SyncPath
    {
        public SyncPath(string hostPath, string containerPath, WatchFilter filter)
        {
            HostPath = hostPath;
            ContainerPath = containerPath;
            Filter = filter;
        }

        public string HostPath { get; }
        public string ContainerPath { get; }
        public WatchFilter Filter { get; }
        public bool Exists => FileSystemLinks.Kind(HostPath) != EntryKind.None;
    }
}
