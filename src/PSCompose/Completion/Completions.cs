using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace PSCompose.Completion
{
    internal static class Completions
    {
        /// <summary>The candidates starting with the word typed so far (quotes stripped, case-insensitive), in the order given.</summary>
        public static IEnumerable<CompletionResult> Matching(IEnumerable<string> candidates, string wordToComplete, string tooltip)
        {
            string prefix = (wordToComplete ?? "").Trim('\'', '"');
            return candidates
                .Where(c => !string.IsNullOrEmpty(c) && c.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.Ordinal)
                .Select(c => new CompletionResult(Quoted(c), c, CompletionResultType.ParameterValue, tooltip + c))
                .ToList();
        }

        private static string Quoted(string value) =>
            value.IndexOfAny(new[] { ' ', '\t', '\'', '"', '$', '`', ',', ';', '(', ')', '{', '}', '@', '#', '&', '|' }) < 0
                ? value
                : "'" + value.Replace("'", "''") + "'";
    }
}
