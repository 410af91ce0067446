using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ICSharpCode.SharpZipLib.Tar;
using PSCompose.Engine.Build;
using Xunit;

namespace PSCompose.Tests.Engine
{
    public class BuildContextArchiveTests : IDisposable
    {
        private readonly string dir = Path.Combine(Path.GetTempPath(), "psc-ctx-" + Guid.NewGuid().ToString("N"));

        public BuildContextArchiveTests()
        {
            Directory.CreateDirectory(dir);
        }

        public void Dispose()
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }

        private void Write(string relative, string content)
        {
            string path = Path.Combine(dir, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path));
            File.WriteAllText(path, content);
        }

        private static Dictionary<string, string> ReadTar(Stream tar)
        {
            var files = new Dictionary<string, string>();
            using (var input = new TarInputStream(tar, Encoding.UTF8) { IsStreamOwner = false })
            {
                TarEntry entry;
                while ((entry = input.GetNextEntry()) != null)
                {
                    var ms = new MemoryStream();
                    input.CopyEntryContents(ms);
                    files[entry.Name] = entry.IsDirectory ? null : Encoding.UTF8.GetString(ms.ToArray());
                    Assert.Equal(0, entry.UserId);
                    Assert.Equal(0, entry.GroupId);
                }
            }
            return files;
        }

        [Fact]
        public void DockerIgnore_ExcludesWithExceptions_AndAlwaysSendsBuildFiles()
        {
            Write("Dockerfile", "FROM scratch\n");
            Write(".dockerignore", "*\n!app\napp/*.log\n!app/keep.log\n**/secret*\n");
            Write("app/main.py", "print(1)\n");
            Write("app/debug.log", "x");
            Write("app/keep.log", "k");
            Write("app/sub/secret.txt", "s");
            Write("notes.txt", "n");
            Write("docs/readme.md", "r");

            using (BuildContextArchive archive = BuildContextArchive.Create(dir, null, null))
            {
                Assert.Equal("Dockerfile", archive.Dockerfile);
                Dictionary<string, string> files = ReadTar(archive.Content);
                // Expected by hand from the rules: '*' drops everything at the top, '!app' brings app back,
                // app/*.log drops the logs except keep.log, **/secret* drops secret.txt; the Dockerfile and
                // .dockerignore are re-included by TrimBuildFilesFromExcludes.
                Assert.Equal(
                    new[] { ".dockerignore", "Dockerfile", "app/", "app/keep.log", "app/main.py", "app/sub/" },
                    files.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray());
                Assert.Equal("FROM scratch\n", files["Dockerfile"]);
            }
        }

        [Fact]
        public void ExcludedDirectory_IsWalkedOnlyForExceptionsInsideIt()
        {
            Write("Dockerfile", "FROM scratch\n");
            Write(".dockerignore", "vendor\n!vendor/keep/file.txt\nnode_modules\n");
            Write("vendor/keep/file.txt", "1");
            Write("vendor/drop/file.txt", "2");
            Write("node_modules/x/index.js", "3");

            using (BuildContextArchive archive = BuildContextArchive.Create(dir, null, null))
            {
                var names = ReadTar(archive.Content).Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();
                // TarWithOptions does not add the excluded directories themselves, only the re-included file.
                Assert.Equal(new[] { ".dockerignore", "Dockerfile", "vendor/keep/file.txt" }, names);
            }
        }

        [Fact]
        public void InlineDockerfile_IsAddedUnderARandomName_AndIgnoredByTheContext()
        {
            Write("a.txt", "a");
            using (BuildContextArchive archive = BuildContextArchive.Create(dir, null, "FROM scratch\nCOPY a.txt /\n"))
            {
                Assert.StartsWith(".dockerfile.", archive.Dockerfile);
                Assert.Equal(".dockerfile.".Length + 20, archive.Dockerfile.Length);
                Dictionary<string, string> files = ReadTar(archive.Content);
                Assert.Equal("FROM scratch\nCOPY a.txt /\n", files[archive.Dockerfile]);
                Assert.Equal("\n" + archive.Dockerfile + "\n", files[".dockerignore"]);
                Assert.Equal("a", files["a.txt"]);
            }
        }

        [Fact]
        public void DockerfileInASubdirectory_IsNamedRelativeToTheContext()
        {
            Write("build/App.Dockerfile", "FROM scratch\n");
            using (BuildContextArchive archive = BuildContextArchive.Create(dir, "build/App.Dockerfile", null))
                Assert.Equal("build/App.Dockerfile", archive.Dockerfile);
        }

        [Fact]
        public void DockerfileOutsideTheContext_IsAddedUnderARandomName()
        {
            Write("ctx/a.txt", "a");
            Write("ctx/.dockerignore", "*.tmp");
            Write("Outside.Dockerfile", "FROM scratch\n");
            using (BuildContextArchive archive = BuildContextArchive.Create(Path.Combine(dir, "ctx"), Path.Combine(dir, "Outside.Dockerfile"), null))
            {
                Assert.StartsWith(".dockerfile.", archive.Dockerfile);
                Dictionary<string, string> files = ReadTar(archive.Content);
                Assert.Equal("FROM scratch\n", files[archive.Dockerfile]);
                // docker/cli AddDockerfileToBuildContext appends the random name to the existing .dockerignore.
                Assert.Equal("*.tmp\n" + archive.Dockerfile + "\n", files[".dockerignore"]);
                Assert.Equal(new[] { ".dockerignore", archive.Dockerfile, "a.txt" }.OrderBy(x => x, StringComparer.Ordinal), files.Keys.OrderBy(x => x, StringComparer.Ordinal));
            }
        }

        [Fact]
        public void Symlinks_AreArchivedAsLinks_AndModesAreKept()
        {
            if (OperatingSystem.IsWindows()) return; // symlink creation needs privileges there
            Write("Dockerfile", "FROM scratch\n");
            Write("run.sh", "#!/bin/sh\n");
            File.SetUnixFileMode(Path.Combine(dir, "run.sh"), (UnixFileMode)Convert.ToInt32("750", 8));
            File.CreateSymbolicLink(Path.Combine(dir, "link"), "run.sh");
            using (BuildContextArchive archive = BuildContextArchive.Create(dir, null, null))
            using (var input = new TarInputStream(archive.Content, Encoding.UTF8))
            {
                var entries = new Dictionary<string, TarEntry>();
                TarEntry entry;
                while ((entry = input.GetNextEntry()) != null) entries[entry.Name] = entry;
                Assert.Equal(TarHeader.LF_SYMLINK, entries["link"].TarHeader.TypeFlag);
                Assert.Equal("run.sh", entries["link"].TarHeader.LinkName);
                Assert.Equal(Convert.ToInt32("750", 8), entries["run.sh"].TarHeader.Mode & Convert.ToInt32("7777", 8));
            }
        }

        [Fact]
        public void MissingDockerfile_IsAnError()
        {
            var e = Assert.Throws<FileNotFoundException>(() => BuildContextArchive.Create(dir, "Nope.Dockerfile", null));
            Assert.Contains("Cannot locate specified Dockerfile: Nope.Dockerfile", e.Message);
        }
    }
}
