using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace PSCompose.ModuleTests.Up
{
    /// <summary>
    /// A host that records what is written to its UI (where -WhatIf messages go). With an answer ("Yes" or "No") it
    /// answers every choice prompt (ShouldContinue) that way and records the questions; without one it cannot prompt.
    /// </summary>
    internal sealed class RecordingHost : PSHost
    {
        private readonly RecordingUI ui;

        public RecordingHost(string answer = null) => ui = new RecordingUI(answer);

        public string Text => ui.Text.ToString();

        public List<string> Questions => ui.Questions;

        public override string Name => "PSCompose.RecordingHost";
        public override Version Version => new Version(1, 0);
        public override Guid InstanceId { get; } = Guid.NewGuid();
        public override PSHostUserInterface UI => ui;
        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
        public override void EnterNestedPrompt() => throw new NotSupportedException();
        public override void ExitNestedPrompt() => throw new NotSupportedException();
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
        public override void SetShouldExit(int exitCode) { }

        private sealed class RecordingUI : PSHostUserInterface
        {
            public readonly StringBuilder Text = new StringBuilder();
            public readonly List<string> Questions = new List<string>();
            private readonly string answer;

            public RecordingUI(string answer) => this.answer = answer;

            public override PSHostRawUserInterface RawUI => null;
            public override string ReadLine() => throw new NotSupportedException();
            public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();
            public override void Write(string value) { lock (Text) Text.Append(value); }
            public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Write(value);
            public override void WriteLine(string value) => Write(value + "\n");
            public override void WriteErrorLine(string value) => WriteLine(value);
            public override void WriteDebugLine(string message) { }
            public override void WriteProgress(long sourceId, ProgressRecord record) { }
            public override void WriteVerboseLine(string message) { }
            public override void WriteWarningLine(string message) { }
            public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException();
            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();
            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();
            public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
            {
                if (answer == null) throw new NotSupportedException();
                lock (Questions) Questions.Add(message);
                for (int i = 0; i < choices.Count; i++)
                    if (choices[i].Label.Replace("&", "") == answer) return i;
                throw new InvalidOperationException("No choice " + answer + " in: " + string.Join(", ", choices.Select(c => c.Label)));
            }
        }
    }
}
