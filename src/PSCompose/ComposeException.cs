using System;
using System.Management.Automation;

namespace PSCompose
{
    /// <summary>
    /// A failure PSCompose can explain: it carries the ErrorRecord id, category and the thing it concerns
    /// (a file, a service, a key path), so every cmdlet reports it the same way.
    /// </summary>
    public class ComposeException : Exception
    {
        public ComposeException(string errorId, ErrorCategory category, string message, object target = null, Exception inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Category = category;
            Target = target;
        }

        public string ErrorId { get; }

        public ErrorCategory Category { get; }

        public object Target { get; }
    }
}
