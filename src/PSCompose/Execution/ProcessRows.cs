using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using PSCompose.Engine;

namespace PSCompose.Execution
{
    /// <summary>docker compose top: the engine's ps table of one container as typed rows.</summary>
    internal static class ProcessRows
    {
        public static IEnumerable<ComposeProcess> From(string project, EngineContainer c, EngineProcessList list)
        {
            foreach (IReadOnlyList<string> values in list.Processes)
            {
                var fields = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
                for (int i = 0; i < list.Titles.Count; i++)
                    if (!fields.Contains(list.Titles[i])) fields.Add(list.Titles[i], i < values.Count ? values[i] : null);
                yield return new ComposeProcess
                {
                    ProjectName = project,
                    Service = RuntimeContainers.Service(c) ?? c.Name,
                    Container = c.Name,
                    Number = RuntimeContainers.Number(c),
                    UID = Field(fields, "UID"),
                    PID = Integer(Field(fields, "PID")),
                    PPID = Integer(Field(fields, "PPID")),
                    C = Field(fields, "C"),
                    STIME = Field(fields, "STIME"),
                    TTY = Field(fields, "TTY"),
                    TIME = Field(fields, "TIME"),
                    CMD = Field(fields, "CMD") ?? Field(fields, "COMMAND"),
                    Fields = fields,
                    ContainerId = c.Id,
                };
            }
        }

        private static string Field(OrderedDictionary fields, string title) => fields.Contains(title) ? (string)fields[title] : null;

        private static int? Integer(string text) => int.TryParse(text, out int n) ? n : (int?)null;
    }
}
