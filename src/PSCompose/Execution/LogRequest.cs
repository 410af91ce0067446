using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Model;

namespace PSCompose.Execution
{
    /// <summary>
    /// Which containers of a project Receive-ComposeLog reads, as Compose's "list" helper picks them for logs:
    /// one-offs excluded, stopped included, services with attach: false skipped when a file is loaded and no service
    /// is named. Naming containers (a piped ComposeContainer) selects exactly those, one-offs included. Attached up
    /// follows its services' containers through one too.
    /// </summary>
    internal sealed class LogRequest
    {
        public string Project { get; set; }

        /// <summary>Named services; empty = all.</summary>
        public IReadOnlyCollection<string> Services { get; set; } = new string[0];

        /// <summary>Services with attach: false in the loaded file (skipped when no service is named).</summary>
        public IReadOnlyCollection<string> Unattached { get; set; } = new string[0];

        /// <summary>Container names; null = select by service.</summary>
        public IReadOnlyCollection<string> Containers { get; set; }

        /// <summary>The replica number (-Index), 0 = every replica.</summary>
        public int Index { get; set; }

        public bool Follow { get; set; }

        /// <summary>"all" or a number of lines per container.</summary>
        public string Tail { get; set; }

        /// <summary>The engine's since/until values (Unix seconds.nanoseconds), or null.</summary>
        public string Since { get; set; }

        public string Until { get; set; }

        /// <summary>When -Until lies; null without one.</summary>
        public DateTimeOffset? UntilTime { get; set; }

        public bool UntilPassed => UntilTime.HasValue && DateTimeOffset.UtcNow >= UntilTime.Value;

        /// <summary>
        /// Ask the engine for its capture times. Only -Raw without -Timestamps goes without them (nothing shows them
        /// there, and formatting them is a quarter of the engine's work); a follow needs them to resume a restart.
        /// </summary>
        public bool EngineTimestamps { get; set; } = true;

        public IReadOnlyCollection<string> LabelFilters()
        {
            var filters = new List<string> { ComposeLabels.Project + "=" + Project };
            if (Containers != null) return filters;
            filters.Add(ComposeLabels.ConfigHash);
            filters.Add(ComposeLabels.OneOff + "=False");
            if (Services.Count == 1) filters.Add(ComposeLabels.Service + "=" + Services.First());
            return filters;
        }

        public bool Selects(string name, IReadOnlyDictionary<string, string> labels)
        {
            string Label(string key) => labels.TryGetValue(key, out string v) ? v : null;
            if (Label(ComposeLabels.Project) != Project) return false;
            if (Containers != null) return name != null && Containers.Contains(name);
            if (Label(ComposeLabels.OneOff) == "True" || Label(ComposeLabels.ConfigHash) == null) return false;
            string service = Label(ComposeLabels.Service);
            if (Index > 0 && Label(ComposeLabels.ContainerNumber) != Index.ToString(System.Globalization.CultureInfo.InvariantCulture)) return false;
            return Services.Count > 0 ? Services.Contains(service) : !Unattached.Contains(service);
        }

        public bool Selects(EngineContainer c) => Selects(c.Name, c.Labels);

        /// <summary>The request's containers now, newest first as the engine lists them.</summary>
        public async Task<IReadOnlyList<EngineContainer>> ListAsync(IEngineClient engine, CancellationToken ct) =>
            (await engine.ListContainersAsync(LabelFilters(), true, ct).ConfigureAwait(false)).Where(Selects).ToList();

        public LogOptions Options(bool follow, string since) => new LogOptions
        {
            Follow = follow,
            Timestamps = EngineTimestamps || follow,
            Tail = Tail,
            Since = since,
            Until = Until,
        };
    }
}
