using System;
using System.Collections.Generic;
using System.Linq;

namespace PSCompose.FrontDoor
{
    /// <summary>One flag of a `docker compose` command: long name, optional one-letter short form, and whether it takes a value.</summary>
    internal sealed class FlagSpec
    {
        public string Long;
        public char? Short;
        public bool TakesValue;

        public string Display => Short.HasValue ? "-" + Short + ", --" + Long : "--" + Long;
    }

    /// <summary>
    /// The flag sets of `docker compose` 2.40.3 and its commands, as `docker compose [command] --help` lists them
    /// ("x|long" has the short form -x, "long=" takes a value). Global flags are accepted only before the command,
    /// as Compose accepts them (`docker compose ps -p x` is "unknown shorthand flag: 'p' in -p").
    /// </summary>
    internal static class ComposeFlags
    {
        public const string Global = "all-resources ansi= compatibility dry-run env-file= f|file= parallel= profile= progress= project-directory= p|project-name=";

        private static readonly Dictionary<string, string> Commands = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["attach"] = "detach-keys= dry-run index= no-stdin sig-proxy",
            ["bridge"] = "dry-run",
            ["build"] = "build-arg= builder= check dry-run m|memory= no-cache print provenance= pull push q|quiet sbom= ssh= with-dependencies",
            ["commit"] = "a|author= c|change= dry-run index= m|message= p|pause",
            ["config"] = "dry-run environment format= hash= images lock-image-digests models networks no-consistency no-env-resolution no-interpolate no-normalize no-path-resolution o|output= profiles q|quiet resolve-image-digests services variables volumes",
            ["cp"] = "all a|archive dry-run L|follow-link index=",
            ["create"] = "build dry-run force-recreate no-build no-recreate pull= quiet-pull remove-orphans scale= y|yes",
            ["down"] = "dry-run remove-orphans rmi= t|timeout= v|volumes",
            ["events"] = "dry-run json since= until=",
            ["exec"] = "d|detach dry-run e|env= index= T|no-tty privileged u|user= w|workdir=",
            ["export"] = "dry-run index= o|output=",
            ["images"] = "dry-run format= q|quiet",
            ["kill"] = "dry-run remove-orphans s|signal=",
            ["logs"] = "dry-run f|follow index= no-color no-log-prefix since= n|tail= t|timestamps until=",
            ["ls"] = "a|all dry-run filter= format= q|quiet",
            ["pause"] = "dry-run",
            ["port"] = "dry-run index= protocol=",
            ["ps"] = "a|all dry-run filter= format= no-trunc orphans q|quiet services status=",
            ["publish"] = "app dry-run oci-version= resolve-image-digests with-env y|yes",
            ["pull"] = "dry-run ignore-buildable ignore-pull-failures include-deps policy= q|quiet",
            ["push"] = "dry-run ignore-push-failures include-deps q|quiet",
            ["restart"] = "dry-run no-deps t|timeout=",
            ["rm"] = "dry-run f|force s|stop v|volumes",
            ["run"] = "build cap-add= cap-drop= d|detach dry-run entrypoint= e|env= env-from-file= i|interactive l|label= name= T|no-TTY no-deps p|publish= pull= q|quiet quiet-build quiet-pull remove-orphans rm P|service-ports use-aliases u|user= v|volume= w|workdir=",
            ["scale"] = "dry-run no-deps",
            ["start"] = "dry-run",
            ["stats"] = "a|all dry-run format= no-stream no-trunc",
            ["stop"] = "dry-run t|timeout=",
            ["top"] = "dry-run",
            ["unpause"] = "dry-run",
            ["up"] = "abort-on-container-exit abort-on-container-failure always-recreate-deps attach= attach-dependencies build d|detach dry-run exit-code-from= force-recreate menu no-attach= no-build no-color no-deps no-log-prefix no-recreate no-start pull= quiet-build quiet-pull remove-orphans V|renew-anon-volumes scale= t|timeout= timestamps wait wait-timeout= w|watch y|yes",
            ["version"] = "dry-run f|format= short",
            ["volumes"] = "dry-run format= q|quiet",
            ["wait"] = "down-project dry-run",
            ["watch"] = "dry-run no-up prune quiet",
        };

        /// <summary>Commands whose arguments after the first positional are the container's command line (cobra's SetInterspersed(false)).</summary>
        public static readonly ISet<string> StopAtCommand = new HashSet<string>(StringComparer.Ordinal) { "run", "exec" };

        public static bool IsCommand(string name) => Commands.ContainsKey(name);

        /// <summary>Every command of the table.</summary>
        public static IEnumerable<string> CommandNames => Commands.Keys;

        /// <summary>The flags of <paramref name="command"/> (null: the global flags), -h/--help included as on every cobra command.</summary>
        public static IReadOnlyList<FlagSpec> Of(string command) => Parse((command == null ? Global : Commands[command]) + " h|help");

        private static IReadOnlyList<FlagSpec> Parse(string table) =>
            table.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries).Select(entry =>
            {
                var spec = new FlagSpec();
                if (entry.EndsWith("=", StringComparison.Ordinal)) { spec.TakesValue = true; entry = entry.TrimEnd('='); }
                int bar = entry.IndexOf('|');
                if (bar == 1) { spec.Short = entry[0]; entry = entry.Substring(2); }
                spec.Long = entry;
                return spec;
            }).ToList();
    }
}
