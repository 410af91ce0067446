using System;

namespace PSCompose
{
    /// <summary>How Publish-ComposeStack pins images, like docker stack deploy --resolve-image.</summary>
    public enum StackImageResolution
    {
        /// <summary>Ask the registry for the digest of every service's image.</summary>
        Always,

        /// <summary>Only for services whose image text changed, and new services.</summary>
        Changed,

        /// <summary>Use the image as written; each node resolves it itself.</summary>
        Never,
    }

    /// <summary>A Swarm stack: the services sharing one com.docker.stack.namespace label (docker stack ls).</summary>
    public sealed class ComposeStack
    {
        public string Name { get; set; }

        /// <summary>How many services the stack has.</summary>
        public int Services { get; set; }

        public string Orchestrator { get; set; } = "Swarm";
    }

    /// <summary>One service of a stack (docker stack services).</summary>
    public sealed class ComposeStackService
    {
        public string Stack { get; set; }
        public string Name { get; set; }
        public string Id { get; set; }

        /// <summary>replicated or global.</summary>
        public string Mode { get; set; }

        /// <summary>Running tasks, as docker stack services counts them.</summary>
        public int Running { get; set; }

        /// <summary>Replicas asked for (global: the nodes it runs on).</summary>
        public int Desired { get; set; }

        public string Image { get; set; }

        /// <summary>Published ports, e.g. *:8080->80/tcp (ingress) or 8080->80/tcp (host mode).</summary>
        public string[] Ports { get; set; }

        /// <summary>The state of the last update (updating, completed, paused, rollback_completed …); null when never updated.</summary>
        public string UpdateState { get; set; }
    }

    /// <summary>One task of a stack (docker stack ps).</summary>
    public sealed class ComposeStackTask
    {
        public string Stack { get; set; }

        /// <summary>&lt;service&gt;.&lt;slot&gt; (global services: &lt;service&gt;.&lt;node id&gt;).</summary>
        public string Name { get; set; }

        public string Id { get; set; }
        public string Service { get; set; }
        public string Image { get; set; }
        public string Node { get; set; }
        public string DesiredState { get; set; }
        public string CurrentState { get; set; }
        public DateTime? Since { get; set; }

        /// <summary>The task's error, e.g. "task: non-zero exit (1)" or "No such image: …".</summary>
        public string Error { get; set; }

        public string ContainerId { get; set; }
    }
}
