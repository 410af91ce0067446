using System.Linq;
using System.Management.Automation;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Lifecycle
{
    /// <summary>The parameter contract of the lifecycle cmdlets, read from Get-Command (no engine needed).</summary>
    public class LifecycleCmdletShapeTests
    {
        public static readonly TheoryData<string> Mutating = new TheoryData<string>
        {
            "Invoke-ComposeDown", "Start-ComposeService", "Stop-ComposeService", "Restart-ComposeService",
            "Suspend-ComposeService", "Resume-ComposeService", "Remove-ComposeService",
        };

        [Theory]
        [MemberData(nameof(Mutating))]
        public void MutatingCmdlets_SupportWhatIfAndConfirm_AndBindNamesFromThePipeline(string command)
        {
            CommandInfo info = Command(command);
            Assert.Contains("WhatIf", info.Parameters.Keys);
            Assert.Contains("Confirm", info.Parameters.Keys);

            ParameterMetadata name = info.Parameters["Name"];
            Assert.Contains("Service", name.Aliases);
            Assert.All(name.ParameterSets.Values, set => Assert.True(set.ValueFromPipelineByPropertyName));
            Assert.All(info.Parameters["ProjectName"].ParameterSets.Values, set => Assert.True(set.ValueFromPipelineByPropertyName));
            // Strings, containers and projects come in by value and are told apart by type (PipelineBindingEngineTests).
            Assert.All(info.Parameters["InputObject"].ParameterSets.Values, set => Assert.True(set.ValueFromPipeline));
        }

        [Fact]
        public void StopComposeService_KillAndTimeoutAreSeparateParameterSets()
        {
            CommandInfo info = Command("Stop-ComposeService");
            Assert.Equal(new[] { "Stop" }, info.Parameters["Timeout"].ParameterSets.Keys);
            Assert.Equal(new[] { "Kill" }, info.Parameters["Signal"].ParameterSets.Keys);
            RunResult r = PowerShellRunner.Run("Stop-ComposeService -ProjectName x -Kill -Timeout 3");
            Assert.Equal("AmbiguousParameterSet,PSCompose.Cmdlets.StopComposeServiceCommand", Assert.Single(r.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void GetCmdlets_DoNotChangeAnything()
        {
            foreach (string command in new[] { "Get-ComposeService", "Get-ComposeContainer" })
                Assert.DoesNotContain("WhatIf", Command(command).Parameters.Keys);
            ParameterMetadata status = Command("Get-ComposeContainer").Parameters["Status"];
            ValidateSetAttribute set = status.Attributes.OfType<ValidateSetAttribute>().Single();
            // docker compose ps --status values.
            Assert.Equal(new[] { "created", "dead", "exited", "paused", "removing", "restarting", "running" }, set.ValidValues.OrderBy(v => v));
        }

        private static CommandInfo Command(string name) =>
            (CommandInfo)PowerShellRunner.Run("Get-Command $n", new() { ["n"] = name }).AssertNoErrors().Output.Single().BaseObject;
    }
}
