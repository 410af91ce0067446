using System;
using System.Collections.Generic;
using System.Linq;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Up
{
    /// <summary>Orphan containers (warning and -RemoveOrphans), and two projects from the same files side by side.</summary>
    public class OrphansAndIsolationEngineTests
    {
        private const string TwoServices =
            "services:\n" +
            "  a:\n    image: " + UpProject.Busybox + "\n    command: " + UpProject.Sleeper + "\n    volumes: [\"data:/data\", \"/anon\"]\n" +
            "  b:\n    image: " + UpProject.Busybox + "\n    command: " + UpProject.Sleeper + "\n    networks: [default, back]\n" +
            "volumes:\n  data: {}\n" +
            "networks:\n  back: {}\n";

        private static string OnlyA => TwoServices.Substring(0, TwoServices.IndexOf("  b:", StringComparison.Ordinal)) + "volumes:\n  data: {}\n";

        [EngineFact]
        public void RemovedService_IsWarnedAboutAsTheReferenceDoes_AndRemovedWithRemoveOrphans()
        {
            using var p = new UpProject();
            p.WriteCompose(TwoServices);
            p.PsUp().AssertNoErrors();
            Dictionary<string, string> before = p.ContainerIds();

            p.WriteCompose(OnlyA);
            RunResult warned = p.PsUp().AssertNoErrors();
            UpProject.AssertSameIds(before, p.ContainerIds());

            // The reference's own warning for the same state, word for word.
            string reference = p.Compose("up", "-d").Check().Stderr;
            string expected = $"Found orphan containers ([{p.Name}-b-1]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.";
            Assert.Contains(expected, reference);
            Assert.Contains(warned.Warnings, w => w.Message == expected);
            UpProject.AssertSameIds(before, p.ContainerIds());

            RunResult removed = p.PsUp("-RemoveOrphans").AssertNoErrors();
            Assert.DoesNotContain(removed.Warnings, w => w.Message.Contains("orphan"));
            Assert.Equal(new[] { $"{p.Name}-a-1" }, p.ContainerIds().Keys);
            Assert.Equal(before[$"{p.Name}-a-1"], p.ContainerIds()[$"{p.Name}-a-1"]);
        }

        [EngineFact]
        public void TwoProjectsFromTheSameFiles_ConvergingOneNeverTouchesTheOther()
        {
            string name = "app-" + Guid.NewGuid().ToString("N");
            using var first = new UpProject(name: name);
            using var second = new UpProject(name: name + "-2");
            first.WriteCompose(TwoServices);
            second.WriteCompose(TwoServices);
            first.PsUp().AssertNoErrors();
            second.PsUp().AssertNoErrors();
            Dictionary<string, string> others = second.ContainerIds();
            List<string> otherNetworks = second.NetworkNames(), otherVolumes = second.VolumeNames();
            Assert.Equal(2, others.Count);
            Assert.Equal(new[] { name + "-2_back", name + "-2_default" }, otherNetworks);

            void SecondUntouched()
            {
                UpProject.AssertSameIds(others, second.ContainerIds());
                Assert.Equal(otherNetworks, second.NetworkNames());
                Assert.Equal(otherVolumes, second.VolumeNames());
                foreach (string c in others.Keys)
                    Assert.Equal("true", UpProject.Inspect(c).GetProperty("State").GetProperty("Running").GetRawText());
            }

            first.PsUp().AssertNoErrors();
            Assert.Equal(2, first.ContainerIds().Count);
            first.PsUp("-ForceRecreate -Scale @{ a = 2 }").AssertNoErrors();
            SecondUntouched();
            first.PsUp("-ForceRecreate -RenewAnonVolumes").AssertNoErrors();
            SecondUntouched();
            first.WriteCompose(OnlyA);
            RunResult orphaned = first.PsUp("-RemoveOrphans").AssertNoErrors();
            Assert.DoesNotContain(orphaned.Warnings, w => w.Message.Contains(name + "-2"));
            Assert.Equal(new[] { name + "-a-1" }, first.ContainerIds().Keys);
            SecondUntouched();
            first.Compose("down", "-v", "-t", "0").Check();
            SecondUntouched();
        }
    }
}
