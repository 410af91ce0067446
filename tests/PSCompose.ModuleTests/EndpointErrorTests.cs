using System;
using System.Management.Automation;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests
{
    /// <summary>Endpoint failures need no engine: they are reported before one is reached.</summary>
    public class EndpointErrorTests
    {
        [Fact]
        public void UnreachableEngine_IsAnEngineUnavailableErrorNamingTheEndpoint()
        {
            string socket = "unix:///tmp/psc-no-such-engine-" + Guid.NewGuid().ToString("N") + ".sock";
            RunResult r = PowerShellRunner.Run("$env:DOCKER_HOST = $h; try { Get-ComposeVersion } finally { $env:DOCKER_HOST = $null }",
                new() { ["h"] = socket });
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.Equal("EngineUnavailable,PSCompose.Cmdlets.GetComposeVersionCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, e.CategoryInfo.Category);
            Assert.Contains(socket, e.Exception.Message);
            Assert.Empty(r.Output);
        }

        [Fact]
        public void SshEndpoint_IsRejectedWithAClearError()
        {
            RunResult r = PowerShellRunner.Run("$env:DOCKER_HOST = 'ssh://me@example.invalid'; try { Get-ComposeVersion } finally { $env:DOCKER_HOST = $null }");
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.Equal("EngineEndpointInvalid,PSCompose.Cmdlets.GetComposeVersionCommand", e.FullyQualifiedErrorId);
            Assert.Contains("ssh://", e.Exception.Message);
        }
    }
}
