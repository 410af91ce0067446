using System;
using System.Collections.Generic;
using PSCompose.Engine;

namespace PSCompose.Execution
{
    /// <summary>
    /// Losing the engine mid-plan fails every operation still to come with the same cause. That is one error
    /// (EngineUnavailable, naming the endpoint), not one per service: the operations it cut short are reported as
    /// not done on -Verbose, and failures with other causes keep their own errors.
    /// </summary>
    internal static class EngineLoss
    {
        /// <summary>
        /// Reports each failure caused by the lost engine as a verbose line and returns the others; lost is the
        /// engine's error to end the command with (null when the engine stayed).
        /// </summary>
        public static List<T> Collapse<T>(IEnumerable<T> failures, Func<T, Exception> error, Func<T, string> subject, Action<string> verbose,
            out EngineUnavailableException lost)
        {
            lost = null;
            var others = new List<T>();
            foreach (T failure in failures)
            {
                EngineUnavailableException cause = Cause(error(failure));
                if (cause == null)
                {
                    others.Add(failure);
                    continue;
                }
                lost = lost ?? cause;
                verbose($"{subject(failure)}: not done: the engine at {cause.Endpoint} became unavailable.");
            }
            return others;
        }

        private static EngineUnavailableException Cause(Exception e)
        {
            for (Exception x = e; x != null; x = x.InnerException)
            {
                if (x is EngineUnavailableException unavailable) return unavailable;
                if (x is AggregateException ae && ae.InnerExceptions.Count > 0)
                {
                    foreach (Exception inner in ae.InnerExceptions)
                        if (Cause(inner) is EngineUnavailableException found) return found;
                    return null;
                }
            }
            return null;
        }
    }
}
