using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation.Host;
using System.Text;
using PSCompose.Engine;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// The console as the terminal of an interactive exec: keystrokes read raw (Ctrl+C included, as input for the
    /// container's TTY), screen bytes written straight to stdout, the window size. Dispose gives Ctrl+C back to PowerShell.
    /// </summary>
    internal sealed class ConsoleTerminal : TtySession, IDisposable
    {
        private readonly bool savedTreatControlCAsInput;
        private readonly Stream stdout = Console.OpenStandardOutput();
        private readonly Encoding utf8 = new UTF8Encoding(false);

        public ConsoleTerminal()
        {
            savedTreatControlCAsInput = Console.TreatControlCAsInput;
            Console.TreatControlCAsInput = true;
        }

        /// <summary>True in pwsh/powershell.exe running in a terminal; false in hosted runspaces, ISE, redirected sessions.</summary>
        public static bool Available(PSHost host) =>
            host?.Name == "ConsoleHost" && !Console.IsInputRedirected && !Console.IsOutputRedirected;

        public override byte[] ReadInput()
        {
            var bytes = new List<byte>();
            while (Console.KeyAvailable) bytes.AddRange(Encode(Console.ReadKey(intercept: true)));
            return bytes.ToArray();
        }

        public override void WriteOutput(byte[] buffer, int count)
        {
            stdout.Write(buffer, 0, count);
            stdout.Flush();
        }

        public override (int Width, int Height) Size => (Console.WindowWidth, Console.WindowHeight);

        /// <summary>What a VT terminal sends for the key.</summary>
        private byte[] Encode(ConsoleKeyInfo key)
        {
            switch (key.Key)
            {
                case ConsoleKey.UpArrow: return Escape("[A");
                case ConsoleKey.DownArrow: return Escape("[B");
                case ConsoleKey.RightArrow: return Escape("[C");
                case ConsoleKey.LeftArrow: return Escape("[D");
                case ConsoleKey.Home: return Escape("[H");
                case ConsoleKey.End: return Escape("[F");
                case ConsoleKey.Delete: return Escape("[3~");
                case ConsoleKey.Backspace: return new byte[] { 0x7f };
                case ConsoleKey.Enter: return new byte[] { (byte)'\r' };
            }
            return key.KeyChar == '\0' ? new byte[0] : utf8.GetBytes(new[] { key.KeyChar });
        }

        private static byte[] Escape(string sequence) => Encoding.ASCII.GetBytes("\u001b" + sequence);

        public void Dispose()
        {
            Console.TreatControlCAsInput = savedTreatControlCAsInput;
            stdout.Flush();
        }
    }
}
