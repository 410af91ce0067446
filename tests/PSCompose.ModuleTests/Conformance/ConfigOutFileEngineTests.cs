using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Conformance
{
    /// <summary>-OutFile against `docker compose config -o`: the same bytes, relative to the current location, written whole.</summary>
    public class ConfigOutFileEngineTests
    {
        private const string Base = "services:\n  web:\n    image: pscompose/busybox:latest\n    environment:\n      GREETING: ${GREETING:-hello}\n";
        private const string Override = "services:\n  web:\n    ports: [\"8080:80\"]\n    environment:\n      LEVEL: debug\n";

        [EngineFact]
        public void OutFile_WritesTheBytesDockerComposeWrites()
        {
            foreach (var (ourFormat, referenceFormat) in new[] { ("Yaml", "yaml"), ("Json", "json") })
                WritesTheBytesDockerComposeWrites(ourFormat, referenceFormat);
        }

        private static void WritesTheBytesDockerComposeWrites(string ourFormat, string referenceFormat)
        {
            using (var project = new TempProject())
            {
                project.Write("compose.yaml", Base);
                project.Write("compose.override.yaml", Override);
                ConformanceCase c = ConformanceCase.Load(project.Directory);
                string referenceFile = Path.Combine(project.Directory, "reference.out");
                ReferenceCompose.Result reference = ReferenceCompose.Run(c, "config", "--format", referenceFormat, "-o", referenceFile);
                Assert.True(reference.Ok, reference.Stderr);
                string ours = project.Write(Path.Combine("out", "combined.txt"), "an older, longer file that must be replaced whole\n" + new string('x', 4000));

                RunResult mine = Run(c, P(("Format", ourFormat), ("OutFile", Path.Combine("out", "combined.txt"))));

                mine.AssertNoErrors();
                Assert.Empty(mine.Output);
                Assert.Equal(File.ReadAllBytes(referenceFile), File.ReadAllBytes(ours));
                Assert.Equal(new[] { "combined.txt" }, Directory.GetFiles(Path.GetDirectoryName(ours)).Select(Path.GetFileName));
            }
        }

        [EngineFact]
        public void OutFile_DefaultsToYaml_AndWhatIfWritesNothing()
        {
            using (var project = new TempProject())
            {
                project.Write("compose.yaml", "services:\n  web:\n    image: pscompose/busybox:latest\n");
                ConformanceCase c = ConformanceCase.Load(project.Directory);
                string referenceFile = Path.Combine(project.Directory, "reference.yaml");
                Assert.True(ReferenceCompose.Run(c, "config", "-o", referenceFile).Ok);

                Run(c, P(("OutFile", "ours.yaml"), ("WhatIf", true))).AssertNoErrors();
                Assert.False(File.Exists(Path.Combine(project.Directory, "ours.yaml")));

                Run(c, P(("OutFile", "ours.yaml"))).AssertNoErrors();
                Assert.Equal(File.ReadAllBytes(referenceFile), File.ReadAllBytes(Path.Combine(project.Directory, "ours.yaml")));
            }
        }

        [EngineFact]
        public void OutFile_InAMissingFolder_IsAWriteErrorThatLeavesNothing()
        {
            using (var project = new TempProject())
            {
                project.Write("compose.yaml", "services:\n  web:\n    image: pscompose/busybox:latest\n");
                ConformanceCase c = ConformanceCase.Load(project.Directory);
                string target = Path.Combine(project.Directory, "missing", "out.yaml");

                RunResult mine = Run(c, P(("OutFile", Path.Combine("missing", "out.yaml"))));

                ErrorRecord error = Assert.Single(mine.Errors);
                Assert.StartsWith("ComposeConfigOutFileFailed,", error.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.WriteError, error.CategoryInfo.Category);
                Assert.Equal(target, error.TargetObject);
                Assert.False(Directory.Exists(Path.GetDirectoryName(target)));
            }
        }

        [EngineFact]
        public void OutFile_IsLeftAsItWas_WhenTheProjectDoesNotLoad()
        {
            using (var project = new TempProject())
            {
                project.Write("compose.yaml", "services:\n  web:\n    image: ${MISSING:?must be set}\n");
                string existing = project.Write("out.yaml", "previous content\n");
                ConformanceCase c = ConformanceCase.Load(project.Directory);

                RunResult mine = Run(c, P(("OutFile", "out.yaml")));

                Assert.StartsWith("ComposeVariableRequired,", Assert.Single(mine.Errors).FullyQualifiedErrorId);
                Assert.Equal("previous content\n", File.ReadAllText(existing));
                Assert.Equal(new[] { "case.json", "compose.yaml", "out.yaml" }, Directory.GetFiles(project.Directory).Select(Path.GetFileName).OrderBy(n => n));
            }
        }

        private static RunResult Run(ConformanceCase c, Dictionary<string, object> parameters)
        {
            using (Runspace runspace = PowerShellRunner.OpenRunspace())
                return new OurCompose(runspace).Run(c, parameters);
        }

        private static Dictionary<string, object> P(params (string Name, object Value)[] parameters) =>
            parameters.ToDictionary(p => p.Name, p => p.Value);
    }
}
