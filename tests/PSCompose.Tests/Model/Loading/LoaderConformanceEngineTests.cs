using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PSCompose.Model;
using PSCompose.Model.Loading;
using PSCompose.Model.Serialization;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.Tests.Model.Loading
{
    /// <summary>
    /// The loaded model printed as `config --format json` against the reference `docker compose config` on the
    /// same files and environment (the expected side is the reference binary's output, never ours).
    /// </summary>
    public class LoaderConformanceEngineTests
    {
        public static readonly Dictionary<string, (string[] args, (string path, string content)[] files)> Fixtures =
            new Dictionary<string, (string[], (string, string)[])>
            {
                ["merge-two-files"] = (new[] { "-f", "a.yaml", "-f", "b.yaml" }, new[]
                {
                    ("a.yaml", "services:\n  web:\n    image: busybox\n    environment: {A: \"1\", B: \"2\"}\n    labels: [a=1]\n    ports: [\"80:80\", \"81:81\"]\n    command: [a, b]\n    dns: [1.1.1.1]\n    depends_on: [db]\n  db:\n    image: postgres\n"),
                    ("b.yaml", "services:\n  web:\n    environment: [B=3, C=4]\n    labels: {b: \"2\"}\n    ports: [\"80:80\", \"82:81\"]\n    command: c\n    dns: 8.8.8.8\n    depends_on:\n      db: {condition: service_healthy}\n"),
                }),
                ["reset-override"] = (new[] { "-f", "a.yaml", "-f", "b.yaml" }, new[]
                {
                    ("a.yaml", "services:\n  web:\n    image: busybox\n    ports: [\"80:80\"]\n    environment: {A: \"1\"}\n    command: [a]\n"),
                    ("b.yaml", "services:\n  web:\n    ports: !reset []\n    environment: !override {B: \"2\"}\n"),
                }),
                ["extends-same-file"] = (new string[0], new[]
                {
                    ("compose.yaml", "services:\n  base:\n    image: busybox\n    environment: {A: \"1\"}\n    labels: [x=1]\n  web:\n    extends: base\n    environment: {B: \"2\"}\n  worker:\n    extends: {service: web}\n    command: [run]\n"),
                }),
                ["profiles"] = (new[] { "--profile", "tools" }, new[]
                {
                    ("compose.yaml", "services:\n  web:\n    image: a\n  dbg:\n    image: b\n    profiles: [debug]\n  tools:\n    image: c\n    profiles: [tools]\n    depends_on: [web]\n"),
                }),
                ["interpolation-dotenv"] = (new string[0], new[]
                {
                    ("compose.yaml", "name: \"${NAME:-Demo App}\"\nservices:\n  web:\n    image: \"busybox:${TAG}\"\n    environment:\n      FROM_ENV: \"${FROM_ENV:-default}\"\n      UNSET:\n"),
                    (".env", "TAG=1.36\nFROM_ENV=dotenv\n"),
                }),
                ["include"] = (new string[0], new[]
                {
                    ("compose.yaml", "include:\n  - inc/compose.yaml\nservices:\n  web:\n    image: \"${TAG}\"\n    depends_on: [base]\n"),
                    ("inc/compose.yaml", "services:\n  base:\n    image: \"busybox:${TAG}\"\n    labels: {INC: \"${INCVAR}\"}\n"),
                    (".env", "TAG=fromparent\n"),
                    ("inc/.env", "TAG=frominc\nINCVAR=incvalue\n"),
                }),
                ["port-range-override"] = (new[] { "-f", "a.yaml", "-f", "b.yaml" }, new[]
                {
                    ("a.yaml", "services:\n  a:\n    image: x\n    ports:\n      - \"8000-8002:80-82\"\n"),
                    ("b.yaml", "services:\n  a:\n    ports:\n      - \"8001:81\"\n      - target: 82\n        published: \"9000\"\n"),
                }),
                ["rich"] = (new string[0], new[]
                {
                    ("compose.yaml", "name: ${PNAME:-rich}\ninclude:\n  - path: inc/compose.yaml\n    env_file: inc/custom.env\nservices:\n  web:\n    extends:\n      file: sub/base.yaml\n      service: base\n    build:\n      context: ./app\n      args: [FROMENV, LITERAL=x]\n    environment:\n      - B=2\n      - UNSETVAR\n    env_file: [web.env]\n    label_file: web.labels\n    labels: {explicit: \"yes\"}\n    secrets: [s1]\n    configs: [c1]\n    networks:\n      front: {aliases: [w]}\n    volumes:\n      - data:/data\n      - ./local:/local:ro\n  worker:\n    image: busybox\n    network_mode: service:web\n    deploy: {replicas: 2}\nsecrets:\n  s1: {environment: SECRETVAL}\nconfigs:\n  c1: {file: ./c1.txt}\nnetworks:\n  front: {}\n  unused: {}\nvolumes:\n  data: {}\n"),
                    ("sub/base.yaml", "services:\n  base:\n    image: busybox:${TAG}\n    volumes: [\"./basedata:/basedata\"]\n    environment: {A: \"1\"}\n    ports: [\"8080:80\"]\n"),
                    ("inc/compose.yaml", "services:\n  inc:\n    image: \"inc:${INCTAG}\"\n    env_file: inc.env\n"),
                    ("inc/custom.env", "INCTAG=fromcustom\n"),
                    ("inc/inc.env", "X=1\n"),
                    ("web.env", "W1=a\nW2=${TAG}\n"),
                    ("web.labels", "l1=one\nexplicit=no\n"),
                    ("c1.txt", ""),
                    (".env", "TAG=1.0\nFROMENV=fe\nSECRETVAL=s\n"),
                }),
            };

        public static IEnumerable<object[]> Names => Fixtures.Keys.Select(k => new object[] { k });

        [EngineFact]
        public void AllFixturesMatchTheReference()
        {
            var failures = new List<string>();
            foreach (var name in Fixtures.Keys)
            {
                string failure = Compare(name);
                if (failure != null) failures.Add(name + ": " + failure);
            }
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        private static string Compare(string name)
        {
            var (args, files) = Fixtures[name];
            using var p = new TempProject("conf-" + name);
            foreach (var (path, content) in files) p.Write(path, content);
            var env = new Dictionary<string, string> { ["COMPOSE_PROJECT_NAME"] = "", ["PWD"] = p.Root };
            var reference = PSCompose.Testing.Docker.RunIn(p.Root, env, new[] { "compose" }.Concat(args).Concat(new[] { "config", "--format", "json" }).ToArray());
            if (reference.ExitCode != 0) return "reference failed: " + reference.Stderr;

            var options = p.Options();
            foreach (DictionaryEntry e in System.Environment.GetEnvironmentVariables()) options.Environment[(string)e.Key] = (string)e.Value;
            options.Environment.Remove("COMPOSE_PROJECT_NAME");
            options.Environment["PWD"] = p.Root;
            var configFiles = new List<string>();
            var profiles = new List<string>();
            for (int i = 0; i < args.Length; i += 2)
            {
                if (args[i] == "-f") configFiles.Add(args[i + 1]);
                if (args[i] == "--profile") profiles.Add(args[i + 1]);
            }
            options.ConfigFiles = configFiles;
            options.Profiles = profiles;
            string ours;
            try
            {
                ours = ConfigJson.Write(ProjectLoader.Load(options));
            }
            catch (ComposeException e)
            {
                return "ours failed: " + e.Message;
            }
            using var expected = JsonDocument.Parse(reference.Stdout);
            using var actual = JsonDocument.Parse(ours);
            return Diff(expected.RootElement, actual.RootElement, "");
        }

        private static string Diff(JsonElement e, JsonElement a, string path)
        {
            if (e.ValueKind != a.ValueKind) return $"{path}: expected {e}, got {a}";
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    var ek = e.EnumerateObject().Select(x => x.Name).OrderBy(x => x, StringComparer.Ordinal).ToList();
                    var ak = a.EnumerateObject().Select(x => x.Name).OrderBy(x => x, StringComparer.Ordinal).ToList();
                    if (!ek.SequenceEqual(ak)) return $"{path}: keys [{string.Join(",", ek)}] expected, got [{string.Join(",", ak)}]";
                    foreach (var k in ek)
                    {
                        string d = Diff(e.GetProperty(k), a.GetProperty(k), path + "." + k);
                        if (d != null) return d;
                    }
                    return null;
                case JsonValueKind.Array:
                    var el = e.EnumerateArray().ToList();
                    var al = a.EnumerateArray().ToList();
                    if (el.Count != al.Count) return $"{path}: {el.Count} items expected, got {al.Count} ({a})";
                    for (int i = 0; i < el.Count; i++)
                    {
                        string d = Diff(el[i], al[i], path + "[" + i + "]");
                        if (d != null) return d;
                    }
                    return null;
                default:
                    return e.GetRawText() == a.GetRawText() ? null : $"{path}: expected {e.GetRawText()}, got {a.GetRawText()}";
            }
        }
    }
}
