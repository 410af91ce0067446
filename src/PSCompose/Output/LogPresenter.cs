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
        private readonly Dictionary<string, Prefix> byContainer = new Dictionary<string, Prefix>(StringComparer.Ordinal);
        private readonly bool prefix;
        private readonly bool timestamps;
        private readonly bool forCi;
        private int width;

        /// <param name="forCi">In a CI log: the display text cannot start a logging command (the Line stays as written).</param>
        public LogPresenter(bool prefix, bool timestamps, bool forCi = false)
        {
            this.prefix = prefix;
            this.timestamps = timestamps;
            this.forCi = forCi;
        }

        /// <summary>Sets the record's display prefix, colour, timestamp flag and CI neutralising.</summary>
        public ComposeLogRecord Present(ComposeLogRecord record)
        {
            record.ShowTimestamp = timestamps;
            record.ForCi = forCi;
            if (!prefix) return record;
            // Once per container, not per line: the name and the padded prefix are kept until the width changes.
            if (!byContainer.TryGetValue(record.Container ?? "", out Prefix p))
            {
                string name = Model.ComposeNames.LogName(record.ProjectName, record.Service, record.Number, record.Container);
                if (!colorOf.TryGetValue(name, out string color))
                {
                    color = Colors[colorOf.Count % Colors.Length];
                    colorOf.Add(name, color);
                    width = Math.Max(width, name.Length + 1);
                }
                byContainer.Add(record.Container ?? "", p = new Prefix { Name = name, Color = color });
            }
            if (p.Width != width)
            {
                p.Text = p.Name.PadRight(width) + " | ";
                p.Width = width;
            }
            record.Prefix = p.Text;
            record.PrefixColor = p.Color;
            return record;
        }

        private sealed class Prefix
        {
            public string Name;
            public string Color;
            public string Text;
            public int Width = -1;
        }

        /// <summary>Compose's status message for a container's exit ("exited with code 3", "… (restarting)").</summary>
        internal static string ExitStatus(long code, bool restarting) => $"exited with code {code}" + (restarting ? " (restarting)" : "");
    }
}
