using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using PSCompose.Engine;
using PSCompose.Testing;
using Cli = PSCompose.Testing.Docker;

namespace PSCompose.Tests.Engine
{
    /// <summary>Connects to the engine the way the cmdlets do, and reads back state through the docker CLI.</summary>
    internal static class EngineTestSupport
    {
        /// <summary>The local busybox image .ci/setup-machine.sh builds; nothing is pulled.</summary>
        public const string Busybox = "pscompose/busybox:latest";

        public static DockerEngineClient Connect()
        {
            EngineEndpoint endpoint = EngineEndpoint.Resolve(Environment.GetEnvironmentVariable, OperatingSystem.IsWindows());
            return DockerEngineClient.ConnectAsync(endpoint, CancellationToken.None).GetAwaiter().GetResult();
        }

        public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 12);

        /// <summary>`docker inspect` of one object, parsed: an independent view of what the engine holds.</summary>
        public static JsonElement Inspect(string kind, string name)
        {
            string json = Cli.Run(kind, "inspect", name).Check().Stdout;
            using (JsonDocument doc = JsonDocument.Parse(json))
                return doc.RootElement[0].Clone();
        }

        public static string Exec(string container, params string[] command)
        {
            var args = new List<string> { "exec", container };
            args.AddRange(command);
            return Cli.Run(args.ToArray()).Check().Stdout;
        }

        public static void Quietly(Action cleanup)
        {
            try { cleanup(); } catch (Exception) { /* best-effort cleanup of our own resources */ }
        }
    }
}
