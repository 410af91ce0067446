using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using PSCompose.Engine;
using PSCompose.Testing;
using Cli = PSCompose.Testing.Docker;
using Xunit;
using static PSCompose.Tests.Engine.EngineTestSupport;

namespace PSCompose.Tests.Engine
{
    public class NetworkVolumeEngineTests
    {
        private static readonly CancellationToken None = CancellationToken.None;

        [EngineFact]
        public void Aliases_ResolveBetweenContainers_OnPrimaryAndSecondaryNetworks()
        {
            string front = Unique("psc-front");
            string back = Unique("psc-back");
            string server = Unique("psc-srv");
            string client = Unique("psc-cli");
            using (DockerEngineClient engine = Connect())
            {
                try
                {
                    foreach (string n in new[] { front, back })
                        engine.CreateNetworkAsync(new NetworkSpec { Name = n, Labels = { ["psc.test"] = n } }, None).GetAwaiter().GetResult();

                    // Two networks: on API 1.41 the second is connected after create, before start (as Compose does).
                    var serverSpec = new ContainerSpec
                    {
                        Name = server,
                        Image = Busybox,
                        Command = new List<string> { "sleep", "300" },
                        Networks =
                        {
                            new EndpointSpec { Network = front, Aliases = { server, "web", "front-only" } },
                            new EndpointSpec { Network = back, Aliases = { server, "web", "backend-only" } },
                        },
                    };
                    var clientSpec = new ContainerSpec
                    {
                        Name = client,
                        Image = Busybox,
                        Command = new List<string> { "sleep", "300" },
                        Networks = { new EndpointSpec { Network = back, Aliases = { client, "cli" } } },
                    };
                    string serverId = engine.CreateContainerAsync(serverSpec, None).GetAwaiter().GetResult().Id;
                    engine.CreateContainerAsync(clientSpec, None).GetAwaiter().GetResult();
                    engine.StartContainerAsync(server, None).GetAwaiter().GetResult();
                    engine.StartContainerAsync(client, None).GetAwaiter().GetResult();

                    EngineContainerDetails details = engine.InspectContainerAsync(serverId, None).GetAwaiter().GetResult();
                    Assert.Equal(new[] { back, front }.OrderBy(x => x), details.Networks.Keys.OrderBy(x => x));
                    Assert.Contains("front-only", details.Networks[front].Aliases);
                    Assert.Contains("backend-only", details.Networks[back].Aliases);

                    string serverIpOnBack = details.Networks[back].IpAddress;
                    string resolved = Exec(client, "nslookup", "backend-only");
                    Assert.Contains(serverIpOnBack, resolved);
                    Assert.Contains(serverIpOnBack, Exec(client, "nslookup", "web"));
                    // "front-only" is only an alias on the front network, which the client is not on.
                    Assert.NotEqual(0, Cli.Run("exec", client, "nslookup", "front-only").ExitCode);

                    EngineNetwork inspected = engine.InspectNetworkAsync(back, None).GetAwaiter().GetResult();
                    Assert.Equal(back, inspected.Label("psc.test"));
                    Assert.Equal(2, inspected.Containers.Count);

                    engine.DisconnectNetworkAsync(front, server, false, None).GetAwaiter().GetResult();
                    Assert.DoesNotContain(front, engine.InspectContainerAsync(serverId, None).GetAwaiter().GetResult().Networks.Keys);
                    engine.ConnectNetworkAsync(front, server, new EndpointSpec { Aliases = { "again" } }, None).GetAwaiter().GetResult();
                    Assert.Contains("again", engine.InspectContainerAsync(serverId, None).GetAwaiter().GetResult().Networks[front].Aliases);
                }
                finally
                {
                    Quietly(() => engine.RemoveContainerAsync(server, true, false, None).GetAwaiter().GetResult());
                    Quietly(() => engine.RemoveContainerAsync(client, true, false, None).GetAwaiter().GetResult());
                    Quietly(() => engine.RemoveNetworkAsync(front, None).GetAwaiter().GetResult());
                    Quietly(() => engine.RemoveNetworkAsync(back, None).GetAwaiter().GetResult());
                }
            }
        }

        [EngineFact]
        public void Network_CreateWithIpamOptionsAndFlags_ListByLabel_Remove()
        {
            string name = Unique("psc-ipam");
            string label = "psc.test.ipam=" + name;
            using (DockerEngineClient engine = Connect())
            {
                try
                {
                    // A subnet unlikely to collide with anything else on this machine.
                    string subnet = $"10.{new Random().Next(150, 250)}.{new Random().Next(0, 255)}.0/24";
                    string prefix = subnet.Substring(0, subnet.Length - ".0/24".Length);
                    string id = engine.CreateNetworkAsync(new NetworkSpec
                    {
                        Name = name,
                        Driver = "bridge",
                        Internal = true,
                        Attachable = true,
                        Options = { ["com.docker.network.bridge.enable_icc"] = "true" },
                        Labels = { ["psc.test.ipam"] = name },
                        Ipam = new IpamSpec { Config = { new IpamPoolSpec { Subnet = subnet, Gateway = prefix + ".1", IpRange = prefix + ".128/25" } } },
                    }, None).GetAwaiter().GetResult();

                    JsonElement n = Inspect("network", name);
                    Assert.Equal(id, n.GetProperty("Id").GetString());
                    Assert.True(n.GetProperty("Internal").GetBoolean());
                    Assert.True(n.GetProperty("Attachable").GetBoolean());
                    Assert.Equal("true", n.GetProperty("Options").GetProperty("com.docker.network.bridge.enable_icc").GetString());
                    JsonElement pool = n.GetProperty("IPAM").GetProperty("Config")[0];
                    Assert.Equal(subnet, pool.GetProperty("Subnet").GetString());
                    Assert.Equal(prefix + ".1", pool.GetProperty("Gateway").GetString());
                    Assert.Equal(prefix + ".128/25", pool.GetProperty("IPRange").GetString());

                    // Same name again: refused like the CLI's CheckDuplicate (409 "network with name … already exists").
                    var duplicate = Assert.Throws<EngineException>(() => engine.CreateNetworkAsync(new NetworkSpec { Name = name }, None).GetAwaiter().GetResult());
                    Assert.True(duplicate.IsConflict);
                    Assert.Equal($"network with name {name} already exists", duplicate.Message);

                    IReadOnlyList<EngineNetwork> listed = engine.ListNetworksAsync(new[] { label }, null, None).GetAwaiter().GetResult();
                    Assert.Equal(new[] { id }, listed.Select(x => x.Id).ToArray());
                    Assert.Equal(subnet, listed[0].IpamConfig.Single().Subnet);

                    engine.RemoveNetworkAsync(id, None).GetAwaiter().GetResult();
                    var e = Assert.Throws<EngineException>(() => engine.InspectNetworkAsync(name, None).GetAwaiter().GetResult());
                    Assert.True(e.IsNotFound);
                }
                finally
                {
                    Quietly(() => engine.RemoveNetworkAsync(name, None).GetAwaiter().GetResult());
                }
            }
        }

        [EngineFact]
        public void Volume_CreateInspectListRemove_AndDataSurvivesContainers()
        {
            string volume = Unique("psc-vol");
            string writer = Unique("psc-w");
            string reader = Unique("psc-r");
            using (DockerEngineClient engine = Connect())
            {
                try
                {
                    EngineVolume created = engine.CreateVolumeAsync(new VolumeSpec
                    {
                        Name = volume,
                        Driver = "local",
                        Labels = { ["psc.test.volume"] = volume },
                    }, None).GetAwaiter().GetResult();
                    Assert.Equal(volume, created.Name);
                    Assert.Equal("local", created.Driver);

                    JsonElement v = Inspect("volume", volume);
                    Assert.Equal(volume, v.GetProperty("Labels").GetProperty("psc.test.volume").GetString());

                    IReadOnlyList<EngineVolume> listed = engine.ListVolumesAsync(new[] { "psc.test.volume=" + volume }, None).GetAwaiter().GetResult();
                    Assert.Equal(new[] { volume }, listed.Select(x => x.Name).ToArray());

                    Func<string, List<string>, ContainerSpec> spec = (name, cmd) => new ContainerSpec
                    {
                        Name = name,
                        Image = Busybox,
                        Command = cmd,
                        Mounts = { new MountSpec { Type = "volume", Source = volume, Target = "/data" } },
                        Labels = { ["psc.test.volume.user"] = volume },
                    };
                    string w = engine.CreateContainerAsync(spec(writer, new List<string> { "sh", "-c", "echo persisted > /data/f" }), None).GetAwaiter().GetResult().Id;
                    engine.StartContainerAsync(w, None).GetAwaiter().GetResult();
                    Assert.Equal(0, engine.WaitContainerAsync(w, None).GetAwaiter().GetResult());
                    string r = engine.CreateContainerAsync(spec(reader, new List<string> { "cat", "/data/f" }), None).GetAwaiter().GetResult().Id;
                    engine.StartContainerAsync(r, None).GetAwaiter().GetResult();
                    Assert.Equal(0, engine.WaitContainerAsync(r, None).GetAwaiter().GetResult());
                    Assert.Equal("persisted\n", Cli.Run("logs", reader).Check().Stdout);

                    EngineContainer listedWriter = engine.ListContainersAsync(new[] { "psc.test.volume.user=" + volume }, true, None).GetAwaiter().GetResult()
                        .Single(x => x.Name == writer);
                    Assert.Equal(volume, listedWriter.Mounts.Single().Name);
                    Assert.Equal("/data", listedWriter.Mounts.Single().Destination);
                    Assert.True(listedWriter.NetworkIds.ContainsKey("bridge"));

                    engine.RemoveContainerAsync(w, false, false, None).GetAwaiter().GetResult();
                    engine.RemoveContainerAsync(r, false, false, None).GetAwaiter().GetResult();
                    engine.RemoveVolumeAsync(volume, false, None).GetAwaiter().GetResult();
                    Assert.True(Assert.Throws<EngineException>(() => engine.InspectVolumeAsync(volume, None).GetAwaiter().GetResult()).IsNotFound);
                }
                finally
                {
                    Quietly(() => engine.RemoveContainerAsync(writer, true, false, None).GetAwaiter().GetResult());
                    Quietly(() => engine.RemoveContainerAsync(reader, true, false, None).GetAwaiter().GetResult());
                    Quietly(() => engine.RemoveVolumeAsync(volume, true, None).GetAwaiter().GetResult());
                }
            }
        }
    }
}
