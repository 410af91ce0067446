using System;
using System.IO;
using System.Text;
using Docker.DotNet.Models;
using PSCompose.Engine;
using Xunit;

namespace PSCompose.Tests.Engine
{
    public class RegistryCredentialsTests : IDisposable
    {
        private readonly string dir = Path.Combine(Path.GetTempPath(), "psc-dockercfg-" + Guid.NewGuid().ToString("N"));

        public RegistryCredentialsTests()
        {
            Directory.CreateDirectory(dir);
        }

        public void Dispose()
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }

        private static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));

        [Fact]
        public void InlineAuths_AreDecoded_ByRegistryHost_AndDockerHubKey()
        {
            File.WriteAllText(Path.Combine(dir, "config.json"), "{\"auths\":{" +
                "\"https://index.docker.io/v1/\":{\"auth\":\"" + B64("hubuser:hub:pass") + "\"}," +
                "\"127.0.0.1:5000\":{\"auth\":\"" + B64("local:secret") + "\"}," +
                "\"https://ghcr.io\":{\"identitytoken\":\"tok\"}}}");

            AuthConfig hub = RegistryCredentials.For("docker.io", dir);
            Assert.Equal("hubuser", hub.Username);
            Assert.Equal("hub:pass", hub.Password);
            Assert.Equal("https://index.docker.io/v1/", hub.ServerAddress);

            AuthConfig local = RegistryCredentials.For("127.0.0.1:5000", dir);
            Assert.Equal("local", local.Username);
            Assert.Equal("secret", local.Password);

            Assert.Equal("tok", RegistryCredentials.For("ghcr.io", dir).IdentityToken);
            Assert.Null(RegistryCredentials.For("quay.io", dir));
            Assert.Equal(3, RegistryCredentials.All(dir).Count);
        }

        [Fact]
        public void MissingHelper_FallsBackToInlineAuths_AndNoConfigMeansAnonymous()
        {
            File.WriteAllText(Path.Combine(dir, "config.json"), "{\"credsStore\":\"psc-no-such-helper\",\"auths\":{\"r.example\":{\"auth\":\"" + B64("u:p") + "\"}}}");
            Assert.Equal("u", RegistryCredentials.For("r.example", dir).Username);
            Assert.Null(RegistryCredentials.For("r.example", Path.Combine(dir, "nowhere")));
        }
    }
}
