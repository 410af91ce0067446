using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using PSCompose.Engine;
using PSCompose.Execution;
using PSCompose.Model;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Runs a command in a running container of a service, like docker compose exec -T: the first running replica
    /// (or -Index n), one-off containers last. Its stdout lines are the output, its stderr lines go to the
    /// Information stream (tag StdErr) unless -StdErr says otherwise, and pipeline input is its stdin. The exit code
    /// is in $LASTEXITCODE (126 when the command cannot be started); a non-zero code is also a ContainerExitedNonZero
    /// error. Ctrl+C ends the cmdlet, but as with docker compose exec the command keeps running in the container: the
    /// engine has no way to stop an exec. Beyond Compose, a service with a container_name can be named by it too
    /// (Invoke-ComposeExec music_service … for a service whose container_name is music_service).
    /// </summary>
    /// <example>
    /// <code>Invoke-ComposeExec web -- sh -c 'ls /app'</code>
    /// <para>Lists /app in the web container; -- passes -c to the command instead of to PowerShell.</para>
    /// </example>
    /// <example>
    /// <code>Get-Content schema.sql | Invoke-ComposeExec db -- psql -U postgres</code>
    /// <para>Sends the file's lines to psql's stdin in the db container.</para>
    /// </example>
    /// <example>
    /// <code>Invoke-ComposeExec -ProjectName shop web -- sh -c 'exit 5'; $LASTEXITCODE</code>
    /// <para>Runs in project shop's web container from any directory; writes a ContainerExitedNonZero error and sets $LASTEXITCODE to 5.</para>
    /// </example>
    /// <example>
    /// <code>Invoke-ComposeExec db -WhatIf -- psql -c 'drop table t'</code>
    /// <para>Names the container the command would run in, and runs nothing. -WhatIf and -Confirm anywhere before --
    /// are PowerShell's; after -- they go to the command (Invoke-ComposeExec web -- echo -WhatIf).</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Invoke, "ComposeExec", SupportsShouldProcess = true)]
    [OutputType(typeof(string), typeof(ComposeExecResult))]
    public sealed class InvokeComposeExecCommand : ContainerCommandCmdlet
    {
        /// <summary>The replica number to run in (docker compose exec --index); one-off containers have none.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Index { get; set; }

        /// <summary>Give the command extended privileges.</summary>
        [Parameter]
        public SwitchParameter Privileged { get; set; }

        internal override RunningCommand Start() => Exec();

        /// <summary>
        /// The service to run in. Beyond Compose, a service's container_name also names it, so the `docker exec
        /// music_service …` habit of a container_name project carries over: Invoke-ComposeExec music_service ….
        /// </summary>
        private string ServiceOrContainerName(ProjectModel model)
        {
            if (model == null || model.Typed.Services.ContainsKey(Name)) return Name;
            return model.Typed.Services.Values.FirstOrDefault(s => s.ContainerName == Name)?.Name ?? Name;
        }

        private RunningCommand Exec()
        {
            if (Arguments.Count == 0)
                throw new ComposeException(ErrorIds.RunParameterInvalid, "Invoke-ComposeExec needs a command: Invoke-ComposeExec SERVICE -- COMMAND [ARGS...]", Name);
            CheckInteractive();
            ResolvedProject resolved = ResolveProject();
            ProjectModel model = resolved.Model;
            string project = resolved.Name;
            string service = ServiceOrContainerName(model);
            EngineContainer container = AwaitEngine((engine, ct) => RuntimeContainers.PickAsync(engine, project, service, Index, ct));
            if (!ShouldProcess(container.Name, "Execute " + string.Join(" ", Arguments) + (Detach ? " (detached)" : ""))) return null;
            var spec = new ExecSpec
            {
                Command = Arguments.ToList(),
                Env = EnvironmentEntries().Select(e => Variable(model, e)).Where(v => v != null).ToList(),
                User = User,
                WorkingDir = WorkingDirectory,
                Privileged = Privileged,
            };
            if (Interactive)
            {
                RunInConsole(container, spec);
                return null;
            }
            if (Detach)
            {
                AwaitEngine((engine, ct) => engine.ExecDetachedAsync(container.Id, spec, ct));
                SetLastExitCode(0);
                return null;
            }
            var clock = Stopwatch.StartNew();
            long exitCode = 0;
            IEngineClient client = Engine;
            StdinPipe stdin = StandardInput();
            return Running(stdin, async (queue, ct) =>
                exitCode = await client.ExecAsync(container.Id, spec, stdin, Writer(queue, container.Name, ct), ct).ConfigureAwait(false), () =>
            {
                ReportExit(container.Name, exitCode);
                if (PassThru)
                    WriteObject(new ComposeExecResult
                    {
                        ProjectName = project,
                        Service = Name,
                        ContainerName = container.Name,
                        ContainerId = container.Id,
                        ExitCode = exitCode,
                        Duration = clock.Elapsed,
                    });
            });
        }

        private void RunInConsole(EngineContainer container, ExecSpec spec)
        {
            long exitCode;
            using (var terminal = new ConsoleTerminal())
                exitCode = AwaitEngine((engine, ct) => engine.ExecTtyAsync(container.Id, spec, terminal, ct));
            ReportExit(container.Name, exitCode);
        }

        /// <summary>KEY=value; a bare KEY from the project environment (OS and .env), left out when unset, as exec -e KEY.</summary>
        private static string Variable(ProjectModel model, KeyValuePair<string, string> e)
        {
            if (e.Value != null) return e.Key + "=" + e.Value;
            string value = model != null
                ? (model.Environment.TryGetValue(e.Key, out string v) ? v : null)
                : System.Environment.GetEnvironmentVariable(e.Key);
            return value == null ? null : e.Key + "=" + value;
        }
    }
}
