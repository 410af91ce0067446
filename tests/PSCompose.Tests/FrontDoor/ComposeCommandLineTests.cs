using System.Collections;
using System.Linq;
using System.Management.Automation;
using PSCompose.FrontDoor;
using Xunit;

namespace PSCompose.Tests.FrontDoor
{
    /// <summary>
    /// The `docker compose` command line → cmdlet call mapping. Compose's own refusals (texts, exit codes) are checked
    /// against the reference binary in ModuleTests/FrontDoor; these check what each accepted line runs.
    /// </summary>
    public class ComposeCommandLineTests
    {
        private static FrontDoorInvocation Parse(params object[] args)
        {
            FrontDoorInvocation call = ComposeCommandLine.Parse(args, interactiveConsole: false);
            Assert.True(call.Error == null, call.Error?.Exception.Message);
            return call;
        }

        private static string Refusal(params object[] args) => ComposeCommandLine.Parse(args, false).Error.Exception.Message;

        private static bool Switch(FrontDoorInvocation call, string name) => call.Parameters[name] is SwitchParameter s && s.IsPresent;

        [Fact]
        public void GlobalFlags_BeforeTheCommand_BecomeTheProjectParameters()
        {
            FrontDoorInvocation call = Parse("-p", "shop", "-f", "a.yaml", "--file=b.yaml", "--profile", "dev", "--env-file", "x.env",
                "--project-directory", "/srv", "--compatibility", "up", "-d");
            Assert.Equal("Invoke-ComposeUp", call.CommandName);
            Assert.Equal("shop", call.Parameters["ProjectName"]);
            Assert.Equal(new[] { "a.yaml", "b.yaml" }, call.Parameters["File"]);
            Assert.Equal(new[] { "dev" }, call.Parameters["Profile"]);
            Assert.Equal(new[] { "x.env" }, call.Parameters["EnvFile"]);
            Assert.Equal("/srv", call.Parameters["ProjectDirectory"]);
            Assert.True(Switch(call, "Compatibility"));
        }

        [Fact]
        public void Up_IsAttachedUnlessDetachedOrWaiting()
        {
            Assert.True(Switch(Parse("up"), "Attach"));
            Assert.False(Parse("up", "-d").Parameters.ContainsKey("Attach"));
            Assert.False(Parse("up", "--wait").Parameters.ContainsKey("Attach"));
            Assert.False(Parse("up", "--detach=true").Parameters.ContainsKey("Attach"));
            Assert.True(Switch(Parse("up", "--detach=false"), "Attach"));
        }

        [Fact]
        public void CombinedShortFlags_AndValueForms_Parse()
        {
            FrontDoorInvocation call = Parse("up", "-dV", "--build", "--scale", "web=3", "--scale=db=2", "-t5", "--wait-timeout=30", "web", "db");
            Assert.True(Switch(call, "RenewAnonVolumes"));
            Assert.True(Switch(call, "Build"));
            var scale = (Hashtable)call.Parameters["Scale"];
            Assert.Equal(3, scale["web"]);
            Assert.Equal(2, scale["db"]);
            Assert.Equal(5, call.Parameters["Timeout"]);
            Assert.Equal(30, call.Parameters["WaitTimeout"]);
            Assert.Equal(new[] { "web", "db" }, call.Parameters["Name"]);
            Assert.Equal(FrontDoorOutput.Status, call.Output);
        }

        [Fact]
        public void Down_MapsVolumesRmiTimeout_AndNeverPrompts()
        {
            FrontDoorInvocation call = Parse("down", "-v", "--rmi", "local", "-t", "0", "--remove-orphans");
            Assert.Equal("Invoke-ComposeDown", call.CommandName);
            Assert.True(Switch(call, "Volumes"));
            Assert.Equal("local", call.Parameters["RemoveImages"]);
            Assert.Equal(0, call.Parameters["Timeout"]);
            Assert.True(Switch(call, "RemoveOrphans"));
            Assert.False(((SwitchParameter)call.Parameters["Confirm"]).IsPresent);
        }

        [Fact]
        public void Run_TakesEverythingAfterTheServiceAsTheCommand()
        {
            FrontDoorInvocation call = Parse("run", "--rm", "-e", "A=1", "-e", "B=x=y", "--entrypoint", "sh -c", "-u", "1000", "-w", "/tmp",
                "-v", "/h:/c", "-p", "8080:80", "--name", "one", "--no-deps", "-P", "-T", "web", "python", "manage.py", "migrate", "-v", "2");
            Assert.Equal("Invoke-ComposeRun", call.CommandName);
            Assert.Equal("web", call.Parameters["Name"]);
            Assert.Equal(new[] { "python", "manage.py", "migrate", "-v", "2" }, call.Parameters["Command"]);
            Assert.True(Switch(call, "Remove"));
            var env = (Hashtable)call.Parameters["Environment"];
            Assert.Equal("1", env["A"]);
            Assert.Equal("x=y", env["B"]);
            // The text as given: Invoke-ComposeRun splits one -Entrypoint string the way Compose does.
            Assert.Equal(new[] { "sh -c" }, call.Parameters["Entrypoint"]);
            Assert.Equal("1000", call.Parameters["User"]);
            Assert.Equal("/tmp", call.Parameters["WorkingDirectory"]);
            Assert.Equal(new[] { "/h:/c" }, call.Parameters["Volume"]);
            Assert.Equal(new[] { "8080:80" }, call.Parameters["Publish"]);
            Assert.Equal("one", call.Parameters["ContainerName"]);
            Assert.True(Switch(call, "NoDeps"));
            Assert.True(Switch(call, "ServicePorts"));
            Assert.False(call.Parameters.ContainsKey("Interactive"));
        }

        [Fact]
        public void RunAndExec_AttachAConsoleUnlessNoTty()
        {
            Assert.True(ComposeCommandLine.Parse(new object[] { "exec", "web", "sh" }, true).Parameters.ContainsKey("Interactive"));
            Assert.False(ComposeCommandLine.Parse(new object[] { "exec", "-T", "web", "sh" }, true).Parameters.ContainsKey("Interactive"));
            Assert.False(ComposeCommandLine.Parse(new object[] { "run", "-d", "web", "sh" }, true).Parameters.ContainsKey("Interactive"));
        }

        [Fact]
        public void Detached_RunPrintsTheContainerId_ExecNothing()
        {
            Assert.Equal(FrontDoorOutput.Ids, Parse("run", "-d", "web", "sleep", "5").Output);
            Assert.Equal(FrontDoorOutput.Status, Parse("exec", "-d", "web", "sleep", "5").Output);
            Assert.Equal(FrontDoorOutput.Lines, Parse("run", "web", "sleep", "5").Output);
        }

        [Fact]
        public void Exec_MapsItsFlags_AndEverythingAfterTheServiceIsTheCommand_DoubleDashIncluded_AsInCompose()
        {
            FrontDoorInvocation call = Parse("exec", "-d", "--index", "2", "-u", "root", "--privileged", "web", "--", "ls", "-la");
            Assert.Equal("Invoke-ComposeExec", call.CommandName);
            Assert.Equal(2, call.Parameters["Index"]);
            Assert.True(Switch(call, "Detach"));
            Assert.True(Switch(call, "Privileged"));
            // `docker compose exec web -- ls` runs "--" (pflag stops parsing at the service); PowerShell itself drops a bare --.
            Assert.Equal(new[] { "--", "ls", "-la" }, call.Parameters["Command"]);
        }

        [Fact]
        public void Logs_FlagsMayFollowTheServices()
        {
            FrontDoorInvocation call = Parse("logs", "web", "-f", "-t", "--tail", "5", "--since", "10m", "--no-log-prefix", "--no-color");
            Assert.Equal("Receive-ComposeLog", call.CommandName);
            Assert.Equal(new[] { "web" }, call.Parameters["Name"]);
            Assert.True(Switch(call, "Follow"));
            Assert.True(Switch(call, "Timestamps"));
            Assert.Equal(5, call.Parameters["Tail"]);
            Assert.Equal("10m", call.Parameters["Since"]);
            Assert.True(Switch(call, "NoLogPrefix"));
        }

        [Fact]
        public void Ps_ChoosesItsTextFromQuietAndServices()
        {
            Assert.Equal(FrontDoorOutput.ContainerTable, Parse("ps").Output);
            Assert.Equal(FrontDoorOutput.Ids, Parse("ps", "-aq").Output);
            Assert.True(Switch(Parse("ps", "-aq"), "All"));
            Assert.Equal(FrontDoorOutput.Services, Parse("ps", "--services").Output);
            Assert.Equal(new[] { "running", "exited" }, Parse("ps", "--status", "running", "--status=exited").Parameters["Status"]);
            Assert.Equal(new[] { "paused" }, Parse("ps", "--filter", "status=paused").Parameters["Status"]);
        }

        [Fact]
        public void LifecycleCommands_MapOntoTheirCmdlets()
        {
            Assert.Equal("Start-ComposeService", Parse("start", "web").CommandName);
            Assert.Equal(3, Parse("stop", "-t", "3").Parameters["Timeout"]);
            Assert.True(Switch(Parse("restart", "--no-deps"), "NoDeps"));
            Assert.Equal("Suspend-ComposeService", Parse("pause").CommandName);
            Assert.Equal("Resume-ComposeService", Parse("unpause").CommandName);
            FrontDoorInvocation kill = Parse("kill", "-s", "SIGKILL", "web");
            Assert.Equal("Stop-ComposeService", kill.CommandName);
            Assert.True(Switch(kill, "Kill"));
            Assert.Equal("SIGKILL", kill.Parameters["Signal"]);
            FrontDoorInvocation rm = Parse("rm", "-fsv");
            Assert.True(Switch(rm, "Force") && Switch(rm, "Stop") && Switch(rm, "Volumes"));
            Assert.Equal("Request-ComposeImage", Parse("pull", "--ignore-pull-failures").CommandName);
            Assert.Equal("Publish-ComposeImage", Parse("push").CommandName);
            Assert.True(Switch(Parse("build", "--no-cache", "web"), "NoCache"));
            FrontDoorInvocation create = Parse("create", "--no-build");
            Assert.True(Switch(create, "NoStart") && Switch(create, "NoBuild"));
            FrontDoorInvocation scale = Parse("scale", "web=3", "--no-deps");
            Assert.Equal(3, ((Hashtable)scale.Parameters["Scale"])["web"]);
            Assert.Equal(new[] { "web" }, scale.Parameters["Name"]);
        }

        [Fact]
        public void Watch_PrunesByDefault_PruneFalseIsNoPrune()
        {
            FrontDoorInvocation watch = Parse("watch", "--no-up", "--prune", "web");
            Assert.Equal("Watch-ComposeProject", watch.CommandName);
            Assert.True(Switch(watch, "NoUp"));
            Assert.False(watch.Parameters.ContainsKey("NoPrune"));
            Assert.False(watch.Parameters.ContainsKey("Prune"));
            Assert.True(Switch(Parse("watch", "--prune=false"), "NoPrune"));
            Assert.False(Parse("watch", "--prune=false", "--prune").Parameters.ContainsKey("NoPrune"));
        }

        [Fact]
        public void Config_PrintsYamlByDefault_AndItsListings()
        {
            Assert.Equal("Yaml", Parse("config").Parameters["Format"]);
            Assert.Equal("Json", Parse("config", "--format", "json").Parameters["Format"]);
            FrontDoorInvocation services = Parse("config", "--services");
            Assert.True(Switch(services, "Services"));
            Assert.False(services.Parameters.ContainsKey("Format"));
            FrontDoorInvocation hash = Parse("config", "--hash", "web,db");
            Assert.True(Switch(hash, "Hash"));
            Assert.Equal(new[] { "web", "db" }, hash.Parameters["Name"]);
            Assert.Equal(FrontDoorOutput.Hashes, hash.Output);
            Assert.False(Parse("config", "--hash=*").Parameters.ContainsKey("Name"));
        }

        [Fact]
        public void Cp_SplitsServicePaths()
        {
            FrontDoorInvocation from = Parse("cp", "web:/etc/hosts", "./hosts");
            Assert.Equal("web", from.Parameters["FromService"]);
            Assert.Equal("/etc/hosts", from.Parameters["Path"]);
            Assert.Equal("./hosts", from.Parameters["Destination"]);
            FrontDoorInvocation to = Parse("cp", "--index", "2", "./a:b", "web:/tmp");
            Assert.Equal("web", to.Parameters["ToService"]);
            Assert.Equal("./a:b", to.Parameters["Path"]);
            Assert.Equal("/tmp", to.Parameters["Destination"]);
        }

        [Fact]
        public void ReadOnlyCommands_MapOntoTheirCmdlets()
        {
            FrontDoorInvocation port = Parse("port", "web", "80");
            Assert.Equal(80, port.Parameters["PrivatePort"]);
            Assert.Equal(FrontDoorOutput.Port, port.Output);
            Assert.Equal("Get-ComposeProcess", Parse("top").CommandName);
            Assert.Equal(FrontDoorOutput.ImageIds, Parse("images", "-q").Output);
            Assert.Equal(FrontDoorOutput.Names, Parse("ls", "-q").Output);
            Assert.True(Switch(Parse("events"), "Follow"));
            Assert.False(Parse("events", "--until", "1m").Parameters.ContainsKey("Follow"));
            Assert.True(Switch(Parse("stats"), "Follow"));
            Assert.False(Parse("stats", "--no-stream").Parameters.ContainsKey("Follow"));
            Assert.True(Switch(Parse("wait", "--down-project", "web"), "DownProject"));
            Assert.Equal(FrontDoorOutput.VersionShort, Parse("version", "--short").Output);
            Assert.Equal(FrontDoorOutput.VersionJson, Parse("version", "--format=json").Output);
        }

        [Fact]
        public void DryRun_IsWhatIf_OnlyWhereTheCmdletHasIt()
        {
            Assert.True(Switch(Parse("--dry-run", "up", "-d"), "WhatIf"));
            Assert.True(Switch(Parse("down", "--dry-run"), "WhatIf"));
            Assert.False(Parse("--dry-run", "ps").Parameters.ContainsKey("WhatIf"));
            Assert.True(Switch(Parse("--dry-run", "run", "-d", "web", "touch", "/x"), "WhatIf"));
            Assert.True(Switch(Parse("exec", "--dry-run", "-d", "web", "touch", "/x"), "WhatIf"));
        }

        [Fact]
        public void DryRun_OfAnAttachedRunOrExec_IsRefusedAsComposeRefusesIt()
        {
            Assert.Equal("interactive run is not supported in dry-run mode", Refusal("--dry-run", "run", "web", "touch", "/x"));
            Assert.Equal("interactive run is not supported in dry-run mode", Refusal("run", "--dry-run", "-T", "--rm", "web"));
            Assert.Equal("interactive exec is not supported in dry-run mode", Refusal("--dry-run", "exec", "-T", "web", "touch", "/x"));
            // After the service, --dry-run belongs to the container's command.
            Assert.Equal(new[] { "echo", "--dry-run" }, Parse("run", "web", "echo", "--dry-run").Parameters["Command"]);
        }

        [Fact]
        public void ProjectFlags_AreDroppedForCommandsWithoutAProject()
        {
            FrontDoorInvocation call = Parse("-p", "shop", "version");
            Assert.Equal("Get-ComposeVersion", call.CommandName);
            Assert.Empty(call.Parameters);
        }

        [Fact]
        public void FlagsOfPSComposesOwnBehaviour_AreAcceptedAndChangeNothing()
        {
            FrontDoorInvocation call = Parse("--ansi", "never", "--progress=tty", "--parallel", "-1", "up", "--no-color", "--menu=false", "-d");
            Assert.Empty(call.Parameters);
            Assert.Equal(FrontDoorProgress.Records, call.Progress);
            Assert.Empty(Parse("ps", "--orphans").Parameters);
        }

        [Fact]
        public void OutputFlags_HaveTheirEffect()
        {
            Assert.Equal(FrontDoorProgress.Quiet, Parse("--progress", "quiet", "up", "-d").Progress);
            Assert.Equal("None", Parse("--progress", "quiet", "up", "-d").Parameters["CiOutput"]);
            Assert.Equal(FrontDoorProgress.Lines, Parse("--progress=plain", "up", "-d").Progress);
            foreach (string command in new[] { "build", "pull", "push" }) Assert.Equal(FrontDoorProgress.Quiet, Parse(command, "-q").Progress);
            Assert.True(Switch(Parse("up", "--quiet-pull", "--quiet-build", "-d"), "QuietPull"));
            Assert.True(Switch(Parse("create", "--quiet-pull"), "QuietPull"));
            Assert.True(Switch(Parse("run", "--quiet-build", "web"), "QuietBuild"));
            Assert.True(Parse("--ansi", "always", "logs").Color);
            Assert.False(Parse("--ansi", "always", "logs", "--no-color").Color);
            Assert.False(Parse("ps", "--no-trunc").Truncate);
            Assert.False(Parse("stats", "--no-trunc").Truncate);
            Assert.True(Parse("run", "web", "cat").ForwardsInput);
            Assert.False(Parse("run", "-i=false", "web", "cat").ForwardsInput);
            Assert.False(Parse("run", "-d", "web", "cat").ForwardsInput);
            Assert.True(Parse("exec", "web", "cat").ForwardsInput);
            Assert.False(Parse("ps").ForwardsInput);
        }

        [Fact]
        public void FlagValuesPSComposeCannotHonour_AreRefused()
        {
            Assert.Equal("unsupported --progress value \"bogus\"", Refusal("--progress", "bogus", "ps"));
            Assert.StartsWith("PSCompose has no equivalent of `docker compose --parallel 2`: ", Refusal("--parallel", "2", "up", "-d"));
            Assert.StartsWith("PSCompose has no equivalent of `docker compose --progress json`: ", Refusal("--progress", "json", "up", "-d"));
            Assert.StartsWith("PSCompose has no equivalent of `docker compose --all-resources`: ", Refusal("--all-resources", "up", "-d"));
            Assert.StartsWith("PSCompose has no equivalent of `docker compose up --menu`: ", Refusal("up", "--menu"));
            Assert.StartsWith("PSCompose has no equivalent of `docker compose ps --orphans=false`: ", Refusal("ps", "--orphans=false"));
            Assert.Null(ComposeCommandLine.Parse(new object[] { "up", "-d", "--menu" }, false).Error);
        }

        [Fact]
        public void AsObject_IsTakenAnywhere_AndPowerShellValuesBecomeText()
        {
            FrontDoorInvocation call = Parse("-AsObject", "up", "--scale", "web=3", "-t", 5, "-d", new object[] { "web", "db" });
            Assert.True(call.AsObject);
            Assert.Equal(5, call.Parameters["Timeout"]);
            Assert.Equal(new[] { "web,db" }, call.Parameters["Name"]);
        }

        [Fact]
        public void Help_ShowsTheHelpOfTheCmdletTheCommandRuns()
        {
            FrontDoorInvocation call = Parse("-p", "shop", "run", "--help");
            Assert.Equal("Get-Help", call.CommandName);
            Assert.Equal("Invoke-ComposeRun", call.Parameters["Name"]);
            Assert.Single(call.Parameters);
            Assert.Equal("Receive-ComposeLog", Parse("logs", "-fh", "web").Parameters["Name"]);
            Assert.Equal(new[] { "ls", "-h" }, Parse("exec", "web", "ls", "-h").Parameters["Command"]);
        }

        [Fact]
        public void NoCommand_PrintsUsage_AndRunsNothing()
        {
            FrontDoorInvocation call = Parse("-p", "shop");
            Assert.Null(call.CommandName);
            Assert.StartsWith("Usage:  docker compose [OPTIONS] COMMAND", call.Text);
        }

        [Fact]
        public void Refusals_CarryTheirIdCategoryAndTarget()
        {
            ErrorRecord unknown = ComposeCommandLine.Parse(new object[] { "up", "--bogus" }, false).Error;
            Assert.Equal(ErrorIds.FrontDoorUnknownFlag, unknown.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, unknown.CategoryInfo.Category);
            Assert.Equal("--bogus", unknown.TargetObject);
            ErrorRecord unsupported = ComposeCommandLine.Parse(new object[] { "run", "--env-from-file", "x.env", "web" }, false).Error;
            Assert.Equal(ErrorIds.FrontDoorUnsupported, unsupported.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.NotImplemented, unsupported.CategoryInfo.Category);
            Assert.Equal(1, ComposeCommandLine.Parse(new object[] { "bogus" }, false).ExitCode);
        }

        [Fact]
        public void UnsupportedLines_AreRefusedBeforeAnythingRuns()
        {
            Assert.Contains("docker compose attach", Refusal("attach", "web"));
            Assert.Contains("docker compose build --ssh", Refusal("build", "--ssh", "default"));
            Assert.Contains("ps --format {{.Name | upper}}", Refusal("ps", "--format", "{{.Name | upper}}"));
            Assert.Contains("version --format yaml", Refusal("version", "--format", "yaml"));
        }
    }
}
