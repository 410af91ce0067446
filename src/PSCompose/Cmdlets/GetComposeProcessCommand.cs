using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.Engine;
using PSCompose.Execution;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Gets the processes running in the project's containers (docker compose top): one typed row per process of
    /// every running container, one-offs included, grouped by container in name order. PID and PPID are numbers;
    /// Fields holds every column the engine returned. Unlike Compose, a service name that the compose file does not
    /// declare is an error rather than no output.
    /// </summary>
    /// <example>
    /// <code>Get-ComposeProcess -Name web</code>
    /// <para>Lists the processes of the web containers of the project in the current directory, like docker compose top web.</para>
    /// </example>
    /// <example>
    /// <code>Get-ComposeProcess -ProjectName shop | Where-Object CMD -like '*nginx*' | Select-Object Container, PID</code>
    /// <para>Finds the nginx processes of project shop and the containers they run in.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "ComposeProcess")]
    [OutputType(typeof(ComposeProcess))]
    public sealed class GetComposeProcessCommand : ComposeInspectCmdlet
    {
        protected override void ProcessCompose()
        {
            HashSet<string> selected = SelectServices(
                p => AwaitEngine((engine, ct) => RuntimeContainers.ListAsync(engine, p, false, ct)), out string project, out var running);
            List<EngineContainer> chosen = running.Where(c => selected.Contains(RuntimeContainers.Service(c)))
                .OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
            EngineProcessList[] tables = AwaitEngine((engine, ct) =>
                System.Threading.Tasks.Task.WhenAll(chosen.Select(c => engine.ListProcessesAsync(c.Id, ct))));
            for (int i = 0; i < chosen.Count; i++)
                foreach (ComposeProcess row in ProcessRows.From(project, chosen[i], tables[i])) WriteObject(row);
        }
    }
}
