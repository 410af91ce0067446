using System.Collections.Generic;
using System.IO;
using PSCompose.Execution;
using PSCompose.Model;
using PSCompose.Tests.Model.Loading;
using Xunit;

namespace PSCompose.Tests.Execution
{
    /// <summary>
    /// How a command on an existing project finds it (files, or the project name alone), decided in one place. The
    /// engine side (the same commands against docker compose -p from an empty directory) is in the module's
    /// ProjectResolutionEngineTests.
    /// </summary>
    public class ProjectResolverTests
    {
        private const string OneService = "services:\n  web:\n    image: busybox\n";

        private static ProjectSource Source(TempProject dir, string workingDirectory = null) => new ProjectSource
        {
            WorkingDirectory = workingDirectory ?? dir.Root,
            Environment = new Dictionary<string, string>(dir.Env),
        };

        private static ResolvedProject Resolve(ProjectSource source, List<string> verbose = null, params string[] services) =>
            ProjectResolver.Resolve(source, services, _ => { }, (verbose ?? new List<string>()).Add);

        [Fact]
        public void ProjectNameAlone_IsFoundByItsLabels_AndTheComposeFileHereIsIgnored()
        {
            using var dir = new TempProject();
            dir.Write("compose.yaml", "services: [this is not a compose file");
            ProjectSource source = Source(dir);
            source.ProjectName = "Shop";

            Assert.False(ProjectResolver.LoadsFiles(source));
            ResolvedProject project = Resolve(source);
            Assert.True(project.FromLabels);
            Assert.Equal("shop", project.Name);
        }

        [Fact]
        public void FilesPathOrAPipedProject_LoadTheFiles_EvenWithAProjectName()
        {
            using var dir = new TempProject();
            string file = dir.Write("compose.yaml", OneService);

            ProjectSource byFile = Source(dir);
            byFile.ProjectName = "named";
            byFile.Files = new[] { file };
            ProjectSource byPath = Source(dir, Path.GetTempPath());
            byPath.ProjectName = "named";
            byPath.Path = dir.Root;
            ProjectSource piped = Source(dir, Path.GetTempPath());
            piped.Piped = new ComposeProject { Name = "named", ConfigFiles = new[] { file }, WorkingDirectory = dir.Root };

            foreach (ProjectSource source in new[] { byFile, byPath, piped })
            {
                Assert.True(ProjectResolver.LoadsFiles(source));
                ResolvedProject project = Resolve(source);
                Assert.False(project.FromLabels);
                Assert.Equal("named", project.Name);
                Assert.Contains("web", project.Model.ServiceNames);
            }
        }

        [Fact]
        public void NoProjectName_DiscoversTheComposeFileAndNamesTheProjectAfterItsDirectory()
        {
            using var dir = new TempProject("My_Proj");
            dir.Write("compose.yaml", OneService);
            ResolvedProject project = Resolve(Source(dir, dir.Dir("sub")));
            Assert.Equal("my_proj", project.Name);
            Assert.False(project.FromLabels);
        }

        [Fact]
        public void NoFileAnywhere_IsComposesError_UnlessComposeProjectNameIsSet()
        {
            using var dir = new TempProject();
            ComposeFileException e = Assert.Throws<ComposeFileException>(() => Resolve(Source(dir)));
            Assert.Equal(ErrorIds.FileNotFound, e.ErrorId);
            Assert.Equal("no configuration file provided: not found", e.Message);

            dir.Env["COMPOSE_PROJECT_NAME"] = "fromenv";
            var verbose = new List<string>();
            ResolvedProject project = Resolve(Source(dir), verbose);
            Assert.True(project.FromLabels);
            Assert.Equal("fromenv", project.Name);
            Assert.Contains(verbose, v => v.Contains("COMPOSE_PROJECT_NAME"));
        }

        [Fact]
        public void APathThatIsNeitherFileNorDirectory_IsFileNotFound()
        {
            using var dir = new TempProject();
            ProjectSource source = Source(dir);
            source.Path = Path.Combine(dir.Root, "missing");
            ComposeFileException e = Assert.Throws<ComposeFileException>(() => Resolve(source));
            Assert.Equal(ErrorIds.FileNotFound, e.ErrorId);
            Assert.Equal(source.Path, e.Target);
        }

        [Fact]
        public void ANamedServiceDisabledByItsProfile_IsEnabled()
        {
            using var dir = new TempProject();
            dir.Write("compose.yaml", "services:\n  web:\n    image: busybox\n  debug:\n    image: busybox\n    profiles: [tools]\n");
            Assert.DoesNotContain("debug", Resolve(Source(dir)).Model.ServiceNames);
            Assert.Contains("debug", Resolve(Source(dir), null, "debug").Model.ServiceNames);
            // A wildcard is no service name: it enables nothing.
            Assert.DoesNotContain("debug", Resolve(Source(dir), null, "deb*").Model.ServiceNames);
        }

        [Fact]
        public void Compatibility_ComesFromTheSwitchOrComposeCompatibility_AlsoFromLabels()
        {
            using var dir = new TempProject();
            ProjectSource source = Source(dir);
            source.ProjectName = "p";
            Assert.False(Resolve(source).Compatibility);
            source.Compatibility = true;
            Assert.True(Resolve(source).Compatibility);
            source.Compatibility = false;
            source.Environment["COMPOSE_COMPATIBILITY"] = "true";
            Assert.True(Resolve(source).Compatibility);
        }
    }
}
