using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PSCompose.Testing;

namespace PSCompose.ModuleTests.Stack
{
    /// <summary>
    /// A single-node swarm for the stack tests: `docker swarm init` only when the engine is not in one, and `docker
    /// swarm leave --force` at the end only when this fixture joined it, removing the docker_gwbridge network the join
    /// made (leaving keeps it). Stacks are removed by name on dispose.
    /// </summary>
    public sealed class SwarmFixture : IDisposable
    {
        private readonly bool joined;
        private readonly bool bridgeBefore = GatewayBridgeExists();
        private readonly List<string> stacks = new List<string>();

        public SwarmFixture()
        {
            string state = Docker.Run("info", "--format", "{{.Swarm.LocalNodeState}}").Check().Stdout.Trim();
            if (state == "inactive")
            {
                Docker.Run("swarm", "init", "--advertise-addr", "127.0.0.1").Check();
                joined = true;
            }
        }

        /// <summary>A unique stack name (lane prefix), removed again on dispose.</summary>
        public string NewStack()
        {
            string name = "s2stack" + Guid.NewGuid().ToString("N").Substring(0, 8);
            lock (stacks) stacks.Add(name);
            return name;
        }

        public static string Directory(string composeYaml, params (string Name, string Content)[] files)
        {
            string dir = Path.Combine(Path.GetTempPath(), "psc-stack-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            System.IO.Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "stack.yaml"), composeYaml);
            foreach (var f in files) File.WriteAllText(Path.Combine(dir, f.Name), f.Content);
            return dir;
        }

        /// <summary>Names of the objects of one kind (service, network, secret, config) with the stack's namespace label.</summary>
        public static List<string> Labelled(string kind, string stack) =>
            Docker.Run(kind, "ls", "--filter", "label=com.docker.stack.namespace=" + stack, "--format", "{{.Name}}").Check()
                .Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).OrderBy(n => n, StringComparer.Ordinal).ToList();

        /// <summary>docker stack rm, then up to 30 s for the tasks' containers, which go away asynchronously after the services.</summary>
        public static void RemoveStacks(IReadOnlyCollection<string> names)
        {
            foreach (string stack in names) Docker.Run("stack", "rm", stack);
            for (int i = 0; i < 60 && names.Any(s => Docker.Run("ps", "-aq", "--filter", "label=com.docker.stack.namespace=" + s).Stdout.Trim() != ""); i++)
                System.Threading.Thread.Sleep(500);
        }

        public void Dispose()
        {
            RemoveStacks(stacks);
            // Leaving before the containers are gone would orphan them.
            if (!joined) return;
            Docker.Run("swarm", "leave", "--force");
            if (!bridgeBefore && GatewayBridgeExists()) Docker.Run("network", "rm", "docker_gwbridge");
        }

        private static bool GatewayBridgeExists() =>
            Docker.Run("network", "ls", "-q", "--filter", "name=^docker_gwbridge$").Stdout.Trim() != "";
    }
}
