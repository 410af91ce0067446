using System;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Endpoint
{
    /// <summary>
    /// Endpoint failures need no engine: they are reported before one is reached. The endpoints are a missing
    /// socket, a file that is not a socket, a listener that never answers and an HTTP server that is not Docker.
    /// </summary>
    public class EndpointErrorTests
    {
        private static RunResult WithDockerHost(string host, string script, string dir = null) =>
            PowerShellRunner.Run("$env:DOCKER_HOST = $h; try { " + script + " } finally { $env:DOCKER_HOST = $null }",
                new() { ["h"] = host, ["d"] = dir });

        [Fact]
        public void MissingSocket_IsAnEngineUnavailableErrorWithTheErrnoTextAndThePath()
        {
            string path = "/tmp/psc-no-such-engine-" + Guid.NewGuid().ToString("N") + ".sock";
            RunResult r = WithDockerHost("unix://" + path, "Get-ComposeProject");
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.Equal("EngineUnavailable,PSCompose.Cmdlets.GetComposeProjectCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, e.CategoryInfo.Category);
            Assert.Contains("unix://" + path, e.Exception.Message);
            // connect(2) fails with ENOENT; .NET's own text for it would be "Cannot assign requested address".
            Assert.Contains(path + ": No such file or directory", e.Exception.Message);
            Assert.Empty(r.Output);
        }

        [Fact]
        public void SocketPathThatIsAPlainFile_SaysConnectionRefused()
        {
            string path = Path.Combine(Path.GetTempPath(), "psc-not-a-socket-" + Guid.NewGuid().ToString("N"));
            File.WriteAllText(path, "");
            try
            {
                RunResult r = WithDockerHost("unix://" + path, "Get-ComposeProject");
                ErrorRecord e = Assert.Single(r.Errors);
                Assert.Equal("EngineUnavailable,PSCompose.Cmdlets.GetComposeProjectCommand", e.FullyQualifiedErrorId);
                Assert.Contains(path + ": Connection refused", e.Exception.Message);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void EndpointThatNeverAnswers_IsAnEngineTimeoutWithinTheConnectTimeout()
        {
            using var silent = new SilentEndpoint();
            var clock = Stopwatch.StartNew();
            RunResult r = WithDockerHost(silent.Host, "Get-ComposeProject");
            clock.Stop();
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.Equal("EngineTimeout,PSCompose.Cmdlets.GetComposeProjectCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, e.CategoryInfo.Category);
            Assert.Equal("PSCompose.Engine.EngineUnavailableException", e.Exception.GetType().FullName);
            Assert.Contains(silent.Host, e.Exception.Message);
            Assert.Contains("timeout", e.Exception.Message);
            Assert.Equal(silent.Host, e.TargetObject);
            // The documented connect timeout is 10 s; before, this waited for the 100 s request timeout.
            Assert.InRange(clock.Elapsed.TotalSeconds, 9, 30);
        }

        [Fact]
        public void PlainHttpServer_IsNotADockerEngine_NotAnObjectNotFound()
        {
            using var http = new NotFoundHttpEndpoint();
            string dir = Path.Combine(Path.GetTempPath(), "psc-endpoint-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "compose.yaml"), "services:\n  web:\n    image: pscompose/busybox\n");
            try
            {
                RunResult r = WithDockerHost(http.Host, "Invoke-ComposeUp -Path $d", dir);
                ErrorRecord e = Assert.Single(r.Errors);
                Assert.Equal("EngineNotDockerApi,PSCompose.Cmdlets.InvokeComposeUpCommand", e.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.ConnectionError, e.CategoryInfo.Category);
                Assert.Contains(http.Host + " is not a Docker engine API", e.Exception.Message);
                Assert.Contains("404", e.Exception.Message);
                Assert.True(http.Requests > 0);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void GetComposeVersion_WithTheEngineDown_ShowsTheModuleVersionsAndWarns()
        {
            string host = "unix:///tmp/psc-no-such-engine-" + Guid.NewGuid().ToString("N") + ".sock";
            RunResult r = WithDockerHost(host, "Get-ComposeVersion");
            Assert.Empty(r.Errors);
            PSObject v = Assert.Single(r.Output);
            Assert.Equal("2.40.3", v.Properties["ComposeVersion"].Value);
            Assert.Matches(@"^\d+\.\d+\.\d+$", (string)v.Properties["ModuleVersion"].Value);
            Assert.Equal(host, v.Properties["Endpoint"].Value);
            Assert.Equal("DOCKER_HOST", v.Properties["EndpointSource"].Value);
            Assert.Null(v.Properties["EngineVersion"].Value);
            Assert.Null(v.Properties["ApiVersion"].Value);
            WarningRecord w = Assert.Single(r.Warnings);
            Assert.Contains("Cannot connect to the Docker engine at " + host, w.Message);
        }

        [Fact]
        public void SshEndpoint_IsRejectedWithAClearError()
        {
            RunResult r = WithDockerHost("ssh://me@example.invalid", "Get-ComposeVersion");
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.Equal("EngineEndpointInvalid,PSCompose.Cmdlets.GetComposeVersionCommand", e.FullyQualifiedErrorId);
            Assert.Contains("ssh://", e.Exception.Message);
        }
    }
}
