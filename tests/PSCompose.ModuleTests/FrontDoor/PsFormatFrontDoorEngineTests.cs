using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.FrontDoor
{
    /// <summary>`ps --format json` and Go templates of its fields: the same text as `docker compose` on the same project.</summary>
    public class PsFormatFrontDoorEngineTests
    {
        private static string Yaml =>
            $"services:\n  web:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n" +
            "    ports: [\"127.0.0.1::80\"]\n    volumes: [\"data:/data\"]\n    labels: {x.y: z}\n" +
            "    healthcheck: {test: [\"CMD\", \"true\"], interval: 1s}\n" +
            $"  job:\n    image: {LifecycleProject.Busybox}\n    command: [\"sh\", \"-c\", \"exit 3\"]\n" +
            "volumes:\n  data: {}\n";

        [EngineFact]
        public void PsFormatJsonAndTemplates_PrintComposesText()
        {
            using FrontDoorProject p = FrontDoorProject.Empty(Yaml);
            try
            {
                p.Compose("up", "-d").Check();
                string[] lines =
                {
                    "ps --format json", "ps -a --format json", "ps -a --format '{{.Name}}\\t{{.Service}}\\t{{.State}}\\t{{.ID}}'",
                    "ps -a --format 'table {{.Name}}\\t{{.Service}}\\t{{.ExitCode}}\\t{{.Mounts}}\\t{{.Health}}\\t{{.Labels}}'",
                    "ps -a --no-trunc --format '{{json .ID}} {{.Command}} {{.Publishers}} {{json .Publishers}}\\n{{.LocalVolumes}}'",
                    "ps --format 'table {{.Name}}' job",
                };
                foreach (string line in lines)
                {
                    string[] words = ShellWords(line);
                    FrontDoorProject.AssertSameText(
                        () => FrontDoorProject.Lines(p.Compose(words).Check().Stdout).Select(SortedLabels).ToList(),
                        () =>
                        {
                            FrontResult ours = p.Front(line);
                            Assert.Empty(ours.Run.Errors);
                            Assert.Equal(0, ours.ExitCode);
                            return ours.Lines.Select(SortedLabels).ToList();
                        });
                }
            }
            finally
            {
                p.Compose("down", "-v");
            }
        }

        [EngineFact]
        public void PsFormatWithAnUnknownField_FailsAsComposeDoes()
        {
            using FrontDoorProject p = FrontDoorProject.Empty(Yaml);
            try
            {
                p.Compose("up", "-d").Check();
                Docker.Result compose = p.Compose("ps", "--format", "{{.Bogus}}");
                FrontResult ours = p.Front("ps --format '{{.Bogus}}'");
                ErrorRecord error = Assert.Single(ours.Run.Errors);
                Assert.Equal(FrontDoorProject.Lines(compose.Stderr).Last(), error.Exception.Message);
                Assert.Equal("FrontDoorInvalidArgument,Invoke-Compose", error.FullyQualifiedErrorId);
                Assert.Equal(compose.ExitCode, ours.ExitCode);
                Assert.Empty(ours.Lines);
            }
            finally
            {
                p.Compose("down", "-v");
            }
        }

        /// <summary>Compose prints a container's labels in Go's random map order: compare them as a set.</summary>
        private static string SortedLabels(string line)
        {
            string sorted(string labels) => string.Join(",", labels.Split(',').OrderBy(l => l, StringComparer.Ordinal));
            line = Regex.Replace(line, "\"Labels\":\"([^\"]*)\"", m => "\"Labels\":\"" + sorted(m.Groups[1].Value) + "\"");
            // The table's LABELS column is the last one.
            return Regex.Replace(line, @"(\S*com\.docker\.compose\.\S*)$", m => sorted(m.Groups[1].Value));
        }

        private static string[] ShellWords(string line) =>
            Regex.Matches(line, "'([^']*)'|(\\S+)").Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToArray();
    }
}
