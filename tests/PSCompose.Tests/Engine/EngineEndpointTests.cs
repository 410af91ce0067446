using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using PSCompose.Engine;
using Xunit;

namespace PSCompose.Tests.Engine
{
    public class EngineEndpointTests
    {
        private static Func<string, string> Env(Dictionary<string, string> vars) => k => vars.TryGetValue(k, out string v) ? v : null;

        [Fact]
        public void Default_IsTheUnixSocketOrTheNamedPipe()
        {
            Assert.Equal("unix:///var/run/docker.sock", EngineEndpoint.Resolve(Env(new() { ["HOME"] = "/nonexistent" }), false).Uri.OriginalString);
            Assert.Equal("npipe://./pipe/docker_engine", EngineEndpoint.Resolve(Env(new() { ["USERPROFILE"] = "C:\\nowhere" }), true).Uri.OriginalString);
        }

        [Fact]
        public void DockerHost_WinsOverContexts()
        {
            var e = EngineEndpoint.Resolve(Env(new() { ["DOCKER_HOST"] = "tcp://127.0.0.1:2375", ["DOCKER_CONTEXT"] = "other" }), false);
            Assert.Equal("tcp://127.0.0.1:2375/", e.Uri.ToString());
            Assert.Equal("DOCKER_HOST", e.Source);
            Assert.False(e.UsesTls);
        }

        [Fact]
        public void CanonicalNpipeSpelling_IsNormalised()
        {
            Assert.Equal("npipe://./pipe/docker_engine", EngineEndpoint.ParseHost("npipe:////./pipe/docker_engine").OriginalString);
        }

        [Fact]
        public void Ssh_IsAClearError()
        {
            var e = Assert.Throws<EngineEndpointException>(() => EngineEndpoint.ParseHost("ssh://user@host"));
            Assert.Contains("ssh://", e.Message);
            Assert.Contains("DOCKER_HOST=unix://", e.Message);
        }

        [Fact]
        public void UnknownScheme_IsRejected()
        {
            Assert.Throws<EngineEndpointException>(() => EngineEndpoint.ParseHost("ftp://x"));
        }

        [Fact]
        public void TlsVerify_TakesCertPathOrTheConfigDirectory()
        {
            var withPath = EngineEndpoint.Resolve(Env(new() { ["DOCKER_HOST"] = "tcp://h:2376", ["DOCKER_TLS_VERIFY"] = "1", ["DOCKER_CERT_PATH"] = "/certs" }), false);
            Assert.Equal("/certs", withPath.TlsCertPath);
            Assert.True(withPath.TlsVerify);
            var withoutPath = EngineEndpoint.Resolve(Env(new() { ["DOCKER_HOST"] = "tcp://h:2376", ["DOCKER_TLS_VERIFY"] = "1", ["HOME"] = "/home/u" }), false);
            Assert.Equal(Path.Combine("/home/u", ".docker"), withoutPath.TlsCertPath);
        }

        [Fact]
        public void Context_IsReadFromItsMetaFile()
        {
            string config = Path.Combine(Path.GetTempPath(), "psc-ctx-" + Guid.NewGuid().ToString("N"));
            string digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("remote"))).ToLowerInvariant();
            Directory.CreateDirectory(Path.Combine(config, "contexts", "meta", digest));
            File.WriteAllText(Path.Combine(config, "contexts", "meta", digest, "meta.json"),
                "{\"Name\":\"remote\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\"unix:///run/remote.sock\",\"SkipTLSVerify\":false}}}");
            File.WriteAllText(Path.Combine(config, "config.json"), "{\"currentContext\": \"remote\"}");
            try
            {
                var fromConfig = EngineEndpoint.Resolve(Env(new() { ["DOCKER_CONFIG"] = config }), false);
                Assert.Equal("unix:///run/remote.sock", fromConfig.Uri.OriginalString);
                Assert.Equal("context remote", fromConfig.Source);
                var missing = Assert.Throws<EngineEndpointException>(() => EngineEndpoint.Resolve(Env(new() { ["DOCKER_CONFIG"] = config, ["DOCKER_CONTEXT"] = "nope" }), false));
                Assert.Contains("'nope'", missing.Message);
                Assert.Equal("unix:///var/run/docker.sock", EngineEndpoint.Resolve(Env(new() { ["DOCKER_CONFIG"] = config, ["DOCKER_CONTEXT"] = "default" }), false).Uri.OriginalString);
            }
            finally { Directory.Delete(config, true); }
        }
    }
}
