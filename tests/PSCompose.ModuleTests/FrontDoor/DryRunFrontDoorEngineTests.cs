using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.FrontDoor
{
    /// <summary>
    /// A dry run changes nothing: every `docker compose` command Invoke-Compose takes, with --dry-run, and every cmdlet
    /// with -WhatIf, leaves the project's containers (and their states), networks, volumes and images, the registry,
    /// and a directory that a run, exec or cp would write into, as they were; on a project that does not exist yet and
    /// on one that is up. Where Compose refuses --dry-run (a run or exec attached to the command), Invoke-Compose
    /// refuses with Compose's words.
    /// </summary>
    public class DryRunFrontDoorEngineTests
    {
        /// <summary>Command lines after `Invoke-Compose -p $p --dry-run`, on a project with nothing created.</summary>
        private static readonly string[] FrontOnNothing =
        {
            "up -d", "up", "up --build -d", "create", "build", "--profile extra pull", "scale web=2", "run -d web touch /marker/run",
            "watch",
        };

        /// <summary>The same, on the project once up (web running, idle paused, job exited, gate exited).</summary>
        private static readonly string[] FrontOnUp =
        {
            "up -d", "up -d --force-recreate", "create --force-recreate", "down", "down -v --rmi all --remove-orphans", "stop", "kill",
            "restart", "pause web", "unpause idle", "rm -f -s", "rm -f job", "start job", "exec -d web touch /marker/exec",
            "run -d web touch /marker/run", "run -d --rm web touch /marker/run", "cp ./cp-source.txt web:/marker/cp.txt", "scale web=2", "push job",
            "build --no-cache job", "--profile extra pull", "watch", "config -o marker/config.yaml",
            // Commands that only read, and those PSCompose refuses: they change nothing either.
            "ps", "logs", "ls", "images", "top", "version", "volumes", "stats --no-stream", "config", "port web 80",
            "events --since 2020-01-01T00:00:00Z --until 2020-01-01T00:00:01Z",
        };

        /// <summary>Commands PSCompose refuses whatever the flags.</summary>
        private static readonly string[] Unsupported = { "attach web", "bridge", "commit web", "export web", "publish" };

        /// <summary>Lines Compose refuses in dry-run mode, with its words.</summary>
        private static readonly string[] Refused = { "run web touch /marker/run", "run -T --rm web touch /marker/run", "exec web touch /marker/exec", "exec -T web touch /marker/exec" };

        private static readonly string[] CmdletsOnNothing =
        {
            "Invoke-ComposeUp -ProjectName $p -WhatIf", "Invoke-ComposeUp -ProjectName $p -Attach -Build -WhatIf",
            "New-ComposeImage -ProjectName $p -WhatIf", "Request-ComposeImage -ProjectName $p -Profile extra -WhatIf",
            "Invoke-ComposeRun web -ProjectName $p -Detach -WhatIf -- touch /marker/run", "Invoke-ComposeRun web -ProjectName $p -WhatIf -- touch /marker/run",
            "Invoke-ComposeRun web touch /marker/run -ProjectName $p -WhatIf",
        };

        private static readonly string[] CmdletsOnUp =
        {
            "Invoke-ComposeUp -ProjectName $p -ForceRecreate -WhatIf", "Invoke-ComposeDown -ProjectName $p -Volumes -RemoveImages All -WhatIf",
            "Stop-ComposeService -ProjectName $p -WhatIf", "Stop-ComposeService -ProjectName $p -Kill -WhatIf", "Restart-ComposeService -ProjectName $p -WhatIf",
            "Suspend-ComposeService web -ProjectName $p -WhatIf", "Resume-ComposeService idle -ProjectName $p -WhatIf",
            "Remove-ComposeService -ProjectName $p -Force -Stop -Volumes -WhatIf", "Start-ComposeService job -ProjectName $p -WhatIf",
            "Invoke-ComposeExec web -ProjectName $p -WhatIf -- touch /marker/exec", "Invoke-ComposeExec web touch /marker/exec -ProjectName $p -WhatIf",
            "Invoke-ComposeExec web -ProjectName $p -Detach -WhatIf -- touch /marker/exec",
            "Invoke-ComposeRun web -ProjectName $p -Remove -WhatIf -- touch /marker/run", "Invoke-ComposeRun web -ProjectName $p -Detach -WhatIf -- touch /marker/run",
            "Copy-ComposeItem ./cp-source.txt -ToService web -Destination /marker/cp.txt -ProjectName $p -WhatIf",
            "Publish-ComposeImage job -ProjectName $p -WhatIf", "New-ComposeImage job -ProjectName $p -NoCache -WhatIf",
            "Request-ComposeImage -ProjectName $p -Profile extra -WhatIf", "Watch-ComposeProject -ProjectName $p -WhatIf",
            "Get-ComposeConfig -ProjectName $p -OutFile marker/config.yaml -WhatIf",
        };

        /// <summary>Swarm cmdlets: a dry run needs a swarm, which the engine tests outside Stack must not create.</summary>
        private static readonly string[] NotCovered = { "Publish-ComposeStack", "Remove-ComposeStack" };

        [EngineFact]
        public void ADryRunOfEveryCommand_ChangesNothing()
        {
            using FrontDoorProject p = FrontDoorProject.Empty("services: {}\n");
            string job = $"127.0.0.1:5000/{p.Name}/job:1", pulled = $"127.0.0.1:5000/{p.Name}/busybox:1";
            string marker = Path.Combine(p.Directory, "marker");
            Directory.CreateDirectory(marker);
            File.WriteAllText(Path.Combine(p.Directory, "cp-source.txt"), "copied\n");
            File.WriteAllText(Path.Combine(p.Directory, "Dockerfile"), $"FROM {LifecycleProject.Busybox}\nRUN echo built > /built\n");
            File.WriteAllText(Path.Combine(p.Directory, "compose.yaml"),
                "services:\n" +
                $"  web:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n    volumes: [\"./marker:/marker\", \"data:/data\"]\n    ports: [\"127.0.0.1::80\"]\n" +
                "    develop:\n      watch: [{action: sync, path: ./marker, target: /watched}]\n" +
                $"  idle:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n" +
                $"  job:\n    build: .\n    image: {job}\n    command: [\"sh\", \"-c\", \"exit 3\"]\n" +
                $"  gate:\n    image: {LifecycleProject.Busybox}\n    command: [\"sleep\", \"5\"]\n" +
                $"  pulled:\n    image: {pulled}\n    profiles: [extra]\n" +
                "volumes:\n  data: {}\n");
            try
            {
                // The image `pull` would fetch is in the registry only.
                Docker.Run("tag", LifecycleProject.Busybox, pulled).Check();
                Docker.Run("push", "-q", pulled).Check();
                Docker.Run("rmi", pulled).Check();

                AssertCovered(p);
                AssertNothingChanges(p, FrontOnNothing, CmdletsOnNothing, marker);

                p.Compose("up", "-d", "--wait", "web", "idle").Check();
                p.Compose("up", "-d", "job", "gate").Check();
                p.Compose("pause", "idle").Check();
                Docker.Run("wait", p.Name + "-job-1", p.Name + "-gate-1").Check();
                AssertNothingChanges(p, FrontOnUp, CmdletsOnUp, marker, Unsupported);
                AssertWaitThenDownChangesNothing(p, "--dry-run wait --down-project gate");
                AssertWaitThenDownChangesNothing(p, null);

                foreach (string line in Refused)
                {
                    string[] words = line.Split(' ');
                    string expected = FrontDoorProject.Lines(p.Compose(new[] { "--dry-run" }.Concat(words).ToArray()).Stderr).Last();
                    Assert.Equal($"interactive {words[0]} is not supported in dry-run mode", expected);
                    FrontResult ours = p.Front("--dry-run " + line);
                    ErrorRecord error = Assert.Single(ours.Run.Errors);
                    Assert.Equal(expected, error.Exception.Message);
                    Assert.Equal("FrontDoorInvalidArgument,Invoke-Compose", error.FullyQualifiedErrorId);
                    Assert.Equal(1, ours.ExitCode);
                }
                Assert.Empty(Directory.GetFileSystemEntries(marker));
            }
            finally
            {
                p.Compose("down", "-v", "-t", "0", "--remove-orphans");
                Docker.Run("rmi", "-f", job, pulled);
            }
        }

        [EngineFact]
        public void WhatIfAfterTheService_IsPowerShells_AndAfterDoubleDash_TheCommands()
        {
            using FrontDoorProject p = FrontDoorProject.Empty($"services:\n  app:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n");
            FrontResult whatIf = p.PowerShell("Invoke-ComposeRun app echo ran -ProjectName $p -WhatIf");
            Assert.Empty(whatIf.Run.Errors);
            Assert.Empty(whatIf.Lines);
            Assert.Empty(p.Containers());

            FrontResult literal = p.PowerShell("Invoke-ComposeRun app -ProjectName $p -Remove -- echo -WhatIf -Confirm");
            Assert.Empty(literal.Run.Errors);
            Assert.Equal(new[] { "-WhatIf -Confirm" }, literal.Lines);
            Assert.Equal(0, literal.ExitCode);

            p.Compose("up", "-d", "--wait").Check();
            Assert.Empty(p.PowerShell("Invoke-ComposeExec app echo ran -ProjectName $p -WhatIf").Lines);
            Assert.Equal(new[] { "-WhatIf" }, p.PowerShell("Invoke-ComposeExec app -ProjectName $p -- echo -WhatIf").Lines);
        }

        /// <summary>Every command the front door knows and every cmdlet with -WhatIf has a line above.</summary>
        private static void AssertCovered(FrontDoorProject p)
        {
            FrontResult known = p.PowerShell(
                "$flags = [PSCompose.FrontDoor.ComposeCommandLine].Assembly.GetType('PSCompose.FrontDoor.ComposeFlags')\n" +
                "$flags.GetProperty('CommandNames', [Reflection.BindingFlags]'Public,Static').GetValue($null)\n" +
                "'--'\n" +
                "(Get-Command -Module PSCompose -CommandType Cmdlet | Where-Object { $_.Parameters.ContainsKey('WhatIf') }).Name");
            int split = known.Lines.IndexOf("--");
            List<string> commands = known.Lines.Take(split).ToList(), cmdlets = known.Lines.Skip(split + 1).ToList();
            Assert.Contains("up", commands);
            Assert.Contains("Invoke-ComposeRun", cmdlets);
            var lines = FrontOnNothing.Concat(FrontOnUp).Concat(Unsupported).Concat(Refused).Append("wait").Select(l => l.Replace("--profile extra ", "").Split(' ')[0]);
            Assert.Empty(commands.Except(lines));
            var called = CmdletsOnNothing.Concat(CmdletsOnUp).Append("Wait-ComposeService").Concat(NotCovered).Select(l => l.Split(' ')[0]);
            Assert.Empty(cmdlets.Except(called));
        }

        /// <summary>Each line succeeds (refused lines: fail as PSCompose refuses them) and leaves the engine and the marker directory as they were.</summary>
        private static void AssertNothingChanges(FrontDoorProject p, string[] frontLines, string[] cmdletLines, string marker, string[] refused = null)
        {
            string before = Snapshot(p);
            var lines = frontLines.Select(l => (Line: "Invoke-Compose -p $p --dry-run " + l, Refused: false))
                .Concat(cmdletLines.Select(l => (Line: l, Refused: false)))
                .Concat((refused ?? new string[0]).Select(l => (Line: "Invoke-Compose -p $p --dry-run " + l, Refused: true)));
            foreach (var (line, isRefused) in lines)
            {
                FrontResult r = p.PowerShell(line);
                if (isRefused) Assert.StartsWith("FrontDoorUnsupported,", Assert.Single(r.Run.Errors).FullyQualifiedErrorId);
                else Assert.True(r.Run.Errors.Count == 0, line + ": " + r.Run.ErrorText);
                // The cmdlets leave $LASTEXITCODE alone (99 here); Invoke-Compose sets Compose's.
                Assert.True(r.ExitCode == (isRefused ? 1 : line.StartsWith("Invoke-Compose ", StringComparison.Ordinal) ? 0 : 99), line + ": exit code " + r.ExitCode);
                Assert.True(before == Snapshot(p), line + " changed the engine:\n" + before + "\n----\n" + Snapshot(p));
                Assert.True(Directory.GetFileSystemEntries(marker).Length == 0, line + " wrote " + string.Join(", ", Directory.GetFileSystemEntries(marker)));
            }
        }

        /// <summary>wait --down-project: the wait is real (gate exits), the down is not; gate's own state aside, nothing changes.</summary>
        private static void AssertWaitThenDownChangesNothing(FrontDoorProject p, string frontLine)
        {
            string gate = p.Name + "-gate-1";
            string before = Snapshot(p, gate);
            Docker.Run("start", gate).Check();
            FrontResult r = frontLine == null
                ? p.PowerShell("Wait-ComposeService gate -ProjectName $p -DownProject -WhatIf | Out-Null")
                : p.Front(frontLine);
            Assert.True(r.Run.Errors.Count == 0, r.Run.ErrorText);
            Assert.Equal(frontLine == null ? 99 : 0, r.ExitCode);
            Assert.Equal("exited", Docker.Run("inspect", "--format", "{{.State.Status}}", gate).Check().Stdout.Trim());
            Assert.Equal(before, Snapshot(p, gate));
        }

        /// <summary>The project's containers with their state, networks, volumes, images, and the registry's tags of its job image.</summary>
        private static string Snapshot(FrontDoorProject p, string stateless = null)
        {
            var containers = Docker.Run("ps", "-aq", "--filter", "label=com.docker.compose.project=" + p.Name).Check().Stdout
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Concat(Docker.Run("ps", "-aq", "--filter", "name=" + p.Name).Check().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                .Distinct().ToList();
            string state = containers.Count == 0 ? "" : Docker.Run(new[] { "inspect", "--format",
                "{{.Name}} {{.Id}} {{.Image}} {{.State.Status}} {{.State.StartedAt}} {{.State.FinishedAt}} {{.RestartCount}}" }.Concat(containers).ToArray()).Check().Stdout;
            if (stateless != null)
                state = string.Join("\n", state.Split('\n').Select(l => l.StartsWith("/" + stateless + " ", StringComparison.Ordinal) ? string.Join(" ", l.Split(' ').Take(3)) : l));
            string networks = Docker.Run("network", "ls", "--filter", "name=" + p.Name, "--format", "{{.ID}} {{.Name}}").Check().Stdout;
            string volumes = Docker.Run("volume", "ls", "--filter", "name=" + p.Name, "--format", "{{.Name}}").Check().Stdout;
            string images = string.Join("\n", Docker.Run("images", "--no-trunc", "--format", "{{.ID}} {{.Repository}}:{{.Tag}}").Check().Stdout
                .Split('\n').Where(l => l.Contains(p.Name, StringComparison.Ordinal)).OrderBy(l => l, StringComparer.Ordinal));
            using var http = new HttpClient();
            string registry = http.GetStringAsync($"http://127.0.0.1:5000/v2/{p.Name}/job/tags/list").ContinueWith(t => t.IsFaulted ? "none" : t.Result).Result;
            return string.Join("\n--\n", string.Join("\n", state.Split('\n').OrderBy(l => l, StringComparer.Ordinal)), networks, volumes, images, registry);
        }
    }
}
