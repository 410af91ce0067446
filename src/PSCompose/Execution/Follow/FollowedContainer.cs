using System;
using System.Threading.Tasks;

namespace PSCompose.Execution.Follow
{
    /// <summary>
    /// What a <see cref="ContainerFollower"/> knows of one container: whether it still runs, whether the run it reads
    /// has ended, and its one reader at a time (reads of successive runs resume from its watermark). Guarded by the
    /// follower's lock.
    /// </summary>
    internal sealed class FollowedContainer
    {
        public FollowedContainer(LogTarget target, bool readsOutput, bool awaited)
        {
            Target = target;
            ReadsOutput = readsOutput;
            Awaited = awaited;
        }

        public LogTarget Target { get; }

        public bool ReadsOutput { get; }

        public bool Awaited { get; }

        public Watermark Mark { get; } = new Watermark();

        /// <summary>Running, restarting, or created to replace a container and about to start: not stopped for good.</summary>
        public bool Live { get; set; }

        /// <summary>A run has started and its die event has not come yet: a start event now is that run's own.</summary>
        public bool RunOpen { get; set; }

        /// <summary>
        /// A stopped container found at the start: its events up to its last exit are already told (a start event still
        /// queued then is that run's own).
        /// </summary>
        public DateTimeOffset? FoundExited { get; set; }

        /// <summary>Runs started: a settling that outlived its run is moot.</summary>
        public int Runs { get; set; }

        /// <summary>The open run was sent a signal (kill event): a stop, restart or kill through the API is under way.</summary>
        public bool Killed { get; set; }

        /// <summary>Stopped on request, maybe to be started again: whether for good is decided at its stop event.</summary>
        public bool Settling { get; set; }

        /// <summary>
        /// The engine's since value where the next run's output begins: its predecessor's die event (every line of a run
        /// is in the log by then). Null before any run ended here.
        /// </summary>
        public string LastEnd { get; set; }

        /// <summary>A read is under way; ReadAgain asks it for one more once it ends (a run started meanwhile), from AgainSince.</summary>
        public bool Reading { get; set; }

        public bool ReadAgain { get; set; }

        public string AgainSince { get; set; }

        /// <summary>The read under way or the last one; a run's status waits for it.</summary>
        public OutputRead Current { get; set; }

        /// <summary>A run has started: running, its die to come, no stop request seen yet.</summary>
        public void BeginRun()
        {
            Live = RunOpen = true;
            Killed = Settling = false;
            Runs++;
        }

        /// <summary>Run ends not yet reported, and the chain that reports them in order.</summary>
        public int Reporting { get; set; }

        public Task Reports { get; set; } = Task.CompletedTask;
    }
}
