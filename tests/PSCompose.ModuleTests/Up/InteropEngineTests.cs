using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Up
{
    /// <summary>
    /// Invoke-ComposeUp and the reference `docker compose up -d` converge the same files to the same containers:
    /// each accepts what the other created (no recreate), and `docker compose ps/down` manage what we created.
    /// </summary>
    public class InteropEngineTests
    {
        /// <summary>Ports, named/anonymous/bind volumes, networks with aliases, env + env_file, health and completion
        /// dependencies, a build. web has env_file, whose hash `config --hash` computes differently from `up`.</summary>
        internal static void WriteFullProject(UpProject p, string webPorts)
        {
            p.Write("app.env", "FROM_FILE=1\n");
            p.Write("data/hello.txt", "from the host\n");
            p.Write("img/Dockerfile",
                "FROM " + UpProject.Busybox + "\n" +
                "RUN echo built > /built.txt\n" +
                "VOLUME /imgvol\n" +
                "CMD [\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 600 & wait\"]\n");
            p.WriteCompose(
                "services:\n" +
                "  web:\n" +
                "    image: " + UpProject.Busybox + "\n" +
                "    command: " + UpProject.Sleeper + "\n" +
                "    ports: " + webPorts + "\n" +
                "    environment:\n      FOO: bar\n      UNSET_HERE:\n" +
                "    env_file: app.env\n" +
                "    volumes: [\"named:/named\", \"/anon\", \"./data:/data\"]\n" +
                "    networks:\n      front:\n        aliases: [webalias]\n      default: {}\n" +
                "    depends_on:\n" +
                "      db: {condition: service_healthy}\n" +
                "      init: {condition: service_completed_successfully}\n" +
                "  db:\n" +
                "    image: " + UpProject.Busybox + "\n" +
                "    command: " + UpProject.Sleeper + "\n" +
                "    healthcheck: {test: [\"CMD\", \"true\"], interval: 1s}\n" +
                "    networks: [front]\n" +
                "  init:\n" +
                "    image: " + UpProject.Busybox + "\n" +
                "    command: [\"sh\", \"-c\", \"echo done\"]\n" +
                "  built:\n" +
                "    build: ./img\n" +
                "    networks: [front]\n" +
                "volumes:\n  named: {}\n" +
                "networks:\n  front: {}\n");
        }

        [EngineFact]
        public void PSComposeUp_ThenDockerComposeUp_RecreatesNothing_AndDockerComposeSeesAndRemovesEverything()
        {
            using var p = new UpProject();
            int port = UpProject.FreePort();
            WriteFullProject(p, $"[\"127.0.0.1:{port}:80\", \"9000\"]");

            p.PsUp().AssertNoErrors();
            Dictionary<string, string> ours = p.ContainerIds();
            Assert.Equal(new[] { "built", "db", "init", "web" }.Select(s => $"{p.Name}-{s}-1").OrderBy(n => n), ours.Keys.OrderBy(n => n));

            // The reference hashes agree with our labels (env_file services excepted: see WriteFullProject).
            Dictionary<string, string> reference = p.ReferenceHashes();
            foreach (string service in new[] { "built", "db", "init" })
                Assert.Equal(reference[service], UpProject.Label($"{p.Name}-{service}-1", "com.docker.compose.config-hash"));

            // Ports, env, mounts, aliases as declared.
            JsonElement web = UpProject.Inspect($"{p.Name}-web-1");
            Assert.Equal(port.ToString(), web.GetProperty("HostConfig").GetProperty("PortBindings").GetProperty("80/tcp")[0].GetProperty("HostPort").GetString());
            Assert.Equal("127.0.0.1", web.GetProperty("HostConfig").GetProperty("PortBindings").GetProperty("80/tcp")[0].GetProperty("HostIp").GetString());
            string[] env = web.GetProperty("Config").GetProperty("Env").EnumerateArray().Select(e => e.GetString()).ToArray();
            Assert.Contains("FOO=bar", env);
            Assert.Contains("FROM_FILE=1", env);
            Assert.DoesNotContain(env, e => e.StartsWith("UNSET_HERE="));
            Assert.Equal("from the host\n", UpProject.Exec($"{p.Name}-web-1", "cat", "/data/hello.txt"));
            Assert.Equal("built\n", UpProject.Exec($"{p.Name}-built-1", "cat", "/built.txt"));
            string webFrontIp = web.GetProperty("NetworkSettings").GetProperty("Networks").GetProperty(p.Name + "_front").GetProperty("IPAddress").GetString();
            string lookup = UpProject.Exec($"{p.Name}-db-1", "nslookup", "webalias");
            Assert.Matches(@"Address:\s*" + Regex.Escape(webFrontIp) + @"\b", lookup);
            Assert.Equal("exited", UpProject.Inspect($"{p.Name}-init-1").GetProperty("State").GetProperty("Status").GetString());

            // The reference converges to the same state: no container is recreated.
            Docker.Result composeUp = p.Compose("up", "-d").Check();
            Assert.DoesNotContain("Recreate", composeUp.Stderr);
            UpProject.AssertSameIds(ours, p.ContainerIds());

            // docker compose ps sees every container; down removes containers, networks and volumes.
            string ps = p.Compose("ps", "-a", "--format", "{{.Name}}").Check().Stdout;
            Assert.Equal(ours.Keys.OrderBy(n => n), ps.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).OrderBy(n => n));
            Assert.Equal(new[] { p.Name + "_default", p.Name + "_front" }, p.NetworkNames());
            Assert.Contains(p.Name + "_named", p.VolumeNames());
            p.Compose("down", "-v", "-t", "0").Check();
            Assert.Empty(p.ContainerIds());
            Assert.Empty(p.NetworkNames());
            Assert.Empty(p.VolumeNames());
        }

        [EngineFact]
        public void DockerComposeUp_ThenPSComposeUp_RecreatesNothing_ThenAFileChangeRecreatesOnlyThatService()
        {
            using var p = new UpProject();
            WriteFullProject(p, "[\"127.0.0.1::80\"]");
            p.Compose("up", "-d").Check();
            Dictionary<string, string> before = p.ContainerIds();
            Assert.Equal(4, before.Count);

            RunResult up = p.PsUp("-Verbose").AssertNoErrors();
            UpProject.AssertSameIds(before, p.ContainerIds());
            Assert.DoesNotContain(up.Verbose, v => v.Message.Contains("CreateContainer") || v.Message.Contains("RemoveContainer"));

            // Change web's environment only: web is recreated, its dependencies are left alone.
            string file = System.IO.File.ReadAllText(p.ComposeFile);
            p.WriteCompose(file.Replace("FOO: bar", "FOO: baz"));
            p.PsUp().AssertNoErrors();
            Dictionary<string, string> after = p.ContainerIds();
            Assert.Equal(before.Keys.OrderBy(k => k), after.Keys.OrderBy(k => k));
            Assert.NotEqual(before[$"{p.Name}-web-1"], after[$"{p.Name}-web-1"]);
            foreach (string other in new[] { "db", "init", "built" })
                Assert.Equal(before[$"{p.Name}-{other}-1"], after[$"{p.Name}-{other}-1"]);
            Assert.Contains("FOO=baz", UpProject.Exec($"{p.Name}-web-1", "env"));
            Assert.Equal("true", UpProject.Inspect($"{p.Name}-web-1").GetProperty("State").GetProperty("Running").GetRawText());

            // And the reference agrees that the new web is up to date.
            Docker.Result again = p.Compose("up", "-d").Check();
            Assert.DoesNotContain("Recreate", again.Stderr);
            UpProject.AssertSameIds(after, p.ContainerIds());
        }

        [EngineFact]
        public void ContainersMatchTheReference_InspectForInspect()
        {
            // The same files brought up twice: by the reference as <name>-ref, by us as <name>.
            using var p = new UpProject();
            string refName = p.Name + "-ref";
            p.AlsoRemove(refName);
            WriteFullProject(p, "[\"127.0.0.1::80\", \"9000\"]");
            p.ComposeAs(refName, "up", "-d").Check();
            p.PsUp().AssertNoErrors();

            foreach (string service in new[] { "web", "db", "init", "built" })
            {
                Dictionary<string, string> ours = ComparableInspect.Of(UpProject.Inspect($"{p.Name}-{service}-1"), p.Name);
                Dictionary<string, string> theirs = ComparableInspect.Of(UpProject.Inspect($"{refName}-{service}-1"), refName);
                List<string> differences = ComparableInspect.Differences(ours, theirs);
                Assert.True(differences.Count == 0, service + ":\n" + string.Join("\n", differences));
            }
        }
    }
}
