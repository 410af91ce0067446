using System.IO;
using System.Management.Automation;
using PSCompose.Model;
using Xunit;

namespace PSCompose.Tests.Model.Loading
{
    // Expected behaviour: docker compose 2.40.3 (cmd/compose toProjectOptions, compose-go projectName).
    public class EnvironmentAndNameTests
    {
        private const string Simple = "services:\n  web:\n    image: busybox\n";

        [Fact]
        public void OsEnvironmentWinsOverDotEnv()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", Simple);
            p.Write(".env", "A=fromfile\nB=fromfile\n");
            p.Env["A"] = "fromos";
            var model = p.Load();
            Assert.Equal("fromos", model.Environment["A"]);
            Assert.Equal("fromfile", model.Environment["B"]);
        }

        [Fact]
        public void EnvFilesReplaceTheDefaultDotEnvAndLaterFilesWin()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", Simple);
            p.Write(".env", "A=dotenv\nC=dotenv\n");
            string one = p.Write("one.env", "A=one\nB=one\n");
            string two = p.Write("two.env", "B=two\n");
            var model = p.Load(o => o.EnvFiles = new[] { one, two });
            Assert.Equal("one", model.Environment["A"]);
            Assert.Equal("two", model.Environment["B"]);
            Assert.False(model.Environment.ContainsKey("C"));
            Assert.Equal(new[] { one, two }, model.EnvFiles);
        }

        [Fact]
        public void ComposeEnvFilesIsCommaSeparated()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", Simple);
            p.Write("one.env", "A=one\n");
            p.Write("two.env", "A=two\n");
            p.Env["COMPOSE_ENV_FILES"] = "one.env,two.env";
            Assert.Equal("two", p.Load().Environment["A"]);
        }

        [Fact]
        public void MissingEnvFileIsAnError()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", Simple);
            var e = Assert.Throws<ComposeFileException>(() => p.Load(o => o.EnvFiles = new[] { "nope.env" }));
            Assert.Equal("couldn't find env file: " + Path.Combine(p.Root, "nope.env"), e.Message);
            Assert.Equal(ErrorIds.EnvFileNotFound, e.ErrorId);
        }

        [Fact]
        public void DisableEnvFileSkipsTheDefaultDotEnv()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", Simple);
            p.Write(".env", "A=dotenv\n");
            p.Env["COMPOSE_DISABLE_ENV_FILE"] = "true";
            Assert.False(p.Load().Environment.ContainsKey("A"));
        }

        [Fact]
        public void PwdIsAddedWhenMissingAndKeptWhenSet()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", Simple);
            string sub = p.Dir("sub");
            Assert.Equal(sub, p.Load(workingDir: sub).Environment["PWD"]);
            p.Env["PWD"] = "/elsewhere";
            Assert.Equal("/elsewhere", p.Load().Environment["PWD"]);
        }

        [Fact]
        public void ComposeProfilesFromDotEnvActivateProfiles()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "services:\n  web:\n    image: a\n  dbg:\n    image: b\n    profiles: [debug]\n");
            p.Write(".env", "COMPOSE_PROFILES=debug\n");
            var model = p.Load();
            Assert.NotNull(model.Service("dbg"));
            Assert.Contains("debug", model.ActiveProfiles);
        }

        [Fact]
        public void ProjectNameFlagMustBeValid()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", Simple);
            var e = Assert.Throws<ComposeFileException>(() => p.Load(o => o.ProjectName = "Bad"));
            Assert.Equal("invalid project name \"Bad\": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number", e.Message);
            Assert.Equal(ErrorIds.ProjectNameInvalid, e.ErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, PSCompose.ErrorCatalogue.CategoryOf(e.ErrorId));
        }

        [Fact]
        public void ProjectNameFromEnvironmentMustBeValid()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", Simple);
            p.Env["COMPOSE_PROJECT_NAME"] = "Bad";
            var e = Assert.Throws<ComposeFileException>(() => p.Load());
            Assert.StartsWith("invalid project name \"Bad\"", e.Message);
        }

        [Fact]
        public void ProjectNamePrecedence()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "name: \"My App\"\n" + Simple);
            Assert.Equal("myapp", p.Load().Name);
            p.Write(".env", "COMPOSE_PROJECT_NAME=fromdotenv\n");
            Assert.Equal("fromdotenv", p.Load().Name);
            p.Env["COMPOSE_PROJECT_NAME"] = "fromos";
            Assert.Equal("fromos", p.Load().Name);
            Assert.Equal("flag", p.Load(o => o.ProjectName = "flag").Name);
        }

        [Fact]
        public void LastNonEmptyNameAcrossFilesIsInterpolatedAndNormalised()
        {
            using var p = new TempProject();
            string a = p.Write("a.yaml", "name: first\n" + Simple);
            string b = p.Write("b.yaml", "name: \"${N}_Two\"\n");
            string c = p.Write("c.yaml", "services: {}\n");
            p.Env["N"] = "Second";
            var model = p.Load(o => o.ConfigFiles = new[] { a, b, c });
            Assert.Equal("second_two", model.Name);
            Assert.Equal("second_two", model.Root["name"]);
            Assert.Equal("second_two", model.Environment["COMPOSE_PROJECT_NAME"]);
        }

        [Fact]
        public void DirectoryNameIsNormalised()
        {
            using var p = new TempProject("_-x");
            p.Write("compose.yaml", Simple);
            Assert.Equal("x", p.Load().Name);
        }

        [Fact]
        public void InterpolationUsesDotEnvValues()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "services:\n  web:\n    image: \"busybox:${TAG}\"\n");
            p.Write(".env", "TAG=1.36\n");
            Assert.Equal("busybox:1.36", p.Load().Service("web").String("image"));
        }
    }
}
