using System.IO;
using System.Management.Automation;
using PSCompose.Model;
using PSCompose.Model.Yaml;
using Xunit;

namespace PSCompose.Tests.Model.Loading
{
    // Expected texts: docker compose 2.40.3 on the same files (yaml.v3 names the line, not the column).
    public class FileErrorTests
    {
        [Fact]
        public void DirectoryAsComposeFile_SaysItIsADirectory()
        {
            using var p = new TempProject();
            string dir = p.Dir("sub");
            var e = Assert.Throws<ComposeFileException>(() => p.Load(o => o.ConfigFiles = new[] { dir }));
            Assert.Equal($"read {dir}: is a directory", e.Message);
            Assert.Equal(ErrorIds.FileNotAFile, e.ErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, PSCompose.ErrorCatalogue.CategoryOf(e.ErrorId));
            Assert.Equal(dir, e.Target);
        }

        [Fact]
        public void MissingComposeFile_TargetsThePath()
        {
            using var p = new TempProject();
            string missing = Path.Combine(p.Root, "nope.yaml");
            var e = Assert.Throws<ComposeFileException>(() => p.Load(o => o.ConfigFiles = new[] { missing }));
            Assert.Equal(missing, e.Target);
        }

        [Theory]
        [InlineData("services:\n  a:\n\timage: busybox\n", 3, 1)]
        [InlineData("services:\n  a:\n    image: busybox\n    labels:\n\t  x: y\n", 5, 1)]
        [InlineData("services:\n  a:\n    image: busybox\n    labels:\n  \t  x: y\n", 5, 3)]
        public void TabIndentation_IsReportedAtTheTab(string yaml, int line, int column)
        {
            var e = Assert.Throws<ComposeFileException>(() => YamlReader.ReadDocuments(yaml, "/p/compose.yaml"));
            Assert.Equal("yaml: found character that cannot start any token", e.Reason);
            Assert.Equal(ErrorIds.YamlSyntax, e.ErrorId);
            Assert.Equal((line, column), (e.Line, e.Column));
        }

        [Theory]
        [InlineData("services: [a]\n", "services must be a mapping", "services")]
        [InlineData("services:\n  a: [x]\n", "services.a must be a mapping", "services.a")]
        public void ServicesNotAMapping_IsAFileError(string yaml, string message, string keyPath)
        {
            using var p = new TempProject();
            string file = p.Write("compose.yaml", yaml);
            var e = Assert.Throws<ComposeFileException>(() => p.Load());
            Assert.Equal(ErrorIds.FileInvalid, e.ErrorId);
            Assert.Equal(message, e.Reason);
            Assert.Equal(keyPath, e.KeyPath);
            Assert.Equal(file, e.Target);
        }

        [Fact]
        public void NoConfigurationFile_TargetsTheDirectory()
        {
            using var p = new TempProject();
            var e = Assert.Throws<ComposeFileException>(() => p.Load());
            Assert.Equal(p.Root, e.Target);
        }

        [Fact]
        public void InvalidProjectName_TargetsTheName()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "services:\n  a:\n    image: busybox\n");
            var e = Assert.Throws<ComposeFileException>(() => p.Load(o => o.ProjectName = "Bad Name"));
            Assert.Equal(ErrorIds.ProjectNameInvalid, e.ErrorId);
            Assert.Equal("Bad Name", e.Target);
        }

        [Fact]
        public void UnknownService_TargetsTheService()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "services:\n  a:\n    image: busybox\n");
            var e = Assert.Throws<ComposeFileException>(() => p.Load(o => o.Services = new[] { "nosuch" }));
            Assert.Equal(ErrorIds.ServiceNotFound, e.ErrorId);
            Assert.Equal("nosuch", e.Target);
        }

        [Fact]
        public void StandardInputFile_IsReadOnceWithTheWorkingDirectoryAsProjectDirectory()
        {
            using var p = new TempProject("stdin-proj");
            int reads = 0;
            var model = p.Load(o =>
            {
                o.ConfigFiles = new[] { "-" };
                o.StandardInput = () =>
                {
                    reads++;
                    return "services:\n  a:\n    image: busybox\n    build: ./ctx\n";
                };
            });
            Assert.Equal(1, reads);
            Assert.Equal("stdin-proj", model.Name);
            Assert.Equal(p.Root, model.WorkingDirectory);
            Assert.Equal(Path.Combine(p.Root, "ctx"), model.Service("a").Map("build").String("context"));
        }

        [Fact]
        public void StandardInputFile_NameComesFromItsContent()
        {
            using var p = new TempProject();
            var model = p.Load(o =>
            {
                o.ConfigFiles = new[] { "-" };
                o.StandardInput = () => "name: fromstdin\n";
            });
            Assert.Equal("fromstdin", model.Name);
        }

        [Fact]
        public void StandardInputFile_WithoutStandardInput_IsAClearError()
        {
            using var p = new TempProject();
            var e = Assert.Throws<ComposeFileException>(() => p.Load(o => o.ConfigFiles = new[] { "-" }));
            Assert.Equal("-", e.Target);
            Assert.Contains("standard input", e.Message);
        }
    }
}
