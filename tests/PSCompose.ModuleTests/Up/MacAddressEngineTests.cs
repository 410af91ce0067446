using System.Linq;
using System.Text.Json;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Up
{
    /// <summary>mac_address on an engine older than API 1.44 (the CI engine speaks 1.41).</summary>
    public class MacAddressEngineTests
    {
        [EngineFact]
        public void MacAddress_OnApiBefore144_IsSetThroughTheLegacyField_LikeCompose()
        {
            string api = Docker.Run("version", "--format", "{{.Server.APIVersion}}").Check().Stdout.Trim();
            Assert.True(System.Version.Parse(api) < new System.Version(1, 44), "this test needs an engine older than API 1.44, found " + api);
            using var p = new UpProject("psc-engine2-mac");
            p.WriteCompose(
                "services:\n" +
                $"  web:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n    mac_address: \"02:42:ac:11:ff:01\"\n");

            string reference = p.Name + "-ref";
            p.AlsoRemove(reference);
            p.ComposeAs(reference, "up", "-d").Check();
            JsonElement theirs = UpProject.Inspect(reference + "-web-1");

            RunResult r = p.PsUp();
            Assert.Empty(r.Errors);
            JsonElement ours = UpProject.Inspect(p.ContainerIds().Values.Single());

            Assert.Equal(MacAddresses(theirs), MacAddresses(ours));
            Assert.Equal("02:42:ac:11:ff:01", ours.GetProperty("Config").GetProperty("MacAddress").GetString());

            // The address is part of the service's config: a second up converges without recreating.
            string id = p.ContainerIds().Values.Single();
            Assert.Empty(p.PsUp().Errors);
            Assert.Equal(id, p.ContainerIds().Values.Single());
        }

        /// <summary>Config.MacAddress and the address of every network endpoint.</summary>
        private static string MacAddresses(JsonElement container) =>
            container.GetProperty("Config").GetProperty("MacAddress").GetString() + " | " +
            string.Join(",", container.GetProperty("NetworkSettings").GetProperty("Networks").EnumerateObject()
                .Select(n => n.Value.GetProperty("MacAddress").GetString()));
    }
}
