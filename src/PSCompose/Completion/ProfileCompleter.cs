using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PSCompose.Model.Typed;

namespace PSCompose.Completion
{
    /// <summary>Completes -Profile with every profile any service of the file names (no engine call).</summary>
    public sealed class ProfileCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            ProjectConfig project = CompletionProject.TryLoad(fakeBoundParameters);
            return project == null ? Enumerable.Empty<CompletionResult>() : Completions.Matching(project.AllProfiles, wordToComplete, "profile ");
        }
    }
}
