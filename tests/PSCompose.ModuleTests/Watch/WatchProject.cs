using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using PSCompose.ModuleTests.Events;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;

namespace PSCompose.ModuleTests.Watch
{
    /// <summary>
    /// A project with a build context and develop.watch rules (project name prefixed "watch"), its built images
    /// removed on dispose, and helpers to start the watch and to wait for what it should do in the container.
    /// </summary>
    internal sealed class WatchProject : IDisposable
    {
        /// <summary>
        /// app: built from busybox with /stamp.txt from the context; src syncs to /app/src (*.tmp ignored), conf
        /// syncs and restarts, stamp.txt rebuilds. The context's .dockerignore excludes src/secret.txt.
        /// </summary>
        public static readonly string Compose =
            "services:\n" +
            "  app:\n    build: .\n" +
            $"    command: {LifecycleProject.Sleeper}\n" +
            "    develop:\n      watch:\n" +
            "        - path: ./src\n          action: sync\n          target: /app/src\n          ignore: ['*.tmp']\n" +
            "        - path: ./conf\n          action: sync+restart\n          target: /etc/app\n" +
            "        - path: ./stamp.txt\n          action: rebuild\n";

        public WatchProject(string compose = null)
        {
            Project = new LifecycleProject(compose ?? Compose, "watch-" + Guid.NewGuid().ToString("N").Substring(0, 10));
            Write("Dockerfile", $"FROM {LifecycleProject.Busybox}\nCOPY stamp.txt /stamp.txt\n");
            Write(".dockerignore", "src/secret.txt\n");
            Write("stamp.txt", "one\n");
            Write("src/initial.txt", "initial\n");
            Write("conf/app.conf", "a=1\n");
            Project.OnDispose(() =>
            {
                File.Delete(PidFile); // docker compose watch leaves its lock behind when it is killed
                foreach (string image in Docker.Run("images", "-q", "--filter", "label=com.docker.compose.project=" + Name).Stdout
                             .Split('\n', StringSplitOptions.RemoveEmptyEntries).Concat(new[] { Name + "-app" }))
                    Docker.Run("rmi", "-f", image.Trim());
            });
        }

        public LifecycleProject Project { get; }

        public string Name => Project.Name;

        public string Container => Project.Container("app");

        /// <summary>docker compose 2.40.3's watch lock (internal/locker) on Linux: $XDG_RUNTIME_DIR or ~/.docker/docker-compose.</summary>
        public string PidFile => System.IO.Path.Combine(
            Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR")
            ?? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker", "docker-compose"),
            Name + ".pid");

        public string Path(string relative) => System.IO.Path.Combine(Project.Directory, relative);

        public void Write(string relative, string content)
        {
            string path = Path(relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path));
            File.WriteAllText(path, content);
        }

        public Dictionary<string, object> Vars => new Dictionary<string, object> { ["dir"] = Project.Directory, ["p"] = Name };

        /// <summary>Watch-ComposeProject in a background runspace, returned once it reports "Watch enabled".</summary>
        public BackgroundScript StartWatch(string arguments = "") => Start($"Watch-ComposeProject -Path $dir -ProjectName $p {arguments}");

        /// <summary>A command that watches, in a background runspace, returned once it reports "Watch enabled".</summary>
        public BackgroundScript Start(string command)
        {
            var watch = new BackgroundScript(command, Vars);
            if (!Until(() => watch.Information.Contains("Watch enabled") || watch.IsCompleted, TimeSpan.FromSeconds(120)) || watch.IsCompleted)
                throw new Xunit.Sdk.XunitException("the watch did not start: " + string.Join("; ", watch.Errors.Select(e => e.ToString())));
            return watch;
        }

        /// <summary>The file's content in the container, or null when it is not there.</summary>
        public string Read(string containerPath)
        {
            Docker.Result r = Docker.Run("exec", Container, "cat", containerPath);
            return r.ExitCode == 0 ? r.Stdout : null;
        }

        /// <summary>Polls every 25 ms; returns how long the condition took, or null past the limit.</summary>
        public static TimeSpan? Measure(Func<bool> condition, TimeSpan limit)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < limit)
            {
                if (condition()) return clock.Elapsed;
                Thread.Sleep(25);
            }
            return null;
        }

        public static bool Until(Func<bool> condition, TimeSpan limit) => Measure(condition, limit) != null;

        public static object Prop(object o, string name) => o.GetType().GetProperty(name).GetValue(o);

        public static List<object> Events(BackgroundScript watch, string action) =>
            watch.Output.Where(o => o != null && o.GetType().FullName == "PSCompose.ComposeWatchEvent" && Prop(o, "Action").ToString() == action).ToList();

        public void Dispose() => Project.Dispose();
    }
}
