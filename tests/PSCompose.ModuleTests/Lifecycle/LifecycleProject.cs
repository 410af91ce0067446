using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PSCompose.Testing;

namespace PSCompose.ModuleTests.Lifecycle
{
    /// <summary>
    /// A throw-away project directory with a GUID-suffixed project name, started by the reference
    /// `docker compose up -d` and taken down by the reference on dispose (containers, networks, volumes).
    /// </summary>
    internal sealed class LifecycleProject : IDisposable
    {
        /// <summary>Exits at once on SIGTERM, so stops and downs are fast.</summary>
        public const string Sleeper = "[\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 600 & wait\"]";

        public const string Busybox = "pscompose/busybox:latest";

        /// <summary>db, web (depends on db) and worker (independent).</summary>
        public static readonly string ThreeServices =
            "services:\n" +
            $"  db:\n    image: {Busybox}\n    command: {Sleeper}\n" +
            $"  web:\n    image: {Busybox}\n    command: {Sleeper}\n    depends_on: [db]\n" +
            $"  worker:\n    image: {Busybox}\n    command: {Sleeper}\n";

        private readonly List<Action> cleanups = new List<Action>();

        public LifecycleProject(string yaml = null, string name = null)
        {
            Name = name ?? "psc-lc-" + Guid.NewGuid().ToString("N").Substring(0, 10);
            Directory = Path.Combine(Path.GetTempPath(), "psc-lc-dir-" + Guid.NewGuid().ToString("N").Substring(0, 10));
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(Path.Combine(Directory, "compose.yaml"), yaml ?? ThreeServices);
        }

        public string Name { get; }

        public string Directory { get; }

        public void OnDispose(Action cleanup) => cleanups.Add(cleanup);

        public Docker.Result Compose(params string[] args) =>
            Docker.RunIn(Directory, null, new[] { "compose", "-p", Name }.Concat(args).ToArray());

        public LifecycleProject Up()
        {
            Compose("up", "-d").Check();
            return this;
        }

        /// <summary>Runs a script with $dir (the project directory) and $p (the project name) set.</summary>
        public RunResult Ps(string script, string location = null) =>
            PowerShellRunner.Run(script, new Dictionary<string, object> { ["dir"] = Directory, ["p"] = Name }, location);

        public string Container(string service, int number = 1) => $"{Name}-{service}-{number}";

        public static JsonElement State(string container) =>
            JsonDocument.Parse(Docker.Run("inspect", container).Check().Stdout).RootElement[0].GetProperty("State");

        public static string Status(string container) => State(container).GetProperty("Status").GetString();

        public static string StartedAt(string container) => State(container).GetProperty("StartedAt").GetString();

        public static bool Exists(string container) => Docker.Run("inspect", container).ExitCode == 0;

        /// <summary>Names of the containers with the project label, one-offs included.</summary>
        public static List<string> ContainersOf(string project) => Lines("ps", "-a", "--filter", "label=com.docker.compose.project=" + project, "--format", "{{.Names}}");

        public static List<string> NetworksOf(string project) => Lines("network", "ls", "--filter", "label=com.docker.compose.project=" + project, "--format", "{{.Name}}");

        public static List<string> VolumesOf(string project) => Lines("volume", "ls", "--filter", "label=com.docker.compose.project=" + project, "--format", "{{.Name}}");

        private static List<string> Lines(params string[] args) =>
            Docker.Run(args).Check().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).OrderBy(s => s, StringComparer.Ordinal).ToList();

        /// <summary>An empty directory elsewhere (deleted on dispose), to run from where no compose file of this project is.</summary>
        public string OtherDirectory(string composeYaml = null)
        {
            string dir = Path.Combine(Path.GetTempPath(), "psc-lc-other-" + Guid.NewGuid().ToString("N").Substring(0, 10));
            System.IO.Directory.CreateDirectory(dir);
            if (composeYaml != null) File.WriteAllText(Path.Combine(dir, "compose.yaml"), composeYaml);
            OnDispose(() => System.IO.Directory.Delete(dir, true));
            return dir;
        }

        public void Dispose()
        {
            Docker.ComposeDownQuietly(Name);
            foreach (Action cleanup in cleanups)
            {
                try { cleanup(); } catch (Exception) { /* best effort */ }
            }
            try { System.IO.Directory.Delete(Directory, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
