using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text.Json;
using PSCompose.ModuleTests.Images;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Conformance
{
    /// <summary>
    /// -ResolveImageDigests and -LockImageDigests against `docker compose config --resolve-image-digests` /
    /// `--lock-image-digests` on one project whose images live in the local registry (127.0.0.1:5000): the text
    /// byte for byte, and the errors for an image the registry lacks and a registry that cannot be reached.
    /// </summary>
    public class ConfigDigestsEngineTests
    {
        private static readonly (string Name, string[] Reference, Dictionary<string, object> Ours)[] Variants =
        {
            ("--resolve-image-digests", new[] { "--resolve-image-digests" }, P(("ResolveImageDigests", true), ("Format", "Yaml"))),
            ("--resolve-image-digests --format json", new[] { "--resolve-image-digests", "--format", "json" }, P(("ResolveImageDigests", true), ("Format", "Json"))),
            ("--resolve-image-digests --no-interpolate", new[] { "--resolve-image-digests", "--no-interpolate" }, P(("ResolveImageDigests", true), ("NoInterpolate", true), ("Format", "Yaml"))),
            ("--lock-image-digests", new[] { "--lock-image-digests" }, P(("LockImageDigests", true))),
            ("--lock-image-digests --format json", new[] { "--lock-image-digests", "--format", "json" }, P(("LockImageDigests", true), ("Format", "Json"))),
            ("--lock-image-digests --no-interpolate", new[] { "--lock-image-digests", "--no-interpolate" }, P(("LockImageDigests", true), ("NoInterpolate", true))),
            ("--lock-image-digests --no-interpolate --format json", new[] { "--lock-image-digests", "--no-interpolate", "--format", "json" }, P(("LockImageDigests", true), ("NoInterpolate", true), ("Format", "Json"))),
        };

        [EngineFact]
        public void ResolveAndLockImageDigests_PrintWhatDockerComposePrints()
        {
            using (var registry = new RegistryContent("psc-config-digests"))
            using (var project = new TempProject())
            {
                registry.Push("1", registry.A);
                registry.Push("latest", registry.B);
                string pinned = "pscompose/busybox@sha256:" + new string('a', 64);
                project.Write("compose.yaml",
                    "services:\n" +
                    $"  web:\n    image: {registry.Ref("1")}\n    command: [\"echo\", \"$${{HOME}}\"]\n    ports: [\"8080:80\"]\n" +
                    $"  worker:\n    image: {registry.Repository}\n" +
                    $"  pinned:\n    image: {pinned}\n" +
                    "  built:\n    build: .\n");
                project.Write("Dockerfile", "FROM pscompose/busybox:latest\n");
                ConformanceCase c = ConformanceCase.Load(project.Directory);

                var problems = new List<string>();
                using (Runspace runspace = PowerShellRunner.OpenRunspace())
                {
                    var ours = new OurCompose(runspace);
                    foreach (var (name, referenceArgs, ourParams) in Variants)
                    {
                        ReferenceCompose.Result reference = ReferenceCompose.Run(c, new[] { "config" }.Concat(referenceArgs).ToArray());
                        Assert.True(reference.Ok, name + ": " + reference.Stderr);
                        Assert.Contains("@sha256:", reference.Stdout);
                        RunResult mine = ours.Run(c, ourParams);
                        if (mine.Errors.Count > 0) { problems.Add(name + ": ours failed: " + mine.ErrorText); continue; }
                        string actual = string.Concat(mine.Output.Select(o => o?.BaseObject?.ToString()));
                        if (actual != reference.Stdout)
                            problems.Add(name + ": " + ConfigFlagsConformanceEngineTests.FirstDifference(reference.Stdout, actual));
                    }

                    // Without -Format, the project object's services show the images pinned as Compose pins them.
                    ReferenceCompose.Result json = ReferenceCompose.Run(c, "config", "--resolve-image-digests", "--format", "json");
                    Assert.True(json.Ok, json.Stderr);
                    using JsonDocument document = JsonDocument.Parse(json.Stdout);
                    var theirs = document.RootElement.GetProperty("services").EnumerateObject()
                        .Select(s => s.Name + "=" + (s.Value.TryGetProperty("image", out JsonElement image) ? image.GetString() : ""))
                        .OrderBy(s => s, StringComparer.Ordinal).ToList();
                    RunResult objects = ours.Run(c, P(("ResolveImageDigests", true)));
                    Assert.Empty(objects.Errors);
                    PSObject projectObject = Assert.Single(objects.Output);
                    var ourImages = ((IEnumerable)projectObject.Properties["Services"].Value).Cast<object>().Select(PSObject.AsPSObject)
                        .Select(s => s.Properties["Name"].Value + "=" + s.Properties["Image"].Value)
                        .OrderBy(s => s, StringComparer.Ordinal).ToList();
                    Assert.Contains(theirs, s => s.Contains("@sha256:") && s.StartsWith("web=", StringComparison.Ordinal));
                    Assert.Equal(theirs, ourImages);
                }
                Assert.True(problems.Count == 0, string.Join("\n", problems));
            }
        }

        [EngineFact]
        public void ImageTheRegistryLacks_IsAnErrorNamingTheServiceAndImage()
        {
            using (var project = new TempProject())
            {
                string missing = "127.0.0.1:5000/psc-config-missing-" + Guid.NewGuid().ToString("N").Substring(0, 8) + "/app:1";
                project.Write("compose.yaml", $"services:\n  api:\n    image: pscompose/busybox@sha256:{new string('b', 64)}\n  job:\n    image: {missing}\n");
                AssertSameFailure(project, "ComposeImageDigestNotFound", ErrorCategory.ObjectNotFound, "job", missing);
            }
        }

        [EngineFact]
        public void UnreachableRegistry_IsAnErrorNamingTheServiceAndImage()
        {
            using (var project = new TempProject())
            {
                // Nothing listens on port 1 of the loopback: the engine's connection is refused at once.
                string unreachable = "127.0.0.1:1/psc-config/app:1";
                project.Write("compose.yaml", $"services:\n  job:\n    image: {unreachable}\n");
                AssertSameFailure(project, "ComposeImageDigestUnresolved", ErrorCategory.ResourceUnavailable, "job", unreachable);
            }
        }

        private static void AssertSameFailure(TempProject project, string errorId, ErrorCategory category, string service, string image)
        {
            ConformanceCase c = ConformanceCase.Load(project.Directory);
            foreach (var (flag, parameter) in new[] { ("--resolve-image-digests", "ResolveImageDigests"), ("--lock-image-digests", "LockImageDigests") })
            {
                ReferenceCompose.Result reference = ReferenceCompose.Run(c, "config", flag);
                Assert.False(reference.Ok);
                RunResult mine;
                using (Runspace runspace = PowerShellRunner.OpenRunspace())
                    mine = new OurCompose(runspace).Run(c, P((parameter, true)));
                ErrorRecord error = Assert.Single(mine.Errors);
                Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId);
                Assert.Equal(category, error.CategoryInfo.Category);
                Assert.Equal(service, error.TargetObject);
                Assert.Contains(image, error.Exception.Message);
                Assert.Equal(reference.Stderr.Trim(), error.Exception.Message);
                Assert.Empty(mine.Output);
            }
        }

        private static Dictionary<string, object> P(params (string Name, object Value)[] parameters) =>
            parameters.ToDictionary(p => p.Name, p => p.Value);
    }

    /// <summary>A project folder under the temp directory, with an empty case.json so the conformance harness can run it.</summary>
    internal sealed class TempProject : IDisposable
    {
        public TempProject()
        {
            Directory = Path.Combine(Path.GetTempPath(), "psc-config-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            System.IO.Directory.CreateDirectory(Directory);
            Write("case.json", "{}");
        }

        public string Directory { get; }

        public string Write(string relative, string text)
        {
            string path = Path.Combine(Directory, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path));
            File.WriteAllText(path, text);
            return path;
        }

        public void Dispose()
        {
            try { System.IO.Directory.Delete(Directory, true); } catch (IOException) { }
        }
    }
}
