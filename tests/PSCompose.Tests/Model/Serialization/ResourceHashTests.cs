using PSCompose.Model;
using PSCompose.Model.Serialization;
using Xunit;

namespace PSCompose.Tests.Model.Serialization
{
    /// <summary>
    /// Network and volume config-hash labels written by docker compose 2.40.3 (`create` of project pschashcheck,
    /// labels read back with docker network/volume inspect).
    /// </summary>
    public class ResourceHashTests
    {
        [Fact]
        public void DefaultNetwork()
        {
            var network = new YMap { ["name"] = "pschashcheck_default" };
            Assert.Equal("51497172ef1b6cf3ee07ef6ed4a52110704479190016f9251565b5e3005aff25", ConfigHash.Network(network));
        }

        [Fact]
        public void NetworkWithLabelsAndOptions()
        {
            var network = new YMap
            {
                ["labels"] = new YMap { ["x"] = "y" },
                ["driver_opts"] = new YMap { ["com.docker.network.bridge.name"] = "pschash0" },
                ["name"] = "pschashcheck_front",
            };
            Assert.Equal("ebdbe8371b4d42519dd77fc39634388a8f548fdca4f5bee3ca624994a3b131d4", ConfigHash.Network(network));
        }

        [Fact]
        public void VolumeGetsTheLocalDriver()
        {
            var volume = new YMap { ["name"] = "pschashcheck_data", ["labels"] = new YMap { ["k"] = "v" } };
            Assert.Equal("a4d110e2651e0f4066b13a04a5ffca5a791496165b5a2c1caea9d4c2ff9af3af", ConfigHash.Volume(volume));
        }
    }
}
