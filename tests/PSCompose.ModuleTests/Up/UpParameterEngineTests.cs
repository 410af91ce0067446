using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Up
{
    /// <summary>-Scale and -WaitTimeout checked against what docker compose up does with --scale and --wait-timeout.</summary>
    public class UpParameterEngineTests
    {
        private static UpProject Web(string extra = "")
        {
            var p = new UpProject("psc-cmdlets");
            p.WriteCompose("services:\n  web:\n    image: " + UpProject.Busybox + "\n    command: " + UpProject.Sleeper + "\n" + extra);
            return p;
        }

        [EngineFact]
        public void ScaleOfAnUnknownService_IsAnError_LikeCompose()
        {
            using var p = Web();
            Docker.Result reference = p.Compose("up", "-d", "--dry-run", "--scale", "nosuch=2");
            Assert.Contains("no such service: nosuch", reference.Stderr + reference.Stdout);

            RunResult r = p.PsUp("-Scale @{ nosuch = 2 }");
            ErrorRecord error = Assert.Single(r.Errors);
            Assert.Equal("ComposeServiceNotFound,PSCompose.Cmdlets.InvokeComposeUpCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("nosuch", error.TargetObject);
            Assert.Empty(p.ContainerIds());
        }

        [EngineFact]
        public void ScaleOutOfBounds_FailsAtOnce_EvenWithWhatIf()
        {
            using var p = Web();
            foreach (string value in new[] { "[int]::MaxValue", "-1", "10001", "'many'" })
            {
                // Before the bound, [int]::MaxValue planned 2^31 operations and never returned.
                Task<RunResult> run = Task.Run(() => p.PsUp($"-Scale @{{ web = {value} }} -WhatIf"));
                Assert.True(run.Wait(TimeSpan.FromSeconds(60)), $"-Scale web={value} -WhatIf did not return");
                ErrorRecord error = Assert.Single(run.Result.Errors);
                Assert.Equal("ScaleInvalid,PSCompose.Cmdlets.InvokeComposeUpCommand", error.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
                Assert.Equal("web", error.TargetObject);
            }
            p.PsUp("-Scale @{ web = 0 }").AssertNoErrors();
            Assert.Empty(p.ContainerIds());
        }

        [EngineFact]
        public void FileScaleAboveTheBound_IsAFileError_NamingTheKey()
        {
            using var p = Web("    scale: 10001\n");
            RunResult r = p.PsUp("-WhatIf");
            ErrorRecord error = Assert.Single(r.Errors);
            Assert.StartsWith("ComposeScaleInvalid,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Contains("services.web.scale", error.ToString());
            Assert.Empty(p.ContainerIds());
        }

        [EngineFact]
        public void WaitTimeoutZero_MeansNoLimit_AsWaitTimeoutZeroDoesForCompose()
        {
            // Healthy only after about 3 s: a zero timeout read as "do not wait" fails at once.
            using var p = Web("    healthcheck: {test: [\"CMD\", \"test\", \"-f\", \"/tmp/ok\"], interval: 1s, start_period: 0s}\n");
            p.WriteCompose(System.IO.File.ReadAllText(p.ComposeFile).Replace(UpProject.Sleeper,
                "[\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 3; touch /tmp/ok; sleep 600 & wait\"]"));
            p.Compose("up", "-d", "--wait", "--wait-timeout", "0").Check();
            p.Compose("down", "-t", "0").Check();

            p.PsUp("-Wait -WaitTimeout 0").AssertNoErrors();
            Assert.Equal("healthy", UpProject.Inspect($"{p.Name}-web-1").GetProperty("State").GetProperty("Health").GetProperty("Status").GetString());
        }
    }
}
