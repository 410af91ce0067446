using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace PSCompose.FrontDoor
{
    /// <summary>
    /// Turns a `docker compose` command line into the PSCompose cmdlet call that does the same work (Invoke-Compose).
    /// Flags Compose has and PowerShell has no use for (colours, progress style, --parallel) are accepted and ignored;
    /// flags a PSCompose cmdlet cannot honour are refused before anything runs.
    /// </summary>
    public static class ComposeCommandLine
    {
        private static readonly ISet<string> Unsupported = new HashSet<string>(StringComparer.Ordinal) { "attach", "bridge", "commit", "export", "publish" };

        /// <summary>Parses <paramref name="arguments"/> (as PowerShell passed them: numbers and arrays are turned back into their text).</summary>
        /// <param name="arguments">The command line after `docker compose`; -AsObject anywhere selects object output.</param>
        /// <param name="interactiveConsole">Standard input is a console a user types into (run and exec then attach it unless -T).</param>
        public static FrontDoorInvocation Parse(object[] arguments, bool interactiveConsole)
        {
            var invocation = new FrontDoorInvocation();
            var args = new List<string>();
            foreach (object a in arguments ?? new object[0])
            {
                string text = Text(a);
                if (string.Equals(text, "-AsObject", StringComparison.OrdinalIgnoreCase)) invocation.AsObject = true;
                else args.Add(text);
            }
            try
            {
                ParsedCommandLine parsed = CommandLineParser.Parse(args);
                if (parsed.Command == null)
                {
                    invocation.Text = Usage;
                    return invocation;
                }
                if (Unsupported.Contains(parsed.Command))
                    throw new CommandLineException(ErrorIds.FrontDoorUnsupported,
                        "PSCompose has no equivalent of `docker compose " + parsed.Command + "`.", parsed.Command);
                var mapper = new CommandMapper(parsed, invocation, interactiveConsole);
                if (parsed.Globals.Concat(parsed.Flags).Any(f => f.Spec.Long == "help" && CommandLineParser.IsTrue(f.Value)))
                {
                    // Compose shows a command's help whatever else the line holds; so does the front door.
                    try { mapper.Map(); }
                    catch (CommandLineException) when (invocation.CommandName != null) { }
                    HelpInstead(invocation);
                }
                else mapper.Map();
            }
            catch (CommandLineException e)
            {
                invocation.Error = new ErrorRecord(e, e.ErrorId, ErrorCatalogue.CategoryOf(e.ErrorId), e.Target);
                invocation.ExitCode = 1;
            }
            return invocation;
        }

        /// <summary>`docker compose up --help`: the help of the cmdlet the command runs, instead of running it.</summary>
        private static void HelpInstead(FrontDoorInvocation invocation)
        {
            string cmdlet = invocation.CommandName;
            invocation.Parameters.Clear();
            invocation.Parameters["Name"] = cmdlet;
            invocation.CommandName = "Get-Help";
            invocation.Output = FrontDoorOutput.Objects;
        }

        private static string Text(object a)
        {
            if (a is PSObject pso) a = pso.BaseObject;
            if (a is object[] array) return string.Join(",", array.Select(Text));
            return Convert.ToString(a, CultureInfo.InvariantCulture) ?? "";
        }

        private const string Usage = "Usage:  docker compose [OPTIONS] COMMAND\n\nDefine and run multi-container applications with Docker\n\n" +
            "Run 'Get-Help Invoke-Compose' for the commands PSCompose runs, or 'docker compose COMMAND --help' for a command's flags.";
    }
}
