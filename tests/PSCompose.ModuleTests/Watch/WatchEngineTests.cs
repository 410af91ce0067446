using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using PSCompose.ModuleTests.Events;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;
using Xunit;
using Xunit.Abstractions;

namespace PSCompose.ModuleTests.Watch
{
    /// <summary>Watch-ComposeProject against the real engine, and against docker compose watch on the same project.</summary>
    public class WatchEngineTests
    {
        private static readonly TimeSpan Arrival = TimeSpan.FromSeconds(2);
        private readonly ITestOutputHelper log;

        public WatchEngineTests(ITestOutputHelper log) => this.log = log;

        [EngineFact]
        public void Sync_EditsArriveWithin2s_DeletesGo_IgnoredStayOut_SameOwnerAsCompose()
        {
            using var p = new WatchProject();
            using (BackgroundScript watch = p.StartWatch())
            {
                Assert.Equal("running", LifecycleProject.Status(p.Container));
                var latencies = new List<double>();
                for (int i = 1; i <= 5; i++)
                {
                    p.Write("src/edited.txt", $"edit {i}\n");
                    TimeSpan? took = WatchProject.Measure(() => p.Read("/app/src/edited.txt") == $"edit {i}\n", TimeSpan.FromSeconds(10));
                    Assert.True(took != null, $"edit {i} never arrived");
                    latencies.Add(took.Value.TotalMilliseconds);
                }
                log.WriteLine("host edit -> container latency (ms): " + string.Join(", ", latencies.Select(l => l.ToString("0"))) +
                              $"; max {latencies.Max():0}");
                Assert.All(latencies, l => Assert.True(l < Arrival.TotalMilliseconds, $"{l:0} ms"));

                p.Write("src/owned.txt", "owned\n");
                Chown(p.Path("src/owned.txt"));
                p.Write("src/junk.tmp", "ignored by the rule\n");
                p.Write("src/secret.txt", "ignored by .dockerignore\n");
                p.Write("src/deep/real.txt", "real\n");
                Assert.True(WatchProject.Until(() => p.Read("/app/src/deep/real.txt") == "real\n", Arrival));
                Thread.Sleep(700);
                Assert.Null(p.Read("/app/src/junk.tmp"));
                Assert.Null(p.Read("/app/src/secret.txt"));

                File.Delete(p.Path("src/deep/real.txt"));
                Assert.True(WatchProject.Until(() => p.Read("/app/src/deep/real.txt") == null, Arrival), "the deleted file is still in the container");

                object sync = WatchProject.Events(watch, "Sync").First();
                Assert.Equal("app", WatchProject.Prop(sync, "Service"));
                Assert.Equal(new[] { p.Container }, (string[])WatchProject.Prop(sync, "Containers"));
                Assert.True((bool)WatchProject.Prop(sync, "Success"));
                // The event reaches the pipeline just after the container changed: wait for it, as for the file.
                Assert.True(WatchProject.Until(() => WatchProject.Events(watch, "Delete").Any(e => ((string[])WatchProject.Prop(e, "Paths")).Contains(p.Path("src/deep/real.txt"))), Arrival),
                    "no Delete event for the deleted file");
                Assert.Contains("Syncing service \"app\" after 1 changes were detected", watch.Information);
                Assert.Empty(watch.Errors);
            }

            // The same project under docker compose watch --no-up: the files it syncs look the same in the container.
            using (var reference = new BackgroundProcess(p.Project.Directory, "compose", "-p", p.Name, "watch", "--no-up"))
            {
                Assert.True(WatchProject.Until(() => reference.Lines.Contains("Watch enabled"), TimeSpan.FromSeconds(30)), "docker compose watch did not start");
                p.Write("src/owned-by-compose.txt", "owned\n");
                Chown(p.Path("src/owned-by-compose.txt"));
                p.Write("src/by-compose.txt", "compose\n");
                p.Write("src/by-compose.tmp", "compose\n");
                Assert.True(WatchProject.Until(() => p.Read("/app/src/by-compose.txt") == "compose\n", TimeSpan.FromSeconds(10)));
                Thread.Sleep(700);
                Assert.Null(p.Read("/app/src/by-compose.tmp"));
            }
            string Stat(string path) => Docker.Run("exec", p.Container, "stat", "-c", "%u:%g %a", path).Check().Stdout.Trim();
            Assert.Equal(Stat("/app/src/by-compose.txt"), Stat("/app/src/edited.txt"));
            Assert.Equal("1234:2345 644", Stat("/app/src/owned-by-compose.txt"));
            Assert.Equal(Stat("/app/src/owned-by-compose.txt"), Stat("/app/src/owned.txt"));
        }

        /// <summary>A host file owned by someone else than the test (which runs as root on CI): the sync keeps the owner.</summary>
        private static void Chown(string path)
        {
            using var chown = System.Diagnostics.Process.Start("chown", new[] { "1234:2345", path });
            chown.WaitForExit();
            Assert.Equal(0, chown.ExitCode);
        }

        [EngineFact]
        public void BurstOf50Writes_IsOneBatch()
        {
            using var p = new WatchProject();
            // The directory exists before the watch: files written into a directory created mid-burst can land before
            // the watcher has a watch on it, and then arrive through the directory's own change (all of it is sent).
            p.Write("src/burst/.keep", "");
            using BackgroundScript watch = p.StartWatch();
            for (int i = 0; i < 50; i++) p.Write($"src/burst/f{i:00}.txt", i.ToString());
            Assert.True(WatchProject.Until(() => p.Read("/app/src/burst/f49.txt") == "49", TimeSpan.FromSeconds(5)));
            Thread.Sleep(1000);
            object batch = Assert.Single(WatchProject.Events(watch, "Sync"));
            string[] paths = (string[])WatchProject.Prop(batch, "Paths");
            log.WriteLine($"one batch of {paths.Length} paths");
            Assert.Equal(50, paths.Length);
            Assert.Contains(p.Path("src/burst/f00.txt"), paths);
            Assert.Contains(p.Path("src/burst/f49.txt"), paths);
            Assert.Equal("0", p.Read("/app/src/burst/f00.txt"));
        }

        [EngineFact]
        public void SyncRestart_CopiesThenRestarts()
        {
            using var p = new WatchProject();
            using BackgroundScript watch = p.StartWatch();
            string started = LifecycleProject.StartedAt(p.Container);
            p.Write("conf/app.conf", "a=2\n");
            Assert.True(WatchProject.Until(() => LifecycleProject.StartedAt(p.Container) != started, TimeSpan.FromSeconds(15)), "not restarted");
            Assert.Equal("a=2\n", p.Read("/etc/app/app.conf"));
            Assert.True(WatchProject.Until(() => WatchProject.Events(watch, "Restart").Count == 1, TimeSpan.FromSeconds(5)));
            Assert.Contains("service(s) [\"app\"] restarted", watch.Information);
        }

        [EngineFact]
        public void Rebuild_BuildsNewImage_AndRecreatesTheService()
        {
            using var p = new WatchProject();
            using BackgroundScript watch = p.StartWatch();
            string oldContainer = Docker.Run("inspect", "-f", "{{.Id}}", p.Container).Check().Stdout.Trim();
            string oldImage = Docker.Run("inspect", "-f", "{{.Image}}", p.Container).Check().Stdout.Trim();
            Assert.Equal("one\n", p.Read("/stamp.txt"));

            p.Write("stamp.txt", "two\n");
            Assert.True(WatchProject.Until(() => p.Read("/stamp.txt") == "two\n", TimeSpan.FromSeconds(90)), "the service was not rebuilt");
            string newContainer = Docker.Run("inspect", "-f", "{{.Id}}", p.Container).Check().Stdout.Trim();
            string newImage = Docker.Run("inspect", "-f", "{{.Image}}", p.Container).Check().Stdout.Trim();
            Assert.NotEqual(oldContainer, newContainer);
            Assert.NotEqual(oldImage, newImage);
            Assert.Equal(newImage, Docker.Run("image", "inspect", "-f", "{{.Id}}", p.Name + "-app").Check().Stdout.Trim());
            Assert.True(WatchProject.Until(() => WatchProject.Events(watch, "Rebuild").Count == 1, TimeSpan.FromSeconds(5)));
            Assert.True((bool)WatchProject.Prop(WatchProject.Events(watch, "Rebuild")[0], "Success"));
            Assert.Contains("service(s) [\"app\"] successfully built", watch.Information);
            Assert.NotEqual(0, Docker.Run("image", "inspect", oldImage).ExitCode);
        }

        /// <summary>
        /// The up before the watch builds the watched services even when their image exists (their pull_policy
        /// becomes build), as docker compose watch's does; a plain up would keep the old image.
        /// </summary>
        [EngineFact]
        public void UpBeforeWatch_BuildsTheWatchedServices_EvenWhenTheirImageExists_AsComposeWatchDoes()
        {
            using var p = new WatchProject();
            p.Project.Compose("up", "-d", "--build").Check();
            Assert.Equal("one\n", p.Read("/stamp.txt"));

            p.Write("stamp.txt", "two\n");
            using (BackgroundScript watch = p.StartWatch())
            {
                Assert.Equal("two\n", p.Read("/stamp.txt"));
                Assert.Empty(watch.Errors);
            }

            p.Write("stamp.txt", "three\n");
            using (var reference = new BackgroundProcess(p.Project.Directory, "compose", "-p", p.Name, "watch"))
                Assert.True(WatchProject.Until(() => reference.Lines.Contains("Watch enabled"), TimeSpan.FromSeconds(90)), "docker compose watch did not start");
            Assert.Equal("three\n", p.Read("/stamp.txt"));
        }

        [EngineFact]
        public void WhatIf_SaysWhatItWouldDo_AndChangesNothing()
        {
            using var p = new WatchProject();
            var host = new Up.RecordingHost();
            using (System.Management.Automation.Runspaces.Runspace runspace = PowerShellRunner.OpenRunspace(host: host))
                PowerShellRunner.Run(runspace, "Watch-ComposeProject -Path $dir -ProjectName $p -WhatIf", p.Vars).AssertNoErrors();
            Assert.Contains("Bring up, then watch", host.Text);
            Assert.Contains("project " + p.Name, host.Text);
            Assert.Empty(LifecycleProject.ContainersOf(p.Name));
        }

        [EngineFact]
        public void CtrlC_ReturnsPromptly_AndTheProjectKeepsRunning()
        {
            using var p = new WatchProject();
            p.Project.Compose("up", "-d", "--build").Check();
            using BackgroundScript watch = p.StartWatch("-NoUp");
            TimeSpan stop = watch.Stop();
            log.WriteLine($"Stop() returned after {stop.TotalMilliseconds:0} ms");
            Assert.True(stop < TimeSpan.FromSeconds(3), $"{stop}");
            Assert.True(watch.IsCompleted);
            Assert.Equal("running", LifecycleProject.Status(p.Container));
        }

        [EngineFact]
        public void UpWatch_SyncsWhileAttached_AndCtrlCStopsTheServices()
        {
            using var p = new WatchProject();
            using BackgroundScript up = p.Start("Invoke-ComposeUp -Path $dir -ProjectName $p -Watch");
            Assert.Equal("running", LifecycleProject.Status(p.Container));
            p.Write("src/while-up.txt", "up\n");
            Assert.True(WatchProject.Until(() => p.Read("/app/src/while-up.txt") == "up\n", Arrival), "the edit did not arrive under up -Watch");
            Assert.True(WatchProject.Until(() => WatchProject.Events(up, "Sync").Count == 1, Arrival));

            up.Stop();
            Assert.Equal("exited", LifecycleProject.Status(p.Container));

            Docker.Result theirs = p.Project.Compose("up", "--wait", "--watch");
            RunResult ours = p.Project.Ps("Invoke-ComposeUp -Path $dir -ProjectName $p -Wait -Watch");
            ErrorRecord error = Assert.Single(ours.Errors);
            Assert.StartsWith("AttachParameterConflict,", error.FullyQualifiedErrorId);
            Assert.Equal(theirs.Stderr.Trim(), error.Exception.Message);
            Assert.Equal("exited", LifecycleProject.Status(p.Container));
        }

        /// <summary>
        /// A rebuild recreates app while the session is attached: the session goes on and follows the new container (its
        /// first line is the rebuilt image's stamp), as docker compose up --watch does.
        /// </summary>
        [EngineFact]
        public void UpWatch_ARebuild_KeepsTheSessionAndFollowsTheRecreatedContainer()
        {
            using var p = new WatchProject(WatchProject.Compose.Replace($"    command: {LifecycleProject.Sleeper}\n",
                "    command: [\"sh\", \"-c\", \"cat /stamp.txt; trap 'exit 0' TERM; sleep 600 & wait\"]\n"));
            using BackgroundScript up = p.Start("Invoke-ComposeUp -Path $dir -ProjectName $p -Watch");
            Assert.True(WatchProject.Until(() => Lines(up).Contains("one"), TimeSpan.FromSeconds(30)), "app's first line did not come");
            string before = LifecycleProject.State(p.Container).GetProperty("StartedAt").GetString();
            p.Write("stamp.txt", "two\n");
            Assert.True(WatchProject.Until(() => Lines(up).Contains("two") || up.IsCompleted, TimeSpan.FromSeconds(90)), "the recreated container's line did not come");
            Assert.False(up.IsCompleted, "the session ended at the rebuild: " + string.Join("; ", up.Errors) + " / " + string.Join(" / ", up.Information));
            Assert.Equal(new[] { "one", "two" }, Lines(up));
            Assert.Contains("app-1 exited with code 0", up.Information); // the replaced container, stopped by the rebuild
            Assert.Empty(up.Errors);
            Assert.NotEqual(before, LifecycleProject.State(p.Container).GetProperty("StartedAt").GetString());
        }

        private static List<string> Lines(BackgroundScript run) =>
            run.Output.Where(o => o != null && o.GetType().FullName == "PSCompose.ComposeLogRecord").Select(o => (string)WatchProject.Prop(o, "Line")).ToList();

        [EngineFact]
        public void InitialSync_CopiesFilesNewerThanTheImage_Only()
        {
            using var p = new WatchProject(WatchProject.Compose.Replace("target: /app/src\n", "target: /app/src\n          initial_sync: true\n"));
            p.Write("stamp.txt", p.Name + "\n"); // no build cache hit: the image's Created is now, after src/initial.txt
            p.Project.Compose("up", "-d", "--build").Check();
            Thread.Sleep(1100);
            p.Write("src/newer.txt", "newer\n");
            p.Write("src/older.txt", "older\n");
            File.SetLastWriteTimeUtc(p.Path("src/older.txt"), new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            p.Write("src/newer.tmp", "ignored\n");

            using BackgroundScript watch = p.StartWatch("-NoUp");
            Assert.True(WatchProject.Until(() => WatchProject.Events(watch, "InitialSync").Count == 1, TimeSpan.FromSeconds(10)), "no initial sync");
            Assert.Equal("newer\n", p.Read("/app/src/newer.txt"));
            Assert.Null(p.Read("/app/src/older.txt"));
            Assert.Null(p.Read("/app/src/newer.tmp"));
            Assert.Null(p.Read("/app/src/initial.txt"));
        }

        [EngineFact]
        public void ValidationErrors_AreComposesText()
        {
            using var p = new WatchProject("services:\n  app:\n    image: " + LifecycleProject.Busybox + "\n" +
                                           "    develop:\n      watch:\n        - path: .\n          action: rebuild\n  db:\n    image: " + LifecycleProject.Busybox + "\n");
            Docker.Result theirs = p.Project.Compose("watch", "--no-up", "db");
            RunResult ours = p.Project.Ps("Watch-ComposeProject db -Path $dir -ProjectName $p -NoUp");
            ErrorRecord error = Assert.Single(ours.Errors);
            Assert.StartsWith("WatchNotConfigured,", error.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
            Assert.Contains(error.Exception.Message, theirs.Stderr);

            theirs = p.Project.Compose("watch", "--no-up", "app");
            ours = p.Project.Ps("Watch-ComposeProject app -Path $dir -ProjectName $p -NoUp");
            error = Assert.Single(ours.Errors);
            Assert.StartsWith("WatchRebuildWithoutBuild,", error.FullyQualifiedErrorId);
            Assert.Equal("app", error.TargetObject);
            Assert.Equal("can't watch service \"app\" with action rebuild without a build context", error.Exception.Message);
            Assert.Contains(error.Exception.Message, theirs.Stderr);
        }
    }
}
