using System;
using System.IO;
using System.Reflection;

namespace PSCompose.Engine.Archive
{
    /// <summary>
    /// The file system calls a copy needs that netstandard2.0 lacks (symlinks, Unix modes), taken from the running
    /// .NET when it has them (6+ for links, 7+ for modes); on Windows PowerShell they are unavailable.
    /// </summary>
    internal static class FileSystemLinks
    {
        private static readonly MethodInfo CreateSymbolicLinkMethod = typeof(File).GetMethod("CreateSymbolicLink", new[] { typeof(string), typeof(string) });
        private static readonly Type UnixFileModeType = typeof(File).Assembly.GetType("System.IO.UnixFileMode");
        private static readonly MethodInfo SetUnixFileModeMethod = UnixFileModeType == null ? null
            : typeof(File).GetMethod("SetUnixFileMode", new[] { typeof(string), UnixFileModeType });
        private static readonly PropertyInfo LinkTargetProperty = typeof(FileSystemInfo).GetProperty("LinkTarget");

        public static bool CanCreateSymlinks => CreateSymbolicLinkMethod != null;

        public static void CreateSymlink(string path, string target) => Invoke(CreateSymbolicLinkMethod, path, target);

        /// <summary>Sets the permission bits (07777) where the platform has them; a no-op elsewhere.</summary>
        public static void SetMode(string path, int mode)
        {
            if (SetUnixFileModeMethod == null || Path.DirectorySeparatorChar != '/') return;
            Invoke(SetUnixFileModeMethod, path, Enum.ToObject(UnixFileModeType, mode & Convert.ToInt32("7777", 8)));
        }

        /// <summary>
        /// The link's own modification time, as docker cp's Lchtimes. Only where .NET (7+) sets the time of the link
        /// itself: on older runtimes the call would follow the link and touch its target, which may lie outside.
        /// </summary>
        public static void SetLinkTime(string path, DateTime modifiedUtc)
        {
            if (UnixFileModeType == null || Path.DirectorySeparatorChar != '/') return;
            File.SetLastWriteTimeUtc(path, modifiedUtc);
        }

        /// <summary>The target text of a symlink, or null when the path is not one (or links are not supported).</summary>
        public static string LinkTarget(FileSystemInfo info) => LinkTargetProperty?.GetValue(info) as string;

        /// <summary>What is at the path itself, without following a final symlink (lstat).</summary>
        public static EntryKind Kind(string path)
        {
            try
            {
                FileAttributes attributes = File.GetAttributes(path);
                if ((attributes & FileAttributes.ReparsePoint) != 0) return EntryKind.Symlink;
                return (attributes & FileAttributes.Directory) != 0 ? EntryKind.Directory : EntryKind.File;
            }
            catch (FileNotFoundException) { return EntryKind.None; }
            catch (DirectoryNotFoundException) { return EntryKind.None; }
        }

        private static void Invoke(MethodInfo method, params object[] args)
        {
            try { method.Invoke(null, args); }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            }
        }
    }

    internal enum EntryKind
    {
        None,
        File,
        Directory,
        Symlink,
    }
}
