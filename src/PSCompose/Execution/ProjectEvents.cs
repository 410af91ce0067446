using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using PSCompose.Common;
using PSCompose.Engine;
using PSCompose.Model;

namespace PSCompose.Execution
{
    /// <summary>
    /// docker compose events' filter and shape (pkg/compose/events.go): the project label on the engine side;
    /// here only container events, no one-offs, the listed services (not validated), compose labels removed.
    /// </summary>
    internal static class ProjectEvents
    {
        private const string ComposeLabelPrefix = "com.docker.compose.";

        /// <summary>The engine-side filter: the project's label.</summary>
        public static IDictionary<string, IList<string>> Filters(string project) => new Dictionary<string, IList<string>>
        {
            ["label"] = new List<string> { ComposeLabels.Project + "=" + project },
        };

        /// <summary>The event as Compose shows it, or null when Compose drops it. No services: every service.</summary>
        public static ComposeEvent FromEngine(EngineEvent e, ICollection<string> services)
        {
            if (e.Type != "container") return null;
            IReadOnlyDictionary<string, string> attributes = e.Attributes ?? new Dictionary<string, string>();
            if (attributes.TryGetValue(ComposeLabels.OneOff, out string oneOff) && oneOff == "True") return null;
            attributes.TryGetValue(ComposeLabels.Service, out string service);
            if (services != null && services.Count > 0 && !services.Contains(service ?? "")) return null;

            var kept = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, string> kv in attributes.Where(a => !a.Key.StartsWith(ComposeLabelPrefix, StringComparison.Ordinal)))
                kept[kv.Key] = kv.Value;
            string action = e.Action ?? "";
            int colon = action.IndexOf(": ", StringComparison.Ordinal);
            kept.TryGetValue("name", out string name);
            return new ComposeEvent
            {
                Time = EngineTime.FromUnixNanoseconds(e.TimeNano),
                TimeNano = e.TimeNano,
                Type = e.Type,
                Action = colon < 0 ? action : action.Substring(0, colon),
                ActionDetail = colon < 0 ? null : action.Substring(colon + 2),
                Service = service ?? "",
                Container = name,
                Id = e.ActorId,
                Attributes = new ReadOnlyDictionary<string, string>(kept),
            };
        }
    }
}
