using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Text.Json;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Images
{
    /// <summary>
    /// Pull, push and build progress in a hosted runspace: Write-Progress records (a parent for the operation, a child
    /// per service with the layer bytes), build output in the information stream. The image is a multi-layer image the
    /// reference docker CLI builds and pushes to the local registry on 127.0.0.1:5000.
    /// </summary>
    public class ImageProgressEngineTests : IDisposable
    {
        private const int ParentId = 1;
        private readonly string project = "pwshux-progress-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        private readonly string dir;
        private readonly string repository;
        private readonly string image;

        public ImageProgressEngineTests()
        {
            dir = Path.Combine(Path.GetTempPath(), project);
            Directory.CreateDirectory(dir);
            repository = $"{project}/layers";
            image = $"127.0.0.1:5000/{repository}:1";
            // Random bytes do not compress: each layer is about as large on the wire as on disk. The project name in the
            // first RUN keeps the build cache from sharing these layers with any other image on the engine.
            File.WriteAllText(Path.Combine(dir, "Dockerfile"),
                "FROM pscompose/busybox:latest\n" +
                $"RUN head -c 3000000 /dev/urandom > /a && echo {project} > /id\n" +
                "RUN head -c 2000000 /dev/urandom > /b\n" +
                "RUN head -c 1000000 /dev/urandom > /c\n");
            File.WriteAllText(Path.Combine(dir, "compose.yaml"),
                $"name: {project}\nservices:\n  app:\n    image: {image}\n    build:\n      context: .\n");
        }

        [EngineFact]
        public void Pull_ReportsLayerBytesAsChildProgressOfOneParent_AndNoInformationRecords()
        {
            Docker.RunIn(dir, null, "build", "-q", "-t", image, ".").Check();
            Docker.Run("push", image).Check();
            Docker.Run("image", "rm", image).Check();

            RunResult pulled = PowerShellRunner.Run("Request-ComposeImage -Path $dir", new() { ["dir"] = dir }).AssertNoErrors();

            Assert.Equal("Pulled", Assert.Single(pulled.Output).Properties["Action"].Value);
            Assert.Empty(pulled.Information);
            List<ProgressRecord> parent = pulled.Progress.Where(r => r.ActivityId == ParentId).ToList();
            Assert.All(parent, r => Assert.Equal(-1, r.ParentActivityId));
            Assert.Equal("Pull images", parent.First().Activity);
            Assert.Equal(ProgressRecordType.Completed, parent.Last().RecordType);
            List<ProgressRecord> child = pulled.Progress.Where(r => r.ActivityId != ParentId).ToList();
            Assert.All(child, r => Assert.Equal(ParentId, r.ParentActivityId));
            Assert.All(child, r => Assert.Equal("app", r.Activity));
            Assert.Equal(ProgressRecordType.Completed, child.Last().RecordType);
            // Bytes: the layers the registry holds beyond the base image's, which is present locally.
            long expected = RegistryLayerSizes().Skip(BaseLayerCount()).Sum();
            Assert.Contains(child, r => r.CurrentOperation == $"{expected} of {expected} bytes" && r.PercentComplete == 100);
            Assert.Contains(child, r => r.PercentComplete > 0 && r.PercentComplete < 100);
            // Written when the percentage moves, not per engine line.
            Assert.InRange(child.Count, 3, 120);
        }

        [EngineFact]
        public void Push_ReportsBytesPushed()
        {
            RunResult built = PowerShellRunner.Run("New-ComposeImage -Path $dir", new() { ["dir"] = dir }).AssertNoErrors();
            Assert.Single(built.Output);

            RunResult pushed = PowerShellRunner.Run("Publish-ComposeImage -Path $dir", new() { ["dir"] = dir }).AssertNoErrors();

            Assert.Equal("Pushed", Assert.Single(pushed.Output).Properties["Action"].Value);
            Assert.Empty(pushed.Information);
            Assert.Equal("Push images", pushed.Progress.First(r => r.ActivityId == ParentId).Activity);
            ProgressRecord done = pushed.Progress.Last(r => r.ParentActivityId == ParentId && r.RecordType == ProgressRecordType.Processing);
            Assert.Equal(100, done.PercentComplete);
            Assert.StartsWith("Pushing ", done.StatusDescription);
            // The engine sizes a pushed layer by its content: the files the Dockerfile writes.
            string[] bytes = done.CurrentOperation.Split(' ');
            Assert.Equal(bytes[0], bytes[2]);
            Assert.InRange(long.Parse(bytes[2]), 6000000, 6001000);
        }

        [EngineFact]
        public void Build_OutputGoesToTaggedInformation_StepsToChildProgress()
        {
            RunResult built = PowerShellRunner.Run("New-ComposeImage -Path $dir", new() { ["dir"] = dir }).AssertNoErrors();

            Assert.Contains(built.Information, i => i.MessageData.ToString().StartsWith("Step 1/") && i.MessageData.ToString().EndsWith(" : FROM pscompose/busybox:latest"));
            Assert.All(built.Information, i => Assert.Equal(new[] { "PSCompose", "Build", "app" }, i.Tags));
            // Each builder step becomes the service's progress status, in order, the bar moving forward.
            string[] stepLines = built.Information.Select(i => i.MessageData.ToString()).Where(l => l.StartsWith("Step ")).ToArray();
            List<ProgressRecord> steps = built.Progress.Where(r => r.ParentActivityId == ParentId && r.RecordType == ProgressRecordType.Processing).ToList();
            Assert.Equal(stepLines, steps.Select(r => r.StatusDescription));
            Assert.Equal(0, steps[0].PercentComplete);
            Assert.All(steps.Zip(steps.Skip(1)), pair => Assert.True(pair.First.PercentComplete < pair.Second.PercentComplete));
            Assert.Equal("Build images", built.Progress.First(r => r.ActivityId == ParentId).Activity);
        }

        [EngineFact]
        public void Up_PullsWithByteProgressOnTheServiceRecord_NotInformation()
        {
            Docker.RunIn(dir, null, "build", "-q", "-t", image, ".").Check();
            Docker.Run("push", image).Check();
            Docker.Run("image", "rm", image).Check();
            File.WriteAllText(Path.Combine(dir, "compose.yaml"),
                $"name: {project}\nservices:\n  app:\n    image: {image}\n    command: sleep 600\n");

            RunResult up = PowerShellRunner.Run("Invoke-ComposeUp -Path $dir", new() { ["dir"] = dir }).AssertNoErrors();

            Assert.Empty(up.Information);
            long expected = RegistryLayerSizes().Skip(BaseLayerCount()).Sum();
            Assert.Contains(up.Progress, r => r.StatusDescription.StartsWith("app: Downloading ") && r.CurrentOperation == $"{expected} of {expected} bytes");
        }

        private IEnumerable<long> RegistryLayerSizes()
        {
            using (var http = new HttpClient())
            {
                var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:5000/v2/{repository}/manifests/1");
                request.Headers.Accept.ParseAdd("application/vnd.docker.distribution.manifest.v2+json");
                string json = http.Send(request).EnsureSuccessStatusCode().Content.ReadAsStringAsync().Result;
                return JsonDocument.Parse(json).RootElement.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("size").GetInt64()).ToList();
            }
        }

        private static int BaseLayerCount() =>
            int.Parse(Docker.Run("image", "inspect", "pscompose/busybox:latest", "--format", "{{len .RootFS.Layers}}").Check().Stdout.Trim());

        public void Dispose()
        {
            Docker.ComposeDownQuietly(project);
            Docker.Run("image", "rm", "-f", image);
            Directory.Delete(dir, true);
        }
    }
}
