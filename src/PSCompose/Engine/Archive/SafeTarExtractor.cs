using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ICSharpCode.SharpZipLib.Tar;
using PSCompose.Common;

namespace PSCompose.Engine.Archive
{
    /// <summary>
    /// Extracts a tar from a container into a host directory the way docker cp does (moby's Untar with NoLchown and
    /// NoOverwriteDirNonDir: modes and modification times kept, owners not), refusing every entry that would land
    /// outside the directory: "..", absolute names, links whose target leaves it, and any write through a symlink.
    /// A file is written to a temporary name beside its place and moved there whole, so a broken stream leaves no
    /// half-written file.
    /// </summary>
    internal sealed class SafeTarExtractor
    {
        private readonly string root;
        private readonly Func<string, string> rename;
        private readonly Action<string> warn;
        private readonly List<KeyValuePair<string, DateTime>> directoryTimes = new List<KeyValuePair<string, DateTime>>();
        private const long Block = 512;
        private CountingStream received;

        /// <summary>At least the bytes the entries so far occupy (extended headers only add to it).</summary>
        private long required;

        private SafeTarExtractor(string root, Func<string, string> rename, Action<string> warn)
        {
            this.root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
            if (this.root.Length == 0) this.root = Path.DirectorySeparatorChar.ToString();
            this.rename = rename ?? (n => n);
            this.warn = warn ?? (_ => { });
        }

        /// <summary>
        /// Extracts every entry of <paramref name="tar"/> under <paramref name="directory"/>, which must exist. Reads
        /// asynchronously: the engine's chunked response stream has no synchronous Read.
        /// </summary>
        public static async Task ExtractAsync(Stream tar, string directory, Func<string, string> rename, Action<string> warn, CancellationToken ct)
        {
            var extractor = new SafeTarExtractor(directory, rename, warn);
            extractor.received = new CountingStream(tar, _ => { });
            using (var input = new TarInputStream(extractor.received, Encoding.UTF8) { IsStreamOwner = false })
            {
                TarEntry entry;
                while ((entry = await input.GetNextEntryAsync(ct).ConfigureAwait(false)) != null)
                {
                    extractor.required += Block + (entry.Size + Block - 1) / Block * Block;
                    await extractor.WriteAsync(input, entry, ct).ConfigureAwait(false);
                }
            }
            extractor.ApplyDirectoryTimes();
        }

        private async Task WriteAsync(TarInputStream input, TarEntry entry, CancellationToken ct)
        {
            string original = entry.Name;
            string relative = Relative(rename(original), original);
            string path = relative == "." ? root : Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
            if (relative != ".") EnsureParents(relative, original);

            byte type = entry.TarHeader.TypeFlag;
            bool isDirectory = type == TarHeader.LF_DIR;
            EntryKind existing = FileSystemLinks.Kind(path);
            if (existing == EntryKind.Directory && !isDirectory)
                throw Conflict($"cannot overwrite directory \"{path}\" with non-directory \"{original}\"", path);
            if (existing != EntryKind.None && existing != EntryKind.Directory && isDirectory)
                throw Conflict($"cannot overwrite non-directory \"{path}\" with directory \"{original}\"", path);
            if (existing == EntryKind.Directory && relative == ".") return;

            switch (type)
            {
                case TarHeader.LF_DIR:
                    if (existing == EntryKind.None) Directory.CreateDirectory(path);
                    FileSystemLinks.SetMode(path, entry.TarHeader.Mode);
                    directoryTimes.Add(new KeyValuePair<string, DateTime>(path, entry.ModTime));
                    break;
                case TarHeader.LF_NORMAL:
                case TarHeader.LF_OLDNORM:
                case TarHeader.LF_CONTIG:
                    await WriteFileAsync(path, entry.TarHeader.Mode, entry.ModTime, async temp =>
                    {
                        await input.CopyEntryContentsAsync(temp, ct).ConfigureAwait(false);
                        CheckNotCutOff(original);
                    }).ConfigureAwait(false);
                    break;
                case TarHeader.LF_SYMLINK:
                    WriteSymlink(path, relative, entry.TarHeader.LinkName, original, entry.ModTime);
                    break;
                case TarHeader.LF_LINK:
                    string source = LinkSource(rename(entry.TarHeader.LinkName), original);
                    await WriteFileAsync(path, entry.TarHeader.Mode, entry.ModTime, async temp =>
                    {
                        using (FileStream from = File.OpenRead(source)) await from.CopyToAsync(temp, 81920, ct).ConfigureAwait(false);
                    }).ConfigureAwait(false);
                    break;
                default:
                    warn($"skipped \"{original}\": a device or FIFO in the archive is not copied to the host.");
                    break;
            }
        }

        /// <summary>
        /// SharpZipLib pads a stream that ends early with zeros and reads on; a file the stream did not hold whole must
        /// not pass for the real one.
        /// </summary>
        private void CheckNotCutOff(string original)
        {
            if (received.Total < required)
                throw new EngineStreamLostException($"the archive ended inside \"{original}\"");
        }

        /// <summary>The entry's cleaned slash path under the root; "." for the root itself.</summary>
        private static string Relative(string name, string original)
        {
            if (name.StartsWith("/", StringComparison.Ordinal) || name.StartsWith("\\", StringComparison.Ordinal) || name.IndexOf(':') == 1)
                throw Unsafe($"the archive entry \"{original}\" has an absolute name", original);
            string cleaned = GoPath.Clean(name.Replace('\\', '/'));
            if (cleaned == ".." || cleaned.StartsWith("../", StringComparison.Ordinal))
                throw Unsafe($"the archive entry \"{original}\" points outside the destination", original);
            return cleaned;
        }

        /// <summary>Creates missing parent directories (0755, as Untar does); an existing symlink among them is refused.</summary>
        private void EnsureParents(string relative, string original)
        {
            string current = root;
            string[] parts = relative.Split('/');
            for (int i = 0; i < parts.Length - 1; i++)
            {
                current = Path.Combine(current, parts[i]);
                switch (FileSystemLinks.Kind(current))
                {
                    case EntryKind.Symlink:
                        throw Unsafe($"the archive entry \"{original}\" would be written through the symlink \"{current}\"", original);
                    case EntryKind.File:
                        throw Conflict($"cannot extract \"{original}\": \"{current}\" is not a directory", current);
                    case EntryKind.None:
                        Directory.CreateDirectory(current);
                        FileSystemLinks.SetMode(current, Convert.ToInt32("755", 8));
                        break;
                }
            }
        }

        private static async Task WriteFileAsync(string path, int mode, DateTime modified, Func<Stream, Task> fill)
        {
            string temp = Path.Combine(Path.GetDirectoryName(path), ".pscompose-cp-" + Guid.NewGuid().ToString("N"));
            try
            {
                using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write)) await fill(output).ConfigureAwait(false);
                FileSystemLinks.SetMode(temp, mode);
                File.SetLastWriteTimeUtc(temp, DateTime.SpecifyKind(modified, DateTimeKind.Utc));
                if (FileSystemLinks.Kind(path) != EntryKind.None) File.Delete(path);
                File.Move(temp, path);
            }
            catch
            {
                try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
                throw;
            }
        }

        /// <summary>As moby's createTarFile: the link's target, taken from the link's directory, must stay under the root.</summary>
        private void WriteSymlink(string path, string relative, string target, string original, DateTime modified)
        {
            string parent = GoPath.Dir(relative);
            string resolved = GoPath.Clean((parent == "." ? "" : parent + "/") + target.TrimStart('/'));
            if (!target.StartsWith("/", StringComparison.Ordinal) && (resolved == ".." || resolved.StartsWith("../", StringComparison.Ordinal)))
                throw Unsafe($"invalid symlink \"{original}\" -> \"{target}\": it points outside the destination", original);
            if (!FileSystemLinks.CanCreateSymlinks)
            {
                warn($"skipped the symlink \"{original}\": this PowerShell cannot create symlinks.");
                return;
            }
            if (FileSystemLinks.Kind(path) != EntryKind.None) File.Delete(path);
            FileSystemLinks.CreateSymlink(path, target);
            FileSystemLinks.SetLinkTime(path, DateTime.SpecifyKind(modified, DateTimeKind.Utc));
        }

        /// <summary>A hard link's source: an earlier entry, under the root and not reached through a symlink.</summary>
        private string LinkSource(string linkName, string original)
        {
            string relative = Relative(linkName, original);
            string current = root;
            foreach (string part in relative.Split('/'))
            {
                current = Path.Combine(current, part);
                if (FileSystemLinks.Kind(current) == EntryKind.Symlink)
                    throw Unsafe($"the hard link \"{original}\" points through the symlink \"{current}\"", original);
            }
            return current;
        }

        /// <summary>Directory times last, deepest first, so writing their contents does not change them again.</summary>
        private void ApplyDirectoryTimes()
        {
            for (int i = directoryTimes.Count - 1; i >= 0; i--)
                Directory.SetLastWriteTimeUtc(directoryTimes[i].Key, DateTime.SpecifyKind(directoryTimes[i].Value, DateTimeKind.Utc));
        }

        private static ComposeException Unsafe(string message, string entry) =>
            new ComposeException(ErrorIds.CopyArchiveUnsafe, message + "; nothing is written outside the destination.", entry);

        private static ComposeException Conflict(string message, string path) =>
            new ComposeException(ErrorIds.CopyDestinationInvalid, message, path);
    }
}
