using System;
using System.Linq;
using System.Text.RegularExpressions;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.FrontDoor
{
    /// <summary>`docker compose volumes` through Invoke-Compose (Get-ComposeVolume): the same volumes and text as Compose prints.</summary>
    public class VolumesFrontDoorEngineTests
    {
        [EngineFact]
        public void Volumes_PrintComposesTableJsonAndNames()
        {
            using FrontDoorProject p = FrontDoorProject.Empty(
                $"services:\n  web:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n    volumes: [\"data:/data\", \"/anon\"]\n" +
                $"  db:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n    volumes: [\"other:/o\"]\n" +
                "volumes:\n  data: {}\n  other: {labels: {a: b}}\n");
            try
            {
                p.Compose("up", "-d").Check();
                foreach (string line in new[] { "volumes", "volumes web", "volumes db web", "volumes --format json", "volumes -q", "volumes --format table db" })
                {
                    var reference = Sorted(FrontDoorProject.Lines(p.Compose(line.Split(' ')).Check().Stdout));
                    FrontResult ours = p.Front(line);
                    Assert.Empty(ours.Run.Errors);
                    Assert.Equal(0, ours.ExitCode);
                    Assert.Equal(reference, Sorted(ours.Lines));
                    Assert.Contains(p.Name + "_", string.Join("\n", reference));
                }
            }
            finally
            {
                p.Compose("down", "-v");
            }
        }

        /// <summary>Compose prints the engine's volumes and their labels in no fixed order: the header first, then the rest sorted.</summary>
        private static string[] Sorted(System.Collections.Generic.List<string> lines)
        {
            string sortedLabels(string line) => Regex.Replace(line, "\"Labels\":\"([^\"]*)\"",
                m => "\"Labels\":\"" + string.Join(",", m.Groups[1].Value.Split(',').OrderBy(l => l, StringComparer.Ordinal)) + "\"");
            var rows = lines.Select(sortedLabels).ToList();
            bool header = rows.Count > 0 && rows[0].StartsWith("DRIVER", StringComparison.Ordinal);
            return (header ? rows.Take(1) : Enumerable.Empty<string>()).Concat(rows.Skip(header ? 1 : 0).OrderBy(l => l, StringComparer.Ordinal)).ToArray();
        }
    }
}
