using System;
using System.Management.Automation;
using PSCompose.Execution.Commands;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Waits for the project's services (docker compose wait). -Condition Exited (the default) waits until every
    /// running container of the services, one-offs included, has exited, and emits each one's exit code as it
    /// exits; with -DownProject the project is then taken down. -Condition Running or Healthy waits until every
    /// replica of each service is running or healthy, then emits the containers. -Timeout ends the wait with a
    /// ComposeWaitTimeout error per service not done, naming its state and last log lines.
    /// </summary>
    /// <example>
    /// <code>$r = Wait-ComposeService -Name job; exit $r.ExitCode</code>
    /// <para>Waits for the job service's container to exit and ends the script with its exit code.</para>
    /// </example>
    /// <example>
    /// <code>Wait-ComposeService -Name db, api -Condition Healthy -Timeout 60</code>
    /// <para>Waits up to a minute for db and api to be healthy; an error says which one was not and why.</para>
    /// </example>
    /// <example>
    /// <code>Wait-ComposeService -ProjectName ci -Name tests -DownProject</code>
    /// <para>Waits for the tests to finish, then takes project ci down, like docker compose wait --down-project.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Wait, "ComposeService", SupportsShouldProcess = true)]
    [OutputType(typeof(ComposeContainerExit), typeof(ComposeContainer))]
    public sealed class WaitComposeServiceCommand : ComposeLifecycleCmdlet
    {
        /// <summary>Services to act on; default all. Strings, ComposeService and ComposeContainer objects piped in name services too.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Service", "ServiceName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string[] Name { get; set; }

        public const string Exited = "Exited";
        public const string Running = "Running";
        public const string Healthy = "Healthy";

        /// <summary>What to wait for: Exited (docker compose wait), Running, or Healthy.</summary>
        [Parameter]
        [ValidateSet(Exited, Running, Healthy, IgnoreCase = true)]
        public string Condition { get; set; } = Exited;

        /// <summary>The longest to wait, as a TimeSpan or in seconds. Default: no limit.</summary>
        [Parameter]
        [SecondsTransformation]
        public TimeSpan Timeout { get; set; }

        /// <summary>After every container exited, take the project down (with orphans), like --down-project.</summary>
        [Parameter]
        public SwitchParameter DownProject { get; set; }

        protected override void ProcessCompose() => CollectServices(Name);

        protected override void EndCompose() => ForEachCollected<WaitRequest>(request =>
        {
            request.Condition = (WaitCondition)Enum.Parse(typeof(WaitCondition), Condition, true);
            request.Timeout = MyInvocation.BoundParameters.ContainsKey(nameof(Timeout)) ? Timeout : (TimeSpan?)null;
            request.DownProject = DownProject;
            Run<object>((engine, sink, ct) => WaitCommand.RunAsync(engine, request, sink, ct));
        });
    }
}
