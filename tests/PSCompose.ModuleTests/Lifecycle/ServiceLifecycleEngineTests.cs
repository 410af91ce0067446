using System;
using System.Linq;
using System.Management.Automation;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Lifecycle
{
    /// <summary>Start/Stop/Restart/Suspend/Resume/Remove-ComposeService, each checked with docker inspect.</summary>
    public class ServiceLifecycleEngineTests
    {
        [EngineFact]
        public void Stop_StopsOnlyTheNamedService_AndStartBringsItBack()
        {
            using var p = new LifecycleProject().Up();
            // docker compose stop web stops web alone (not db, which web depends on).
            p.Ps("Stop-ComposeService -Path $dir -ProjectName $p -Name web").AssertNoErrors();
            Assert.Equal("exited", LifecycleProject.Status(p.Container("web")));
            Assert.Equal(0, LifecycleProject.State(p.Container("web")).GetProperty("ExitCode").GetInt32());
            Assert.Equal("running", LifecycleProject.Status(p.Container("db")));
            Assert.Equal("running", LifecycleProject.Status(p.Container("worker")));

            RunResult started = p.Ps("Start-ComposeService -Path $dir -ProjectName $p -Name web -PassThru").AssertNoErrors();
            Assert.Equal("running", LifecycleProject.Status(p.Container("web")));
            // -PassThru: web and the dependency start includes, refreshed.
            Assert.Equal(new[] { "db", "web" }, started.Output.Select(o => (string)o.Properties["Name"].Value).OrderBy(n => n));
            Assert.All(started.Output, s => Assert.Equal("running(1)", s.Properties["State"].Value));
        }

        [EngineFact]
        public void Start_StartsDependenciesFirst_LikeComposeStart()
        {
            using var p = new LifecycleProject().Up();
            p.Compose("stop").Check();
            p.Ps("Start-ComposeService -Path $dir -ProjectName $p -Name web").AssertNoErrors();
            Assert.Equal("running", LifecycleProject.Status(p.Container("db")));
            Assert.Equal("running", LifecycleProject.Status(p.Container("web")));
            Assert.Equal("exited", LifecycleProject.Status(p.Container("worker")));
            Assert.True(DateTime.Parse(LifecycleProject.StartedAt(p.Container("db"))) <= DateTime.Parse(LifecycleProject.StartedAt(p.Container("web"))));
        }

        [EngineFact]
        public void Start_WaitsForAHealthyDependency()
        {
            using var p = new LifecycleProject(
                "services:\n" +
                $"  db:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n" +
                "    healthcheck: {test: [\"CMD\", \"true\"], interval: 1s, start_period: 0s}\n" +
                $"  web:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n" +
                "    depends_on: {db: {condition: service_healthy}}\n").Up();
            p.Compose("stop").Check();

            p.Ps("Start-ComposeService -ProjectName $p").AssertNoErrors();
            Assert.Equal("running", LifecycleProject.Status(p.Container("web")));
            // web started only after db's first passing healthcheck since db started again.
            var db = LifecycleProject.State(p.Container("db"));
            DateTime dbStarted = DateTime.Parse(db.GetProperty("StartedAt").GetString());
            DateTime firstHealthy = db.GetProperty("Health").GetProperty("Log").EnumerateArray()
                .Where(e => e.GetProperty("ExitCode").GetInt32() == 0)
                .Select(e => DateTime.Parse(e.GetProperty("End").GetString()))
                .Where(t => t >= dbStarted).Min();
            DateTime webStarted = DateTime.Parse(LifecycleProject.StartedAt(p.Container("web")));
            Assert.True(webStarted >= firstHealthy, $"web started {webStarted:O}, db healthy {firstHealthy:O}");
        }

        [EngineFact]
        public void Restart_RestartsTheNamedService_AndNotItsDependency()
        {
            using var p = new LifecycleProject().Up();
            string dbStarted = LifecycleProject.StartedAt(p.Container("db"));
            string webStarted = LifecycleProject.StartedAt(p.Container("web"));
            p.Ps("Restart-ComposeService -Path $dir -ProjectName $p -Name web -Timeout 5").AssertNoErrors();
            Assert.NotEqual(webStarted, LifecycleProject.StartedAt(p.Container("web")));
            Assert.Equal("running", LifecycleProject.Status(p.Container("web")));
            Assert.Equal(dbStarted, LifecycleProject.StartedAt(p.Container("db")));
        }

        [EngineFact]
        public void Restart_OfADependency_RestartsDependentsDeclaredWithRestartTrue()
        {
            using var p = new LifecycleProject(
                "services:\n" +
                $"  db:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n" +
                $"  web:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n" +
                "    depends_on: {db: {condition: service_started, restart: true}}\n" +
                $"  api:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n    depends_on: [db]\n").Up();
            string web = LifecycleProject.StartedAt(p.Container("web"));
            string api = LifecycleProject.StartedAt(p.Container("api"));
            p.Ps("Restart-ComposeService -ProjectName $p -Name db").AssertNoErrors();
            // Compose's restart: dependents with restart: true follow; the others do not.
            Assert.NotEqual(web, LifecycleProject.StartedAt(p.Container("web")));
            Assert.Equal(api, LifecycleProject.StartedAt(p.Container("api")));

            web = LifecycleProject.StartedAt(p.Container("web"));
            p.Ps("Restart-ComposeService -ProjectName $p -Name db -NoDeps").AssertNoErrors();
            Assert.Equal(web, LifecycleProject.StartedAt(p.Container("web")));
        }

        [EngineFact]
        public void SuspendAndResume_PauseAndUnpause()
        {
            using var p = new LifecycleProject().Up();
            RunResult paused = p.Ps("Suspend-ComposeService -Path $dir -ProjectName $p -Name worker -PassThru").AssertNoErrors();
            Assert.Equal("paused", LifecycleProject.Status(p.Container("worker")));
            Assert.Equal("running", LifecycleProject.Status(p.Container("web")));
            Assert.Equal("paused(1)", Assert.Single(paused.Output).Properties["State"].Value);

            // Suspending again is a no-op rather than the engine's "already paused" error.
            p.Ps("Suspend-ComposeService -ProjectName $p").AssertNoErrors();
            Assert.All(new[] { "db", "web", "worker" }, s => Assert.Equal("paused", LifecycleProject.Status(p.Container(s))));

            p.Ps("Resume-ComposeService -ProjectName $p").AssertNoErrors();
            Assert.All(new[] { "db", "web", "worker" }, s => Assert.Equal("running", LifecycleProject.Status(p.Container(s))));
        }

        [EngineFact]
        public void StopKill_SendsSigkillByDefault()
        {
            using var p = new LifecycleProject().Up();
            p.Ps("Stop-ComposeService -ProjectName $p -Name worker -Kill").AssertNoErrors();
            // docker compose kill: Exited (137), i.e. 128 + SIGKILL.
            Assert.Equal("exited", LifecycleProject.Status(p.Container("worker")));
            Assert.Equal(137, LifecycleProject.State(p.Container("worker")).GetProperty("ExitCode").GetInt32());

            // The trap turns SIGTERM into exit 0.
            p.Ps("Stop-ComposeService -ProjectName $p -Name db -Kill -Signal SIGTERM").AssertNoErrors();
            Assert.Equal("exited", LifecycleProject.Status(p.Container("db")));
            Assert.Equal(0, LifecycleProject.State(p.Container("db")).GetProperty("ExitCode").GetInt32());
        }

        [EngineFact]
        public void Remove_RemovesStoppedContainersOnly_AndWithStopTheRunningOnesToo()
        {
            using var p = new LifecycleProject().Up();
            p.Compose("stop", "worker").Check();
            RunResult removed = p.Ps("Remove-ComposeService -ProjectName $p -Force -PassThru").AssertNoErrors();
            Assert.Equal(p.Container("worker"), Assert.Single(removed.Output).Properties["Name"].Value);
            Assert.False(LifecycleProject.Exists(p.Container("worker")));
            Assert.Equal("running", LifecycleProject.Status(p.Container("web")));

            p.Ps("Remove-ComposeService -ProjectName $p -Name web -Stop -Force").AssertNoErrors();
            Assert.False(LifecycleProject.Exists(p.Container("web")));
            Assert.Equal("running", LifecycleProject.Status(p.Container("db")));

            RunResult nothing = p.Ps("Remove-ComposeService -ProjectName $p -Force").AssertNoErrors();
            Assert.Equal("No stopped containers", Assert.Single(nothing.Warnings).Message);
        }

        [EngineFact]
        public void Remove_LeavesOneOffContainers_As2403Does()
        {
            using var p = new LifecycleProject().Up();
            p.Compose("stop", "worker").Check();
            p.Compose("run", "--name", p.Name + "-oneoff", "worker", "true").Check();
            p.Ps("Remove-ComposeService -ProjectName $p -Force").AssertNoErrors();
            Assert.False(LifecycleProject.Exists(p.Container("worker")));
            // Checked against docker compose 2.40.3: rm -f keeps the stopped one-off container.
            Assert.True(LifecycleProject.Exists(p.Name + "-oneoff"));
        }

        [EngineFact]
        public void PipelineBinding_GetService_Where_Restart_RestartsOnlyTheOneSelected()
        {
            using var p = new LifecycleProject().Up();
            string db = LifecycleProject.StartedAt(p.Container("db"));
            string web = LifecycleProject.StartedAt(p.Container("web"));
            string worker = LifecycleProject.StartedAt(p.Container("worker"));
            RunResult r = p.Ps("Get-ComposeService -Path $dir -ProjectName $p | Where-Object Name -eq web | Restart-ComposeService -PassThru").AssertNoErrors();
            Assert.Equal("web", Assert.Single(r.Output).Properties["Name"].Value);
            Assert.NotEqual(web, LifecycleProject.StartedAt(p.Container("web")));
            Assert.Equal(db, LifecycleProject.StartedAt(p.Container("db")));
            Assert.Equal(worker, LifecycleProject.StartedAt(p.Container("worker")));
        }

        [EngineFact]
        public void PipelineBinding_StopsEverythingPipedOnce_DependentsFirst()
        {
            using var p = new LifecycleProject().Up();
            p.Ps("Get-ComposeService -ProjectName $p | Stop-ComposeService").AssertNoErrors();
            Assert.All(new[] { "db", "web", "worker" }, s => Assert.Equal("exited", LifecycleProject.Status(p.Container(s))));
            // web depends on db: it stopped first.
            string webFinished = LifecycleProject.State(p.Container("web")).GetProperty("FinishedAt").GetString();
            string dbFinished = LifecycleProject.State(p.Container("db")).GetProperty("FinishedAt").GetString();
            Assert.True(DateTime.Parse(webFinished) <= DateTime.Parse(dbFinished), $"web {webFinished}, db {dbFinished}");
        }

        [EngineFact]
        public void LabelOnly_WithProjectName_IgnoresTheComposeFileInTheCurrentLocation()
        {
            using var p = new LifecycleProject().Up();
            // A compose file here without db (and with a broken image): it must not be read.
            string elsewhere = p.OtherDirectory("services:\n  other:\n    image: nothing\n");
            p.Ps("Stop-ComposeService -ProjectName $p -Name db", elsewhere).AssertNoErrors();
            Assert.Equal("exited", LifecycleProject.Status(p.Container("db")));
            p.Ps("Start-ComposeService -ProjectName $p -Name db", elsewhere).AssertNoErrors();
            Assert.Equal("running", LifecycleProject.Status(p.Container("db")));
        }

        [EngineFact]
        public void WhatIf_ChangesNothing()
        {
            using var p = new LifecycleProject().Up();
            string web = LifecycleProject.StartedAt(p.Container("web"));
            p.Ps(
                "Stop-ComposeService -ProjectName $p -WhatIf; Restart-ComposeService -ProjectName $p -WhatIf; " +
                "Suspend-ComposeService -ProjectName $p -WhatIf; Stop-ComposeService -ProjectName $p -Kill -WhatIf; " +
                "Remove-ComposeService -ProjectName $p -Stop -WhatIf").AssertNoErrors();
            Assert.All(new[] { "db", "web", "worker" }, s => Assert.Equal("running", LifecycleProject.Status(p.Container(s))));
            Assert.Equal(web, LifecycleProject.StartedAt(p.Container("web")));
        }

        [EngineFact]
        public void UnknownService_IsServiceNotFound_AndTheKnownOnesStillAct()
        {
            using var p = new LifecycleProject().Up();
            RunResult r = p.Ps("Stop-ComposeService -Path $dir -ProjectName $p -Name nosuch, worker");
            ErrorRecord error = Assert.Single(r.Errors);
            Assert.Equal("ComposeServiceNotFound,PSCompose.Cmdlets.StopComposeServiceCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("nosuch", error.TargetObject);
            Assert.Contains("nosuch", error.ToString());
            Assert.Equal("exited", LifecycleProject.Status(p.Container("worker")));

            RunResult labels = p.Ps("Restart-ComposeService -ProjectName $p -Name nosuch");
            Assert.Equal("ComposeServiceNotFound,PSCompose.Cmdlets.RestartComposeServiceCommand", Assert.Single(labels.Errors).FullyQualifiedErrorId);
        }

        [EngineFact]
        public void StartWait_WaitsForHealthy_AndTimesOutLikeCompose()
        {
            using var p = new LifecycleProject(
                "services:\n" +
                $"  ok:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n" +
                "    healthcheck: {test: [\"CMD\", \"true\"], interval: 1s}\n" +
                $"  never:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n" +
                "    healthcheck: {test: [\"CMD\", \"false\"], interval: 1s, retries: 1000}\n");
            p.Compose("create").Check();

            p.Ps("Start-ComposeService -ProjectName $p -Name ok -Wait").AssertNoErrors();
            Assert.Equal("healthy", LifecycleProject.State(p.Container("ok")).GetProperty("Health").GetProperty("Status").GetString());

            RunResult r = p.Ps("Start-ComposeService -ProjectName $p -Name never -Wait -WaitTimeout 2");
            ErrorRecord error = Assert.Single(r.Errors);
            Assert.Equal("WaitTimeout,PSCompose.Cmdlets.StartComposeServiceCommand", error.FullyQualifiedErrorId);
            // start has no --wait in 2.40.3 (v5 adds it); the message is the one up --wait --wait-timeout 2 gives.
            Assert.Equal("application not healthy after 2s", error.Exception.Message);
            Assert.Equal("running", LifecycleProject.Status(p.Container("never")));
        }
    }
}
