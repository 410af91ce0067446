using System;
using System.Collections.Generic;
using System.Text;

namespace PSCompose.Model.Canonical
{
    /// <summary>
    /// mattn/go-shellwords Parse as compose-go uses it for command/entrypoint strings: quotes and backslashes are
    /// honoured, and parsing stops silently at an unquoted ; &amp; | &lt; &gt; (the rest is dropped, as in Compose).
    /// </summary>
    internal static class ShellWords
    {
        public static List<string> Split(string line)
        {
            var args = new List<string>();
            var buf = new StringBuilder();
            bool escaped = false, singleQuoted = false, doubleQuoted = false, got = false;
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
                if (r == ' ' || r == '\t' || r == '\r' || r == '\n')
                {
                    if (singleQuoted || doubleQuoted) buf.Append(r);
                    else if (got)
                    {
                        args.Add(buf.ToString());
                        buf.Clear();
                        got = false;
                    }
                    continue;
                }
                if (r == '"' && !singleQuoted)
                {
                    if (doubleQuoted) got = true;
                    doubleQuoted = !doubleQuoted;
                    continue;
                }
                if (r == '\'' && !doubleQuoted)
                {
                    if (singleQuoted) got = true;
                    singleQuoted = !singleQuoted;
                    continue;
                }
                if ((r == ';' || r == '&' || r == '|' || r == '<' || r == '>') && !singleQuoted && !doubleQuoted) break;
                got = true;
                buf.Append(r);
            }
            if (got) args.Add(buf.ToString());
            if (escaped || singleQuoted || doubleQuoted) throw new FormatException("invalid command line string");
            return args;
        }
    }
}
