using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation.Runspaces;
using System.Text.Json;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Conformance
{
    /// <summary>The reference and ours see the same variables and directory, so a conformance difference cannot come from them.</summary>
    public class ConformanceEnvironmentEngineTests
    {
        private const string HostOnly = "PSC_SPECS_HOST_ONLY";

        [EngineFact]
        public void BothSides_SeeOnlyTheCaseEnvironment_InTheCaseDirectory()
        {
            string dir = Path.Combine(Path.GetTempPath(), "psc-specs-env-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "case.json"), "{\"env\": {\"CASE_VAR\": \"from-case\"}}");
            File.WriteAllText(Path.Combine(dir, "compose.yaml"),
                "services:\n  a:\n    image: pscompose/busybox:latest\n    environment:\n" +
                "      HOST_ONLY: ${" + HostOnly + ":-unset}\n" +
                "      PWD_SEEN: ${PWD:-unset}\n" +
                "      CASE_SEEN: ${CASE_VAR:-unset}\n" +
                "      HOME_SEEN: ${HOME:-unset}\n");
            Environment.SetEnvironmentVariable(HostOnly, "leaked");
            try
            {
                ConformanceCase c = ConformanceCase.Load(dir);
                ReferenceCompose.Result reference = ReferenceCompose.Run(c, "config", "--format", "json");
                Assert.True(reference.Ok, reference.Stderr);
                RunResult mine;
                using (Runspace runspace = PowerShellRunner.OpenRunspace())
                    mine = new OurCompose(runspace).Run(c, new Dictionary<string, object> { ["Format"] = "Json" });
                mine.AssertNoErrors();

                Dictionary<string, string> theirs = ServiceEnvironment(reference.Stdout), ours = ServiceEnvironment(OurCompose.Text(mine));
                Assert.Equal(new Dictionary<string, string>
                {
                    ["HOST_ONLY"] = "unset",
                    ["PWD_SEEN"] = dir, // docker compose sets PWD to the working directory when it is not set
                    ["CASE_SEEN"] = "from-case",
                    ["HOME_SEEN"] = Environment.GetEnvironmentVariable("HOME") ?? "unset",
                }, theirs);
                Assert.Equal(theirs, ours);
                Assert.Equal("leaked", Environment.GetEnvironmentVariable(HostOnly)); // restored after the call
            }
            finally
            {
                Environment.SetEnvironmentVariable(HostOnly, null);
                Directory.Delete(dir, true);
            }
        }

        private static Dictionary<string, string> ServiceEnvironment(string json)
        {
            var env = new Dictionary<string, string>();
            using JsonDocument doc = JsonDocument.Parse(json);
            foreach (JsonProperty p in doc.RootElement.GetProperty("services").GetProperty("a").GetProperty("environment").EnumerateObject())
                env[p.Name] = p.Value.GetString();
            return env;
        }
    }
}
