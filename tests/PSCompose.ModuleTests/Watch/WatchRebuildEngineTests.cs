using System;
using System.IO;
using System.Linq;
using PSCompose.ModuleTests.Events;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;
using Xunit;
using Xunit.Abstractions;

namespace PSCompose.ModuleTests.Watch
{
    /// <summary>What follows a watch rebuild: the dependents started as docker compose watch starts them, the prune.</summary>
    public class WatchRebuildEngineTests
    {
        private static readonly TimeSpan RebuildLimit = TimeSpan.FromSeconds(90);
        private readonly ITestOutputHelper log;

        public WatchRebuildEngineTests(ITestOutputHelper log) => this.log = log;

        /// <summary>
        /// web depends on app with restart: true (a recreate of app stops it); plain depends on app without, and is
        /// stopped by hand before each rebuild (Compose's start of the dependents starts it again).
        /// </summary>
        private static readonly string WithDependents = WatchProject.Compose +
            $"  web:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n" +
            "    depends_on:\n      app:\n        condition: service_started\n        restart: true\n" +
            $"  plain:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n    depends_on: [app]\n";

        [EngineFact]
        public void Rebuild_StartsTheDependentsItStopped_AsDockerComposeWatchDoes()
        {
            using var p = new WatchProject(WithDependents);
            string web = p.Project.Container("web"), plain = p.Project.Container("plain");
            string[] ours, theirs;
            using (BackgroundScript watch = p.StartWatch())
                ours = AfterRebuild("two");
            using (var reference = new BackgroundProcess(p.Project.Directory, "compose", "-p", p.Name, "watch", "--no-up"))
            {
                Assert.True(WatchProject.Until(() => reference.Lines.Contains("Watch enabled"), TimeSpan.FromSeconds(30)), "docker compose watch did not start");
                theirs = AfterRebuild("three");
            }
            log.WriteLine("after our rebuild: " + string.Join(", ", ours) + "; after docker compose's: " + string.Join(", ", theirs));
            Assert.Equal(theirs, ours);
            Assert.Equal(new[] { "app running", "plain running, restarted", "web running, restarted" }, ours);

            // The services' states once the rebuild is done: app recreated, each dependent running, restarted or not.
            string[] AfterRebuild(string stamp)
            {
                string app = Id(p.Container), webStarted = LifecycleProject.StartedAt(web);
                Docker.Run("stop", plain).Check();
                string plainStarted = LifecycleProject.StartedAt(plain);
                p.Write("stamp.txt", stamp + "\n");
                Assert.True(WatchProject.Until(() => p.Read("/stamp.txt") == stamp + "\n", RebuildLimit), "app was not rebuilt");
                Assert.NotEqual(app, Id(p.Container));
                WatchProject.Until(() => LifecycleProject.Status(web) == "running" && LifecycleProject.StartedAt(web) != webStarted
                                         && LifecycleProject.Status(plain) == "running", TimeSpan.FromSeconds(20));
                return new[]
                {
                    "app " + LifecycleProject.Status(p.Container),
                    "plain " + LifecycleProject.Status(plain) + (LifecycleProject.StartedAt(plain) == plainStarted ? ", kept" : ", restarted"),
                    "web " + LifecycleProject.Status(web) + (LifecycleProject.StartedAt(web) == webStarted ? ", kept" : ", restarted"),
                };
            }
        }

        [EngineFact]
        public void Rebuild_PrunesTheProjectsDanglingImages_ByDefault_NeverAnotherProjects_NorWithNoPrune()
        {
            using var p = new WatchProject();
            string other = OtherProjectsDanglingImage(p);
            using (BackgroundScript watch = p.StartWatch())
            {
                string first = Image(p.Container);
                p.Write("stamp.txt", "two\n");
                Assert.True(WatchProject.Until(() => p.Read("/stamp.txt") == "two\n", RebuildLimit), "the service was not rebuilt");
                Assert.True(WatchProject.Until(() => Docker.Run("image", "inspect", first).ExitCode != 0, TimeSpan.FromSeconds(30)),
                    "the image the rebuild left dangling was not pruned");
                Assert.True(WatchProject.Until(() => WatchProject.Events(watch, "Rebuild").Count == 1, TimeSpan.FromSeconds(10)));
                Assert.Equal(0, Docker.Run("image", "inspect", other).ExitCode);
                watch.Stop();
            }
            using (BackgroundScript watch = p.StartWatch("-NoUp -NoPrune"))
            {
                string second = Image(p.Container);
                p.Write("stamp.txt", "three\n");
                Assert.True(WatchProject.Until(() => p.Read("/stamp.txt") == "three\n", RebuildLimit), "the service was not rebuilt");
                Assert.True(WatchProject.Until(() => WatchProject.Events(watch, "Rebuild").Count == 1, TimeSpan.FromSeconds(10)));
                Assert.Equal(0, Docker.Run("image", "inspect", second).ExitCode);
                Assert.Empty(Docker.Run("image", "inspect", "-f", "{{.RepoTags}}", second).Check().Stdout.Trim().Trim('[', ']'));
            }
        }

        [EngineFact]
        public void Rebuild_SaysBuiltBeforeTheRecreate_EvenWhenTheRecreateFails_AsDockerComposeWatch()
        {
            // The bind mount's source goes away after up: the build succeeds, creating the replacement fails.
            using var p = new WatchProject(WatchProject.Compose.Replace("    develop:\n",
                "    volumes:\n      - type: bind\n        source: ./mnt\n        target: /mnt\n        bind:\n          create_host_path: false\n    develop:\n"));
            p.Write("mnt/.keep", "");
            string[] ours;
            using (BackgroundScript watch = p.StartWatch())
            {
                Directory.Delete(p.Path("mnt"), true);
                p.Write("stamp.txt", "two\n");
                Assert.True(WatchProject.Until(() => WatchProject.Events(watch, "Rebuild").Count == 1, RebuildLimit), "no Rebuild event");
                ours = watch.Information.Where(l => l.StartsWith("service(s)")).Concat(watch.Warnings.Where(w => w.StartsWith("Failed"))).ToArray();
            }
            p.Write("stamp.txt", "one\n");
            var theirs = new System.Collections.Generic.List<string>();
            using (var reference = new BackgroundProcess(p.Project.Directory, "compose", "-p", p.Name, "watch", "--no-up"))
            {
                Assert.True(WatchProject.Until(() => reference.Lines.Contains("Watch enabled"), TimeSpan.FromSeconds(30)), "docker compose watch did not start");
                p.Write("stamp.txt", "three\n");
                Assert.True(WatchProject.Until(() => reference.Lines.Any(l => l.StartsWith("Failed to recreate")), RebuildLimit), "docker compose's recreate did not fail");
                theirs.AddRange(reference.Lines.Where(l => l.StartsWith("service(s)") || l.StartsWith("Failed")));
            }
            log.WriteLine("ours: " + string.Join(" | ", ours) + "\ntheirs: " + string.Join(" | ", theirs));
            Assert.Equal(2, theirs.Count);
            Assert.Equal(theirs[0], ours[0]);
            Assert.Equal("service(s) [\"app\"] successfully built", ours[0]);
            Assert.StartsWith("Failed to recreate services after update. Error: ", ours[1]);
            Assert.StartsWith("Failed to recreate services after update. Error: ", theirs[1]);
        }

        /// <summary>An image labelled with another project that lost its tag to a newer build; removed on dispose.</summary>
        private static string OtherProjectsDanglingImage(WatchProject p)
        {
            string project = p.Name + "-other", directory = p.Path("other");
            Directory.CreateDirectory(directory);
            string Build(string content)
            {
                File.WriteAllText(Path.Combine(directory, "Dockerfile"), $"FROM {LifecycleProject.Busybox}\nLABEL content={content}\n");
                Docker.RunIn(directory, null, "build", "-q", "--label", "com.docker.compose.project=" + project, "-t", project + "-app", ".").Check();
                return Docker.Run("image", "inspect", "-f", "{{.Id}}", project + "-app").Check().Stdout.Trim();
            }
            string dangling = Build(p.Name + "-1");
            string tagged = Build(p.Name + "-2");
            p.Project.OnDispose(() => Docker.Run("rmi", "-f", tagged, dangling));
            Assert.Equal("[]", Docker.Run("image", "inspect", "-f", "{{.RepoTags}}", dangling).Check().Stdout.Trim());
            return dangling;
        }

        private static string Id(string container) => Docker.Run("inspect", "-f", "{{.Id}}", container).Check().Stdout.Trim();

        private static string Image(string container) => Docker.Run("inspect", "-f", "{{.Image}}", container).Check().Stdout.Trim();
    }
}
