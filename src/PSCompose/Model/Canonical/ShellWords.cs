using System;
using System.Collections.Generic;
using System.Text;

namespace PSCompose.Model.Canonical
{
    /// <summary>
    /// The one place a string becomes an argument vector: mattn/go-shellwords v1.0.12's Parse, as Compose 2.40.3
    /// uses it for `command:`/`entrypoint:` strings and `run --entrypoint` (and PSCompose for Invoke-ComposeRun
    /// -Entrypoint). Single and double quotes group words (empty quotes make an empty word); a backslash takes the next
    /// character literally (outside single quotes; `\t` is "t", a backslash-newline is a newline in the word); $VAR,
    /// `cmd` and $(cmd) are left as they are (Compose runs no shell), spaces inside the last two included. Parsing stops
    /// silently at an unquoted ; &amp; | &lt; &gt; (a word of digits before &gt;, as in 2&gt;, is dropped too). Unclosed
    /// quotes, a trailing backslash, a ( not after $, or a ) that opens rather than closes fail with Compose's
    /// "invalid command line string".
    /// </summary>
    internal static class ShellWords
    {
        /// <summary>Compose's error text for a string go-shellwords cannot parse.</summary>
        public const string Invalid = "invalid command line string";

        /// <exception cref="FormatException">The string cannot be parsed; the message is <see cref="Invalid"/>.</exception>
        public static List<string> Split(string line)
        {
            var args = new List<string>();
            var buf = new StringBuilder();
            bool escaped = false, doubleQuoted = false, singleQuoted = false, backQuote = false, dollarQuote = false;
            bool got = false;
            foreach (char r in line)
            {
                if (escaped)
                {
                    buf.Append(r);
                    escaped = false;
                    got = true;
                    continue;
                }
                if (r == '\\')
                {
                    if (singleQuoted) buf.Append(r);
                    else escaped = true;
                    continue;
                }
                bool quoted = singleQuoted || doubleQuoted || backQuote || dollarQuote;
                if (r == ' ' || r == '\t' || r == '\r' || r == '\n')
                {
                    if (quoted) buf.Append(r);
                    else if (got)
                    {
                        args.Add(buf.ToString());
                        buf.Clear();
                        got = false;
                    }
                    continue;
                }
                switch (r)
                {
                    case '`':
                        if (!singleQuoted && !doubleQuoted && !dollarQuote) backQuote = !backQuote;
                        break;
                    case ')':
                        // go-shellwords v1.0.12 toggles here: a bare ) opens a region as $( does, which then never closes.
                        if (!singleQuoted && !doubleQuoted && !backQuote) dollarQuote = !dollarQuote;
                        break;
                    case '(':
                        if (!singleQuoted && !doubleQuoted && !backQuote)
                        {
                            if (dollarQuote || buf.Length == 0 || buf[buf.Length - 1] != '$') throw new FormatException(Invalid);
                            dollarQuote = true;
                            buf.Append(r);
                            continue;
                        }
                        break;
                    case '"':
                        if (!singleQuoted && !dollarQuote)
                        {
                            if (doubleQuoted) got = true;
                            doubleQuoted = !doubleQuoted;
                            continue;
                        }
                        break;
                    case '\'':
                        if (!doubleQuoted && !dollarQuote)
                        {
                            if (singleQuoted) got = true;
                            singleQuoted = !singleQuoted;
                            continue;
                        }
                        break;
                    case ';':
                    case '&':
                    case '|':
                    case '<':
                    case '>':
                        if (!quoted)
                        {
                            // "2>file": the descriptor number is not a word.
                            if (r == '>' && buf.Length > 0 && buf[0] >= '0' && buf[0] <= '9') got = false;
                            return Finish(args, buf, got, false);
                        }
                        break;
                }
                got = true;
                buf.Append(r);
            }
            return Finish(args, buf, got, escaped || singleQuoted || doubleQuoted || backQuote || dollarQuote);
        }

        private static List<string> Finish(List<string> args, StringBuilder buf, bool got, bool unclosed)
        {
            if (got) args.Add(buf.ToString());
            if (unclosed) throw new FormatException(Invalid);
            return args;
        }
    }
}
