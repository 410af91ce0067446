using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PSCompose.Model;

namespace PSCompose.Completion
{
    /// <summary>Completes -ProjectName with the projects on the engine (stopped ones too), like docker compose ls -a.</summary>
    public sealed class ProjectNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var containers = BoundedEngineQuery.Containers(ComposeLabels.Project);
            if (containers == null) return Enumerable.Empty<CompletionResult>();
            IEnumerable<string> names = containers.Select(c => c.Label(ComposeLabels.Project)).OrderBy(n => n, System.StringComparer.Ordinal);
            return Completions.Matching(names, wordToComplete, "project ");
        }
    }
}
