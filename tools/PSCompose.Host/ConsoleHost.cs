using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace PSCompose.Host
{
    /// <summary>Just enough PSHost for Out-Host, Write-Host, warnings, verbose and progress on a plain console.</summary>
    internal sealed class ConsoleHost : PSHost
    {
        private readonly ConsoleUI ui = new ConsoleUI();
        public override string Name => "PSCompose.Host";
        public override Version Version => new Version(0, 1);
        public override Guid InstanceId { get; } = Guid.NewGuid();
        public override PSHostUserInterface UI => ui;
        public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;
        public override void SetShouldExit(int exitCode) { }
        public override void EnterNestedPrompt() => throw new NotSupportedException();
        public override void ExitNestedPrompt() => throw new NotSupportedException();
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
    }

    internal sealed class ConsoleUI : PSHostUserInterface
    {
        public override PSHostRawUserInterface RawUI { get; } = new ConsoleRawUI();
        // The formatter styles headers with VT escapes; a plain console host strips them, and so does this one.
        private static readonly System.Text.RegularExpressions.Regex Escapes = new System.Text.RegularExpressions.Regex("\x1b\\[[0-9;]*m");
        private static string Plain(string value) => value == null ? null : Escapes.Replace(value, "");
        public override void Write(string value) => Console.Write(Plain(value));
        public override void Write(ConsoleColor fg, ConsoleColor bg, string value) => Console.Write(Plain(value));
        public override void WriteLine(string value) => Console.WriteLine(Plain(value));
        public override void WriteErrorLine(string value) => Console.Error.WriteLine(value);
        public override void WriteDebugLine(string message) => Console.Error.WriteLine("DEBUG: " + message);
        public override void WriteVerboseLine(string message) => Console.Error.WriteLine("VERBOSE: " + message);
        public override void WriteWarningLine(string message) => Console.Error.WriteLine("WARNING: " + message);
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override string ReadLine() => Console.ReadLine();
        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();
        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException("no interactive prompts in PSCompose.Host");
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();
        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => throw new NotSupportedException("no interactive prompts in PSCompose.Host; pass -Confirm:$false or -Force");
    }

    internal sealed class ConsoleRawUI : PSHostRawUserInterface
    {
        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
        public override Coordinates CursorPosition { get; set; }
        public override Coordinates WindowPosition { get; set; }
        public override int CursorSize { get; set; }
        public override Size BufferSize { get; set; } = new Size(160, 9999);
        public override Size WindowSize { get; set; } = new Size(160, 50);
        public override Size MaxWindowSize => new Size(160, 50);
        public override Size MaxPhysicalWindowSize => new Size(160, 50);
        public override bool KeyAvailable => false;
        public override string WindowTitle { get; set; } = "";
        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();
        public override void FlushInputBuffer() { }
        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => new BufferCell[0, 0];
        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
    }
}
