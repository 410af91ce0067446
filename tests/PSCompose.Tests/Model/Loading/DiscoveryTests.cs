using System.IO;
using System.Linq;
using System.Management.Automation;
using PSCompose.Model;
using PSCompose.Model.Loading;
using Xunit;

namespace PSCompose.Tests.Model.Loading
{
    // Expected behaviour: compose-go cli.WithDefaultConfigPath / WithConfigFileEnv, checked with docker compose 2.40.3.
    public class DiscoveryTests
    {
        private const string Simple = "services:\n  web:\n    image: busybox\n";

        [Fact]
        public void FindsComposeFileInAParentDirectory()
        {
            using var p = new TempProject();
            string file = p.Write("compose.yaml", Simple);
            string sub = p.Dir("a/b");
            var model = p.Load(workingDir: sub);
            Assert.Equal(new[] { file }, model.ConfigFiles);
            Assert.Equal(p.Root, model.WorkingDirectory);
            Assert.Equal("proj", model.Name);
        }

        [Fact]
        public void SeveralCandidatesWarnAndTakeTheFirstInPreferenceOrder()
        {
            using var p = new TempProject();
            string yml = p.Write("docker-compose.yml", Simple);
            string yaml = p.Write("compose.yml", Simple);
            var model = p.Load();
            Assert.Equal(new[] { yaml }, model.ConfigFiles);
            Assert.Equal("Found multiple config files with supported names: " + yaml + ", " + yml, p.Warnings[0]);
            Assert.Equal("Using " + yaml, p.Warnings[1]);
        }

        [Fact]
        public void OverrideFileIsAddedFromTheSameDirectory()
        {
            using var p = new TempProject();
            string main = p.Write("compose.yaml", Simple);
            string over = p.Write("compose.override.yml", "services:\n  web:\n    image: other\n");
            var model = p.Load();
            Assert.Equal(new[] { main, over }, model.ConfigFiles);
            Assert.Equal("other", model.Service("web").String("image"));
        }

        [Fact]
        public void NoFileIsAnObjectNotFoundError()
        {
            using var p = new TempProject();
            var e = Assert.Throws<ComposeFileException>(() => p.Load());
            Assert.Equal(ErrorIds.FileNotFound, e.ErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, PSCompose.ErrorCatalogue.CategoryOf(e.ErrorId));
            Assert.Equal("no configuration file provided: not found", e.Message);
        }

        [Fact]
        public void ComposeFileIsSplitOnThePathSeparator()
        {
            using var p = new TempProject();
            string a = p.Write("a.yaml", Simple);
            string b = p.Write("b.yaml", "services:\n  web:\n    image: fromb\n");
            p.Env["COMPOSE_FILE"] = "a.yaml" + Path.PathSeparator + "b.yaml";
            var model = p.Load();
            Assert.Equal(new[] { a, b }, model.ConfigFiles);
            Assert.Equal("fromb", model.Service("web").String("image"));
        }

        [Fact]
        public void ComposePathSeparatorOverridesTheDefault()
        {
            using var p = new TempProject();
            string a = p.Write("a.yaml", Simple);
            string b = p.Write("b.yaml", Simple);
            p.Env["COMPOSE_FILE"] = "a.yaml,b.yaml";
            p.Env["COMPOSE_PATH_SEPARATOR"] = ",";
            Assert.Equal(new[] { a, b }, p.Load().ConfigFiles);
        }

        [Fact]
        public void ComposeFileMayComeFromTheDotEnv()
        {
            using var p = new TempProject();
            string a = p.Write("a.yaml", Simple);
            p.Write(".env", "COMPOSE_FILE=a.yaml\n");
            Assert.Equal(new[] { a }, p.Load().ConfigFiles);
        }

        [Fact]
        public void MissingComposeFileFromEnvironmentNamesThePath()
        {
            using var p = new TempProject();
            p.Env["COMPOSE_FILE"] = "x.yaml";
            var e = Assert.Throws<ComposeFileException>(() => p.Load());
            Assert.Equal($"stat {Path.Combine(p.Root, "x.yaml")}: no such file or directory", e.Message);
        }

        [Fact]
        public void MissingExplicitFileNamesThePath()
        {
            using var p = new TempProject();
            var e = Assert.Throws<ComposeFileException>(() => p.Load(o => o.ConfigFiles = new[] { "nope.yaml" }));
            Assert.Equal($"open {Path.Combine(p.Root, "nope.yaml")}: no such file or directory", e.Message);
            Assert.Equal(ErrorIds.FileNotFound, e.ErrorId);
        }

        [Fact]
        public void ProjectDirectoryDefaultsToTheFirstFilesDirectory()
        {
            using var p = new TempProject();
            string file = p.Write("sub/one.yaml", Simple);
            var model = p.Load(o => o.ConfigFiles = new[] { file });
            Assert.Equal(Path.Combine(p.Root, "sub"), model.WorkingDirectory);
            Assert.Equal("sub", model.Name);
        }

        [Fact]
        public void ExplicitProjectDirectoryWinsAndNamesTheProject()
        {
            using var p = new TempProject();
            string file = p.Write("sub/one.yaml", Simple);
            string other = p.Dir("My_Proj.V2 test");
            var model = p.Load(o => { o.ConfigFiles = new[] { file }; o.ProjectDirectory = other; });
            Assert.Equal(other, model.WorkingDirectory);
            Assert.Equal("my_projv2test", model.Name);
        }
    }
}
