using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text.RegularExpressions;
using PSCompose.ModuleTests.Up;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Lifecycle
{
    /// <summary>
    /// The service cmdlets run as plans through the one executor: -WhatIf lists the plan (compared with
    /// `docker compose --dry-run`), progress comes per operation, a failure skips only what depends on it.
    /// </summary>
    public class LifecyclePlanEngineTests
    {
        [EngineFact]
        public void WhatIf_ListsTheContainersComposeDryRunActsOn_DependentsFirstForStop()
        {
            using var p = new LifecycleProject().Up();
            var verbs = new[]
            {
                (ps: "Stop-ComposeService", compose: new[] { "stop" }, kind: "StopContainer", word: "Stopping"),
                (ps: "Stop-ComposeService -Kill", compose: new[] { "kill" }, kind: "KillContainer", word: "Killing"),
                (ps: "Restart-ComposeService", compose: new[] { "restart" }, kind: "RestartContainer", word: "Restarting"),
                (ps: "Suspend-ComposeService", compose: new[] { "pause" }, kind: "PauseContainer", word: "Paused"),
                (ps: "Remove-ComposeService -Stop -Force", compose: new[] { "rm", "-s", "-f" }, kind: "RemoveContainer", word: "Removing"),
            };
            foreach (var verb in verbs)
            {
                List<string> ours = PlannedContainers(p, verb.ps + " -ProjectName $p -WhatIf", verb.kind);
                List<string> theirs = DryRunContainers(p, verb.compose, verb.word);
                Assert.True(theirs.Count > 0, string.Join(" ", verb.compose));
                Assert.True(theirs.OrderBy(n => n).SequenceEqual(ours.OrderBy(n => n)),
                    $"{verb.ps}: ours {string.Join(",", ours)}; compose {string.Join(",", theirs)}");
                if (verb.kind == "StopContainer")
                {
                    Assert.True(theirs.IndexOf(p.Container("web")) < theirs.IndexOf(p.Container("db")));
                    Assert.True(ours.IndexOf(p.Container("web")) < ours.IndexOf(p.Container("db")));
                }
            }
            Assert.All(new[] { "db", "web", "worker" }, s => Assert.Equal("running", LifecycleProject.Status(p.Container(s))));
        }

        [EngineFact]
        public void AFailureSkipsOnlyItsDependents_TheRestGoesOn_WithProgressPerOperation()
        {
            using var p = new LifecycleProject().Up();
            p.Compose("stop").Check();
            Docker.Run("rm", p.Container("db")).Check();

            RunResult r = p.Ps("Start-ComposeService -Path $dir -ProjectName $p -Verbose");
            ErrorRecord error = Assert.Single(r.Errors);
            Assert.Equal("NoContainerToStart,PSCompose.Cmdlets.StartComposeServiceCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("db", error.TargetObject);
            Assert.Contains("service \"db\" has no container to start", error.Exception.Message);
            Assert.Equal("service \"web\" was skipped: a service it depends on failed", Assert.Single(r.Warnings).Message);
            Assert.Equal("exited", LifecycleProject.Status(p.Container("web")));
            Assert.Equal("running", LifecycleProject.Status(p.Container("worker")));
            Assert.Contains(r.Verbose, v => v.Message == "service:worker:1 StartContainer (start): Done");
            Assert.Contains(r.Progress, pr => pr.StatusDescription == "worker: StartContainer Done");
        }

        /// <summary>Container names of the -WhatIf plan's operations of one kind, in plan order.</summary>
        private static List<string> PlannedContainers(LifecycleProject p, string script, string kind)
        {
            var host = new RecordingHost();
            using (Runspace runspace = PowerShellRunner.OpenRunspace(host: host))
                PowerShellRunner.Run(runspace, script, new Dictionary<string, object> { ["p"] = p.Name }).AssertNoErrors();
            Assert.Contains("What if:", host.Text);
            return Regex.Matches(host.Text, @"#\d+ service:([^:\s]+):(\d+) " + kind + @"\b")
                .Select(m => p.Container(m.Groups[1].Value, int.Parse(m.Groups[2].Value))).ToList();
        }

        /// <summary>Containers `docker compose --dry-run` names with the progress word, in its order.</summary>
        private static List<string> DryRunContainers(LifecycleProject p, string[] args, string word)
        {
            Docker.Result result = p.Compose(new[] { "--dry-run" }.Concat(args).ToArray()).Check();
            return Regex.Matches(result.Stdout + result.Stderr, @"Container (\S+)\s+" + word + @"\b")
                .Select(m => m.Groups[1].Value).Distinct().ToList();
        }
    }
}
