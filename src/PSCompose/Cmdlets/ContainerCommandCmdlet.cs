using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;

namespace PSCompose.Cmdlets
{
    /// <summary>Where Invoke-ComposeExec and Invoke-ComposeRun put the lines a command writes to its stderr.</summary>
    public enum StdErrTarget
    {
        /// <summary>The Information stream, tagged StdErr (the default: a command that logs to stderr does not fail -ErrorAction Stop).</summary>
        Information,

        /// <summary>The output, as strings among the stdout lines.</summary>
        Output,

        /// <summary>Non-terminating errors with the id ContainerStdErr (category FromStdErr).</summary>
        Error,
    }

    /// <summary>
    /// Base of the cmdlets that run a command in a container (exec, run): the command after the service, pipeline
    /// input sent to its stdin, stdout lines to the output, stderr lines where -StdErr says, and the exit status as
    /// native commands report it: $LASTEXITCODE, and a ContainerExitedNonZero error when it is not 0.
    /// </summary>
    public abstract class ContainerCommandCmdlet : ComposeProjectCmdlet
    {
        /// <summary>The service.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("Service", "ServiceName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string Name { get; set; }

        /// <summary>The command and its arguments. Put -- before them so that PowerShell passes arguments such as -c on untouched.</summary>
        [Parameter(Position = 1, ValueFromRemainingArguments = true)]
        public string[] Command { get; set; }

        /// <summary>
        /// Lines for the command's stdin, each followed by a newline and sent as it arrives (the command starts with the
        /// first); stdin is closed after the last. When the command reads slower than the pipeline gives, the pipeline
        /// waits for it; when it exits without reading it all, the rest is dropped, as docker compose does. Without
        /// pipeline input the command gets no stdin.
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        [AllowNull]
        [AllowEmptyString]
        public PSObject InputObject { get; set; }

        /// <summary>Environment variables, e.g. @{ DEBUG = '1' }. A $null value takes the variable from the project environment, and leaves it out when that has none.</summary>
        [Parameter]
        [Alias("Env", "e")]
        public Hashtable Environment { get; set; }

        /// <summary>The user to run the command as (name or uid[:gid]).</summary>
        [Parameter]
        [Alias("u")]
        public string User { get; set; }

        /// <summary>The working directory of the command inside the container.</summary>
        [Parameter]
        [Alias("Workdir", "w")]
        public string WorkingDirectory { get; set; }

        /// <summary>Start the command and return at once, without its output.</summary>
        [Parameter]
        [Alias("d")]
        public SwitchParameter Detach { get; set; }

        /// <summary>
        /// Run with a TTY in this console, like docker compose exec -it / run -it: keystrokes (Ctrl+C too) go to the
        /// command, its screen comes here, and the window size follows the console. Needs pwsh in a terminal.
        /// </summary>
        [Parameter]
        public SwitchParameter Interactive { get; set; }

        /// <summary>Where stderr lines go: Information (default, tag StdErr), Output (merged with stdout) or Error (error records).</summary>
        [Parameter]
        public StdErrTarget StdErr { get; set; } = StdErrTarget.Information;

        /// <summary>Also emit a result object with the exit code and container after the output.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private bool started;
        private RunningCommand running;

        /// <summary>
        /// Each piped record goes to the command's stdin as it arrives, so the command starts with the first record
        /// (or at the end of the input when there is none).
        /// </summary>
        protected sealed override void ProcessCompose()
        {
            if (!MyInvocation.ExpectingInput) return;
            FailingWithExitCodeOne(() =>
            {
                StartOnce();
                if (InputObject != null) running?.Send(LanguagePrimitives.ConvertTo<string>(InputObject));
            });
        }

        protected sealed override void EndCompose() => FailingWithExitCodeOne(() =>
        {
            StartOnce();
            running?.Finish();
        });

        private void StartOnce()
        {
            if (started) return;
            started = true;
            running = Start();
        }

        /// <summary>
        /// Prepares the command and starts it: returns it running (<see cref="Running"/>) when its output streams to the
        /// pipeline, null when it has already ended (-Interactive, -Detach).
        /// </summary>
        internal abstract RunningCommand Start();

        /// <summary>The stdin for the command: open when pipeline input is expected, null for none at all.</summary>
        internal StdinPipe StandardInput() => MyInvocation.ExpectingInput ? new StdinPipe() : null;

        /// <summary>
        /// The command as it runs: <paramref name="work"/> streams its output (and reads <paramref name="stdin"/>, when
        /// given); <paramref name="whenDone"/> runs on the pipeline thread once it ended, and <paramref name="resource"/>
        /// (a console terminal) is disposed after it, whether it ended well or not.
        /// </summary>
        internal RunningCommand Running(StdinPipe stdin, Func<PipelineQueue, CancellationToken, Task> work, Action whenDone, IDisposable resource = null)
        {
            StreamedWork streamed = BeginStream(async (queue, ct) =>
            {
                try { await work(queue, ct).ConfigureAwait(false); }
                finally { stdin?.Dispose(); }
            });
            return new RunningCommand(streamed, stdin, whenDone, resource);
        }

        /// <summary>A started command: its stdin fed from the pipeline thread, its output written there between records.</summary>
        internal sealed class RunningCommand
        {
            private static readonly Encoding Utf8 = new UTF8Encoding(false);
            private readonly StreamedWork work;
            private readonly StdinPipe stdin;
            private readonly Action whenDone;
            private readonly IDisposable resource;

            public RunningCommand(StreamedWork work, StdinPipe stdin, Action whenDone, IDisposable resource)
            {
                this.work = work;
                this.stdin = stdin;
                this.whenDone = whenDone;
                this.resource = resource;
            }

            /// <summary>
            /// Writes the output so far, then the line (and a newline) to stdin; while the command reads slower than
            /// the pipeline gives, waits here for room, writing its output meanwhile. Without stdin the line is dropped.
            /// </summary>
            public void Send(string line)
            {
                work.DrainAvailable();
                if (stdin != null) work.DrainUntil(stdin.Add(Utf8.GetBytes(line + "\n")));
            }

            public void Finish()
            {
                try
                {
                    stdin?.CompleteAdding();
                    work.Finish();
                }
                finally { resource?.Dispose(); }
                whenDone();
            }
        }

        internal IList<string> Arguments => Command ?? new string[0];

        /// <summary>-Interactive reads the console: refused with -Detach or pipeline input, and in a host without a terminal.</summary>
        internal void CheckInteractive()
        {
            if (!Interactive) return;
            if (Detach || MyInvocation.ExpectingInput)
                throw new ComposeException(ErrorIds.ParameterConflict, "-Interactive reads the console: it cannot be used with -Detach or pipeline input.");
            if (!ConsoleTerminal.Available(Host))
                throw new ComposeException(ErrorIds.InteractiveNeedsConsole,
                    $"-Interactive needs a console with a terminal (pwsh in a terminal window); this host ({Host?.Name}) has none, or its input or output is redirected.", Name);
        }

        /// <summary>-Environment as KEY → value (null: take it from the environment).</summary>
        internal IDictionary<string, string> EnvironmentEntries()
        {
            var entries = new Dictionary<string, string>(StringComparer.Ordinal);
            if (Environment == null) return entries;
            foreach (DictionaryEntry e in Environment)
                entries[Convert.ToString(e.Key, CultureInfo.InvariantCulture)] = e.Value == null ? null : LanguagePrimitives.ConvertTo<string>(e.Value);
            return entries;
        }

        /// <summary>Posts a batch of the command's output lines to the pipeline thread.</summary>
        internal Func<IReadOnlyList<OutputLine>, Task> Writer(PipelineQueue queue, string container, CancellationToken ct) =>
            lines => queue.PostAsync(() =>
            {
                foreach (OutputLine line in lines)
                {
                    string text = ForLog(line.Text);
                    if (line.Stream == OutputStream.Stdout || StdErr == StdErrTarget.Output) WriteObject(text);
                    else if (StdErr == StdErrTarget.Information) WriteInformation(text, new[] { "PSCompose", "StdErr" });
                    else WriteComposeError(new ComposeException(ErrorIds.ContainerStdErr, text, container));
                }
            }, ct);

        /// <summary>Reports the exit status as a native command would: $LASTEXITCODE, and an error record when it is not 0.</summary>
        internal void ReportExit(string container, long exitCode)
        {
            SetLastExitCode(exitCode);
            if (exitCode != 0) WriteComposeError(new ContainerExitedException(container, exitCode), container);
        }

        internal void SetLastExitCode(long exitCode) =>
            SessionState.PSVariable.Set("global:LASTEXITCODE", (int)exitCode);

        /// <summary>Runs the command's work; a failure before or at start sets $LASTEXITCODE to 1, as docker compose exits 1.</summary>
        internal void FailingWithExitCodeOne(Action work)
        {
            try
            {
                work();
            }
            catch (Exception e) when (!(e is PipelineStoppedException) && ErrorRecords.TryCreate(e, out _))
            {
                SetLastExitCode(1);
                throw;
            }
        }
    }
}
