using System;
using System.Collections.Generic;

namespace PSCompose
{
    /// <summary>
    /// Compose's log presenter rules, applied to records as they are written: the prefix name
    /// (<see cref="Model.ComposeNames.LogName"/>), its width (the longest name seen so
    /// far plus one, so earlier lines can be narrower, as in Compose), and colours in order of first output.
    /// </summary>
    internal sealed class LogPresenter
    {
        private static readonly string[] Colors = { "36", "33", "32", "35", "34", "36;1", "33;1", "32;1", "35;1", "34;1" };

        private readonly Dictionary<string, string> colorOf = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly bool prefix;
        private readonly bool timestamps;
        private int width;

        public LogPresenter(bool prefix, bool timestamps)
        {
            this.prefix = prefix;
            this.timestamps = timestamps;
        }

        /// <summary>Sets the record's display prefix, colour and timestamp flag.</summary>
        public ComposeLogRecord Present(ComposeLogRecord record)
        {
            record.ShowTimestamp = timestamps;
            if (!prefix) return record;
            string name = Model.ComposeNames.LogName(record.ProjectName, record.Service, record.Number, record.Container);
            if (!colorOf.TryGetValue(name, out string color))
            {
                color = Colors[colorOf.Count % Colors.Length];
                colorOf.Add(name, color);
                width = Math.Max(width, name.Length + 1);
            }
            record.Prefix = name.PadRight(width) + " | ";
            record.PrefixColor = color;
            return record;
        }
    }
}
