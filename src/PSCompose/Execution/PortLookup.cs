using System;
using System.Collections.Generic;
using System.Linq;
using PSCompose.Engine;

namespace PSCompose.Execution
{
    /// <summary>docker compose port: the published bindings of a container, in the engine's order.</summary>
    internal static class PortLookup
    {
        /// <summary>Every published binding (exposed-only ports have no host side and are left out).</summary>
        public static IEnumerable<ComposePortBinding> Bindings(string project, EngineContainer c) =>
            c.Ports.Where(p => p.PublicPort.HasValue).Select(p => new ComposePortBinding
            {
                ProjectName = project,
                Service = RuntimeContainers.Service(c),
                Container = c.Name,
                Number = RuntimeContainers.Number(c),
                PrivatePort = p.PrivatePort,
                Protocol = p.Protocol,
                HostIp = p.HostIp,
                HostPort = p.PublicPort.Value,
            });

        /// <summary>
        /// The first binding of <paramref name="privatePort"/>/<paramref name="protocol"/>, as Compose prints it; throws
        /// PortNotPublished with Compose's text, which lists the published ports (its quirk, kept for recognisability).
        /// </summary>
        public static ComposePortBinding Find(string project, EngineContainer c, int privatePort, string protocol)
        {
            string proto = (protocol ?? "tcp").ToLowerInvariant();
            ComposePortBinding found = Bindings(project, c).FirstOrDefault(b => b.PrivatePort == privatePort && b.Protocol == proto);
            if (found != null) return found;
            string published = string.Join(", ", c.Ports.Select(p => $"{p.PublicPort ?? 0}/{p.Protocol}"));
            throw new ComposeException(ErrorIds.PortNotPublished,
                $"no port {privatePort}/{proto} for container {c.Name}: {published}", RuntimeContainers.Service(c));
        }
    }
}
