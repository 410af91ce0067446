using System.Collections.Generic;
using System.Linq;
using PSCompose.Model;
using PSCompose.Model.Canonical;
using Xunit;

namespace PSCompose.Tests.Model.Canonical
{
    /// <summary>Short syntax parsing; expected values are what docker compose 2.40.3 `config` prints for them.</summary>
    public class ShortSyntaxTests
    {
        private static string Port(YMap p) =>
            string.Join(" ", new[] { "mode", "host_ip", "target", "published", "protocol" }.Where(p.ContainsKey).Select(k => k + "=" + p[k]));

        [Theory]
        [InlineData("8080:80", "mode=ingress target=80 published=8080 protocol=tcp")]
        [InlineData("9000", "mode=ingress target=9000 protocol=tcp")]
        [InlineData("[::1]:7000:7000", "mode=ingress host_ip=::1 target=7000 published=7000 protocol=tcp")]
        [InlineData("127.0.0.1:8080-8081:80-81/udp", "mode=ingress host_ip=127.0.0.1 target=80 published=8080 protocol=udp|mode=ingress host_ip=127.0.0.1 target=81 published=8081 protocol=udp")]
        [InlineData("8000-8001:80", "mode=ingress target=80 published=8000-8001 protocol=tcp")]
        [InlineData("1.2.3.4::5000", "mode=ingress host_ip=1.2.3.4 target=5000 protocol=tcp")]
        public void Ports(string spec, string expected)
        {
            Assert.Equal(expected, string.Join("|", PortShortSyntax.Parse(spec).Select(Port)));
        }

        [Fact]
        public void PortRangesComeInGoStringOrderOfTheirKeys()
        {
            // nat.ParsePortSpecs keys are "port/proto" strings, sorted as strings: 100 before 98.
            Assert.Equal(new long[] { 100, 101, 98, 99 }, PortShortSyntax.Parse("98-101:98-101").Select(p => (long)p["target"]));
        }

        [Theory]
        [InlineData("80:80:80:80")]
        [InlineData("abc")]
        [InlineData("80/xyz")]
        [InlineData("81-80")]
        public void InvalidPortsFail(string spec)
        {
            Assert.ThrowsAny<System.FormatException>(() => PortShortSyntax.Parse(spec));
        }

        [Fact]
        public void BindVolumeWithOptions()
        {
            YMap v = VolumeShortSyntax.Parse("./data:/data:ro,z");
            Assert.Equal("bind", v["type"]);
            Assert.Equal("./data", v["source"]);
            Assert.Equal("/data", v["target"]);
            Assert.Equal(true, v["read_only"]);
            Assert.Equal("z", v.Map("bind")["selinux"]);
            Assert.Equal(true, v.Map("bind")["create_host_path"]);
        }

        [Fact]
        public void NamedVolumeGetsAnEmptyVolumeBlock()
        {
            YMap v = VolumeShortSyntax.Parse("cache:/cache");
            Assert.Equal(new[] { "type", "source", "target", "volume" }, v.Keys);
            Assert.Equal(0, v.Map("volume").Count);
            Assert.Equal(true, VolumeShortSyntax.Parse("vol:/vol:nocopy").Map("volume")["nocopy"]);
        }

        [Fact]
        public void TargetIsCleanedButSourceIsNot()
        {
            YMap v = VolumeShortSyntax.Parse("/abs/../p:/t/../q/");
            Assert.Equal("/abs/../p", v["source"]);
            Assert.Equal("/q", v["target"]);
        }

        [Fact]
        public void AnonymousVolume()
        {
            YMap v = VolumeShortSyntax.Parse("/data");
            Assert.Equal("volume", v["type"]);
            Assert.False(v.ContainsKey("source"));
            Assert.Equal("/data", v["target"]);
        }

        [Fact]
        public void SingleLetterSourceIsReadAsAWindowsDrive()
        {
            // compose-go treats "v:" as a drive letter: Compose prints source "v:/w", target "ro,nocopy".
            YMap v = VolumeShortSyntax.Parse("v:/w:ro,nocopy");
            Assert.Equal("bind", v["type"]);
            Assert.Equal("v:/w", v["source"]);
            Assert.Equal("ro,nocopy", v["target"]);
        }

        [Fact]
        public void PropagationOption()
        {
            YMap v = VolumeShortSyntax.Parse("/host:/c:rw,rslave");
            Assert.Equal("rslave", v.Map("bind")["propagation"]);
            Assert.False(v.ContainsKey("read_only"));
        }

        [Fact]
        public void HostsListIsSortedHostEqualsIp()
        {
            var hosts = HostsList.Canonical(new List<object> { "somehost:162.242.195.82", "other=1.1.1.1", "v6=[::1]", "multi=1.1.1.1,2.2.2.2" }, "extra_hosts");
            Assert.Equal(new object[] { "multi=1.1.1.1", "multi=2.2.2.2", "other=1.1.1.1", "somehost=162.242.195.82", "v6=::1" }, hosts);
        }
    }
}
