using System;

namespace PSCompose.Model.Interpolation
{
    /// <summary>A substitution failure; <see cref="Interpolator"/> turns it into a ComposeFileException with the key path.</summary>
    internal abstract class TemplateException : Exception
    {
        protected TemplateException(string message) : base(message) { }
    }

    /// <summary>compose-go's InvalidTemplateError: a `${` that does not start a valid expression.</summary>
    internal sealed class InvalidTemplateException : TemplateException
    {
        public InvalidTemplateException(string template) : base("Invalid template")
        {
            Template = template;
        }

        /// <summary>The template text the error was found in (the innermost one for nested defaults).</summary>
        public string Template { get; internal set; }

        public override string Message => "Invalid template: " + GoFormat.Quote(Template ?? "");
    }

    /// <summary>compose-go's MissingRequiredError: `${V:?msg}` / `${V?msg}` with V missing.</summary>
    internal sealed class MissingRequiredVariableException : TemplateException
    {
        public MissingRequiredVariableException(string variable, string reason)
            : base(reason != "" ? $"required variable {variable} is missing a value: {reason}" : $"required variable {variable} is missing a value")
        {
            Variable = variable;
            Reason = reason;
        }

        public string Variable { get; }

        public string Reason { get; }
    }

    /// <summary>Expressions nested deeper than <see cref="NestingLimits.MaxInterpolationDepth"/>; not collected like the others.</summary>
    internal sealed class TemplateNestingException : TemplateException
    {
        public TemplateNestingException(int limit) : base($"nested interpolation exceeds the limit of {limit} levels")
        {
            Limit = limit;
        }

        public int Limit { get; }
    }
}
