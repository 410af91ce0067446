using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Execution.Commands;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Base of every PSCompose cmdlet. Owns the engine client, the cancellation source that Ctrl+C
    /// (StopProcessing) cancels, the bridge from pool threads back to the pipeline thread, and the
    /// mapping of PSCompose's exceptions onto ErrorRecords.
    /// </summary>
    public abstract class ComposeCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource cancellation = new CancellationTokenSource();
        private IEngineClient engine;
        private CiLog ci;

        /// <summary>
        /// Output for a CI log. Auto (the default) writes for Azure Pipelines when TF_BUILD is True and for GitHub Actions
        /// when GITHUB_ACTIONS is true; AzurePipelines or GitHubActions force that dialect; None turns CI output off. In
        /// CI mode compose-file errors and warnings are also printed as annotations (##vso[task.logissue ...] or
        /// ::error file=...,line=...::), progress is plain lines in collapsible groups (##[group] or ::group::), always
        /// closed, instead of progress records, and text from containers (log views, -Raw, exec and run output, build
        /// output) cannot start a logging command: the first character of "##vso[" and "##[", and of "::" starting a
        /// line, becomes '*'. ComposeLogRecord.Line keeps the text as the container wrote it.
        /// </summary>
        [Parameter]
        public CiOutputMode CiOutput { get; set; }

        /// <summary>
        /// The invocation's CI log, or null outside CI mode; set in BeginProcessing, so any thread may ask whether it is
        /// CI mode, but only the pipeline thread writes to it.
        /// </summary>
        internal CiLog Ci => ci;

        /// <summary>Text from a container as this invocation prints it: neutralised in CI mode (<see cref="Common.CiDialect.Neutralise"/>).</summary>
        internal string ForLog(string text) => Ci == null ? text : Common.CiDialect.Neutralise(text);

        /// <summary>Cancelled when the pipeline is stopped.</summary>
        protected CancellationToken CancellationToken => cancellation.Token;

        protected sealed override void BeginProcessing() => Guard(() =>
        {
            ci = CiLog.For(this, CiOutput);
            BeginCompose();
        });

        protected sealed override void ProcessRecord() => Guard(ProcessCompose);

        protected sealed override void EndProcessing() => Guard(() =>
        {
            try { EndCompose(); }
            finally { CompleteProgress(); }
        });

        protected sealed override void StopProcessing() => cancellation.Cancel();

        protected virtual void BeginCompose() { }

        protected virtual void ProcessCompose() { }

        protected virtual void EndCompose() { }

        /// <summary>Closes the progress records this invocation opened, whether EndCompose succeeded or not.</summary>
        internal virtual void CompleteProgress() { }

        /// <summary>The engine client for this invocation, connected on first use.</summary>
        internal IEngineClient Engine
        {
            get
            {
                if (engine == null)
                {
                    EngineEndpoint endpoint = ResolveEndpoint();
                    WriteVerbose(Connecting(endpoint));
                    engine = Await(ct => DockerEngineClient.ConnectAsync(endpoint, ct));
                    WriteVerbose(Negotiated(engine));
                }
                return engine;
            }
        }

        /// <summary>The engine client, connected on the pool when needed (for an entry point that reports an unreachable engine itself).</summary>
        internal async Task<IEngineClient> ConnectAsync(ICommandSink sink, CancellationToken ct)
        {
            if (engine != null) return engine;
            EngineEndpoint endpoint = ResolveEndpoint();
            sink.Verbose(Connecting(endpoint));
            engine = await DockerEngineClient.ConnectAsync(endpoint, ct).ConfigureAwait(false);
            sink.Verbose(Negotiated(engine));
            return engine;
        }

        private static string Connecting(EngineEndpoint endpoint) => $"Connecting to the Docker engine at {endpoint} ({endpoint.Source}).";

        private static string Negotiated(IEngineClient client) => $"Negotiated engine API version {client.ApiVersion}.";

        /// <summary>
        /// Runs one command's entry point (Execution/Commands) with this invocation's engine client and a sink that
        /// writes to this pipeline: the bridge every cmdlet uses instead of calling the engine itself.
        /// </summary>
        internal void Run<T>(Func<IEngineClient, ICommandSink<T>, CancellationToken, Task> entry)
        {
            IEngineClient client = Engine;
            RunSink<T>((sink, ct) => entry(client, sink, ct));
        }

        /// <summary>Runs work that reports through a sink on this pipeline (every call posted to the pipeline thread).</summary>
        internal void RunSink<T>(Func<ICommandSink<T>, CancellationToken, Task> work) =>
            Stream((queue, ct) => work(new CmdletSink<T>(this, queue), ct));

        /// <summary>
        /// True under -WhatIf (or $WhatIfPreference): the request is a dry run. ShouldProcess still shows what would be
        /// done; the entry point also refuses to change anything.
        /// </summary>
        internal bool DryRun =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out object whatIf)
                ? ((SwitchParameter)whatIf).IsPresent
                : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

        /// <summary>Where the engine is, from DOCKER_HOST / DOCKER_CONTEXT like the docker CLI; does not connect.</summary>
        internal static EngineEndpoint ResolveEndpoint() => EngineEndpoint.Resolve(Environment.GetEnvironmentVariable, IsWindows);

        internal static bool IsWindows => Environment.OSVersion.Platform == PlatformID.Win32NT;

        /// <summary>Runs async work on the pool and waits for it on the pipeline thread.</summary>
        internal T Await<T>(Func<CancellationToken, Task<T>> work)
        {
            Task<T> task = Task.Run(() => work(CancellationToken));
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Connects (on the pipeline thread) if needed, then runs engine work on the pool.</summary>
        internal T AwaitEngine<T>(Func<IEngineClient, CancellationToken, Task<T>> work)
        {
            IEngineClient client = Engine;
            return Await(ct => work(client, ct));
        }

        internal void AwaitEngine(Func<IEngineClient, CancellationToken, Task> work) =>
            AwaitEngine<bool>(async (client, ct) => { await work(client, ct).ConfigureAwait(false); return true; });

        internal void Await(Func<CancellationToken, Task> work) =>
            Await<bool>(async ct => { await work(ct).ConfigureAwait(false); return true; });

        /// <summary>
        /// Runs async work that produces output while it runs. The work posts actions to the queue from any thread;
        /// they run here, on the pipeline thread, which is the only place Write* may be called (see <see cref="StreamedWork"/>).
        /// </summary>
        internal void Stream(Func<PipelineQueue, CancellationToken, Task> work)
        {
            using (var streamed = new StreamedWork(work, CancellationToken)) streamed.Finish();
        }

        /// <summary>
        /// Starts streamed work and returns while it runs, for a cmdlet that feeds it from ProcessRecord; the caller
        /// drains and finishes it (an unfinished one is stopped when the cmdlet is disposed).
        /// </summary>
        internal StreamedWork BeginStream(Func<PipelineQueue, CancellationToken, Task> work)
        {
            var streamed = new StreamedWork(work, CancellationToken);
            started.Add(streamed);
            return streamed;
        }

        private readonly List<StreamedWork> started = new List<StreamedWork>();

        /// <summary>Turns PSCompose's exceptions into terminating ErrorRecords; lets PowerShell's own pass.</summary>
        private void Guard(Action action)
        {
            try
            {
                action();
            }
            catch (Exception e) when (ErrorRecords.TryCreate(e, out ErrorRecord record))
            {
                Ci?.Error(e, record.FullyQualifiedErrorId);
                ThrowTerminatingError(record);
            }
            finally
            {
                Ci?.CloseGroup(); // a group left open by a failure or Ctrl+C
            }
        }

        internal void WriteComposeError(Exception e, object target = null)
        {
            if (!ErrorRecords.TryCreate(e, out ErrorRecord record, target)) ExceptionDispatchInfo.Capture(e).Throw();
            Ci?.Error(e, record.FullyQualifiedErrorId);
            WriteError(record);
        }

        /// <summary>Write-Warning, plus a warning annotation in CI mode (hides Cmdlet.WriteWarning for every PSCompose cmdlet).</summary>
        internal new void WriteWarning(string text)
        {
            if (Ci != null && WarningsShown()) Ci.Warning(text);
            base.WriteWarning(text);
        }

        /// <summary>-WarningAction when given, else the $WarningPreference in scope: a silenced warning gets no annotation either.</summary>
        private bool WarningsShown()
        {
            object preference = MyInvocation.BoundParameters.TryGetValue("WarningAction", out object given)
                ? given : GetVariableValue("WarningPreference");
            return !(LanguagePrimitives.TryConvertTo(preference, out ActionPreference p) && (p == ActionPreference.SilentlyContinue || p == ActionPreference.Ignore));
        }

        public void Dispose()
        {
            foreach (StreamedWork streamed in started) streamed.Dispose();
            engine?.Dispose();
            cancellation.Dispose();
        }
    }
}
