using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using PSCompose.Model.Canonical;

namespace PSCompose.FrontDoor
{
    /// <summary>
    /// Maps one parsed `docker compose` command line onto its cmdlet: the cmdlet, its parameters (a flag is bound only
    /// when the cmdlet has the parameter) and how its output is printed. Throws <see cref="CommandLineException"/> for a
    /// line PSCompose cannot honour.
    /// </summary>
    internal sealed class CommandMapper
    {
        /// <summary>
        /// Flags whose effect is already what PSCompose does (for the values it accepts), so they change nothing here;
        /// Get-Help Invoke-Compose names each and says why. --dry-run is one of them for the commands that only read.
        /// </summary>
        internal static readonly ISet<string> AlreadyTheBehaviour = new HashSet<string>(StringComparer.Ordinal)
        {
            "ansi", "progress", "parallel", "no-color", "menu", "orphans", "no-tty", "no-TTY", "dry-run",
        };

        private static readonly string[] ProgressModes = { "auto", "tty", "plain", "json", "quiet" };

        private static readonly Dictionary<string, string> GlobalParameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["file"] = "File", ["project-name"] = "ProjectName", ["profile"] = "Profile", ["env-file"] = "EnvFile",
            ["project-directory"] = "ProjectDirectory", ["compatibility"] = "Compatibility",
        };

        private readonly ParsedCommandLine parsed;
        private readonly FrontDoorInvocation invocation;
        private readonly bool interactiveConsole;
        private string cmdlet;

        public CommandMapper(ParsedCommandLine parsed, FrontDoorInvocation invocation, bool interactiveConsole)
        {
            this.parsed = parsed;
            this.invocation = invocation;
            this.interactiveConsole = interactiveConsole;
        }

        public void Map()
        {
            var flags = new Dictionary<string, string>(StringComparer.Ordinal);
            switch (parsed.Command)
            {
                case "up":
                    Target("Invoke-ComposeUp", FrontDoorOutput.Status);
                    Direct(flags, "abort-on-container-exit=AbortOnContainerExit abort-on-container-failure=AbortOnContainerFailure always-recreate-deps=AlwaysRecreateDeps attach=AttachService attach-dependencies=AttachDependencies build=Build exit-code-from=ExitCodeFrom force-recreate=ForceRecreate no-attach=NoAttach no-build=NoBuild no-deps=NoDeps no-log-prefix=NoLogPrefix no-recreate=NoRecreate no-start=NoStart pull=Pull remove-orphans=RemoveOrphans renew-anon-volumes=RenewAnonVolumes timeout=Timeout timestamps=Timestamps wait=Wait wait-timeout=WaitTimeout watch=Watch yes=Force");
                    Names();
                    ScaleFlags();
                    if (Given("detach")) RefuseAttachedFlagsWithDetach();
                    if (!Given("detach") && !Given("wait") && !Given("no-start")) Set("Attach", true);
                    break;
                case "create":
                    Target("Invoke-ComposeUp", FrontDoorOutput.Status);
                    Direct(flags, "build=Build force-recreate=ForceRecreate no-build=NoBuild no-recreate=NoRecreate pull=Pull remove-orphans=RemoveOrphans yes=Force");
                    Set("NoStart", true);
                    Names();
                    ScaleFlags();
                    break;
                case "scale":
                    Target("Invoke-ComposeUp", FrontDoorOutput.Status);
                    Direct(flags, "no-deps=NoDeps");
                    var scale = new Hashtable();
                    foreach (string a in parsed.Arguments) AddScale(scale, a);
                    Set("Scale", scale);
                    Set("Name", scale.Keys.Cast<string>().ToArray());
                    break;
                case "down":
                    Target("Invoke-ComposeDown", FrontDoorOutput.Status);
                    Direct(flags, "remove-orphans=RemoveOrphans rmi=RemoveImages timeout=Timeout volumes=Volumes");
                    Set("Confirm", false);
                    Names();
                    break;
                case "ps":
                    Target("Get-ComposeContainer", FrontDoorOutput.ContainerTable);
                    Direct(flags, "all=All status=Status");
                    ContainerFormat();
                    StatusFilters();
                    Names();
                    if (Given("quiet")) invocation.Output = FrontDoorOutput.Ids;
                    if (Given("services")) invocation.Output = FrontDoorOutput.Services;
                    break;
                case "logs":
                    Target("Receive-ComposeLog", FrontDoorOutput.Lines);
                    Direct(flags, "follow=Follow index=Index no-log-prefix=NoLogPrefix since=Since until=Until timestamps=Timestamps");
                    string tail = Value("tail");
                    if (tail != null && tail != "all")
                    {
                        if (!int.TryParse(tail, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int lines)) Refuse("logs --tail " + tail);
                        if (lines >= 0) Set("Tail", lines);
                    }
                    Names();
                    break;
                case "run":
                    Target("Invoke-ComposeRun", FrontDoorOutput.Lines);
                    Direct(flags, "build=Build cap-add=CapAdd cap-drop=CapDrop detach=Detach env=Environment label=Label name=ContainerName no-deps=NoDeps publish=Publish pull=Pull rm=Remove service-ports=ServicePorts use-aliases=UseAliases user=User volume=Volume workdir=WorkingDirectory quiet=Quiet");
                    ServiceAndCommand();
                    break;
                case "exec":
                    Target("Invoke-ComposeExec", FrontDoorOutput.Lines);
                    Direct(flags, "detach=Detach env=Environment index=Index privileged=Privileged user=User workdir=WorkingDirectory");
                    ServiceAndCommand();
                    break;
                case "start":
                    Target("Start-ComposeService", FrontDoorOutput.Status);
                    Names();
                    break;
                case "stop":
                    Target("Stop-ComposeService", FrontDoorOutput.Status);
                    Direct(flags, "timeout=Timeout");
                    Names();
                    break;
                case "kill":
                    Target("Stop-ComposeService", FrontDoorOutput.Status);
                    Direct(flags, "signal=Signal");
                    Set("Kill", true);
                    Names();
                    break;
                case "restart":
                    Target("Restart-ComposeService", FrontDoorOutput.Status);
                    Direct(flags, "no-deps=NoDeps timeout=Timeout");
                    Names();
                    break;
                case "pause":
                    Target("Suspend-ComposeService", FrontDoorOutput.Status);
                    Names();
                    break;
                case "unpause":
                    Target("Resume-ComposeService", FrontDoorOutput.Status);
                    Names();
                    break;
                case "rm":
                    Target("Remove-ComposeService", FrontDoorOutput.Status);
                    Direct(flags, "force=Force stop=Stop volumes=Volumes");
                    Names();
                    break;
                case "pull":
                    Target("Request-ComposeImage", FrontDoorOutput.Status);
                    Direct(flags, "ignore-buildable=IgnoreBuildable ignore-pull-failures=IgnorePullFailures policy=Policy");
                    Names();
                    break;
                case "push":
                    Target("Publish-ComposeImage", FrontDoorOutput.Status);
                    Direct(flags, "ignore-push-failures=IgnorePushFailures");
                    Names();
                    break;
                case "build":
                    Target("New-ComposeImage", FrontDoorOutput.Status);
                    Direct(flags, "no-cache=NoCache pull=Pull");
                    BuildArgs();
                    Names();
                    break;
                case "config":
                    Target("Get-ComposeConfig", FrontDoorOutput.Lines);
                    Direct(flags, "services=Services volumes=Volumes networks=Networks profiles=Profiles images=Images environment=Environment variables=Variables no-interpolate=NoInterpolate no-normalize=NoNormalize no-path-resolution=NoPathResolution no-consistency=NoConsistency no-env-resolution=NoEnvResolution resolve-image-digests=ResolveImageDigests lock-image-digests=LockImageDigests output=OutFile");
                    Config();
                    break;
                case "images":
                    Target("Get-ComposeImage", FrontDoorOutput.ImageTable);
                    if (Given("quiet")) invocation.Output = FrontDoorOutput.ImageIds;
                    TableFormatOnly();
                    Names();
                    break;
                case "top":
                    Target("Get-ComposeProcess", FrontDoorOutput.ProcessTable);
                    Names();
                    break;
                case "port":
                    Target("Get-ComposePort", FrontDoorOutput.Port);
                    Direct(flags, "index=Index protocol=Protocol");
                    Port();
                    break;
                case "cp":
                    Target("Copy-ComposeItem", FrontDoorOutput.Status);
                    Direct(flags, "all=All archive=Archive follow-link=FollowLink index=Index");
                    Copy();
                    break;
                case "events":
                    Target("Get-ComposeEvent", FrontDoorOutput.Objects);
                    Direct(flags, "since=Since until=Until");
                    if (!Given("until")) Set("Follow", true);
                    Names();
                    break;
                case "wait":
                    Target("Wait-ComposeService", FrontDoorOutput.Exits);
                    Direct(flags, "down-project=DownProject");
                    Names();
                    break;
                case "version":
                    Target("Get-ComposeVersion", FrontDoorOutput.Version);
                    if (Given("short")) invocation.Output = FrontDoorOutput.VersionShort;
                    string format = Value("format");
                    if (format == "json") invocation.Output = FrontDoorOutput.VersionJson;
                    else if (format != null && format != "pretty") Refuse("version --format " + format);
                    NoArguments();
                    break;
                case "ls":
                    Target("Get-ComposeProject", FrontDoorOutput.ProjectTable);
                    Direct(flags, "all=All");
                    ProjectFilters();
                    if (Given("quiet")) invocation.Output = FrontDoorOutput.Names;
                    else ProjectFormat();
                    NoArguments();
                    break;
                case "stats":
                    Target("Get-ComposeStat", FrontDoorOutput.Objects);
                    Direct(flags, "all=All");
                    if (!Given("no-stream")) Set("Follow", true);
                    TableFormatOnly();
                    Names();
                    break;
                case "volumes":
                    Target("Get-ComposeVolume", FrontDoorOutput.VolumeTable);
                    if (Given("quiet")) invocation.Output = FrontDoorOutput.Names;
                    else if (Value("format") == "json") invocation.Output = FrontDoorOutput.VolumeJson;
                    else TableFormatOnly();
                    Names();
                    break;
                case "watch":
                    Target("Watch-ComposeProject", FrontDoorOutput.Objects);
                    Direct(flags, "no-up=NoUp prune= quiet=Quiet");
                    // Compose prunes by default: only --prune=false changes anything.
                    if (Value("prune") is string prune && !CommandLineParser.IsTrue(prune)) Set("NoPrune", true);
                    Names();
                    break;
            }

            foreach (GivenFlag g in parsed.Globals) Global(g);
            foreach (GivenFlag g in parsed.Flags)
            {
                string name = g.Spec.Long;
                if (name == "dry-run") { DryRun(g); continue; }
                if (name == "help") continue;
                if (Shape(g) || Special(name)) continue;
                if (!flags.TryGetValue(name, out string parameter)) Refuse(parsed.Command + " " + g.Spec.Display.Split(' ').Last());
                else if (parameter.Length > 0) Bind(parameter, g);
            }
            // No progress is no CI group lines either.
            if (invocation.Progress == FrontDoorProgress.Quiet && CmdletSurface.ParameterType(cmdlet, "CiOutput") != null) invocation.Parameters["CiOutput"] = "None";
        }

        private void Target(string name, FrontDoorOutput output)
        {
            if (!CmdletSurface.Exists(name)) Refuse(parsed.Command);
            cmdlet = name;
            invocation.CommandName = name;
            invocation.Output = output;
        }

        /// <summary>
        /// The flags that shape output, progress and streams rather than the work: each has its effect here, is
        /// refused for the values PSCompose cannot honour, or is one of <see cref="AlreadyTheBehaviour"/>. False when
        /// <paramref name="g"/> is not such a flag.
        /// </summary>
        private bool Shape(GivenFlag g)
        {
            bool on = !g.Spec.TakesValue && CommandLineParser.IsTrue(g.Value);
            switch (g.Spec.Long)
            {
                case "ansi":
                    // Compose takes any value but never and always as auto; PSCompose's text has no colour, as Compose's off a terminal.
                    invocation.Color = g.Value == "always";
                    return true;
                case "progress":
                    if (!ProgressModes.Contains(g.Value))
                        throw new CommandLineException(ErrorIds.FrontDoorInvalidArgument, "unsupported --progress value \"" + g.Value + "\"", "--progress");
                    if (g.Value == "json") Refuse("--progress json", "progress is PowerShell progress records, or Verbose lines with --progress plain.");
                    invocation.Progress = g.Value == "quiet" ? FrontDoorProgress.Quiet : g.Value == "plain" ? FrontDoorProgress.Lines : FrontDoorProgress.Records;
                    return true;
                case "parallel":
                    // PSCompose runs independent operations at once without a limit, Compose's default (-1).
                    if (long.Parse(g.Value, CultureInfo.InvariantCulture) > 0)
                        Refuse("--parallel " + g.Value, "it runs independent operations at once without a limit, as Compose does by default.");
                    return true;
                case "all-resources":
                    if (on) Refuse("--all-resources", "it creates the networks and volumes the services use, as Compose does by default.");
                    return true;
                case "no-color":
                    if (on) invocation.Color = false;
                    return true;
                case "menu":
                    if (on && invocation.Parameters.ContainsKey("Attach")) Refuse("up --menu", "an attached up has no shortcut menu (Ctrl+C stops it).");
                    return true;
                case "orphans":
                    if (!on) Refuse("ps --orphans=false", "ps lists the containers of services no longer in the file too.");
                    return true;
                case "no-trunc":
                    invocation.Truncate = !on;
                    return true;
                case "quiet-pull":
                    if (on) Set("QuietPull", true);
                    return true;
                case "quiet-build":
                    if (on) Set("QuietBuild", true);
                    return true;
                case "interactive":
                    invocation.ForwardsInput = on && !Given("detach");
                    return true;
                case "no-tty":
                case "no-TTY":
                    return true;
                case "quiet" when parsed.Command == "build" || parsed.Command == "pull" || parsed.Command == "push":
                    if (on) invocation.Progress = FrontDoorProgress.Quiet;
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Flags each command reads itself (in Map and the helpers) rather than binding them one to one.</summary>
        private bool Special(string flag)
        {
            switch (parsed.Command)
            {
                case "up": return flag == "detach" || flag == "scale";
                case "create": return flag == "scale";
                case "run": return flag == "entrypoint";
                case "logs": return flag == "tail";
                case "build": return flag == "build-arg";
                case "ps": return flag == "quiet" || flag == "services" || flag == "format" || flag == "filter";
                case "images": case "volumes": return flag == "quiet" || flag == "format";
                case "ls": return flag == "quiet" || flag == "format" || flag == "filter";
                case "stats": return flag == "no-stream" || flag == "format";
                case "version": return flag == "short" || flag == "format";
                case "config": return flag == "hash" || flag == "format" || flag == "quiet";
                default: return false;
            }
        }

        private static void Direct(Dictionary<string, string> flags, string table)
        {
            foreach (string entry in table.Split(' '))
            {
                int eq = entry.IndexOf('=');
                flags[entry.Substring(0, eq)] = entry.Substring(eq + 1);
            }
        }

        private bool Given(string flag) => parsed.Flags.Any(g => g.Spec.Long == flag && (g.Spec.TakesValue || CommandLineParser.IsTrue(g.Value)));

        private string Value(string flag) => parsed.Flags.LastOrDefault(g => g.Spec.Long == flag)?.Value;

        // Compose's up refuses these with -d before doing anything (--exit-code-from implies the abort).
        private void RefuseAttachedFlagsWithDetach()
        {
            var attached = new[] { "abort-on-container-exit", "abort-on-container-failure", "attach", "attach-dependencies", "exit-code-from", "watch" };
            if (attached.Any(Given))
                throw new CommandLineException(ErrorIds.FrontDoorInvalidArgument,
                    "--detach cannot be combined with --abort-on-container-exit, --abort-on-container-failure, --attach, --attach-dependencies or --watch",
                    parsed.Command);
        }

        /// <summary>A flag Compose has whose effect PSCompose cannot give; <paramref name="why"/> says what PSCompose does instead.</summary>
        private static void Refuse(string what, string why) =>
            throw new CommandLineException(ErrorIds.FrontDoorUnsupported, "PSCompose has no equivalent of `docker compose " + what + "`: " + why, what);

        private void Refuse(string what) =>
            throw new CommandLineException(ErrorIds.FrontDoorUnsupported,
                "PSCompose has no equivalent of `docker compose " + what + "`" + (cmdlet == null ? "." : " (" + cmdlet + " has no such parameter)."), what);

        private void Set(string parameter, object value)
        {
            if (CmdletSurface.ParameterType(cmdlet, parameter) == null && parameter != "Confirm" && parameter != "WhatIf")
                Refuse(parsed.Command + " (" + parameter + ")");
            invocation.Parameters[parameter] = value is bool b ? new SwitchParameter(b) : value;
        }

        private void Global(GivenFlag g)
        {
            if (g.Spec.Long == "dry-run") { DryRun(g); return; }
            if (Shape(g)) return;
            if (!GlobalParameters.TryGetValue(g.Spec.Long, out string parameter)) return;
            // ls and version take no project; Compose ignores the project flags there too.
            if (CmdletSurface.ParameterType(cmdlet, parameter) != null) Bind(parameter, g);
        }

        /// <summary>
        /// --dry-run is -WhatIf on the cmdlets that change anything (the others only read). Compose refuses it for a
        /// run or exec that would attach to the command's streams.
        /// </summary>
        private void DryRun(GivenFlag g)
        {
            bool dry = CommandLineParser.IsTrue(g.Value);
            if (dry && (parsed.Command == "run" || parsed.Command == "exec") && !Given("detach"))
                throw new CommandLineException(ErrorIds.FrontDoorInvalidArgument, "interactive " + parsed.Command + " is not supported in dry-run mode", "--dry-run");
            if (CmdletSurface.SupportsShouldProcess(cmdlet)) invocation.Parameters["WhatIf"] = new SwitchParameter(dry);
        }

        private void Bind(string parameter, GivenFlag g)
        {
            Type type = CmdletSurface.ParameterType(cmdlet, parameter);
            if (type == null) Refuse(parsed.Command + " --" + g.Spec.Long);
            if (type == typeof(SwitchParameter)) invocation.Parameters[parameter] = new SwitchParameter(CommandLineParser.IsTrue(g.Value));
            else if (type == typeof(string[])) invocation.Parameters[parameter] = ((invocation.Parameters[parameter] as string[]) ?? new string[0]).Concat(new[] { g.Value }).ToArray();
            else if (type == typeof(int)) invocation.Parameters[parameter] = int.Parse(g.Value, CultureInfo.InvariantCulture);
            else if (type == typeof(Hashtable))
            {
                var table = invocation.Parameters[parameter] as Hashtable ?? new Hashtable();
                int eq = g.Value.IndexOf('=');
                if (eq < 0) table[g.Value] = Environment.GetEnvironmentVariable(g.Value);
                else table[g.Value.Substring(0, eq)] = g.Value.Substring(eq + 1);
                invocation.Parameters[parameter] = table;
            }
            else invocation.Parameters[parameter] = g.Value;
        }

        private void Names()
        {
            if (parsed.Arguments.Count == 0) return;
            Type type = CmdletSurface.ParameterType(cmdlet, "Name");
            if (type == typeof(string[])) Set("Name", parsed.Arguments.ToArray());
            else if (type == typeof(string) && parsed.Arguments.Count == 1) Set("Name", parsed.Arguments[0]);
            else Refuse(parsed.Command + " " + string.Join(" ", parsed.Arguments));
        }

        private void NoArguments()
        {
            if (parsed.Arguments.Count > 0) Refuse(parsed.Command + " " + string.Join(" ", parsed.Arguments));
        }

        private void ContainerFormat()
        {
            string format = Value("format");
            if (format == null) return;
            invocation.ContainerFormat = FrontDoor.ContainerFormat.Parse(format);
            if (invocation.ContainerFormat != null) invocation.Output = FrontDoorOutput.ContainerTemplate;
        }

        /// <summary>build --build-arg K=V; a bare K is left $null for the cmdlet to take from the project's environment (.env included), as Compose does.</summary>
        private void BuildArgs()
        {
            var args = new Hashtable();
            foreach (GivenFlag g in parsed.Flags.Where(f => f.Spec.Long == "build-arg"))
            {
                int eq = g.Value.IndexOf('=');
                if (eq < 0) args[g.Value] = null;
                else args[g.Value.Substring(0, eq)] = g.Value.Substring(eq + 1);
            }
            if (args.Count > 0) Set("BuildArgument", args);
        }

        /// <summary>ls --filter: Compose accepts only name=VALUE (several: any of them).</summary>
        private void ProjectFilters()
        {
            var names = new List<string>();
            foreach (GivenFlag g in parsed.Flags.Where(f => f.Spec.Long == "filter"))
            {
                int eq = g.Value.IndexOf('=');
                if (eq < 0)
                    throw new CommandLineException(ErrorIds.FrontDoorInvalidArgument,
                        "invalid argument \"" + g.Value + "\" for \"--filter\" flag: bad format of filter (expected name=value)", "--filter");
                string key = g.Value.Substring(0, eq).Trim().ToLowerInvariant();
                if (key != "name") throw new CommandLineException(ErrorIds.FrontDoorInvalidArgument, "invalid filter '" + key + "'", "--filter");
                names.Add(g.Value.Substring(eq + 1).Trim());
            }
            if (names.Count > 0) invocation.ProjectNameFilters = names;
        }

        /// <summary>ls --format: Compose's table or one JSON array; anything else fails when Compose prints (not with -q).</summary>
        private void ProjectFormat()
        {
            string format = Value("format");
            if (format == "json") invocation.Output = FrontDoorOutput.ProjectJson;
            else if (format != null && format != "table" && format != "")
                throw new CommandLineException(ErrorIds.FrontDoorInvalidArgument, "format value \"" + format + "\" could not be parsed: parsing failed", "--format");
        }

        private void TableFormatOnly()
        {
            string format = Value("format");
            if (format != null && format != "table") Refuse(parsed.Command + " --format " + format);
        }

        /// <summary>ps --filter: Compose supports only status=VALUE, the same as --status.</summary>
        private void StatusFilters()
        {
            foreach (GivenFlag g in parsed.Flags.Where(f => f.Spec.Long == "filter"))
            {
                if (!g.Value.StartsWith("status=", StringComparison.Ordinal)) Refuse("ps --filter " + g.Value);
                Bind("Status", new GivenFlag { Spec = g.Spec, Value = g.Value.Substring(7), Token = g.Token });
            }
        }

        private void ServiceAndCommand()
        {
            if (parsed.Arguments.Count == 0)
                throw new CommandLineException(ErrorIds.FrontDoorMissingArgument, "requires at least " + (parsed.Command == "exec" ? 2 : 1) + " arg(s), only received 0", parsed.Command);
            if (parsed.Command == "exec" && parsed.Arguments.Count < 2)
                throw new CommandLineException(ErrorIds.FrontDoorMissingArgument, "requires at least 2 arg(s), only received 1", parsed.Command);
            Set("Name", parsed.Arguments[0]);
            if (parsed.Arguments.Count > 1) Set("Command", parsed.Arguments.Skip(1).ToArray());
            // run -i is on by default (exec's is hidden, and always on); a run -i=false flag comes after, in Shape.
            invocation.ForwardsInput = !Given("detach");
            string entrypoint = Value("entrypoint");
            if (entrypoint != null) Set("Entrypoint", new[] { Entrypoint(entrypoint) });
            bool noTty = parsed.Flags.Any(g => (g.Spec.Long == "no-tty" || g.Spec.Long == "no-TTY") && CommandLineParser.IsTrue(g.Value));
            bool detach = Given("detach");
            if (interactiveConsole && !noTty && !detach) Set("Interactive", true);
            // run -d prints the one-off's container id; exec -d prints nothing.
            if (detach) invocation.Output = parsed.Command == "run" ? FrontDoorOutput.Ids : FrontDoorOutput.Status;
        }

        /// <summary>Compose parses --entrypoint before anything runs; Invoke-ComposeRun splits the same string the same way.</summary>
        private static string Entrypoint(string text)
        {
            try { ShellWords.Split(text); }
            catch (FormatException e) { throw new CommandLineException(ErrorIds.FrontDoorInvalidArgument, e.Message, "--entrypoint"); }
            return text;
        }

        private void Config()
        {
            string hash = Value("hash");
            if (hash != null)
            {
                Set("Hash", true);
                if (hash != "*") Set("Name", hash.Split(','));
                invocation.Output = FrontDoorOutput.Hashes;
                return;
            }
            string format = Value("format");
            if (Given("variables"))
            {
                // Compose prints the variables as a table unless --format names json or yaml.
                if (format != null && format != "table" && format != "yaml" && format != "json") Refuse("config --format " + format);
                Set("Format", format == "json" ? "Json" : format == "yaml" ? "Yaml" : "Table");
            }
            else
            {
                if (format != null && format != "yaml" && format != "json") Refuse("config --format " + format);
                // --environment prints Compose's NAME=value lines whatever the format.
                bool listing = new[] { "services", "volumes", "networks", "profiles", "images" }.Any(Given);
                if (!listing) Set("Format", format == "json" ? "Json" : "Yaml");
            }
            // --lock-image-digests pins the images itself; Get-ComposeConfig takes one or the other.
            if (Given("lock-image-digests")) invocation.Parameters.Remove("ResolveImageDigests");
            Names();
            if (Given("quiet"))
            {
                if (CmdletSurface.ParameterType(cmdlet, "Quiet") != null) Set("Quiet", true);
                else invocation.Output = FrontDoorOutput.Status;
            }
        }

        private void Port()
        {
            if (parsed.Arguments.Count != 2)
                throw new CommandLineException(ErrorIds.FrontDoorMissingArgument, "requires at least 2 arg(s), only received " + parsed.Arguments.Count, parsed.Command);
            Set("Name", parsed.Arguments[0]);
            if (!int.TryParse(parsed.Arguments[1], NumberStyles.None, CultureInfo.InvariantCulture, out int port))
                throw new CommandLineException(ErrorIds.FrontDoorInvalidArgument, "invalid port: " + parsed.Arguments[1], parsed.Arguments[1]);
            Set("PrivatePort", port);
        }

        private void Copy()
        {
            if (parsed.Arguments.Count != 2)
                throw new CommandLineException(ErrorIds.FrontDoorMissingArgument, "docker: 'docker compose cp' requires 2 arguments", parsed.Command);
            string source = parsed.Arguments[0], destination = parsed.Arguments[1];
            if (ServicePath(source, out string service, out string path)) { Set("FromService", service); source = path; }
            if (ServicePath(destination, out service, out path)) { Set("ToService", service); destination = path; }
            Set("Path", source);
            Set("Destination", destination);
        }

        /// <summary>docker cp's "SERVICE:PATH" (a path with a separator before the colon, or a drive letter, is local).</summary>
        private static bool ServicePath(string arg, out string service, out string path)
        {
            int colon = arg.IndexOf(':');
            service = path = null;
            if (colon <= 0 || arg.Substring(0, colon).IndexOfAny(new[] { '/', '\\' }) >= 0 || (colon == 1 && char.IsLetter(arg[0]) && arg.Length > 2 && (arg[2] == '\\' || arg[2] == '/'))) return false;
            service = arg.Substring(0, colon);
            path = arg.Substring(colon + 1);
            return true;
        }

        private void AddScale(Hashtable scale, string value)
        {
            int eq = value.IndexOf('=');
            if (eq <= 0 || !int.TryParse(value.Substring(eq + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n))
                throw new CommandLineException(ErrorIds.FrontDoorInvalidArgument, "invalid scale specifier: " + value, value);
            scale[value.Substring(0, eq)] = n;
        }

        private void ScaleFlags()
        {
            var scale = new Hashtable();
            foreach (GivenFlag g in parsed.Flags.Where(f => f.Spec.Long == "scale")) AddScale(scale, g.Value);
            if (scale.Count > 0) Set("Scale", scale);
        }
    }
}
