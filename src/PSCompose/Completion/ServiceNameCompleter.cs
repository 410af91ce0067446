using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Reflection;
using PSCompose.Engine;
using PSCompose.Model;
using PSCompose.Model.Typed;
using PSCompose.Plan;

namespace PSCompose.Completion
{
    /// <summary>
    /// Completes service names from the compose file (disabled-by-profile services too, as docker compose's completion
    /// does). For the state-changing cmdlets it offers, like docker-compose's bash completion (status filters), only the
    /// services whose containers are in the state the cmdlet changes: Start- stopped ones, Stop-/Restart-/Suspend-
    /// running ones, Resume- paused ones. That needs the engine; when it does not answer within the budget the file's
    /// names are offered unfiltered.
    /// </summary>
    public sealed class ServiceNameCompleter : IArgumentCompleter
    {
        /// <summary>
        /// Cmdlet names and their aliases (as typed on the command line) → the container states offered, from the
        /// cmdlets' <see cref="CompletesServicesInStateAttribute"/>.
        /// </summary>
        private static readonly Dictionary<string, string[]> StatesByCommandName = typeof(ServiceNameCompleter).Assembly.GetExportedTypes()
            .Select(type => (Cmdlet: type, States: type.GetCustomAttribute<CompletesServicesInStateAttribute>()?.States))
            .Where(c => c.States != null)
            .SelectMany(c => NamesOf(c.Cmdlet).Select(name => new KeyValuePair<string, string[]>(name, c.States)))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            StatesByCommandName.TryGetValue(UnqualifiedName(commandName), out string[] states);
            ProjectConfig loaded = CompletionProject.TryLoad(fakeBoundParameters);
            if (loaded != null)
            {
                List<string> names = loaded.ServiceNames.Concat(loaded.DisabledServices.Keys).ToList();
                return Completions.Matching(states == null ? names : InStates(loaded.Name, states, names), wordToComplete, "service ");
            }
            // No compose file but a project name: the lifecycle cmdlets work from the containers' labels, so does this.
            string project = CompletionProject.BoundString(fakeBoundParameters, "ProjectName");
            return project == null ? Enumerable.Empty<CompletionResult>() : Completions.Matching(InStates(project, states, null), wordToComplete, "service ");
        }

        /// <summary>The services (of <paramref name="fromFile"/>, when given) with a container in one of the states (any, when null).</summary>
        private static IEnumerable<string> InStates(string project, string[] states, List<string> fromFile)
        {
            IReadOnlyList<EngineContainer> containers = BoundedEngineQuery.Containers($"{ComposeLabels.Project}={project}");
            if (containers == null) return fromFile ?? Enumerable.Empty<string>();
            var inState = containers.Where(c => states == null || states.Contains(c.State)).Select(c => c.Label(ComposeLabels.Service));
            return fromFile == null ? inState.OrderBy(s => s, StringComparer.Ordinal) : (IEnumerable<string>)fromFile.Where(new HashSet<string>(inState).Contains);
        }

        private static string UnqualifiedName(string commandName) =>
            commandName == null ? "" : commandName.Substring(commandName.LastIndexOf('\\') + 1);

        private static IEnumerable<string> NamesOf(Type cmdlet)
        {
            var attribute = cmdlet.GetCustomAttribute<CmdletAttribute>();
            yield return attribute.VerbName + "-" + attribute.NounName;
            foreach (string alias in cmdlet.GetCustomAttribute<AliasAttribute>()?.AliasNames ?? new string[0]) yield return alias;
        }
    }

    /// <summary>
    /// On a cmdlet whose service names complete with <see cref="ServiceNameCompleter"/>: offer only the services with a
    /// container in one of these states, the ones the cmdlet changes (Start- offers stopped services).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    internal sealed class CompletesServicesInStateAttribute : Attribute
    {
        public CompletesServicesInStateAttribute(params string[] states) => States = states;

        public string[] States { get; }
    }
}
