using System.IO;
using System.Linq;
using System.Management.Automation;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Lifecycle
{
    /// <summary>
    /// A ComposeProject piped into a cmdlet that loads compose files is loaded from the files it was created from
    /// (its config_files and working_dir labels), as `docker compose -p X -f ... up` would, not from the current folder.
    /// </summary>
    public class PipedProjectEngineTests
    {
        private static string Id(string container) => Docker.Run("inspect", "-f", "{{.Id}}", container).Check().Stdout.Trim();

        private static string[] Ids(LifecycleProject p) => new[] { "db", "web", "worker" }.Select(s => Id(p.Container(s))).ToArray();

        [EngineFact]
        public void ProjectPipedToUp_FromAnotherFolder_ConvergesWithNoChanges()
        {
            using var p = new LifecycleProject();
            p.Ps("Invoke-ComposeUp -Path $dir -ProjectName $p").AssertNoErrors();
            string[] before = Ids(p);
            p.Ps("Get-ComposeProject -Name $p | Invoke-ComposeUp", p.OtherDirectory()).AssertNoErrors();
            Assert.Equal(before, Ids(p));
            Assert.Equal(3, LifecycleProject.ContainersOf(p.Name).Count);
        }

        [EngineFact]
        public void ProjectCreatedByReferenceWithFile_PipedToUp_IsKept()
        {
            using var p = new LifecycleProject();
            Docker.Run("compose", "-f", Path.Combine(p.Directory, "compose.yaml"), "-p", p.Name, "up", "-d").Check();
            string[] before = Ids(p);
            p.Ps("Get-ComposeProject -Name $p | Invoke-ComposeUp", p.OtherDirectory()).AssertNoErrors();
            Assert.Equal(before, Ids(p));
        }

        [EngineFact]
        public void ProjectPipedToGetConfig_ListsItsOwnServices()
        {
            using var p = new LifecycleProject().Up();
            string other = p.OtherDirectory("services:\n  elsewhere:\n    image: " + LifecycleProject.Busybox + "\n");
            RunResult r = p.Ps("Get-ComposeProject -Name $p | Get-ComposeConfig -Services", other).AssertNoErrors();
            Assert.Equal(new[] { "db", "web", "worker" }, r.Output.Select(o => (string)o.BaseObject).OrderBy(s => s));
        }

        [EngineFact]
        public void ProjectPipedToNewImage_BuildsItsOwnServices()
        {
            using var p = new LifecycleProject(LifecycleProject.ThreeServices + "  tool:\n    build: .\n");
            File.WriteAllText(Path.Combine(p.Directory, "Dockerfile"), $"FROM {LifecycleProject.Busybox}\nLABEL psc-upproj=1\n");
            p.OnDispose(() => Docker.Run("rmi", "-f", p.Name + "-tool"));
            p.Ps("Invoke-ComposeUp -Path $dir -ProjectName $p web").AssertNoErrors();
            RunResult r = p.Ps("Get-ComposeProject -Name $p | New-ComposeImage", p.OtherDirectory()).AssertNoErrors();
            PSObject image = Assert.Single(r.Output);
            Assert.Equal("tool", image.Properties["Service"].Value);
            Assert.Equal(p.Name, image.Properties["ProjectName"].Value);
            Assert.Equal(0, Docker.Run("image", "inspect", p.Name + "-tool").ExitCode);
        }

        [EngineFact]
        public void ProjectPipedToUp_WhenItsFileIsGone_IsComposeFileNotFound()
        {
            using var p = new LifecycleProject().Up();
            string file = Path.Combine(p.Directory, "compose.yaml");
            File.Delete(file);
            RunResult r = p.Ps("Get-ComposeProject -Name $p | Invoke-ComposeUp", p.OtherDirectory());
            ErrorRecord error = Assert.Single(r.Errors);
            Assert.StartsWith("ComposeFileNotFound,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal(file, error.TargetObject);
            Assert.Contains("was created from", error.ToString());
        }

        [EngineFact]
        public void ProjectPipedToUp_WithFile_IsAConflict()
        {
            using var p = new LifecycleProject().Up();
            string[] before = Ids(p);
            RunResult r = p.Ps("Get-ComposeProject -Name $p | Invoke-ComposeUp -File $dir/compose.yaml", p.OtherDirectory());
            ErrorRecord error = Assert.Single(r.Errors);
            Assert.StartsWith("ComposeProjectInputConflict,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal(p.Name, error.TargetObject);
            Assert.Equal(before, Ids(p));
        }
    }
}
