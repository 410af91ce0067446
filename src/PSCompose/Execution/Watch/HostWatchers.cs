using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PSCompose.Execution.Watch
{
    /// <summary>
    /// One recursive FileSystemWatcher per distinct watched path (a file is watched through its directory), every
    /// change fed to the batcher. On Linux each watched directory takes an inotify watch; when the user's limit
    /// (fs.inotify.max_user_watches / max_user_instances) is reached the failure names the limit.
    /// </summary>
    internal sealed class HostWatchers : IDisposable
    {
        private readonly List<FileSystemWatcher> watchers = new List<FileSystemWatcher>();

        public HostWatchers(IEnumerable<string> paths, ChangeBatcher batcher, Action<string> warn)
        {
            try
            {
                foreach (string path in paths.Distinct(StringComparer.Ordinal))
                    watchers.Add(Watch(path, batcher, warn));
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        private static FileSystemWatcher Watch(string path, ChangeBatcher batcher, Action<string> warn)
        {
            bool directory = Directory.Exists(path);
            string folder = directory ? path : Path.GetDirectoryName(path);
            if (!Directory.Exists(folder))
                throw new ComposeException(ErrorIds.WatchPathNotFound, $"watch path {path} does not exist", path);
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = directory,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.Attributes,
                InternalBufferSize = 64 * 1024,
            };
            if (!directory) watcher.Filter = Path.GetFileName(path);
            FileSystemEventHandler changed = (sender, e) => batcher.Add(e.FullPath);
            watcher.Changed += changed;
            watcher.Created += changed;
            watcher.Deleted += changed;
            watcher.Renamed += (sender, e) =>
            {
                batcher.Add(e.OldFullPath);
                batcher.Add(e.FullPath);
            };
            watcher.Error += (sender, e) => warn($"watching {path}: {e.GetException()?.Message}");
            try
            {
                watcher.EnableRaisingEvents = true;
            }
            catch (IOException e)
            {
                watcher.Dispose();
                throw new ComposeException(ErrorIds.WatchLimitReached,
                    $"cannot watch {path}: {e.Message} (on Linux, raise fs.inotify.max_user_watches / max_user_instances)", path, e);
            }
            return watcher;
        }

        public void Dispose()
        {
            foreach (FileSystemWatcher watcher in watchers) watcher.Dispose();
            watchers.Clear();
        }
    }
}
