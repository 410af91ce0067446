using System.Collections.Generic;
using PSCompose.Engine;

namespace PSCompose.Execution.Stack
{
    /// <summary>Labels docker stack deploy puts on what it creates, and the ones PSCompose adds.</summary>
    internal static class StackLabels
    {
        /// <summary>On services, tasks' containers, networks, secrets, configs and volumes: docker stack ls/ps/rm find them by it.</summary>
        public const string Namespace = "com.docker.stack.namespace";

        /// <summary>The image as written in the compose file, on the service.</summary>
        public const string Image = "com.docker.stack.image";

        /// <summary>Hash of the service spec PSCompose sent: an unchanged service is left alone.</summary>
        public const string SpecHash = "com.pscompose.stack.spec-hash";

        /// <summary>SHA-256 of a secret's or config's content; its name carries the first characters.</summary>
        public const string ContentHash = "com.pscompose.stack.content-hash";

        /// <summary>The key of a secret or config in the compose file.</summary>
        public const string Key = "com.pscompose.stack.key";

        public static string NamespaceFilter(string stack) => Namespace + "=" + stack;
    }

    /// <summary>Everything a stack deploy creates or updates, computed from the project without the engine.</summary>
    internal sealed class StackPlan
    {
        public string Name { get; set; }
        public List<SwarmServiceSpec> Services { get; } = new List<SwarmServiceSpec>();
        public List<NetworkSpec> Networks { get; } = new List<NetworkSpec>();
        public List<SwarmObjectSpec> Secrets { get; } = new List<SwarmObjectSpec>();
        public List<SwarmObjectSpec> Configs { get; } = new List<SwarmObjectSpec>();

        /// <summary>Networks declared external that services use: they must exist.</summary>
        public List<string> ExternalNetworks { get; } = new List<string>();

        public List<StackWarning> Warnings { get; } = new List<StackWarning>();
    }

    /// <summary>A key Swarm cannot honour, with where it was written.</summary>
    internal sealed class StackWarning
    {
        public string Service { get; set; }
        public string Key { get; set; }
        public string File { get; set; }
        public int Line { get; set; }
        public string Reason { get; set; }

        public override string ToString()
        {
            string where = File == null ? "" : Line > 0 ? $"{File}:{Line}: " : File + ": ";
            return $"{where}services.{Service}.{Key} is ignored by Swarm: {Reason}";
        }
    }
}
