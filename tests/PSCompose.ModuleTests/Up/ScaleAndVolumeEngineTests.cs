using System.Collections.Generic;
using System.Linq;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Up
{
    /// <summary>Scaling (numbers, scale-down order) and anonymous volumes across recreates, checked with the reference.</summary>
    public class ScaleAndVolumeEngineTests
    {
        private static void WriteWeb(UpProject p, string extra = "") => p.WriteCompose(
            "services:\n" +
            "  web:\n" +
            "    image: " + UpProject.Busybox + "\n" +
            "    command: " + UpProject.Sleeper + "\n" + extra);

        [EngineFact]
        public void Scale_UpToThree_ThenDownRemovesTheHighestNumbers_AndTheReferenceAgrees()
        {
            using var p = new UpProject();
            WriteWeb(p);
            p.PsUp("-Scale @{ web = 3 }").AssertNoErrors();
            Dictionary<string, string> three = p.ContainerIds();
            Assert.Equal(new[] { 1, 2, 3 }.Select(n => $"{p.Name}-web-{n}"), three.Keys.OrderBy(k => k));
            foreach (string name in three.Keys)
                Assert.Equal(name.Substring(name.Length - 1), UpProject.Label(name, "com.docker.compose.container-number"));

            // The reference at the same scale changes nothing.
            p.Compose("up", "-d", "--scale", "web=3").Check();
            UpProject.AssertSameIds(three, p.ContainerIds());

            // Scale down to 2: web-3 goes, web-1 and web-2 stay as they are.
            p.PsUp("-Scale @{ web = 2 }").AssertNoErrors();
            Dictionary<string, string> two = p.ContainerIds();
            Assert.Equal(new[] { $"{p.Name}-web-1", $"{p.Name}-web-2" }, two.Keys.OrderBy(k => k));
            Assert.Equal(three[$"{p.Name}-web-1"], two[$"{p.Name}-web-1"]);
            Assert.Equal(three[$"{p.Name}-web-2"], two[$"{p.Name}-web-2"]);

            // Back to the file's scale (1) by the reference: it removes web-2, as we would.
            p.Compose("up", "-d").Check();
            Assert.Equal(new[] { $"{p.Name}-web-1" }, p.ContainerIds().Keys);

            // Scale up again: numbers continue after the highest existing one.
            p.PsUp("-Scale @{ web = 3 }").AssertNoErrors();
            Assert.Equal(new[] { 1, 2, 3 }.Select(n => $"{p.Name}-web-{n}"), p.ContainerIds().Keys.OrderBy(k => k));
        }

        [EngineFact]
        public void AnonymousVolume_SurvivesForceRecreate_AndIsRenewedWithRenewAnonVolumes()
        {
            using var p = new UpProject();
            WriteWeb(p, "    volumes: [\"/anon\"]\n");
            string web = $"{p.Name}-web-1";
            p.PsUp().AssertNoErrors();
            string firstId = p.ContainerIds()[web];
            string firstVolume = AnonVolume(web);
            UpProject.Exec(web, "sh", "-c", "echo kept > /anon/file");

            p.PsUp("-ForceRecreate").AssertNoErrors();
            Assert.NotEqual(firstId, p.ContainerIds()[web]);
            Assert.Equal(firstVolume, AnonVolume(web));
            Assert.Equal("kept\n", UpProject.Exec(web, "cat", "/anon/file"));
            string ourReplaceLabel = UpProject.Label(web, "com.docker.compose.replace");

            // The reference inherits the same way: its recreate keeps our anonymous volume.
            p.Compose("up", "-d", "--force-recreate").Check();
            Assert.Equal(firstVolume, AnonVolume(web));
            Assert.Equal(UpProject.Label(web, "com.docker.compose.replace"), ourReplaceLabel);

            p.PsUp("-ForceRecreate -RenewAnonVolumes").AssertNoErrors();
            Assert.NotEqual(firstVolume, AnonVolume(web));
            Assert.Equal("", Docker.Run("exec", web, "sh", "-c", "ls /anon").Check().Stdout);
            Assert.Empty(p.ContainerIds().Keys.Where(n => n != web));
        }

        private static string AnonVolume(string container) =>
            UpProject.Inspect(container).GetProperty("Mounts").EnumerateArray()
                .Single(m => m.GetProperty("Destination").GetString() == "/anon").GetProperty("Name").GetString();
    }
}
