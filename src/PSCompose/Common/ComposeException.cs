using System;

namespace PSCompose
{
    /// <summary>
    /// A failure PSCompose can explain: it carries the ErrorRecord id (one of <see cref="ErrorIds"/>) and the thing it
    /// concerns (a file, a service, a key path), so every cmdlet reports it the same way. <see cref="ErrorCatalogue"/>
    /// gives the id its ErrorCategory.
    /// </summary>
    public class ComposeException : Exception
    {
        public ComposeException(string errorId, string message, object target = null, Exception inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Target = target;
        }

        public string ErrorId { get; }

        public object Target { get; }

        /// <summary>What the user can do about it (the ErrorRecord's ErrorDetails.RecommendedAction); null when nothing useful.</summary>
        public string RecommendedAction { get; set; }
    }
}
