using System;
using System.Collections.Generic;

namespace PSCompose
{
    /// <summary>
    /// One engine event of a project's container (docker compose events). ConvertTo-Json carries what a
    /// `docker compose events --json` line does: Action plus ActionDetail is its action, TimeNano its exact time.
    /// </summary>
    public sealed class ComposeEvent
    {
        /// <summary>When the engine recorded it (to the 100 ns a DateTimeOffset holds; TimeNano has the rest).</summary>
        public DateTimeOffset Time { get; set; }

        /// <summary>The engine's timeNano: nanoseconds since 1970-01-01 UTC.</summary>
        public long TimeNano { get; set; }

        /// <summary>Always "container": Compose shows no network, volume or image events.</summary>
        public string Type { get; set; }

        /// <summary>The engine's action up to any colon: create, start, die, kill, health_status, exec_start, …</summary>
        public string Action { get; set; }

        /// <summary>What follows "action: " in the engine's action (healthy for health_status, the command for exec_*), else null.</summary>
        public string ActionDetail { get; set; }

        public string Service { get; set; }

        /// <summary>The container name (the actor's name attribute).</summary>
        public string Container { get; set; }

        /// <summary>The full container ID.</summary>
        public string Id { get; set; }

        /// <summary>The actor's attributes without the com.docker.compose.* labels (as Compose): name, image, exitCode, signal, user labels.</summary>
        public IReadOnlyDictionary<string, string> Attributes { get; set; }

        /// <summary>The engine's action text, as docker compose events prints it.</summary>
        public override string ToString() => ActionDetail == null ? Action : Action + ": " + ActionDetail;
    }
}
