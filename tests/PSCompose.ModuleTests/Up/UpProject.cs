using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Up
{
    /// <summary>
    /// A throw-away project directory with a unique project name, brought up by Invoke-ComposeUp or the
    /// reference `docker compose`, and taken down (containers, networks, volumes) by the reference on dispose.
    /// </summary>
    internal sealed class UpProject : IDisposable
    {
        /// <summary>A busybox process that exits at once on SIGTERM (so stops and downs are fast).</summary>
        public const string Sleeper = "[\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 600 & wait\"]";

        public const string Busybox = "pscompose/busybox:latest";

        private readonly List<string> extraProjects = new List<string>();

        public UpProject(string prefix = "psc-up", string name = null, string directory = null)
        {
            Name = name ?? prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 10);
            Directory = directory ?? Path.Combine(Path.GetTempPath(), "pscdir-" + Guid.NewGuid().ToString("N").Substring(0, 10));
            System.IO.Directory.CreateDirectory(Directory);
        }

        public string Name { get; }

        public string Directory { get; }

        public string ComposeFile => Path.Combine(Directory, "compose.yaml");

        public UpProject Write(string relativePath, string content)
        {
            string path = Path.Combine(Directory, relativePath);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path));
            File.WriteAllText(path, content.Replace("\r\n", "\n"));
            return this;
        }

        public UpProject WriteCompose(string yaml) => Write("compose.yaml", yaml);

        /// <summary>Another project name taken down together with this one (e.g. a reference run from the same files).</summary>
        public void AlsoRemove(string project) => extraProjects.Add(project);

        /// <summary>Invoke-ComposeUp on this directory and project, with extra parameters as script text.</summary>
        public RunResult PsUp(string parameters = "") =>
            PowerShellRunner.Run($"Invoke-ComposeUp -Path $dir -ProjectName $p {parameters}",
                new Dictionary<string, object> { ["dir"] = Directory, ["p"] = Name });

        public Docker.Result Compose(params string[] args) => ComposeAs(Name, args);

        public Docker.Result ComposeAs(string project, params string[] args) =>
            Docker.RunIn(Directory, null, new[] { "compose", "-p", project }.Concat(args).ToArray());

        /// <summary>Container name → id for every container of the project (one-offs included).</summary>
        public Dictionary<string, string> ContainerIds() => ContainerIdsOf(Name);

        public static Dictionary<string, string> ContainerIdsOf(string project)
        {
            string output = Docker.Run("ps", "-a", "--no-trunc", "--filter", "label=com.docker.compose.project=" + project,
                "--format", "{{.Names}} {{.ID}}").Check().Stdout;
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Trim().Split(' ')).ToDictionary(p => p[0], p => p[1]);
        }

        public static JsonElement Inspect(string nameOrId) =>
            JsonDocument.Parse(Docker.Run("inspect", nameOrId).Check().Stdout).RootElement[0];

        public static string Label(string container, string label) =>
            Inspect(container).GetProperty("Config").GetProperty("Labels").TryGetProperty(label, out JsonElement v) ? v.GetString() : null;

        /// <summary>`docker compose config --hash '*'`: service → hash, computed by the reference.</summary>
        public Dictionary<string, string> ReferenceHashes() =>
            Compose("config", "--hash", "*").Check().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Trim().Split(' ')).ToDictionary(p => p[0], p => p[1]);

        public List<string> NetworkNames() => Names("network", "ls");

        public List<string> VolumeNames() => Names("volume", "ls");

        private List<string> Names(string kind, string verb) =>
            Docker.Run(kind, verb, "--filter", "label=com.docker.compose.project=" + Name, "--format", "{{.Name}}").Check().Stdout
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).OrderBy(s => s).ToList();

        /// <summary>Runs a command in a container; returns stdout (exit code checked).</summary>
        public static string Exec(string container, params string[] command) =>
            Docker.Run(new[] { "exec", container }.Concat(command).ToArray()).Check().Stdout;

        public static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        /// <summary>The same containers (names and ids) before and after: nothing was recreated, added or removed.</summary>
        public static void AssertSameIds(Dictionary<string, string> before, Dictionary<string, string> after)
        {
            Assert.True(before.Count > 0, "no containers to compare");
            Assert.Equal(before.OrderBy(k => k.Key).ToList(), after.OrderBy(k => k.Key).ToList());
        }

        public void Dispose()
        {
            foreach (string project in extraProjects.Prepend(Name))
            {
                Docker.ComposeDownQuietly(project);
                string images = Docker.Run("images", "-q", "--filter", "label=com.docker.compose.project=" + project).Stdout;
                foreach (string image in images.Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct())
                    Docker.Run("rmi", "-f", image.Trim());
            }
            try { System.IO.Directory.Delete(Directory, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
