using System;
using System.Linq;
using System.Management.Automation;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Lifecycle
{
    /// <summary>Invoke-ComposeDown against the real engine, checked with the docker CLI.</summary>
    public class DownEngineTests
    {
        private static readonly string WithVolume =
            "services:\n" +
            $"  app:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n    volumes: [\"data:/data\"]\n" +
            "volumes:\n  data: {}\n";

        [EngineFact]
        public void Down_RemovesWhatInvokeComposeUpCreated_ButKeepsNamedVolumes()
        {
            using var p = new LifecycleProject(WithVolume);
            p.Ps("Invoke-ComposeUp -Path $dir -ProjectName $p").AssertNoErrors();
            Assert.Equal(new[] { p.Container("app") }, LifecycleProject.ContainersOf(p.Name));
            Assert.Equal(new[] { p.Name + "_default" }, LifecycleProject.NetworksOf(p.Name));

            RunResult down = p.Ps("Invoke-ComposeDown -Path $dir -ProjectName $p").AssertNoErrors();
            Assert.Empty(down.Output);
            Assert.Empty(down.Warnings);
            Assert.Empty(LifecycleProject.ContainersOf(p.Name));
            Assert.Empty(LifecycleProject.NetworksOf(p.Name));
            // Without -Volumes named volumes stay, as with docker compose down.
            Assert.Equal(new[] { p.Name + "_data" }, LifecycleProject.VolumesOf(p.Name));
        }

        [EngineFact]
        public void Down_RemovesWhatDockerComposeUpCreated_AndEverythingOnlyWithVolumes()
        {
            using var p = new LifecycleProject(WithVolume).Up();
            RunResult down = p.Ps("Invoke-ComposeDown -Path $dir -ProjectName $p -Volumes -PassThru").AssertNoErrors();
            PSObject removed = Assert.Single(down.Output);
            Assert.Equal("PSCompose.ComposeContainer", removed.BaseObject.GetType().FullName);
            Assert.Equal(p.Container("app"), removed.Properties["Name"].Value);
            Assert.Empty(LifecycleProject.ContainersOf(p.Name));
            Assert.Empty(LifecycleProject.NetworksOf(p.Name));
            Assert.Empty(LifecycleProject.VolumesOf(p.Name));
        }

        [EngineFact]
        public void Down_Volumes_NeverRemovesAnExternalVolume()
        {
            string external = "psc-lc-ext-" + Guid.NewGuid().ToString("N").Substring(0, 10);
            using var p = new LifecycleProject(
                "services:\n" +
                $"  app:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n    volumes: [\"data:/data\", \"ext:/ext\"]\n" +
                $"volumes:\n  data: {{}}\n  ext:\n    external: true\n    name: {external}\n");
            Docker.Run("volume", "create", external).Check();
            p.OnDispose(() => Docker.Run("volume", "rm", "-f", external));
            p.Up();

            p.Ps("Invoke-ComposeDown -Path $dir -ProjectName $p -Volumes").AssertNoErrors();
            Assert.NotEqual(0, Docker.Run("volume", "inspect", p.Name + "_data").ExitCode);
            Assert.Equal(0, Docker.Run("volume", "inspect", external).ExitCode);
        }

        [EngineFact]
        public void Down_FromLabelsAlone_WithProjectNameFromAnotherDirectory()
        {
            using var p = new LifecycleProject(WithVolume).Up();
            // The current location holds an unrelated compose file: with -ProjectName alone it must be ignored.
            string elsewhere = p.OtherDirectory("services:\n  unrelated:\n    image: nothing\n");
            RunResult down = p.Ps("Invoke-ComposeDown -ProjectName $p -Volumes", elsewhere).AssertNoErrors();
            Assert.Empty(down.Warnings);
            Assert.Empty(LifecycleProject.ContainersOf(p.Name));
            Assert.Empty(LifecycleProject.NetworksOf(p.Name));
            Assert.Empty(LifecycleProject.VolumesOf(p.Name));
        }

        [EngineFact]
        public void Down_OfOneProject_NeverTouchesAProjectWhoseNameItPrefixes()
        {
            using var app = new LifecycleProject();
            using var app2 = new LifecycleProject(name: app.Name + "-2");
            app.Up();
            app2.Up();

            app.Ps("Invoke-ComposeDown -ProjectName $p").AssertNoErrors();
            Assert.Empty(LifecycleProject.ContainersOf(app.Name));
            Assert.Equal(3, LifecycleProject.ContainersOf(app2.Name).Count);
            Assert.All(LifecycleProject.ContainersOf(app2.Name), c => Assert.Equal("running", LifecycleProject.Status(c)));
            Assert.Equal(new[] { app2.Name + "_default" }, LifecycleProject.NetworksOf(app2.Name));
        }

        [EngineFact]
        public void Down_WithNothingThere_WarnsLikeCompose()
        {
            string name = "psc-lc-none-" + Guid.NewGuid().ToString("N").Substring(0, 10);
            RunResult r = PowerShellRunner.Run("Invoke-ComposeDown -ProjectName $p", new() { ["p"] = name }).AssertNoErrors();
            // docker compose 2.40.3: Warning: No resource found to remove for project "<name>".
            WarningRecord warning = Assert.Single(r.Warnings);
            Assert.Equal($"No resource found to remove for project \"{name}\".", warning.Message);
        }

        [EngineFact]
        public void Down_WhatIf_ChangesNothing()
        {
            using var p = new LifecycleProject(WithVolume).Up();
            string before = string.Join(",", LifecycleProject.ContainersOf(p.Name));
            p.Ps("Invoke-ComposeDown -Path $dir -ProjectName $p -Volumes -WhatIf").AssertNoErrors();
            Assert.Equal(before, string.Join(",", LifecycleProject.ContainersOf(p.Name)));
            Assert.Equal("running", LifecycleProject.Status(p.Container("app")));
            Assert.Single(LifecycleProject.NetworksOf(p.Name));
            Assert.Single(LifecycleProject.VolumesOf(p.Name));
        }

        [EngineFact]
        public void Down_OfOneService_TakesItsDependentsDownAndKeepsTheRest()
        {
            using var p = new LifecycleProject().Up();
            p.Ps("Invoke-ComposeDown -Path $dir -ProjectName $p -Name db").AssertNoErrors();
            // docker compose down db: db and web (which depends on db) go; worker and the network stay.
            Assert.Equal(new[] { p.Container("worker") }, LifecycleProject.ContainersOf(p.Name));
            Assert.Single(LifecycleProject.NetworksOf(p.Name));
        }

        [EngineFact]
        public void Down_UnknownServiceWithComposeFile_IsServiceNotFound()
        {
            using var p = new LifecycleProject().Up();
            RunResult r = p.Ps("Invoke-ComposeDown -Path $dir -ProjectName $p -Name nosuch");
            ErrorRecord error = Assert.Single(r.Errors);
            Assert.Equal("ComposeServiceNotFound,PSCompose.Cmdlets.InvokeComposeDownCommand", error.FullyQualifiedErrorId);
            Assert.Equal(3, LifecycleProject.ContainersOf(p.Name).Count);
        }

        [EngineFact]
        public void Down_RemoveImagesLocal_RemovesTheBuiltImageOnly()
        {
            using var p = new LifecycleProject("services:\n  app:\n    build: .\n");
            System.IO.File.WriteAllText(System.IO.Path.Combine(p.Directory, "Dockerfile"),
                $"FROM {LifecycleProject.Busybox}\nCMD [\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 600 & wait\"]\n");
            p.OnDispose(() => Docker.Run("rmi", "-f", p.Name + "-app"));
            p.Up();
            Assert.Equal(0, Docker.Run("image", "inspect", p.Name + "-app").ExitCode);

            p.Ps("Invoke-ComposeDown -Path $dir -ProjectName $p -RemoveImages Local").AssertNoErrors();
            // docker compose down --rmi local: the image built for the service goes, its base image stays.
            Assert.NotEqual(0, Docker.Run("image", "inspect", p.Name + "-app").ExitCode);
            Assert.Equal(0, Docker.Run("image", "inspect", LifecycleProject.Busybox).ExitCode);
            Assert.Empty(LifecycleProject.ContainersOf(p.Name));
        }

        [EngineFact]
        public void Down_LeavesOrphansUnlessRemoveOrphans_AndOnlyWarnsThatTheNetworkIsInUse()
        {
            using var p = new LifecycleProject().Up();
            // worker is no longer in the file: an orphan.
            System.IO.File.WriteAllText(System.IO.Path.Combine(p.Directory, "compose.yaml"),
                "services:\n" +
                $"  db:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n" +
                $"  web:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n    depends_on: [db]\n");

            RunResult kept = p.Ps("Invoke-ComposeDown -Path $dir -ProjectName $p").AssertNoErrors();
            Assert.Equal(new[] { p.Container("worker") }, LifecycleProject.ContainersOf(p.Name));
            // As docker compose: "Network <name>  Resource is still in use", not an error.
            Assert.Contains(kept.Warnings, w => w.Message.Contains(p.Name + "_default") && w.Message.Contains("Resource is still in use"));
            Assert.Single(LifecycleProject.NetworksOf(p.Name));

            p.Ps("Invoke-ComposeDown -Path $dir -ProjectName $p -RemoveOrphans").AssertNoErrors();
            Assert.Empty(LifecycleProject.ContainersOf(p.Name));
            Assert.Empty(LifecycleProject.NetworksOf(p.Name));
        }
    }
}
