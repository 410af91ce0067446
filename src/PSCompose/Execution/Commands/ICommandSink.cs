using System;
using System.Threading;
using System.Threading.Tasks;

namespace PSCompose.Execution.Commands
{
    /// <summary>
    /// Where a command's entry point reports while it runs, from any thread: warnings, errors that end only part of the
    /// command (one service, one container), progress, and the questions it asks before it changes anything. A failure
    /// that ends the whole command is an exception from the entry point instead. The cmdlets implement it on the
    /// pipeline (Cmdlets/CmdletSink): each call becomes a Write* on the pipeline thread, in order.
    /// </summary>
    internal interface ICommandSink
    {
        void Warning(string message);

        void Verbose(string message);

        /// <summary>A failure of one part (a ComposeException or an engine exception); the command goes on.</summary>
        void Error(Exception error, object target = null);

        /// <summary>One event of a plan being executed, under the activity that names the plan ("Compose stop shop").</summary>
        void PlanEvent(string activity, ExecutionEvent e);

        /// <summary>The activity's plan has ended: its progress is closed.</summary>
        void PlanDone(string activity);

        /// <summary>Progress of work that is not a plan (the bytes of a copy).</summary>
        void Progress(CommandProgress progress);

        /// <summary>
        /// Asks before a change, with what would be done (a plan transcript): false when declined. A dry run shows the
        /// action and answers false; the entry points also check the request's DryRun, so a dry run never changes anything.
        /// </summary>
        Task<bool> ShouldProcessAsync(string target, string action, CancellationToken ct);

        /// <summary>Asks once more before something Compose asks about too (rm without -Force): false when declined.</summary>
        Task<bool> ShouldContinueAsync(string query, string caption, CancellationToken ct);
    }

    /// <summary>A command's sink with its results: <typeparamref name="T"/> is what the command returns.</summary>
    internal interface ICommandSink<in T> : ICommandSink
    {
        void Write(T result);
    }

    /// <summary>One progress line of work that is not a plan; <see cref="Id"/> tells concurrent lines apart.</summary>
    internal sealed class CommandProgress
    {
        public int Id { get; set; }

        public string Activity { get; set; }

        public string Status { get; set; }

        /// <summary>What is being done right now ("1048576 bytes"); may be null.</summary>
        public string Detail { get; set; }

        public bool Completed { get; set; }
    }
}
