using System.Linq;
using System.Text;

namespace PSCompose.Plan
{
    /// <summary>
    /// Prints a plan one operation a line: <c>#3 service:web:2 RemoveContainer &lt;- #2 (scale down)</c>, followed by
    /// <c>[group]</c> when the operation is one step of a group (a recreate).
    /// </summary>
    internal static class PlanTranscript
    {
        public static string Format(ComposePlan plan)
        {
            var text = new StringBuilder();
            foreach (PlanOperation operation in plan.Operations)
            {
                text.Append(FormatOperation(operation)).Append('\n');
            }
            return text.ToString();
        }

        public static string FormatOperation(PlanOperation operation)
        {
            var line = new StringBuilder();
            line.Append('#').Append(operation.Id).Append(' ').Append(operation.Resource).Append(' ').Append(operation.Kind);
            if (operation.DependsOn.Count > 0)
            {
                line.Append(" <- ").Append(string.Join(",", operation.DependsOn.Select(d => d.Id).OrderBy(id => id).Select(id => "#" + id)));
            }
            line.Append(" (").Append(operation.Reason).Append(')');
            if (!string.IsNullOrEmpty(operation.Group))
            {
                line.Append(" [").Append(operation.Group).Append(']');
            }
            return line.ToString();
        }
    }
}
