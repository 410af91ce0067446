using System;

namespace PSCompose.Engine
{
    /// <summary>Which container stream a line came from. A TTY container has only Stdout (the pty merges them).</summary>
    internal enum OutputStream
    {
        Stdout = 1,
        Stderr = 2,
    }

    /// <summary>One line of container output (logs, attach or exec), without its line ending.</summary>
    internal readonly struct OutputLine
    {
        public OutputLine(OutputStream stream, DateTimeOffset timestamp, string text)
        {
            Stream = stream;
            Timestamp = timestamp;
            Text = text;
        }

        public OutputStream Stream { get; }

        /// <summary>The engine's capture time when it sent timestamps (logs), else when the line's first byte arrived.</summary>
        public DateTimeOffset Timestamp { get; }

        public string Text { get; }
    }
}
