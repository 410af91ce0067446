using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Lifecycle
{
    /// <summary>
    /// Every way a command finds its project (one resolver decides): -ProjectName alone (by labels, as docker compose -p
    /// does when no file is named), the files (-File, -Path, -ProjectDirectory; Copy-ComposeItem's -ProjectPath),
    /// COMPOSE_PROJECT_NAME when no file loads, and a piped project, service or container. Each against the reference
    /// on the same project, run from an empty directory or from one holding another project's compose file.
    /// </summary>
    public class ProjectResolutionEngineTests
    {
        /// <summary>Another project's compose file, which -ProjectName alone must ignore (Compose's -p without -f does).</summary>
        private const string Decoy = "services:\n  decoy:\n    image: " + LifecycleProject.Busybox + "\n";

        private static string[] Lines(string text) =>
            text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).OrderBy(s => s, StringComparer.Ordinal).ToArray();

        private static string[] Names(RunResult r, string property = "Name") =>
            r.Output.Select(o => Convert.ToString(o.Properties[property].Value)).OrderBy(n => n, StringComparer.Ordinal).ToArray();

        private static string[] Strings(RunResult r) => r.Output.Select(o => o.ToString()).OrderBy(s => s, StringComparer.Ordinal).ToArray();

        /// <summary>The reference run in <paramref name="dir"/> with the given global flags and command.</summary>
        private static string[] Reference(string dir, params string[] args) =>
            Lines(Docker.RunIn(dir, null, new[] { "compose" }.Concat(args).ToArray()).Check().Stdout);

        /// <summary>docker compose -p NAME images: its --format takes only table or json.</summary>
        private static string[] ReferenceImages(string dir, string project) =>
            System.Text.Json.JsonDocument.Parse(Docker.RunIn(dir, null, "compose", "-p", project, "images", "--format", "json").Check().Stdout).RootElement
                .EnumerateArray().Select(i => i.GetProperty("ContainerName").GetString()).OrderBy(s => s, StringComparer.Ordinal).ToArray();

        [EngineFact]
        public void ProjectNameAlone_FromAnEmptyDirectory_SeesWhatComposeDashPSees()
        {
            using var p = new LifecycleProject(
                "services:\n" +
                $"  db:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n    volumes: [data:/data]\n" +
                $"  web:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n    depends_on: [db]\n    ports: [\"80\"]\n" +
                "volumes:\n  data: {}\n").Up();
            string empty = p.OtherDirectory();

            Assert.Equal(Reference(empty, "-p", p.Name, "ps", "-a", "--format", "{{.Name}}"),
                Names(p.Ps("Get-ComposeContainer -ProjectName $p -All", empty).AssertNoErrors()));
            Assert.Equal(Reference(empty, "-p", p.Name, "ps", "--format", "{{.Service}}").Distinct(),
                Names(p.Ps("Get-ComposeService -ProjectName $p", empty).AssertNoErrors()));
            Assert.Equal(ReferenceImages(empty, p.Name),
                Names(p.Ps("Get-ComposeImage -ProjectName $p", empty).AssertNoErrors(), "Container"));
            Assert.Equal(Reference(empty, "-p", p.Name, "volumes", "--format", "{{.Name}}"),
                Names(p.Ps("Get-ComposeVolume -ProjectName $p", empty).AssertNoErrors()));
            Assert.Equal(Reference(empty, "-p", p.Name, "port", "web", "80"),
                Strings(p.Ps("Get-ComposePort -ProjectName $p web 80 | ForEach-Object ToString", empty).AssertNoErrors()));
            string[] processes = p.Ps("Get-ComposeProcess -ProjectName $p db", empty).AssertNoErrors().Output
                .Select(o => (string)o.Properties["Container"].Value).Distinct().ToArray();
            Assert.Equal(new[] { p.Container("db") }, processes);

            // A change from labels alone, compared with the reference's view of the result.
            p.Ps("Stop-ComposeService -ProjectName $p web -Timeout 1", empty).AssertNoErrors();
            Assert.Equal(new[] { "exited" }, Reference(empty, "-p", p.Name, "ps", "-a", "--format", "{{.State}}", "web"));
            Assert.Equal(new[] { "running" }, Reference(empty, "-p", p.Name, "ps", "-a", "--format", "{{.State}}", "db"));
        }

        [EngineFact]
        public void ProjectNameAlone_IgnoresTheComposeFileHere_AsComposeDoes()
        {
            using var p = new LifecycleProject().Up();
            string decoy = p.OtherDirectory(Decoy);

            Assert.Equal(Reference(decoy, "-p", p.Name, "ps", "--format", "{{.Name}}"),
                Names(p.Ps("Get-ComposeContainer -ProjectName $p", decoy).AssertNoErrors()));
            // The decoy's service is no service of the project found by labels: Compose's "no such service" becomes ours.
            Docker.Result reference = Docker.RunIn(decoy, null, "compose", "-p", p.Name, "ps", "decoy");
            RunResult ours = p.Ps("Get-ComposeContainer -ProjectName $p decoy", decoy);
            Assert.Equal(0, reference.ExitCode);
            Assert.Empty(Lines(reference.Stdout).Skip(1));
            Assert.Equal("ComposeServiceNotFound,PSCompose.Cmdlets.GetComposeContainerCommand", Assert.Single(ours.Errors).FullyQualifiedErrorId);
            Assert.Contains("no container of project", ours.Errors[0].Exception.Message);
        }

        [EngineFact]
        public void UnknownProjectName_FromAnEmptyDirectory_ListsNothing_AndStartFailsLikeCompose()
        {
            string name = "psc-none-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            using var p = new LifecycleProject(name: name);
            string empty = p.OtherDirectory();

            Docker.Result ps = Docker.RunIn(empty, null, "compose", "-p", name, "ps", "-a", "--format", "{{.Name}}");
            Assert.Equal(0, ps.ExitCode);
            Assert.Empty(Lines(ps.Stdout));
            RunResult ours = p.Ps("Get-ComposeContainer -ProjectName $p -All; Get-ComposeService -ProjectName $p", empty);
            Assert.Empty(ours.Errors);
            Assert.Empty(ours.Output);

            Docker.Result start = Docker.RunIn(empty, null, "compose", "-p", name, "start");
            Assert.Equal(1, start.ExitCode);
            Assert.Contains($"no container found for project \"{name}\"", start.Stderr);
            RunResult ourStart = p.Ps("Start-ComposeService -ProjectName $p", empty);
            ErrorRecord e = Assert.Single(ourStart.Errors);
            Assert.Equal("ComposeProjectNotFound,PSCompose.Cmdlets.StartComposeServiceCommand", e.FullyQualifiedErrorId);
            Assert.Contains($"no container found for project \"{name}\"", e.Exception.Message);
        }

        [EngineFact]
        public void Files_ByFilePathOrProjectDirectory_FindTheProjectLikeComposeFileAndProjectDirectory()
        {
            using var p = new LifecycleProject().Up();
            p.Compose("stop", "worker").Check();
            string decoy = p.OtherDirectory(Decoy);
            string file = Path.Combine(p.Directory, "compose.yaml");

            // docker compose -f FILE -p NAME ps and --project-directory DIR -p NAME ps, from a directory with another compose file.
            string[] byFile = Reference(decoy, "-f", file, "-p", p.Name, "ps", "-a", "--format", "{{.Name}}");
            Assert.Equal(byFile, Names(p.Ps("Get-ComposeContainer -File $dir/compose.yaml -ProjectName $p -All", decoy).AssertNoErrors()));
            Assert.Equal(byFile, Names(p.Ps("Get-ComposeContainer -Path $dir -ProjectName $p -All", decoy).AssertNoErrors()));
            Assert.Equal(byFile, Names(p.Ps("Get-ComposeContainer -Path $dir/compose.yaml -ProjectName $p -All", decoy).AssertNoErrors()));
            Assert.Equal(Reference(decoy, "--project-directory", p.Directory, "-p", p.Name, "ps", "-a", "--format", "{{.Name}}"),
                Names(p.Ps("Get-ComposeContainer -ProjectDirectory $dir -File $dir/compose.yaml -ProjectName $p -All", decoy).AssertNoErrors()));

            // With the file loaded, services come from it: the stopped worker is listed, and a name it lacks is Compose's "no such service".
            Assert.Equal(new[] { "db", "web", "worker" }, Names(p.Ps("Get-ComposeService -Path $dir -ProjectName $p", decoy).AssertNoErrors()));
            Docker.Result reference = Docker.RunIn(decoy, null, "compose", "-f", file, "-p", p.Name, "ps", "decoy");
            Assert.Equal(1, reference.ExitCode);
            Assert.Contains("no such service: decoy", reference.Stderr);
            RunResult ours = p.Ps("Get-ComposeContainer -Path $dir -ProjectName $p decoy", decoy);
            Assert.Equal("no such service: decoy", Assert.Single(ours.Errors).Exception.Message);
        }

        [EngineFact]
        public void ComposeProjectName_WhenNoFileLoads_NamesTheProject_AsCompose()
        {
            using var p = new LifecycleProject().Up();
            string empty = p.OtherDirectory();
            var env = new Dictionary<string, string> { ["COMPOSE_PROJECT_NAME"] = p.Name };
            string[] reference = Lines(Docker.RunIn(empty, env, "compose", "ps", "--format", "{{.Name}}").Check().Stdout);
            Assert.Equal(3, reference.Length);

            RunResult ours = p.Ps("$env:COMPOSE_PROJECT_NAME = $p; try { Get-ComposeContainer -Verbose } finally { $env:COMPOSE_PROJECT_NAME = $null }", empty);
            Assert.Empty(ours.Errors);
            Assert.Equal(reference, Names(ours));
            Assert.Contains(ours.Verbose, v => v.Message.Contains("COMPOSE_PROJECT_NAME"));
        }

        [EngineFact]
        public void PipedServiceAndContainer_NameTheProject_ForTheQueryCommands()
        {
            using var p = new LifecycleProject(
                "services:\n" +
                $"  web:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n    ports: [\"80\"]\n" +
                $"  db:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n").Up();
            string decoy = p.OtherDirectory(Decoy);

            string[] port = Reference(decoy, "-p", p.Name, "port", "web", "80");
            Assert.Equal(port, Strings(p.Ps("Get-ComposeService -ProjectName $p web | Get-ComposePort -PrivatePort 80 | ForEach-Object ToString", decoy)
                .AssertNoErrors()));
            Assert.Equal(port, Strings(p.Ps("Get-ComposeContainer -ProjectName $p web | Get-ComposePort -PrivatePort 80 | ForEach-Object ToString", decoy)
                .AssertNoErrors()));
            RunResult top = p.Ps("Get-ComposeContainer -ProjectName $p db | Get-ComposeProcess", decoy).AssertNoErrors();
            Assert.Equal(new[] { p.Container("db") }, top.Output.Select(o => (string)o.Properties["Container"].Value).Distinct());
            RunResult images = p.Ps("Get-ComposeProject -Name $p | Get-ComposeImage", decoy).AssertNoErrors();
            Assert.Equal(ReferenceImages(decoy, p.Name), Names(images, "Container"));
        }

        [EngineFact]
        public void CopyComposeItem_FindsTheProjectByProjectPath_OrByNameAlone_LikeComposeCp()
        {
            using var p = new LifecycleProject().Up();
            string decoy = p.OtherDirectory(Decoy);
            File.WriteAllText(Path.Combine(decoy, "note.txt"), "hello\n");

            // -ProjectPath is -Path for the project (Copy-ComposeItem's -Path is what it copies): docker compose -f FILE cp.
            p.Ps("Copy-ComposeItem ./note.txt web:/tmp/ours.txt -ProjectPath $dir -ProjectName $p", decoy).AssertNoErrors();
            Docker.RunIn(decoy, null, "compose", "-f", Path.Combine(p.Directory, "compose.yaml"), "-p", p.Name, "cp", "note.txt", "web:/tmp/ref.txt").Check();
            Assert.Equal(Docker.Run("exec", p.Container("web"), "cat", "/tmp/ref.txt").Check().Stdout,
                Docker.Run("exec", p.Container("web"), "cat", "/tmp/ours.txt").Check().Stdout);

            // With the project name alone the decoy file here is ignored, as by docker compose -p NAME cp.
            p.Ps("Copy-ComposeItem web:/tmp/ours.txt ./back.txt -ProjectName $p", decoy).AssertNoErrors();
            Docker.RunIn(decoy, null, "compose", "-p", p.Name, "cp", "web:/tmp/ref.txt", "ref-back.txt").Check();
            Assert.Equal(File.ReadAllText(Path.Combine(decoy, "ref-back.txt")), File.ReadAllText(Path.Combine(decoy, "back.txt")));

            // Without either, the decoy here is the project, and it has no web service.
            Docker.Result reference = Docker.RunIn(decoy, null, "compose", "cp", "note.txt", "web:/tmp/x");
            Assert.NotEqual(0, reference.ExitCode);
            RunResult ours = p.Ps("Copy-ComposeItem ./note.txt web:/tmp/x", decoy);
            Assert.Equal("CopyContainerNotFound,PSCompose.Cmdlets.CopyComposeItemCommand", Assert.Single(ours.Errors).FullyQualifiedErrorId);
        }
    }
}
