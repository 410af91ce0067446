using System;
using System.Globalization;

namespace PSCompose
{
    /// <summary>Which stream of the container a log line was written to. A TTY container writes only Stdout.</summary>
    public enum ComposeLogStream
    {
        Stdout,
        Stderr,
    }

    /// <summary>
    /// One line a service's container wrote (Receive-ComposeLog, Invoke-ComposeUp -Attach). Unlike Compose's text, it
    /// keeps stdout and stderr apart and carries the engine's capture time, so `Sort-Object Timestamp` orders lines
    /// across containers.
    /// </summary>
    public sealed class ComposeLogRecord
    {
        public string ProjectName { get; set; }

        public string Service { get; set; }

        /// <summary>The container name, e.g. myapp-web-1.</summary>
        public string Container { get; set; }

        public string ContainerId { get; set; }

        /// <summary>The replica number; 0 for one-off containers.</summary>
        public int Number { get; set; }

        public ComposeLogStream Stream { get; set; }

        /// <summary>When the engine captured the line (logs), or when PSCompose received it (attached up).</summary>
        public DateTimeOffset Timestamp { get; set; }

        /// <summary>The text, without its line ending (a TTY's trailing carriage return is removed too).</summary>
        public string Line { get; set; }

        /// <summary>The Compose-style prefix chosen when the record was written ("web-1  | "), empty without one.</summary>
        internal string Prefix { get; set; } = "";

        /// <summary>The prefix colour (ANSI SGR parameters), as Compose assigns them in order of first output.</summary>
        internal string PrefixColor { get; set; }

        internal bool ShowTimestamp { get; set; }

        /// <summary>Written in CI mode: the display text is neutralised (<see cref="Common.CiDialect.Neutralise"/>).</summary>
        internal bool ForCi { get; set; }

        /// <summary>
        /// The line as Compose prints it: prefix, optional timestamp, text. Colour only when asked. In CI mode a logging
        /// command in the text ("##vso[", "##[", a leading "::") has its first character replaced by '*'.
        /// </summary>
        public string ToDisplayString(bool color)
        {
            string stamp = ShowTimestamp ? FormatTimestamp(Timestamp) + " " : "";
            string prefix = color && PrefixColor != null && Prefix.Length > 0 ? "\u001b[" + PrefixColor + "m" + Prefix + "\u001b[0m" : Prefix;
            string text = prefix + stamp + Line;
            return ForCi ? Common.CiDialect.Neutralise(text) : text;
        }

        public override string ToString() => Line;

        /// <summary>RFC 3339 UTC with a 9-digit fraction, as the engine writes it (the last two digits are below .NET's 100 ns).</summary>
        internal static string FormatTimestamp(DateTimeOffset t) =>
            t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "00Z";
    }
}
