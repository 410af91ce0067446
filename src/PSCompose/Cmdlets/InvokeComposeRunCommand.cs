using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using PSCompose.Engine;
using PSCompose.Execution;
using PSCompose.Model;
using PSCompose.Model.Canonical;
using PSCompose.Plan;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Runs a one-off command in a new container of a service, like docker compose run -T: its dependencies are brought
    /// up first (unless -NoDeps; other services are left alone), the container is named
    /// &lt;project&gt;-&lt;service&gt;-run-&lt;id&gt; (container_name is ignored), publishes no ports unless -ServicePorts or
    /// -Publish, and has no restart policy. Output, stdin and the exit status work as with Invoke-ComposeExec. -Remove
    /// removes the container afterwards, also after Ctrl+C; Ctrl+C sends SIGINT to the command and stops the container
    /// if it has not ended within 3 seconds. -Detach starts it and returns the container.
    /// </summary>
    /// <example>
    /// <code>Invoke-ComposeRun web -Remove -- python manage.py migrate</code>
    /// <para>Runs the migrations in a throw-away web container after starting the services web depends on.</para>
    /// </example>
    /// <example>
    /// <code>Invoke-ComposeRun web -Detach -- sleep 60</code>
    /// <para>Starts a one-off container in the background and returns it as a ComposeContainer.</para>
    /// </example>
    /// <example>
    /// <code>'select 1;' | Invoke-ComposeRun db -Remove -NoDeps -- psql -h db -U postgres</code>
    /// <para>Sends the piped text to the one-off's stdin.</para>
    /// </example>
    /// <example>
    /// <code>Invoke-ComposeRun web -WhatIf -- sh -c 'rm -rf /data/*'</code>
    /// <para>Shows the services that would be started and the one-off that would run, and runs nothing. -WhatIf and
    /// -Confirm anywhere before -- are PowerShell's; after -- they go to the command (Invoke-ComposeRun web -- echo -WhatIf).</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Invoke, "ComposeRun", SupportsShouldProcess = true)]
    [OutputType(typeof(string), typeof(ComposeRunResult), typeof(ComposeContainer))]
    public sealed class InvokeComposeRunCommand : ContainerCommandCmdlet
    {
        /// <summary>Remove the container when the command ends (docker compose run --rm).</summary>
        [Parameter]
        [Alias("Rm")]
        public SwitchParameter Remove { get; set; }

        /// <summary>Do not create or start the services this one depends on.</summary>
        [Parameter]
        public SwitchParameter NoDeps { get; set; }

        /// <summary>The one-off container's name (docker compose run --name).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ContainerName { get; set; }

        /// <summary>Volumes in short syntax (SOURCE:TARGET[:MODE]), added to the service's.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] Volume { get; set; }

        /// <summary>Ports to publish in short syntax ([IP:][HOST:]CONTAINER[/PROTOCOL]), instead of the service's.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] Publish { get; set; }

        /// <summary>Publish the service's ports, which a one-off otherwise does not.</summary>
        [Parameter]
        public SwitchParameter ServicePorts { get; set; }

        /// <summary>
        /// Override the entrypoint: one string is split into words as Compose splits run --entrypoint (quotes and
        /// backslashes group words; $VAR is not expanded; an empty string clears the image's entrypoint); several
        /// strings are taken as they are.
        /// </summary>
        [Parameter]
        public string[] Entrypoint { get; set; }

        /// <summary>Labels to add, e.g. @{ purpose = 'migration' }.</summary>
        [Parameter]
        public Hashtable Label { get; set; }

        /// <summary>Give the container the service name and its network aliases on its networks, as the service's own containers have.</summary>
        [Parameter]
        public SwitchParameter UseAliases { get; set; }

        /// <summary>Linux capabilities to add to the one-off (docker compose run --cap-add), besides the service's cap_add; they leave its cap_drop.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] CapAdd { get; set; }

        /// <summary>Linux capabilities to drop from the one-off (docker compose run --cap-drop), besides the service's cap_drop; they leave its cap_add.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] CapDrop { get; set; }

        /// <summary>Build the images before starting.</summary>
        [Parameter]
        public SwitchParameter Build { get; set; }

        /// <summary>Pull images: Always, Missing or Never; default: each service's pull_policy.</summary>
        [Parameter]
        [ValidateSet("Always", "Missing", "Never")]
        public string Pull { get; set; }

        /// <summary>Do not report pull progress (docker compose run --quiet-pull).</summary>
        [Parameter]
        public SwitchParameter QuietPull { get; set; }

        /// <summary>Do not report build output or progress (docker compose run --quiet-build).</summary>
        [Parameter]
        public SwitchParameter QuietBuild { get; set; }

        internal override RunningCommand Start() => Run();

        private RunningCommand Run()
        {
            if (ServicePorts && Publish != null) throw new ComposeException(ErrorIds.ParameterConflict, "-ServicePorts and -Publish cannot be used together.");
            CheckInteractive();
            ProjectModel model = LoadProject(new[] { Name });
            OneOffRequest request = Request();
            var runner = new OneOffRunner(Engine, model, request, new UpRequest
            {
                Build = Build,
                Pull = Pull == null ? PullOption.Policy : (PullOption)Enum.Parse(typeof(PullOption), Pull, true),
                NoDeps = NoDeps,
                Compatibility = model.Compatibility,
            });
            AwaitEngine((engine, ct) => runner.Dependencies.PrepareAsync(ct));
            if (!ShouldProcess($"service {Name} of project {model.Name}", WhatWouldRun(runner))) return null;

            var reporter = new ExecutionReporter(this, $"Compose run {model.Name} {Name}");
            var context = new Execution.ExecutionContext { Project = model };
            bool bars = Ci != null || ImageProgressReporter.Wanted(this);
            IReadOnlyList<OperationFailure> failures = null;
            EngineCreateResult created = null;
            long exitCode = 0;
            var clock = Stopwatch.StartNew();
            StdinPipe stdin = request.Stdin ? StandardInput() : null;
            ConsoleTerminal terminal = Interactive ? new ConsoleTerminal() : null;
            return Running(stdin, async (queue, ct) =>
            {
                context.Warn = message => queue.Post(() => WriteWarning(message));
                reporter.Wire(context, queue, bars, QuietPull, QuietBuild);
                failures = await runner.Dependencies.RunAsync(context, e => queue.Post(() => reporter.Report(e)), ct).ConfigureAwait(false);
                queue.Post(reporter.Complete);
                if (failures.Any(f => !f.Operation.BestEffort)) return;
                created = await runner.CreateAsync(ct).ConfigureAwait(false);
                foreach (string warning in created.Warnings) queue.Post(() => WriteWarning(warning));
                if (Detach) await runner.StartDetachedAsync(created.Id, ct).ConfigureAwait(false);
                else if (terminal != null) exitCode = await runner.RunWithTtyAsync(created.Id, terminal, ct).ConfigureAwait(false);
                else exitCode = await runner.RunAttachedAsync(created.Id, stdin, Writer(queue, runner.ContainerName, ct), ct).ConfigureAwait(false);
            }, () => Report(model, reporter, failures, created, runner, exitCode, clock), terminal);
        }

        /// <summary>After the one-off: the dependencies' failures, then the container (-Detach) or the exit status.</summary>
        private void Report(ProjectModel model, ExecutionReporter reporter, IReadOnlyList<OperationFailure> failures, EngineCreateResult created,
            OneOffRunner runner, long exitCode, Stopwatch clock)
        {
            reporter.Complete();
            List<OperationFailure> reportable = OperationError.Reportable(failures, WriteVerbose, out EngineUnavailableException lost);
            foreach (OperationFailure failure in reportable)
                WriteComposeError(OperationError.From(failure), failure.Operation.Service);
            if (lost != null) throw lost;
            if (created == null)
            {
                SetLastExitCode(1);
                return;
            }
            string containerName = runner.ContainerName;
            if (Detach)
            {
                SetLastExitCode(0);
                ComposeContainer container = AwaitEngine((engine, ct) => ProjectStatusReader.ContainersAsync(engine, model.Name, new[] { Name }, true, true, ct))
                    .FirstOrDefault(c => c.Id == created.Id);
                if (container != null) WriteObject(container);
                return;
            }
            ReportExit(containerName, exitCode);
            if (PassThru)
                WriteObject(new ComposeRunResult
                {
                    ProjectName = model.Name,
                    Service = Name,
                    ContainerName = containerName,
                    ContainerId = created.Id,
                    ExitCode = exitCode,
                    Duration = clock.Elapsed,
                    Removed = runner.Removed,
                });
        }

        private string WhatWouldRun(OneOffRunner runner)
        {
            string plan = PlanTranscript.Format(runner.Dependencies.ImagePlan) + PlanTranscript.Format(runner.Dependencies.ContainerPlan);
            string command = Arguments.Count > 0 ? " (" + string.Join(" ", Arguments) + ")" : "";
            return (plan.Length > 0 ? "Bring up its dependencies with the plan:" + System.Environment.NewLine + plan : "") +
                   (Detach ? "Start" : "Run") + " a one-off container" + command;
        }

        private OneOffRequest Request() => new OneOffRequest
        {
            Service = Name,
            Command = Arguments,
            Entrypoint = EntrypointWords(),
            ContainerName = ContainerName,
            Environment = EnvironmentEntries(),
            Labels = Labels(),
            Volumes = Volume ?? new string[0],
            Publish = Publish ?? new string[0],
            ServicePorts = ServicePorts,
            CapAdd = CapAdd ?? new string[0],
            CapDrop = CapDrop ?? new string[0],
            User = User,
            WorkingDirectory = WorkingDirectory,
            UseAliases = UseAliases,
            Remove = Remove,
            Detach = Detach,
            Stdin = MyInvocation.ExpectingInput && !Detach,
            Tty = Interactive,
        };

        /// <summary>-Entrypoint: one string split as Compose splits run --entrypoint, several taken as they are.</summary>
        private IList<string> EntrypointWords()
        {
            if (Entrypoint == null) return null;
            if (Entrypoint.Length != 1) return Entrypoint.ToList();
            try { return ShellWords.Split(Entrypoint[0] ?? ""); }
            catch (FormatException e) { throw new ComposeException(ErrorIds.RunParameterInvalid, e.Message, "Entrypoint"); }
        }

        private Dictionary<string, string> Labels()
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (Label == null) return labels;
            foreach (DictionaryEntry e in Label)
                labels[Convert.ToString(e.Key, CultureInfo.InvariantCulture)] = e.Value == null ? "" : LanguagePrimitives.ConvertTo<string>(e.Value);
            return labels;
        }
    }
}
