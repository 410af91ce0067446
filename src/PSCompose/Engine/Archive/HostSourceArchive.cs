using System;
using System.IO;
using System.Linq;
using System.Text;
using ICSharpCode.SharpZipLib.Tar;

namespace PSCompose.Engine.Archive
{
    /// <summary>
    /// The host side of a copy into a container: the source resolved as docker cp does (CopyInfoSourcePath) and its
    /// tar (TarResource) with the base entry renamed for the destination, in a delete-on-close temporary file.
    /// </summary>
    internal static class HostSourceArchive
    {
        private const int MaxLinkHops = 255;

        /// <summary>
        /// The source's copy info: with <paramref name="followLink"/> every symlink is resolved, otherwise only those of
        /// its parent directories (the source itself is copied as a link). A missing source is CopySourceNotFound.
        /// </summary>
        public static CopyInfo Resolve(string path, bool followLink)
        {
            string slashed = Slashed(path);
            string resolved;
            string rebase = "";
            if (followLink)
            {
                (resolved, rebase) = CopyPath.RebaseAfterResolve(slashed, Slashed(EvalSymlinks(path, path)));
            }
            else
            {
                int slash = slashed.LastIndexOf('/');
                string dir = slashed.Substring(0, slash + 1);
                string name = slashed.Substring(slash + 1);
                resolved = Slashed(EvalSymlinks(dir.Length == 0 ? "." : dir, path)).TrimEnd('/') + "/" + name;
                if (CopyPath.HasTrailingSeparator(slashed) && Common.GoPath.Base(slashed) != Common.GoPath.Base(resolved))
                    rebase = Common.GoPath.Base(slashed);
            }
            EntryKind kind = FileSystemLinks.Kind(Native(resolved));
            if (kind == EntryKind.None) throw Missing(path);
            return new CopyInfo { Path = resolved, Exists = true, IsDirectory = kind == EntryKind.Directory, RebaseName = rebase };
        }

        /// <summary>The tar of the source, positioned at 0, its entries renamed by <paramref name="placement"/>.</summary>
        public static Stream Create(CopyInfo source, CopyPlacement placement)
        {
            (string dir, string baseName) = CopyPath.SplitDirEntry(source.Path);
            string tempPath = Path.Combine(Path.GetTempPath(), "pscompose-cp-" + Guid.NewGuid().ToString("N") + ".tar");
            var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
            try
            {
                using (var tar = new TarOutputStream(file, Encoding.UTF8) { IsStreamOwner = false })
                {
                    var writer = new TarTreeWriter(tar, new System.Collections.Generic.List<string>());
                    string rootPath = Native(baseName == "." ? dir : source.Path.TrimEnd('/'));
                    Add(writer, placement.Rename(baseName), rootPath, placement);
                }
                file.Position = 0;
                return file;
            }
            catch
            {
                file.Dispose();
                throw;
            }
        }

        private static void Add(TarTreeWriter writer, string name, string path, CopyPlacement placement)
        {
            switch (FileSystemLinks.Kind(path))
            {
                case EntryKind.Symlink:
                    writer.AddSymlink(name, new FileInfo(path));
                    break;
                case EntryKind.Directory:
                    var directory = new DirectoryInfo(path);
                    writer.AddDirectory(name, directory);
                    foreach (FileSystemInfo child in directory.EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal))
                        Add(writer, name + "/" + child.Name, child.FullName, placement);
                    break;
                case EntryKind.File:
                    writer.AddFile(name, new FileInfo(path));
                    break;
            }
        }

        /// <summary>filepath.EvalSymlinks: every symlink in the path resolved, component by component.</summary>
        private static string EvalSymlinks(string path, string requested)
        {
            string full = Path.GetFullPath(path);
            string rootPart = Path.GetPathRoot(full);
            var pending = new System.Collections.Generic.List<string>(full.Substring(rootPart.Length)
                .Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries));
            string current = rootPart;
            int hops = 0;
            while (pending.Count > 0)
            {
                string candidate = Path.Combine(current, pending[0]);
                pending.RemoveAt(0);
                switch (FileSystemLinks.Kind(candidate))
                {
                    case EntryKind.None:
                        throw Missing(requested);
                    case EntryKind.Symlink:
                        if (++hops > MaxLinkHops) throw new IOException($"too many links resolving {requested}");
                        string target = FileSystemLinks.LinkTarget(new FileInfo(candidate)) ?? throw Missing(requested);
                        string joined = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(current, target));
                        rootPart = Path.GetPathRoot(joined);
                        pending.InsertRange(0, joined.Substring(rootPart.Length)
                            .Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries));
                        current = rootPart;
                        break;
                    default:
                        current = candidate;
                        break;
                }
            }
            return current;
        }

        private static ComposeException Missing(string path) =>
            new ComposeException(ErrorIds.CopySourceNotFound, $"lstat {path}: no such file or directory", path);

        internal static string Slashed(string path) => Path.DirectorySeparatorChar == '/' ? path : path.Replace('\\', '/');

        internal static string Native(string path) => Path.DirectorySeparatorChar == '/' ? path : path.Replace('/', '\\');
    }
}
