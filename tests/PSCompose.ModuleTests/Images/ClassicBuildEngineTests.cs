using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.ModuleTests.Up;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Images
{
    /// <summary>What the classic builder (the only one PSCompose has) refuses, and what a failed build leaves behind.</summary>
    public class ClassicBuildEngineTests
    {
        private static RunResult Build(UpProject p, string command = "New-ComposeImage") =>
            PowerShellRunner.Run($"{command} -Path $dir -ProjectName $p",
                new Dictionary<string, object> { ["dir"] = p.Directory, ["p"] = p.Name });

        [EngineFact]
        public void BuildKitOnlyKeys_AreRefusedNamingServiceAndKey_LikeComposesClassicBuilder()
        {
            var cases = new (string Key, string Yaml, string Phrase)[]
            {
                ("secrets", "secrets: [s]", "secrets"),
                ("ssh", "ssh: [default]", "SSH keys"),
                ("additional_contexts", "additional_contexts: {extra: .}", "additional contexts"),
                ("platforms", "platforms: [linux/amd64, linux/arm64]", "multi-arch build"),
                ("privileged", "privileged: true", "privileged mode"),
            };
            foreach (var c in cases)
            {
                using var p = new UpProject("images-classic");
                p.Write("Dockerfile", "FROM " + UpProject.Busybox + "\n").Write("s.txt", "secret\n");
                p.WriteCompose("services:\n  svc:\n    build:\n      context: .\n      " + c.Yaml + "\n" +
                    "secrets:\n  s:\n    file: ./s.txt\n");
                Docker.Result reference = Docker.RunIn(p.Directory, new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "0" },
                    "compose", "-p", p.Name, "build");
                Assert.NotEqual(0, reference.ExitCode);
                Assert.Contains("the classic builder doesn't support " + c.Phrase, reference.Stderr + reference.Stdout);

                foreach (string command in new[] { "New-ComposeImage", "Invoke-ComposeUp" })
                {
                    RunResult r = Build(p, command);
                    ErrorRecord e = command == "New-ComposeImage" ? Assert.Single(r.Errors)
                        : Assert.Single(r.Errors, x => x.FullyQualifiedErrorId.StartsWith("ComposeBuildUnsupported,"));
                    Assert.StartsWith("ComposeBuildUnsupported,", e.FullyQualifiedErrorId);
                    Assert.Equal(ErrorCategory.NotImplemented, e.CategoryInfo.Category);
                    Assert.Equal("svc", e.TargetObject);
                    Assert.Contains("the classic builder doesn't support " + c.Phrase, e.Exception.Message);
                    Assert.Contains("build." + c.Key, e.Exception.Message);
                    Assert.Equal(1, Docker.Run("image", "inspect", p.Name + "-svc").ExitCode);
                }
            }
        }

        [EngineFact]
        public void SinglePlatformInPlatforms_Builds()
        {
            using var p = new UpProject("images-classic");
            p.Write("Dockerfile", "FROM " + UpProject.Busybox + "\n");
            string platform = Docker.Run("version", "--format", "{{.Server.Os}}/{{.Server.Arch}}").Check().Stdout.Trim();
            p.WriteCompose($"services:\n  svc:\n    build:\n      context: .\n      platforms: [{platform}]\n");
            Build(p).AssertNoErrors();
            Assert.Equal(0, Docker.Run("image", "inspect", p.Name + "-svc").ExitCode);
        }

        [EngineFact]
        public void FailingRunStep_LeavesNoIntermediateContainer()
        {
            using var p = new UpProject("images-classic");
            string marker = "psc-failed-build-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            p.Write("Dockerfile", "FROM " + UpProject.Busybox + "\nRUN echo " + marker + " && exit 3\n");
            p.WriteCompose("services:\n  svc:\n    build: .\n");
            foreach (string command in new[] { "New-ComposeImage", "Invoke-ComposeUp" })
            {
                RunResult r = Build(p, command);
                Assert.Contains(r.Errors, e => e.Exception.Message.Contains("exit"));
                string left = Docker.Run("ps", "-a", "--no-trunc", "--format", "{{.ID}} {{.Command}}").Check().Stdout;
                List<string> leftovers = left.Split('\n').Where(l => l.Contains(marker)).ToList();
                foreach (string l in leftovers) Docker.Run("rm", "-f", l.Split(' ')[0]);
                Assert.True(leftovers.Count == 0, command + " left intermediate containers: " + string.Join("; ", leftovers));
            }
        }
    }
}
