using System;
using System.Collections.Generic;
using System.Linq;
using Docker.DotNet.Models;
using PSCompose.Engine;
using Xunit;
using Version = System.Version;
using ContainerSpec = PSCompose.Engine.ContainerSpec;
using EndpointSpec = PSCompose.Engine.EndpointSpec;

namespace PSCompose.Tests.Engine
{
    /// <summary>Expectations from docker/compose create.go (defaultNetworkSettings, createMobyContainer, getRestartPolicy).</summary>
    public class ContainerSpecMapperTests
    {
        private static ContainerSpec TwoNetworks() => new ContainerSpec
        {
            Name = "p-web-1",
            Image = "pscompose/busybox:latest",
            MacAddress = "02:42:ac:11:00:02",
            Networks =
            {
                new EndpointSpec { Network = "p_front", Aliases = { "p-web-1", "web", "www" }, HasConfig = true },
                new EndpointSpec { Network = "p_back", Aliases = { "p-web-1", "web" } },
            },
        };

        [Fact]
        public void OldApi_SendsOnlyThePrimaryNetwork_AndConnectsTheRestAfterCreate()
        {
            ContainerSpec spec = TwoNetworks();
            CreateContainerParameters p = ContainerSpecMapper.ToCreateParameters(spec, new Version(1, 41));
            Assert.Equal("p_front", p.HostConfig.NetworkMode);
            Assert.Equal(new[] { "p_front" }, p.NetworkingConfig.EndpointsConfig.Keys.ToArray());
            Assert.Equal(new[] { "p-web-1", "web", "www" }, p.NetworkingConfig.EndpointsConfig["p_front"].Aliases.ToArray());
            Assert.NotNull(p.NetworkingConfig.EndpointsConfig["p_front"].IPAMConfig);
            Assert.Null(p.NetworkingConfig.EndpointsConfig["p_front"].MacAddress);
            Assert.Equal(new[] { "p_back" }, ContainerSpecMapper.EndpointsToConnectAfterCreate(spec, new Version(1, 41)).Select(e => e.Network).ToArray());
        }

        [Fact]
        public void Api144_SendsAllNetworks_AndMovesTheMacAddressToThePrimaryEndpoint()
        {
            ContainerSpec spec = TwoNetworks();
            CreateContainerParameters p = ContainerSpecMapper.ToCreateParameters(spec, new Version(1, 44));
            Assert.Equal(new[] { "p_back", "p_front" }, p.NetworkingConfig.EndpointsConfig.Keys.OrderBy(k => k).ToArray());
            Assert.Equal("02:42:ac:11:00:02", p.NetworkingConfig.EndpointsConfig["p_front"].MacAddress);
            Assert.Null(p.NetworkingConfig.EndpointsConfig["p_back"].IPAMConfig);
            Assert.Empty(ContainerSpecMapper.EndpointsToConnectAfterCreate(spec, new Version(1, 44)));
        }

        [Fact]
        public void NetworkMode_WithoutEndpoints()
        {
            var spec = new ContainerSpec { Image = "x", NetworkMode = "container:abc" };
            CreateContainerParameters p = ContainerSpecMapper.ToCreateParameters(spec, new Version(1, 41));
            Assert.Equal("container:abc", p.HostConfig.NetworkMode);
            Assert.Null(p.NetworkingConfig);
        }

        [Theory]
        [InlineData("no", RestartPolicyKind.No)]
        [InlineData("none", RestartPolicyKind.No)]
        [InlineData("always", RestartPolicyKind.Always)]
        [InlineData("any", RestartPolicyKind.Always)]
        [InlineData("on-failure", RestartPolicyKind.OnFailure)]
        [InlineData("unless-stopped", RestartPolicyKind.UnlessStopped)]
        public void RestartPolicies(string name, RestartPolicyKind kind)
        {
            Assert.Equal(kind, ContainerSpecMapper.ToRestartPolicy(new RestartPolicySpec { Name = name, MaximumRetryCount = 3 }).Name);
        }

        [Fact]
        public void Ports_AreExposedAndBound_CommandNullVersusEmpty()
        {
            var spec = new ContainerSpec
            {
                Image = "x",
                Command = null,
                Entrypoint = new List<string>(),
                ExposedPorts = { "9000", "53/udp" },
                PortBindings =
                {
                    new PortBindingSpec { ContainerPort = "80/tcp", HostIp = "127.0.0.1", HostPort = "8080" },
                    new PortBindingSpec { ContainerPort = "80/tcp", HostPort = "" },
                },
            };
            CreateContainerParameters p = ContainerSpecMapper.ToCreateParameters(spec, new Version(1, 41));
            // expose entries go as written (docker compose sends "9000", not "9000/tcp": checked with docker inspect)
            Assert.Equal(new[] { "53/udp", "80/tcp", "9000" }, p.ExposedPorts.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray());
            Assert.Equal(2, p.HostConfig.PortBindings["80/tcp"].Count);
            Assert.Equal("127.0.0.1", p.HostConfig.PortBindings["80/tcp"][0].HostIP);
            Assert.Null(p.Cmd);
            Assert.NotNull(p.Entrypoint);
            Assert.Empty(p.Entrypoint);
        }

        [Fact]
        public void HealthcheckStartInterval_NeedsApi144_WithComposesMessage()
        {
            var spec = new ContainerSpec { Image = "x", Healthcheck = new HealthcheckSpec { Test = new List<string> { "NONE" }, StartInterval = TimeSpan.FromSeconds(1) } };
            var e = Assert.Throws<ComposeException>(() => ContainerSpecMapper.ToCreateParameters(spec, new Version(1, 41)));
            Assert.Equal("can't set healthcheck.start_interval as feature require Docker Engine v25 or later", e.Message);
            Assert.Equal(TimeSpan.FromSeconds(1), ContainerSpecMapper.ToCreateParameters(spec, new Version(1, 44)).Healthcheck.StartInterval);
        }

        [Fact]
        public void MacAddress_BeforeApi144_GoesToTheLegacyConfigField_NotAnEndpoint()
        {
            var labels = new Dictionary<string, string> { ["com.docker.compose.service"] = "web" };
            var spec = new ContainerSpec { Image = "x", Labels = labels, MacAddress = "02:42:ac:11:ff:01", Networks = { new EndpointSpec { Network = "p_default" } } };
            Assert.Null(ContainerSpecMapper.ToCreateParameters(spec, new Version(1, 41)).NetworkingConfig.EndpointsConfig["p_default"].MacAddress);
            Assert.Equal("02:42:ac:11:ff:01", ContainerSpecMapper.LegacyMacAddress(spec, new Version(1, 41)));
            Assert.Null(ContainerSpecMapper.LegacyMacAddress(spec, new Version(1, 44)));
            Assert.Equal("02:42:ac:11:ff:01", ContainerSpecMapper.ToCreateParameters(spec, new Version(1, 44)).NetworkingConfig.EndpointsConfig["p_default"].MacAddress);

            var perNetwork = new ContainerSpec { Image = "x", Labels = labels, Networks = { new EndpointSpec { Network = "p_default", MacAddress = "02:42:ac:11:ff:02" } } };
            var e = Assert.Throws<ComposeException>(() => ContainerSpecMapper.ToCreateParameters(perNetwork, new Version(1, 41)));
            Assert.Equal("MacAddressUnsupported", e.ErrorId);
            Assert.Equal("web", e.Target);
            Assert.Equal("setting service.networks.p_default.mac_address is not supported by the Engine API version 1.41", e.Message);
        }

        [Fact]
        public void UnconfinedSystemPaths_SendsEmptyMaskedAndReadonlyPaths()
        {
            CreateContainerParameters p = ContainerSpecMapper.ToCreateParameters(new ContainerSpec { Image = "x", UnconfinedSystemPaths = true }, new Version(1, 41));
            Assert.NotNull(p.HostConfig.MaskedPaths);
            Assert.Empty(p.HostConfig.MaskedPaths);
            Assert.NotNull(p.HostConfig.ReadonlyPaths);
            Assert.Null(ContainerSpecMapper.ToCreateParameters(new ContainerSpec { Image = "x" }, new Version(1, 41)).HostConfig.MaskedPaths);
        }
    }
}
