using System;
using System.Text;
using System.Text.RegularExpressions;

namespace PSCompose.Common
{
    /// <summary>
    /// The logging commands of a CI system, as text lines for its log: annotations (error/warning with file and line)
    /// and collapsible groups. Pure: the cmdlet layer decides when and where the lines are written.
    /// </summary>
    internal abstract class CiDialect
    {
        public static readonly CiDialect AzurePipelines = new AzurePipelinesDialect();

        public static readonly CiDialect GitHubActions = new GitHubActionsDialect();

        /// <summary>The dialect the mode asks for; Auto reads TF_BUILD / GITHUB_ACTIONS. Null: no CI output.</summary>
        public static CiDialect For(CiOutputMode mode, Func<string, string> environment)
        {
            switch (mode)
            {
                case CiOutputMode.AzurePipelines: return AzurePipelines;
                case CiOutputMode.GitHubActions: return GitHubActions;
                case CiOutputMode.None: return null;
            }
            if (string.Equals(environment("TF_BUILD"), "True", StringComparison.OrdinalIgnoreCase)) return AzurePipelines;
            if (string.Equals(environment("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase)) return GitHubActions;
            return null;
        }

        public abstract CiOutputMode Mode { get; }

        /// <summary>An error or warning annotation; file, line (&gt; 0), column (&gt; 0) and code only when known.</summary>
        public abstract string Issue(bool error, string message, string file = null, int line = 0, int column = 0, string code = null);

        public abstract string GroupStart(string title);

        public abstract string GroupEnd { get; }

        // The Azure Pipelines agent acts on "##vso[" anywhere in a line (its own neutraliser matches "##vso" in any case)
        // and its log viewer renders "##[group]"-style formatting commands; a bare \r ends a line for it.
        private static readonly Regex AzureCommand = new Regex(@"#(?=#(vso)?\[)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        // The GitHub runner reads a workflow command from a line that starts with "::" after whitespace.
        private static readonly Regex GitHubCommand = new Regex(@"(^|[\r\n])([^\S\r\n]*):(?=:)", RegexOptions.CultureInvariant);

        /// <summary>
        /// Text from a container (or anything else PSCompose does not control) made unable to start a logging command in
        /// either CI system: the first '#' of "##vso[" and "##[" becomes '*', and so does the first ':' of a line that
        /// starts with "::" (after whitespace). Nothing else changes.
        /// </summary>
        public static string Neutralise(string text)
        {
            if (string.IsNullOrEmpty(text) || (text.IndexOf('#') < 0 && text.IndexOf("::", StringComparison.Ordinal) < 0)) return text;
            return GitHubCommand.Replace(AzureCommand.Replace(text, "*"), "$1$2*");
        }

        private sealed class AzurePipelinesDialect : CiDialect
        {
            public override CiOutputMode Mode => CiOutputMode.AzurePipelines;

            public override string Issue(bool error, string message, string file, int line, int column, string code)
            {
                // Each property ends in ';', as in the documentation's example.
                var sb = new StringBuilder("##vso[task.logissue type=").Append(error ? "error;" : "warning;");
                if (file != null) sb.Append("sourcepath=").Append(Property(file)).Append(';');
                if (file != null && line > 0) sb.Append("linenumber=").Append(line).Append(';');
                if (file != null && line > 0 && column > 0) sb.Append("columnnumber=").Append(column).Append(';');
                if (code != null) sb.Append("code=").Append(Property(code)).Append(';');
                return sb.Append(']').Append(Data(message)).ToString();
            }

            public override string GroupStart(string title) => "##[group]" + OneLine(title);

            public override string GroupEnd => "##[endgroup]";

            private static string Data(string s) => (s ?? "").Replace("%", "%AZP25").Replace("\r", "%0D").Replace("\n", "%0A");

            private static string Property(string s) => Data(s).Replace(";", "%3B").Replace("]", "%5D");
        }

        private sealed class GitHubActionsDialect : CiDialect
        {
            public override CiOutputMode Mode => CiOutputMode.GitHubActions;

            // The form the issue asks for, "::error file=<file>,line=<line>::<message>": no col or title.
            public override string Issue(bool error, string message, string file, int line, int column, string code)
            {
                var sb = new StringBuilder("::").Append(error ? "error" : "warning");
                if (file != null) sb.Append(" file=").Append(Property(file));
                if (file != null && line > 0) sb.Append(",line=").Append(line);
                return sb.Append("::").Append(Data(message)).ToString();
            }

            public override string GroupStart(string title) => "::group::" + OneLine(title);

            public override string GroupEnd => "::endgroup::";

            private static string Data(string s) => (s ?? "").Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

            private static string Property(string s) => Data(s).Replace(":", "%3A").Replace(",", "%2C");
        }

        /// <summary>A group title is the rest of its line: made one line and unable to start another command.</summary>
        private static string OneLine(string title) => Neutralise((title ?? "").Replace("\r", " ").Replace("\n", " "));
    }
}
