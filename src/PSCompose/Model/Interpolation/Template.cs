using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using System.Runtime.CompilerServices;

namespace PSCompose.Model.Interpolation
{
    /// <summary>
    /// Variable substitution in one string, as compose-go's template package (the version in Compose 2.40):
    /// $V, ${V}, ${V:-d}, ${V-d}, ${V:?msg}, ${V?msg}, ${V:+alt}, ${V+alt}, $$ for a literal $.
    /// Defaults, alternatives and messages are substituted eagerly (so their unset variables warn and
    /// their errors surface even when not used), exactly like Compose.
    /// </summary>
    internal static class Template
    {
        // compose-go: \$(?i:(?P<escaped>\$)|(?P<named>[_a-z][_a-z0-9]*)|{(?:(?P<braced>[_a-z][_a-z0-9]*(?::?[-+?](.*))?)}|(?P<invalid>)))
        private static readonly Regex Pattern = new Regex(
            @"\$(?i:(?<escaped>\$)|(?<named>[_a-z][_a-z0-9]*)|\{(?:(?<braced>[_a-z][_a-z0-9]*(?::?[-+?](?:.*))?)\}|(?<invalid>)))",
            RegexOptions.CultureInvariant);

        // Operators in the order compose-go lists them; the one appearing first in the text wins.
        private static readonly string[] Operators = { ":?", "?", ":-", "-", ":+", "+" };

        /// <summary>
        /// Substitutes every variable in <paramref name="template"/>. <paramref name="lookup"/> returns null for an
        /// unset variable. <paramref name="warnUnset"/> receives Compose's full warning text for each unset
        /// variable used without an operator. Throws <see cref="InvalidTemplateException"/> or
        /// <see cref="MissingRequiredVariableException"/> (the first error in the text).
        /// </summary>
        public static string Substitute(string template, Func<string, string> lookup, Action<string> warnUnset) =>
            Substitute(template, lookup ?? (_ => null), warnUnset ?? (_ => { }), 0);

        // compose-go substitutes the text after a `${V:-…}` match with a recursive call on that rest; here the rests
        // are segments of one loop (same order, same first error), so a long value cannot exhaust the stack. Only
        // real nesting (the default/alternative/message of an expression) recurses, bounded by depth.
        private static string Substitute(string template, Func<string, string> lookup, Action<string> warnUnset, int depth)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            if (template == null) return null;
            if (template.IndexOf('$') < 0) return template;
            if (depth > NestingLimits.MaxInterpolationDepth) throw new TemplateNestingException(NestingLimits.MaxInterpolationDepth);

            var result = new StringBuilder(template.Length);
            var outer = new Stack<Segment>();
            var segment = new Segment(0, template.Length);
            TemplateException first = null;
            int pos = 0;
            while (true)
            {
                Match match = pos < segment.End ? Pattern.Match(template, pos, segment.End - pos) : Match.Empty;
                if (!match.Success)
                {
                    result.Append(template, pos, segment.End - pos);
                    if (outer.Count == 0) break;
                    pos = segment.End;
                    segment = outer.Pop();
                    continue;
                }
                result.Append(template, pos, match.Index - pos);
                pos = match.Index + match.Length;
                try
                {
                    result.Append(Replace(match.Value, lookup, warnUnset, depth, out int rest));
                    if (rest >= 0 && rest < match.Length)
                    {
                        outer.Push(segment);
                        segment = new Segment(match.Index + rest, pos);
                        pos = segment.Start;
                    }
                }
                catch (TemplateException e) when (!(e is TemplateNestingException))
                {
                    if (e is InvalidTemplateException invalid && invalid.Template == null)
                        invalid.Template = template.Substring(segment.Start, segment.End - segment.Start);
                    if (first == null) first = e;
                }
            }
            if (first != null) throw first;
            return result.ToString();
        }

        /// <summary>The part of the template one compose-go Substitute call would see.</summary>
        private struct Segment
        {
            public Segment(int start, int end)
            {
                Start = start;
                End = end;
            }

            public int Start { get; }

            public int End { get; }
        }

        /// <summary>The warning Compose prints for an unset variable.</summary>
        public static string UnsetWarning(string name) =>
            $"The {GoFormat.Quote(name)} variable is not set. Defaulting to a blank string.";

        // rest: where the text still to substitute starts in substring, or -1.
        private static string Replace(string substring, Func<string, string> lookup, Action<string> warnUnset, int depth, out int rest)
        {
            rest = -1;
            string op = FirstOperator(substring);

            int closing = FirstBraceClosingIndex(substring);
            int restStart = -1;
            if (closing > -1)
            {
                restStart = closing + 1;
                substring = substring.Substring(0, closing + 1);
            }

            Match m = Pattern.Match(substring);
            if (m.Groups["escaped"].Success && m.Groups["escaped"].Value != "") return "$";

            bool braced = false;
            string substitution = m.Groups["named"].Value;
            if (substitution == "")
            {
                substitution = m.Groups["braced"].Value;
                braced = true;
            }
            if (substitution == "") throw new InvalidTemplateException(null);

            if (braced && op != null && substitution.Contains(op))
            {
                string value = Apply(op, substitution, lookup, warnUnset, depth);
                rest = restStart;
                return value;
            }

            string found = lookup(substitution);
            if (found == null) warnUnset(UnsetWarning(substitution));
            return found ?? "";
        }

        private static string Apply(string op, string substitution, Func<string, string> lookup, Action<string> warnUnset, int depth)
        {
            int at = substitution.IndexOf(op, StringComparison.Ordinal);
            string name = substitution.Substring(0, at);
            string argument = Substitute(substitution.Substring(at + op.Length), lookup, warnUnset, depth + 1);
            string value = lookup(name);
            switch (op)
            {
                case ":?":
                case "?":
                    if (value == null || (op == ":?" && value == "")) throw new MissingRequiredVariableException(name, argument);
                    return value;
                case ":-":
                case "-":
                    if (value == null || (op == ":-" && value == "")) return argument;
                    return value;
                default: // ":+" and "+"
                    if (value != null && (op == "+" || value != "")) return argument;
                    return value ?? "";
            }
        }

        private static string FirstOperator(string text)
        {
            string best = null;
            int bestIndex = int.MaxValue;
            foreach (string op in Operators)
            {
                int i = text.IndexOf(op, StringComparison.Ordinal);
                if (i >= 0 && i < bestIndex)
                {
                    best = op;
                    bestIndex = i;
                }
            }
            return best;
        }

        // compose-go counts every '{' (and skips the character after it), not only "${".
        private static int FirstBraceClosingIndex(string s)
        {
            int open = 0;
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] == '}')
                {
                    open--;
                    if (open == 0) return i;
                }
                if (s[i] == '{')
                {
                    open++;
                    i++;
                }
            }
            return -1;
        }
    }
}
