using System;
using System.Threading;
using System.Threading.Tasks;

namespace PSCompose.Engine
{
    /// <summary>
    /// The terminal side of an interactive (TTY) exec, in engine terms only: raw input bytes, raw output bytes, and the
    /// window size. The cmdlet layer implements it over the console.
    /// </summary>
    internal abstract class TtySession
    {
        /// <summary>The next input bytes (keystrokes); an empty array when there are none yet.</summary>
        public abstract byte[] ReadInput();

        public abstract void WriteOutput(byte[] buffer, int count);

        /// <summary>The window size now, as (columns, rows).</summary>
        public abstract (int Width, int Height) Size { get; }

        /// <summary>How often input and the window size are polled.</summary>
        public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(15);

        internal static Task Delay(CancellationToken ct) => Task.Delay(PollInterval, ct);
    }
}
