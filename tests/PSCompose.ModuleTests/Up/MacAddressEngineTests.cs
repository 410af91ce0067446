using System.Linq;
using System.Management.Automation;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Up
{
    /// <summary>mac_address on an engine older than API 1.44 (the CI engine speaks 1.41).</summary>
    public class MacAddressEngineTests
    {
        [EngineFact]
        public void MacAddress_OnApiBefore144_IsAClearErrorForTheService_WhereComposeSetsTheLegacyField()
        {
            string api = Docker.Run("version", "--format", "{{.Server.APIVersion}}").Check().Stdout.Trim();
            Assert.True(System.Version.Parse(api) < new System.Version(1, 44), "this test needs an engine older than API 1.44, found " + api);
            using var p = new UpProject("psc-engine-mac");
            p.WriteCompose(
                "services:\n" +
                $"  web:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n    mac_address: \"02:42:ac:11:ff:01\"\n");

            // The reference sends Config.MacAddress: the container gets the address.
            string reference = p.Name + "-ref";
            p.AlsoRemove(reference);
            p.ComposeAs(reference, "up", "-d").Check();
            Assert.Equal("02:42:ac:11:ff:01", UpProject.Inspect(reference + "-web-1").GetProperty("Config").GetProperty("MacAddress").GetString());

            // PSCompose cannot send that field: it says so for the service instead of creating a container without it.
            RunResult r = p.PsUp();
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.StartsWith("MacAddressUnsupported,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.NotImplemented, e.CategoryInfo.Category);
            Assert.Equal("web", e.TargetObject);
            Assert.Contains("API " + api, e.ToString());
            Assert.Empty(p.ContainerIds());
        }
    }
}
