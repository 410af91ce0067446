using PSCompose.Engine.Archive;
using PSCompose.Execution;
using Xunit;

namespace PSCompose.Tests.Engine.Archive
{
    /// <summary>docker cp's argument and path rules (compose's splitCpArg, moby's copy.go).</summary>
    public class CopyPathTests
    {
        [Theory]
        [InlineData("web:/etc/hosts", "web", "/etc/hosts")]
        [InlineData("web:rel/x", "web", "rel/x")]
        [InlineData("./file:name", null, "./file:name")]
        [InlineData(".hidden:x", null, ".hidden:x")]
        [InlineData("/abs:x", null, "/abs:x")]
        [InlineData(@"C:\x", null, @"C:\x")]
        [InlineData("plain", null, "plain")]
        [InlineData("web:", "web", "")]
        public void Split_FollowsCompose(string argument, string service, string path)
        {
            Assert.Equal((service, path), CopyArguments.Split(argument));
        }

        [Theory]
        [InlineData("/a/b", "/a", "b")]
        [InlineData("/a/b/", "/a", "b")]
        [InlineData("/a/b/.", "/a/b", ".")]
        [InlineData("b", ".", "b")]
        public void SplitDirEntry_AsMoby(string path, string dir, string name)
        {
            Assert.Equal((dir, name), CopyPath.SplitDirEntry(path));
        }

        [Fact]
        public void Place_IntoAnExistingDirectory_KeepsNames()
        {
            CopyPlacement p = CopyPath.Place(new CopyInfo { Path = "/src/data", IsDirectory = true, Exists = true },
                new CopyInfo { Path = "/dst", Exists = true, IsDirectory = true }, "/dst");
            Assert.Equal("/dst", p.Directory);
            Assert.Equal("data/x", p.Rename("data/x"));
        }

        [Fact]
        public void Place_ANewName_RenamesTheBaseEntry()
        {
            CopyPlacement p = CopyPath.Place(new CopyInfo { Path = "/src/data/.", IsDirectory = true, Exists = true },
                new CopyInfo { Path = "/dst/new" }, "/dst/new");
            Assert.Equal("/dst", p.Directory);
            Assert.Equal("new/a.txt", p.Rename("./a.txt"));
        }

        [Fact]
        public void Place_DirectoryOntoAFile_AndFileIntoAMissingDirectory_AreRefused()
        {
            var dir = new CopyInfo { Path = "/src/data", IsDirectory = true, Exists = true };
            var file = new CopyInfo { Path = "/src/f", Exists = true };
            Assert.Equal(ErrorIds.CopyDestinationInvalid, Assert.Throws<ComposeException>(() =>
                CopyPath.Place(dir, new CopyInfo { Path = "/dst/f", Exists = true }, "/dst/f")).ErrorId);
            Assert.Equal(ErrorIds.CopyDestinationInvalid, Assert.Throws<ComposeException>(() =>
                CopyPath.Place(file, new CopyInfo { Path = "/dst/missing/" }, "/dst/missing/")).ErrorId);
        }
    }
}
