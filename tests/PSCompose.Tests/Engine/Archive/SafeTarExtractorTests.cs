using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using ICSharpCode.SharpZipLib.Tar;
using PSCompose.Engine.Archive;
using Xunit;

namespace PSCompose.Tests.Engine.Archive
{
    /// <summary>Crafted tars, as a hostile container could serve them, against the extractor of Copy-ComposeItem.</summary>
    public class SafeTarExtractorTests : IDisposable
    {
        private readonly string sandbox = Path.Combine(Path.GetTempPath(), "psc-untar-" + Guid.NewGuid().ToString("N"));
        private readonly string destination;
        private readonly string outside;

        public SafeTarExtractorTests()
        {
            destination = Path.Combine(sandbox, "a", "b", "dest");
            outside = Path.Combine(sandbox, "outside");
            Directory.CreateDirectory(destination);
            Directory.CreateDirectory(outside);
        }

        public void Dispose()
        {
            try { Directory.Delete(sandbox, true); } catch (IOException) { }
        }

        private sealed class TarBuilder
        {
            private readonly MemoryStream buffer = new MemoryStream();
            private readonly TarOutputStream tar;

            public TarBuilder() => tar = new TarOutputStream(buffer, Encoding.UTF8) { IsStreamOwner = false };

            public TarBuilder File(string name, string content, int mode = 420)
            {
                byte[] bytes = Encoding.UTF8.GetBytes(content);
                TarEntry entry = TarEntry.CreateTarEntry(name);
                entry.TarHeader.Mode = mode;
                entry.Size = bytes.Length;
                entry.ModTime = new DateTime(2020, 5, 6, 7, 8, 9, DateTimeKind.Utc);
                tar.PutNextEntry(entry);
                tar.Write(bytes, 0, bytes.Length);
                tar.CloseEntry();
                return this;
            }

            public TarBuilder Link(string name, string target, byte type = TarHeader.LF_SYMLINK)
            {
                TarEntry entry = TarEntry.CreateTarEntry(name);
                entry.TarHeader.TypeFlag = type;
                entry.TarHeader.LinkName = target;
                entry.TarHeader.Mode = 511;
                tar.PutNextEntry(entry);
                tar.CloseEntry();
                return this;
            }

            public TarBuilder Dir(string name, int mode = 493)
            {
                TarEntry entry = TarEntry.CreateTarEntry(name.TrimEnd('/') + "/");
                entry.TarHeader.TypeFlag = TarHeader.LF_DIR;
                entry.TarHeader.Mode = mode;
                tar.PutNextEntry(entry);
                tar.CloseEntry();
                return this;
            }

            public MemoryStream Build()
            {
                tar.Close();
                return new MemoryStream(buffer.ToArray());
            }
        }

        private void Extract(TarBuilder tar) =>
            SafeTarExtractor.ExtractAsync(tar.Build(), destination, n => n, _ => { }, CancellationToken.None).GetAwaiter().GetResult();

        private ComposeException Refused(TarBuilder tar)
        {
            var e = Assert.Throws<ComposeException>(() => Extract(tar));
            Assert.Equal(ErrorIds.CopyArchiveUnsafe, e.ErrorId);
            return e;
        }

        private string[] EverythingInSandboxOutsideDestination() =>
            Directory.EnumerateFileSystemEntries(sandbox, "*", SearchOption.AllDirectories)
                .Where(p => !p.StartsWith(destination, StringComparison.Ordinal))
                .Select(p => p.Substring(sandbox.Length)).OrderBy(p => p, StringComparer.Ordinal).ToArray();

        private static readonly string[] SandboxSkeleton = { "/a", "/a/b", "/outside" };

        [Theory]
        [InlineData("../../x")]
        [InlineData("../outside/x")]
        [InlineData("dir/../../../x")]
        [InlineData("..")]
        public void DotDotEntry_IsRefused_AndNothingLandsOutside(string name)
        {
            ComposeException e = Refused(new TarBuilder().File(name, "evil"));
            Assert.Equal(name, e.Target);
            Assert.Equal(SandboxSkeleton, EverythingInSandboxOutsideDestination());
        }

        [Fact]
        public void AbsoluteEntry_IsRefused()
        {
            string target = Path.Combine(outside, "abs").Replace('\\', '/');
            Refused(new TarBuilder().File(target, "evil"));
            Assert.False(File.Exists(target));
            Assert.Empty(Directory.EnumerateFileSystemEntries(destination));
        }

        [Fact]
        public void WriteThroughAnAbsoluteSymlink_IsRefused()
        {
            Refused(new TarBuilder().Link("lnk", outside).File("lnk/x", "evil"));
            Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
        }

        [Fact]
        public void SymlinkWhoseTargetLeavesTheDestination_IsRefused()
        {
            Refused(new TarBuilder().Link("sub/lnk", "../../../outside"));
            Assert.False(File.Exists(Path.Combine(destination, "sub", "lnk")) || Directory.Exists(Path.Combine(destination, "sub", "lnk")));
        }

        [Fact]
        public void HardLinkToAFileOutside_IsRefused()
        {
            File.WriteAllText(Path.Combine(outside, "secret"), "secret");
            Refused(new TarBuilder().Link("copy", "../../../outside/secret", TarHeader.LF_LINK));
            Assert.False(File.Exists(Path.Combine(destination, "copy")));
        }

        [Fact]
        public void OrdinaryTree_KeepsContentModesLinksAndTimes()
        {
            Extract(new TarBuilder().Dir("d", Convert.ToInt32("750", 8)).File("d/f", "data", Convert.ToInt32("640", 8))
                .Link("d/rel", "f").Link("d/abs", "/etc/passwd").Link("d/hard", "d/f", TarHeader.LF_LINK));
            string d = Path.Combine(destination, "d");
            Assert.Equal("data", File.ReadAllText(Path.Combine(d, "f")));
            Assert.Equal("data", File.ReadAllText(Path.Combine(d, "hard")));
            Assert.Equal(new DateTime(2020, 5, 6, 7, 8, 9, DateTimeKind.Utc), File.GetLastWriteTimeUtc(Path.Combine(d, "f")));
            Assert.Equal("f", new FileInfo(Path.Combine(d, "rel")).LinkTarget);
            Assert.Equal("/etc/passwd", new FileInfo(Path.Combine(d, "abs")).LinkTarget);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal((UnixFileMode)Convert.ToInt32("640", 8), File.GetUnixFileMode(Path.Combine(d, "f")));
                Assert.Equal((UnixFileMode)Convert.ToInt32("750", 8), File.GetUnixFileMode(d));
            }
            Assert.Empty(Directory.EnumerateFiles(d, ".pscompose-cp-*"));
        }

        [Fact]
        public void BrokenStream_LeavesNoHalfWrittenFile()
        {
            byte[] whole = new TarBuilder().File("big", new string('x', 100_000)).Build().ToArray();
            var cut = new MemoryStream(whole, 0, 20_000);
            Exception e = Record.Exception(() =>
                SafeTarExtractor.ExtractAsync(cut, destination, n => n, _ => { }, CancellationToken.None).GetAwaiter().GetResult());
            Assert.Empty(Directory.EnumerateFileSystemEntries(destination));
            Assert.NotNull(e);
        }

        [Fact]
        public void DirectoryOverAFile_IsAConflict_NotAnOverwrite()
        {
            File.WriteAllText(Path.Combine(destination, "x"), "keep");
            var e = Assert.Throws<ComposeException>(() => Extract(new TarBuilder().Dir("x")));
            Assert.Equal(ErrorIds.CopyDestinationInvalid, e.ErrorId);
            Assert.Equal("keep", File.ReadAllText(Path.Combine(destination, "x")));
        }
    }
}
