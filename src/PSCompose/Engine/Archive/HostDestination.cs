using System.IO;

namespace PSCompose.Engine.Archive
{
    /// <summary>The host side of a copy out of a container, checked as docker cp does before anything is written.</summary>
    internal static class HostDestination
    {
        private const int MaxLinkHops = 10;

        /// <summary>
        /// moby's CopyInfoDestinationPath: symlinks at the destination are followed (a dangling one names what to
        /// create); a destination that does not exist needs an existing parent directory.
        /// </summary>
        public static CopyInfo Resolve(string path, string requested)
        {
            string current = path;
            for (int hops = 0; FileSystemLinks.Kind(HostSourceArchive.Native(current)) == EntryKind.Symlink; hops++)
            {
                if (hops >= MaxLinkHops)
                    throw new ComposeException(ErrorIds.CopyDestinationInvalid, "too many symlinks in " + requested, requested);
                string target = HostSourceArchive.Slashed(FileSystemLinks.LinkTarget(new FileInfo(HostSourceArchive.Native(current))));
                current = IsAbsolute(target) ? target : Common.GoPath.Clean(CopyPath.SplitDirEntry(current).Dir + "/" + target);
            }
            EntryKind kind = FileSystemLinks.Kind(HostSourceArchive.Native(current));
            if (kind != EntryKind.None) return new CopyInfo { Path = current, Exists = true, IsDirectory = kind == EntryKind.Directory };
            string parent = CopyPath.SplitDirEntry(current).Dir;
            if (!Directory.Exists(HostSourceArchive.Native(parent)))
                throw ParentMissing(parent, requested);
            return new CopyInfo { Path = current };
        }

        /// <summary>ValidateOutputPath: the directory the destination would be created in must exist.</summary>
        public static void CheckParent(string path, string requested)
        {
            string parent = Common.GoPath.Dir(Common.GoPath.Clean(path));
            if (parent != "." && !Directory.Exists(HostSourceArchive.Native(parent))) throw ParentMissing(parent, requested);
        }

        private static ComposeException ParentMissing(string parent, string requested) =>
            new ComposeException(ErrorIds.CopyDestinationParentMissing,
                $"invalid output path: directory \"{HostSourceArchive.Native(parent)}\" does not exist", requested);

        private static bool IsAbsolute(string slashed) => slashed.StartsWith("/") || (slashed.Length > 2 && slashed[1] == ':');
    }
}
