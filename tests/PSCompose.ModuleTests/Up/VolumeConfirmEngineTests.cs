using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Up
{
    /// <summary>
    /// A named volume whose config diverged: Compose asks "Recreate (data will be lost)?"; so does Invoke-ComposeUp,
    /// on the pipeline thread, with -Force as -y; a host that cannot ask gets an error and nothing changes.
    /// </summary>
    public class VolumeConfirmEngineTests
    {
        private static void Write(UpProject p, string label) => p.WriteCompose(
            "services:\n" +
            $"  a:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n    volumes: [\"data:/data\"]\n" +
            $"  b:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n" +
            $"volumes:\n  data:\n    labels: {{v: \"{label}\"}}\n");

        private static string VolumeLabel(UpProject p) =>
            Docker.Run("volume", "inspect", p.Name + "_data", "-f", "{{.Labels.v}}").Check().Stdout.Trim();

        private static RunResult UpWith(UpProject p, RecordingHost host, string parameters = "")
        {
            using Runspace runspace = PowerShellRunner.OpenRunspace(host: host);
            return PowerShellRunner.Run(runspace, "Invoke-ComposeUp -Path $dir -ProjectName $p " + parameters,
                new Dictionary<string, object> { ["dir"] = p.Directory, ["p"] = p.Name });
        }

        private static UpProject Diverged()
        {
            var p = new UpProject("psc-cmdlets");
            Write(p, "1");
            p.Compose("up", "-d").Check();
            Write(p, "2");
            return p;
        }

        [EngineFact]
        public void Declined_OrNotAskable_LeavesEverythingAsItIs()
        {
            using UpProject p = Diverged();
            Dictionary<string, string> before = p.ContainerIds();
            // The reference asks with this text; without an answer it keeps the volume and the containers.
            Docker.Result reference = p.Compose("up", "-d");
            string question = $"Volume \"{p.Name}_data\" exists but doesn't match configuration in compose file. Recreate (data will be lost)?";
            Assert.Contains(question, reference.Stdout + reference.Stderr);

            var no = new RecordingHost("No");
            RunResult declined = UpWith(p, no).AssertNoErrors();
            Assert.Equal(question, Assert.Single(no.Questions));
            Assert.Contains(declined.Warnings, w => w.Message.Contains($"\"{p.Name}_data\"") && w.Message.Contains("declined"));
            UpProject.AssertSameIds(before, p.ContainerIds());
            Assert.Equal("1", VolumeLabel(p));

            // -WhatIf asks nothing and says the question will come.
            var whatIf = new RecordingHost();
            UpWith(p, whatIf, "-WhatIf").AssertNoErrors();
            Assert.Contains($"volume {p.Name}_data: config diverged", whatIf.Text);

            // A host that cannot prompt: an error naming the volume, and nothing changed.
            RunResult cannotAsk = UpWith(p, new RecordingHost());
            ErrorRecord error = Assert.Single(cannotAsk.Errors);
            Assert.Equal("VolumeRecreateNotConfirmed,PSCompose.Cmdlets.InvokeComposeUpCommand", error.FullyQualifiedErrorId);
            Assert.Equal(p.Name + "_data", error.TargetObject);
            RunResult defaultHost = p.PsUp();
            Assert.Equal("VolumeRecreateNotConfirmed,PSCompose.Cmdlets.InvokeComposeUpCommand", Assert.Single(defaultHost.Errors).FullyQualifiedErrorId);
            UpProject.AssertSameIds(before, p.ContainerIds());
            Assert.Equal("1", VolumeLabel(p));
        }

        [EngineFact]
        public void Yes_OrForce_RecreatesTheVolumeAndItsUsers_AsComposeYesDoes()
        {
            using UpProject p = Diverged();
            // The reference with -y: the volume's user (a) is recreated, b is left alone.
            Dictionary<string, string> before = p.ContainerIds();
            p.Compose("up", "-d", "-y").Check();
            Dictionary<string, string> byReference = p.ContainerIds();
            Assert.NotEqual(before[p.Name + "-a-1"], byReference[p.Name + "-a-1"]);
            Assert.Equal(before[p.Name + "-b-1"], byReference[p.Name + "-b-1"]);

            Write(p, "3");
            var yes = new RecordingHost("Yes");
            UpWith(p, yes).AssertNoErrors();
            Assert.Single(yes.Questions);
            Dictionary<string, string> afterYes = p.ContainerIds();
            Assert.NotEqual(byReference[p.Name + "-a-1"], afterYes[p.Name + "-a-1"]);
            Assert.Equal(byReference[p.Name + "-b-1"], afterYes[p.Name + "-b-1"]);
            Assert.Equal("3", VolumeLabel(p));

            Write(p, "4");
            p.PsUp("-Force").AssertNoErrors();
            Dictionary<string, string> afterForce = p.ContainerIds();
            Assert.NotEqual(afterYes[p.Name + "-a-1"], afterForce[p.Name + "-a-1"]);
            Assert.Equal(afterYes[p.Name + "-b-1"], afterForce[p.Name + "-b-1"]);
            Assert.Equal("4", VolumeLabel(p));
        }
    }
}
