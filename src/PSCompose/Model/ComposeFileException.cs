using System;
using System.Management.Automation;
using System.Text;

namespace PSCompose.Model
{
    /// <summary>
    /// A loader error: what is wrong, in which file, at which key path (services.web.ports[0]) and, for
    /// YAML syntax errors, at which line and column. The ErrorId becomes the FullyQualifiedErrorId; the target is
    /// the file, else the key path, else what the message is about (a path or service named in it).
    /// </summary>
    public sealed class ComposeFileException : ComposeException
    {
        public ComposeFileException(string errorId, ErrorCategory category, string message,
            string file = null, string keyPath = null, int line = 0, int column = 0, Exception inner = null, object target = null)
            : base(errorId, category, Compose(message, file, line, column), target ?? file ?? keyPath, inner)
        {
            File = file;
            KeyPath = keyPath;
            Line = line;
            Column = column;
            Reason = message;
        }

        public string File { get; }

        public string KeyPath { get; }

        public int Line { get; }

        public int Column { get; }

        /// <summary>The message without the file prefix.</summary>
        public string Reason { get; }

        private static string Compose(string message, string file, int line, int column)
        {
            if (file == null) return message;
            var sb = new StringBuilder(file);
            if (line > 0) sb.Append(':').Append(line);
            if (line > 0 && column > 0) sb.Append(':').Append(column);
            return sb.Append(": ").Append(message).ToString();
        }
    }

    /// <summary>The error ids the loader uses, so tests and users can rely on them.</summary>
    public static class ComposeErrorIds
    {
        public const string FileNotFound = "ComposeFileNotFound";
        public const string FileInvalid = "ComposeFileInvalid";
        public const string YamlSyntax = "ComposeYamlSyntax";
        public const string VariableRequired = "ComposeVariableRequired";
        public const string InterpolationInvalid = "ComposeInterpolationInvalid";
        public const string DependencyCycle = "ComposeDependencyCycle";
        public const string ReferenceUndefined = "ComposeReferenceUndefined";
        public const string ServiceDisabled = "ComposeServiceDisabled";
        public const string ProjectNameInvalid = "ComposeProjectNameInvalid";
        public const string EnvFileNotFound = "ComposeEnvFileNotFound";
        public const string EnvFileInvalid = "ComposeEnvFileInvalid";
        public const string ExtendsInvalid = "ComposeExtendsInvalid";
        public const string IncludeInvalid = "ComposeIncludeInvalid";
        public const string ServiceNotFound = "ComposeServiceNotFound";
        public const string NestingTooDeep = "ComposeNestingTooDeep";
        public const string ProjectInputConflict = "ComposeProjectInputConflict";
    }
}
