using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PSCompose.FrontDoor
{
    /// <summary>A flag as given on the command line, with its value ("true" for a bare boolean flag).</summary>
    internal sealed class GivenFlag
    {
        public FlagSpec Spec;
        public string Value;
        public string Token;
    }

    /// <summary>A `docker compose` command line split into global flags, the command, its flags and positionals.</summary>
    internal sealed class ParsedCommandLine
    {
        public readonly List<GivenFlag> Globals = new List<GivenFlag>();
        public string Command;
        public readonly List<GivenFlag> Flags = new List<GivenFlag>();
        public readonly List<string> Arguments = new List<string>();
    }

    /// <summary>A command line Compose itself would refuse: its exact message, and the id PSCompose reports it under.</summary>
    internal sealed class CommandLineException : Exception
    {
        public CommandLineException(string errorId, string message, string target) : base(message)
        {
            ErrorId = errorId;
            Target = target;
        }

        public string ErrorId { get; }
        public string Target { get; }
    }

    /// <summary>
    /// spf13/pflag's parsing as `docker compose` uses it: `--flag value`, `--flag=value`, `-x value`, `-xvalue`,
    /// `-x=value`, combined short flags (`-dV`), `--` ending the flags, flags among positionals (except after the
    /// service of run and exec), and pflag's error texts.
    /// </summary>
    internal static class CommandLineParser
    {
        private static readonly ISet<string> IntFlags = new HashSet<string>(StringComparer.Ordinal) { "timeout", "wait-timeout", "index", "parallel" };

        public static ParsedCommandLine Parse(IReadOnlyList<string> args)
        {
            var parsed = new ParsedCommandLine();
            int i = 0;
            IReadOnlyList<FlagSpec> globals = ComposeFlags.Of(null);
            while (i < args.Count && IsFlag(args[i]))
            {
                if (args[i] == "--") { i++; break; }
                i = ReadFlag(args, i, globals, parsed.Globals);
            }
            if (i >= args.Count) return parsed;
            string command = args[i++];
            if (!ComposeFlags.IsCommand(command))
                throw new CommandLineException(ErrorIds.FrontDoorUnknownCommand, "unknown docker command: \"compose " + command + "\"", command);
            parsed.Command = command;

            IReadOnlyList<FlagSpec> flags = ComposeFlags.Of(command);
            bool stopAtFirstArgument = ComposeFlags.StopAtCommand.Contains(command);
            while (i < args.Count)
            {
                string a = args[i];
                if (a == "--")
                {
                    parsed.Arguments.AddRange(args.Skip(i + 1));
                    break;
                }
                if (IsFlag(a))
                {
                    i = ReadFlag(args, i, flags, parsed.Flags);
                    continue;
                }
                parsed.Arguments.Add(a);
                i++;
                if (stopAtFirstArgument)
                {
                    parsed.Arguments.AddRange(args.Skip(i));
                    break;
                }
            }
            return parsed;
        }

        private static bool IsFlag(string a) => a.Length > 1 && a[0] == '-';

        private static int ReadFlag(IReadOnlyList<string> args, int i, IReadOnlyList<FlagSpec> specs, List<GivenFlag> into)
        {
            string a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                string body = a.Substring(2);
                int eq = body.IndexOf('=');
                string name = eq < 0 ? body : body.Substring(0, eq);
                FlagSpec spec = specs.FirstOrDefault(s => s.Long == name)
                    ?? throw new CommandLineException(ErrorIds.FrontDoorUnknownFlag, "unknown flag: --" + name, "--" + name);
                string value;
                if (eq >= 0) value = body.Substring(eq + 1);
                else if (!spec.TakesValue) value = "true";
                else if (i + 1 < args.Count) value = args[++i];
                else throw new CommandLineException(ErrorIds.FrontDoorFlagNeedsArgument, "flag needs an argument: --" + name, "--" + name);
                into.Add(Checked(spec, value, a));
                return i + 1;
            }

            string shorthands = a.Substring(1);
            while (shorthands.Length > 0)
            {
                char c = shorthands[0];
                FlagSpec spec = specs.FirstOrDefault(s => s.Short == c)
                    ?? throw new CommandLineException(ErrorIds.FrontDoorUnknownFlag, "unknown shorthand flag: '" + c + "' in -" + shorthands, "-" + c);
                string rest = shorthands.Substring(1);
                if (rest.StartsWith("=", StringComparison.Ordinal))
                {
                    into.Add(Checked(spec, rest.Substring(1), a));
                    return i + 1;
                }
                if (!spec.TakesValue)
                {
                    into.Add(Checked(spec, "true", a));
                    shorthands = rest;
                    continue;
                }
                if (rest.Length > 0) into.Add(Checked(spec, rest, a));
                else if (i + 1 < args.Count) into.Add(Checked(spec, args[++i], a));
                else throw new CommandLineException(ErrorIds.FrontDoorFlagNeedsArgument, "flag needs an argument: '" + c + "' in -" + c, "-" + c);
                return i + 1;
            }
            return i + 1;
        }

        private static GivenFlag Checked(FlagSpec spec, string value, string token)
        {
            if (!spec.TakesValue && !IsBool(value))
                throw Invalid(spec, value, "strconv.ParseBool: parsing \"" + value + "\": invalid syntax");
            if (IntFlags.Contains(spec.Long) && !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                throw Invalid(spec, value, "strconv.ParseInt: parsing \"" + value + "\": invalid syntax");
            return new GivenFlag { Spec = spec, Value = value, Token = token };
        }

        private static CommandLineException Invalid(FlagSpec spec, string value, string why) =>
            new CommandLineException(ErrorIds.FrontDoorInvalidArgument, "invalid argument \"" + value + "\" for \"" + spec.Display + "\" flag: " + why, "--" + spec.Long);

        private static bool IsBool(string v) =>
            new[] { "1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False" }.Contains(v);

        public static bool IsTrue(string v) => v == "1" || v == "t" || v == "T" || v == "TRUE" || v == "true" || v == "True";
    }
}
