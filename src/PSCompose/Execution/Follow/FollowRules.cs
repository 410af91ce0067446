using System;

namespace PSCompose.Execution.Follow
{
    /// <summary>How a follow treats the containers already there when it begins.</summary>
    internal enum FollowStart
    {
        /// <summary>
        /// Receive-ComposeLog -Follow: each container's log is read from the request's tail and since, a stopped one to its
        /// end, and lines carry the engine's capture times.
        /// </summary>
        History,

        /// <summary>
        /// Attached up: output from now on (running containers are attached), a stopped one reports its last exit, and
        /// lines carry the time they arrived.
        /// </summary>
        Now,
    }

    /// <summary>The caller's rules for a <see cref="ContainerFollower"/>: which containers, whose output, and what ends it.</summary>
    internal sealed class FollowRules
    {
        /// <summary>The containers followed (one project's) and how their logs are read: tail, since, until.</summary>
        public LogRequest Request { get; set; }

        public FollowStart Start { get; set; }

        /// <summary>Whose output is read (attached up: the attached services); the others only report their exits.</summary>
        public Func<LogTarget, bool> ReadsOutput { get; set; } = _ => true;

        /// <summary>
        /// The containers the follow waits for: it ends once each of them has stopped for good (attached up: the watched
        /// services); the others are followed as long as the follow lasts.
        /// </summary>
        public Func<LogTarget, bool> Awaited { get; set; } = _ => true;

        /// <summary>Each run's end, after its output and its status line (attached up records exits and starts its cascade here).</summary>
        public Action<ContainerRunEnd> Ended { get; set; } = _ => { };
    }

    /// <summary>One run of a container came to its end.</summary>
    internal sealed class ContainerRunEnd
    {
        public ContainerRunEnd(LogTarget target, long exitCode, bool restarting, DateTimeOffset? finishedAt, bool awaited)
        {
            Target = target;
            ExitCode = exitCode;
            Restarting = restarting;
            FinishedAt = finishedAt;
            Awaited = awaited;
        }

        public LogTarget Target { get; }

        /// <summary>From the run's die event: the engine's state reads 0 once a restart policy has started the container again.</summary>
        public long ExitCode { get; }

        /// <summary>The engine starts the container again (its restart policy, or a restart under way).</summary>
        public bool Restarting { get; }

        public DateTimeOffset? FinishedAt { get; }

        public bool Awaited { get; }
    }
}
