using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text.Json;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Conformance
{
    /// <summary>
    /// Get-ComposeConfig's project object against `docker compose config --format json` (and `--profiles`) on the
    /// same project: each service property is what Compose prints, in the object's documented shape (keys of maps
    /// in any order: Compose's JSON sorts them, the object keeps the file's order).
    /// </summary>
    public class ConfigObjectEngineTests
    {
        [EngineFact]
        public void ProjectObject_ShowsWhatComposePrints()
        {
            using (var project = new TempProject())
            {
                project.Write("compose.yaml",
                    "services:\n" +
                    "  web:\n    image: pscompose/busybox:latest\n    command: [\"sleep\", \"1\"]\n    entrypoint: /bin/sh -c\n" +
                    "    environment: {B: '2', A: '1', EMPTY: ''}\n" +
                    "    labels: [z=last, a=first]\n    container_name: the-web\n    restart: unless-stopped\n" +
                    "    ports: ['127.0.0.1:8080:80', '9000:90/udp', '443']\n" +
                    "    volumes: ['./data:/data:ro', 'store:/var/lib/store', {type: tmpfs, target: /scratch}]\n" +
                    "    networks: [back, front]\n    depends_on: [worker]\n    secrets: [token]\n    configs: [settings]\n" +
                    "  worker:\n    build: ./worker\n    deploy: {replicas: 3}\n" +
                    "  extra:\n    image: pscompose/busybox:latest\n    profiles: [tools, debug]\n" +
                    "networks:\n  front: {}\n  back: {}\n" +
                    "volumes:\n  store: {}\n" +
                    "secrets:\n  token: {file: ./token.txt}\n" +
                    "configs:\n  settings: {content: x}\n");
                project.Write("token.txt", "t");
                project.Write("worker/Dockerfile", "FROM pscompose/busybox:latest\n");
                ConformanceCase c = ConformanceCase.Load(project.Directory);

                ReferenceCompose.Result json = ReferenceCompose.Run(c, "config", "--format", "json");
                Assert.True(json.Ok, json.Stderr);
                ReferenceCompose.Result profiles = ReferenceCompose.Run(c, "config", "--profiles");
                Assert.True(profiles.Ok, profiles.Stderr);
                RunResult ours;
                using (Runspace runspace = PowerShellRunner.OpenRunspace())
                    ours = new OurCompose(runspace).Run(c, new Dictionary<string, object>());
                Assert.Empty(ours.Errors);
                PSObject mine = Assert.Single(ours.Output);

                using JsonDocument document = JsonDocument.Parse(json.Stdout);
                JsonElement root = document.RootElement;
                Assert.Equal(root.GetProperty("name").GetString(), Prop(mine, "Name"));
                Assert.Equal(Keys(root, "networks"), Sorted(Strings(Prop(mine, "Networks"))));
                Assert.Equal(Keys(root, "volumes"), Sorted(Strings(Prop(mine, "Volumes"))));
                Assert.Equal(Keys(root, "secrets"), Sorted(Strings(Prop(mine, "Secrets"))));
                Assert.Equal(Keys(root, "configs"), Sorted(Strings(Prop(mine, "Configs"))));
                Assert.Equal(profiles.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Strings(Prop(mine, "Profiles")));

                var services = ((IEnumerable)Prop(mine, "Services")).Cast<object>().Select(PSObject.AsPSObject).ToList();
                Assert.Equal(Keys(root, "services"), Sorted(services.Select(s => (string)Prop(s, "Name"))));
                foreach (PSObject service in services)
                {
                    string name = (string)Prop(service, "Name");
                    JsonElement theirs = root.GetProperty("services").GetProperty(name);
                    Assert.Equal(root.GetProperty("name").GetString(), Prop(service, "ProjectName"));
                    Assert.Equal(Text(theirs, "image"), Prop(service, "Image"));
                    Assert.Equal(theirs.TryGetProperty("build", out JsonElement build) ? Text(build, "context") : null, Prop(service, "Build"));
                    Assert.Equal(List(theirs, "command"), (string[])Prop(service, "Command"));
                    Assert.Equal(List(theirs, "entrypoint"), (string[])Prop(service, "Entrypoint"));
                    Assert.Equal(Map(theirs, "environment"), Entries(Prop(service, "Environment")));
                    Assert.Equal(Map(theirs, "labels"), Entries(Prop(service, "Labels")));
                    Assert.Equal(Elements(theirs, "ports").Select(Port), Strings(Prop(service, "Ports")));
                    Assert.Equal(Elements(theirs, "volumes").Select(Mount), Strings(Prop(service, "Volumes")));
                    Assert.Equal(Keys(theirs, "networks"), Sorted(Strings(Prop(service, "Networks"))));
                    Assert.Equal(Keys(theirs, "depends_on"), Sorted(Strings(Prop(service, "DependsOn"))));
                    Assert.Equal(List(theirs, "profiles") ?? new string[0], Strings(Prop(service, "Profiles")));
                    Assert.Equal(Scale(theirs), (int)Prop(service, "Scale"));
                    Assert.Equal(Text(theirs, "container_name"), Prop(service, "ContainerName"));
                    Assert.Equal(Text(theirs, "restart"), Prop(service, "Restart"));
                }
                Assert.Equal(new[] { "web", "worker" }, services.Select(s => (string)Prop(s, "Name")));
                Assert.Contains("127.0.0.1:8080:80/tcp", Strings(Prop(services[0], "Ports")));
                Assert.Contains("tmpfs:/scratch", Strings(Prop(services[0], "Volumes")));
                Assert.Equal(3, (int)Prop(services[1], "Scale"));
            }
        }

        private static object Prop(PSObject o, string name) => o.Properties[name].Value;

        /// <summary>Compose's JSON prints map keys sorted; the object keeps the file's order.</summary>
        private static string[] Sorted(IEnumerable<string> keys) => keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();

        private static string[] Strings(object value) => ((IEnumerable)value ?? new object[0]).Cast<object>().Select(o => o?.ToString()).ToArray();

        private static string[] Keys(JsonElement e, string key) =>
            e.TryGetProperty(key, out JsonElement map) && map.ValueKind == JsonValueKind.Object
                ? map.EnumerateObject().Select(p => p.Name).ToArray() : new string[0];

        private static string Text(JsonElement e, string key) =>
            e.TryGetProperty(key, out JsonElement v) && v.ValueKind != JsonValueKind.Null
                ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()) : null;

        private static string[] List(JsonElement e, string key) =>
            e.TryGetProperty(key, out JsonElement v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(i => i.GetString()).ToArray() : null;

        private static IEnumerable<JsonElement> Elements(JsonElement e, string key) =>
            e.TryGetProperty(key, out JsonElement v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : Enumerable.Empty<JsonElement>();

        /// <summary>The entries sorted by key, as "key=value" ("key" alone for a variable without a value).</summary>
        private static string[] Map(JsonElement e, string key) =>
            e.TryGetProperty(key, out JsonElement map) && map.ValueKind == JsonValueKind.Object
                ? map.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
                    .Select(p => p.Value.ValueKind == JsonValueKind.Null ? p.Name : p.Name + "=" + p.Value.GetString()).ToArray()
                : new string[0];

        private static string[] Entries(object value)
        {
            var dictionary = (IDictionary)value;
            return dictionary.Keys.Cast<string>().OrderBy(k => k, StringComparer.Ordinal)
                .Select(k => dictionary[k] == null ? k : k + "=" + dictionary[k]).ToArray();
        }

        /// <summary>host_ip:published:target/protocol, the parts Compose leaves out left out.</summary>
        private static string Port(JsonElement p)
        {
            string hostIp = Text(p, "host_ip"), published = Text(p, "published");
            string prefix = hostIp != null ? hostIp + ":" + published + ":" : published != null ? published + ":" : "";
            return prefix + p.GetProperty("target").GetInt64().ToString(CultureInfo.InvariantCulture) + "/" + (Text(p, "protocol") ?? "tcp");
        }

        /// <summary>source:target[:ro], tmpfs:target for a tmpfs.</summary>
        private static string Mount(JsonElement v)
        {
            if (Text(v, "type") == "tmpfs") return "tmpfs:" + Text(v, "target");
            string text = (Text(v, "source") ?? "") + ":" + Text(v, "target");
            return v.TryGetProperty("read_only", out JsonElement ro) && ro.ValueKind == JsonValueKind.True ? text + ":ro" : text;
        }

        private static int Scale(JsonElement s)
        {
            if (s.TryGetProperty("scale", out JsonElement scale) && scale.ValueKind == JsonValueKind.Number) return scale.GetInt32();
            if (s.TryGetProperty("deploy", out JsonElement deploy) && deploy.TryGetProperty("replicas", out JsonElement replicas)
                && replicas.ValueKind == JsonValueKind.Number) return replicas.GetInt32();
            return 1;
        }
    }
}
