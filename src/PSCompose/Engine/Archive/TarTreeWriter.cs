using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using ICSharpCode.SharpZipLib.Tar;

namespace PSCompose.Engine.Archive
{
    /// <summary>
    /// Writes files, directories and symlinks as tar entries the way the docker CLI's TarWithOptions does (uid/gid 0,
    /// the file's permission bits): the build context and docker cp's uploads share it.
    /// </summary>
    internal sealed class TarTreeWriter
    {
        private static readonly MethodInfo GetUnixFileMode = typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) });

        private readonly TarOutputStream tar;
        private readonly List<string> entries;
        private readonly bool hostOwner;

        /// <param name="tar">Where the entries go.</param>
        /// <param name="entries">Receives each entry's name.</param>
        /// <param name="hostOwner">Entries carry the host file's uid/gid (watch's sync) instead of 0 (build context, docker cp).</param>
        public TarTreeWriter(TarOutputStream tar, List<string> entries, bool hostOwner = false)
        {
            this.tar = tar;
            this.entries = entries;
            this.hostOwner = hostOwner;
        }

        public void AddDirectory(string name, FileSystemInfo info)
        {
            TarEntry entry = NewEntry(name + "/", ModeOf(info, true), info.LastWriteTimeUtc);
            entry.TarHeader.TypeFlag = TarHeader.LF_DIR;
            Own(entry, info);
            Put(entry, null);
        }

        public void AddFile(string name, FileInfo info)
        {
            TarEntry entry = NewEntry(name, ModeOf(info, false), info.LastWriteTimeUtc);
            entry.Size = info.Length;
            Own(entry, info);
            tar.PutNextEntry(entry);
            using (FileStream input = info.OpenRead()) input.CopyTo(tar);
            tar.CloseEntry();
            entries.Add(name);
        }

        public void AddSymlink(string name, FileSystemInfo info)
        {
            string target = FileSystemLinks.LinkTarget(info);
            if (target == null) return;
            TarEntry entry = NewEntry(name, Convert.ToInt32("777", 8), info.LastWriteTimeUtc);
            entry.TarHeader.TypeFlag = TarHeader.LF_SYMLINK;
            entry.TarHeader.LinkName = target.Replace('\\', '/');
            Own(entry, info);
            Put(entry, null);
        }

        public void AddBytes(string name, byte[] content, int mode, DateTime modified)
        {
            TarEntry entry = NewEntry(name, mode, modified);
            entry.Size = content.Length;
            Put(entry, content);
        }

        private void Own(TarEntry entry, FileSystemInfo info)
        {
            if (!hostOwner) return;
            (entry.UserId, entry.GroupId) = HostFileOwner.Of(info.FullName);
        }

        private void Put(TarEntry entry, byte[] content)
        {
            tar.PutNextEntry(entry);
            if (content != null) tar.Write(content, 0, content.Length);
            tar.CloseEntry();
            entries.Add(entry.Name);
        }

        private static TarEntry NewEntry(string name, int mode, DateTime modifiedUtc)
        {
            TarEntry entry = TarEntry.CreateTarEntry(name);
            entry.TarHeader.Mode = mode;
            entry.ModTime = modifiedUtc;
            entry.UserId = 0;
            entry.GroupId = 0;
            entry.UserName = "";
            entry.GroupName = "";
            return entry;
        }

        /// <summary>
        /// Unix permission bits where the runtime exposes them (.NET 7+); otherwise 0755 as the docker CLI uses on
        /// Windows (chmodTarEntry), so scripts stay executable.
        /// </summary>
        private static int ModeOf(FileSystemInfo info, bool directory)
        {
            if (GetUnixFileMode != null && Path.DirectorySeparatorChar == '/')
            {
                try
                {
                    return Convert.ToInt32(GetUnixFileMode.Invoke(null, new object[] { info.FullName })) & Convert.ToInt32("7777", 8);
                }
                catch (TargetInvocationException)
                {
                }
            }
            return Convert.ToInt32("755", 8);
        }
    }
}
