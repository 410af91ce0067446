using System;
using PSCompose.Common;

namespace PSCompose.Engine.Archive
{
    /// <summary>What docker cp knows about one side of a copy (moby's archive.CopyInfo), on slash-separated paths.</summary>
    internal sealed class CopyInfo
    {
        public string Path { get; set; }
        public bool Exists { get; set; }
        public bool IsDirectory { get; set; }

        /// <summary>The name the source's base entry takes in the archive when a followed link renamed it ("" for none).</summary>
        public string RebaseName { get; set; } = "";
    }

    /// <summary>Where an archive is extracted and how its base entry is renamed there (moby's PrepareArchiveCopy).</summary>
    internal sealed class CopyPlacement
    {
        public CopyPlacement(string directory, string fromBase, string toBase)
        {
            Directory = directory;
            FromBase = fromBase;
            ToBase = toBase;
        }

        /// <summary>The directory the archive is extracted into.</summary>
        public string Directory { get; }

        public string FromBase { get; }

        /// <summary>Null when the entries keep their names.</summary>
        public string ToBase { get; }

        /// <summary>An entry's name after the rename (moby's RebaseArchiveEntries: the first occurrence of the old base).</summary>
        public string Rename(string name) => ToBase == null ? name : CopyPath.Rebase(name, FromBase, ToBase);
    }

    /// <summary>The path rules of moby's pkg/archive copy.go that decide what docker cp copies where.</summary>
    internal static class CopyPath
    {
        /// <summary>Go's SplitPathDirEntry: "/a/b/" → ("/a", "b"); "/a/b/." → ("/a/b", ".").</summary>
        public static (string Dir, string Base) SplitDirEntry(string path)
        {
            string cleaned = GoPath.Clean(path);
            if (SpecifiesCurrentDir(path)) cleaned += "/.";
            return (GoPath.Dir(cleaned), GoPath.Base(cleaned));
        }

        public static bool HasTrailingSeparator(string path) => path.Length > 0 && path[path.Length - 1] == '/';

        public static bool SpecifiesCurrentDir(string path) => GoPath.Base(path) == ".";

        /// <summary>A path that can only name a directory: a trailing '/' or a final ".".</summary>
        public static bool AssertsDirectory(string path) => HasTrailingSeparator(path) || SpecifiesCurrentDir(path);

        public static string Rebase(string name, string oldBase, string newBase)
        {
            if (oldBase == "/") oldBase = "";
            if (oldBase.Length == 0) return newBase + name;
            int at = name.IndexOf(oldBase, StringComparison.Ordinal);
            return at < 0 ? name : name.Substring(0, at) + newBase + name.Substring(at + oldBase.Length);
        }

        /// <summary>
        /// Go's GetRebaseName: the resolved path keeps the request's trailing "/." or "/", and when resolving changed
        /// the last element, the archive's base entry is renamed back to the requested name.
        /// </summary>
        public static (string Resolved, string RebaseName) RebaseAfterResolve(string path, string resolved)
        {
            if (SpecifiesCurrentDir(path) && !SpecifiesCurrentDir(resolved)) resolved += "/.";
            if (HasTrailingSeparator(path) && !HasTrailingSeparator(resolved)) resolved += "/";
            string rebase = GoPath.Base(path) != GoPath.Base(resolved) ? GoPath.Base(path) : "";
            return (resolved, rebase);
        }

        /// <summary>A symlink's target as a path: absolute as it is, relative against the link's directory.</summary>
        public static string ResolveLink(string linkPath, string target) =>
            target.StartsWith("/", StringComparison.Ordinal) ? target : GoPath.Clean(SplitDirEntry(linkPath).Dir + "/" + target);

        /// <summary>
        /// moby's PrepareArchiveCopy: into an existing directory as it is; onto an existing file or a new name with the
        /// base entry renamed to the destination's name. Throws the CopyDestinationInvalid cases docker cp refuses.
        /// </summary>
        public static CopyPlacement Place(CopyInfo source, CopyInfo destination, string destinationText)
        {
            (string dstDir, string dstBase) = SplitDirEntry(destination.Path);
            // The archive's base entry is named after the source; a rename to RebaseName and then to the
            // destination's name compose into one rename.
            string originalBase = SplitDirEntry(source.Path).Base;
            string keep = source.RebaseName.Length > 0 ? source.RebaseName : null;

            if (destination.Exists && destination.IsDirectory)
                return new CopyPlacement(destination.Path, originalBase, keep);
            if (destination.Exists && source.IsDirectory)
                throw new ComposeException(ErrorIds.CopyDestinationInvalid,
                    $"cannot copy directory: the destination {destinationText} is a file", destinationText);
            if (!destination.Exists && !source.IsDirectory && AssertsDirectory(destination.Path))
                throw new ComposeException(ErrorIds.CopyDestinationInvalid,
                    $"no such directory: {destinationText} names a directory that does not exist, and the source is a file", destinationText);
            // Onto an existing file, or a new name for a file or directory: the base entry takes the destination's name.
            return new CopyPlacement(dstDir, originalBase, dstBase);
        }
    }
}
