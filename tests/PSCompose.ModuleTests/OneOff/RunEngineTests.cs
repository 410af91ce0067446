using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Text.RegularExpressions;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;
using Xunit;
using static PSCompose.ModuleTests.OneOff.OneOffProject;

namespace PSCompose.ModuleTests.OneOff
{
    /// <summary>Invoke-ComposeRun against the real engine, side by side with docker compose run -T on the same project.</summary>
    public class RunEngineTests
    {
        [EngineFact]
        public void Run_Detach_CreatesTheSameOneOffAsCompose_NameLabelsPortsRestart()
        {
            using var p = New();
            Compose(p, null, "run", "-d", "web", "sleep", "60").Check();
            RunResult r = p.Ps("Invoke-ComposeRun -Path $dir -ProjectName $p web -Detach -- sleep 60").AssertNoErrors();
            PSObject container = Assert.Single(OfType(r, "PSCompose.ComposeContainer"));
            Assert.Single(r.Output);
            string returnedName = (string)Prop(container, "Name");

            List<string> oneOffs = LifecycleProject.ContainersOf(p.Name).Where(n => n.Contains("-web-run-")).ToList();
            Assert.Equal(2, oneOffs.Count);
            Assert.Contains(returnedName, oneOffs);
            Assert.True((bool)Prop(container, "OneOff"));
            Assert.Equal("running", Prop(container, "State"));
            string theirs = oneOffs.Single(n => n != returnedName);
            foreach (string name in oneOffs)
            {
                // <project>-web-run-<12 hex>: container_name is ignored, as Compose does.
                Assert.Matches("^" + Regex.Escape(p.Name) + "-web-run-[0-9a-f]{12}$", name);
                Dictionary<string, string> labels = Labels(name);
                Assert.Equal("True", labels["com.docker.compose.oneoff"]);
                Assert.Matches("^[0-9a-f]{64}$", labels["com.docker.compose.slug"]);
                Assert.StartsWith(labels["com.docker.compose.slug"].Substring(0, 12), name.Substring(name.Length - 12));
                JsonElement host = Inspect(name).GetProperty("HostConfig");
                Assert.True(host.GetProperty("PortBindings").ValueKind == JsonValueKind.Null || !host.GetProperty("PortBindings").EnumerateObject().Any(), name + " publishes ports");
                Assert.NotEqual("always", RestartPolicy(name));
            }
            Assert.Equal(Labels(theirs).Keys.OrderBy(k => k), Labels(returnedName).Keys.OrderBy(k => k));
            Assert.Equal(RestartPolicy(theirs), RestartPolicy(returnedName));
            Assert.Equal("mine", Labels(returnedName)["mylabel"]);
            Assert.False(Labels(returnedName).ContainsKey("com.docker.compose.container-number"));
            // Both one-offs are listed by docker compose ps -a and by Get-ComposeContainer -All.
            Assert.Equal(oneOffs.Concat(new[] { p.Name + "-db-1" }).OrderBy(n => n, System.StringComparer.Ordinal), ComposePsAll(p));
            RunResult ps = p.Ps("Get-ComposeContainer -Path $dir -ProjectName $p -All").AssertNoErrors();
            Assert.Equal(ComposePsAll(p), ps.Output.Select(o => (string)Prop(o, "Name")).OrderBy(n => n, System.StringComparer.Ordinal));
        }

        private static string RestartPolicy(string container) =>
            Inspect(container).GetProperty("HostConfig").GetProperty("RestartPolicy").GetProperty("Name").GetString();

        [EngineFact]
        public void Run_StartsOnlyTheDependencies_LikeCompose()
        {
            using var ours = New();
            using var theirs = New();
            Compose(theirs, null, "run", "--rm", "-T", "web", "true").Check();
            ours.Ps("Invoke-ComposeRun -Path $dir -ProjectName $p -Remove web -- true").AssertNoErrors();
            // db (web's dependency) runs; web's own container and the unrelated worker are not created.
            Assert.Equal(new[] { theirs.Name + "-db-1" }, LifecycleProject.ContainersOf(theirs.Name));
            Assert.Equal(new[] { ours.Name + "-db-1" }, LifecycleProject.ContainersOf(ours.Name));
            Assert.Equal("running", LifecycleProject.Status(ours.Name + "-db-1"));
        }

        [EngineFact]
        public void Run_NoDeps_StartsNothingElse()
        {
            using var p = New();
            p.Ps("Invoke-ComposeRun -Path $dir -ProjectName $p -Remove -NoDeps web -- true").AssertNoErrors();
            Assert.Empty(LifecycleProject.ContainersOf(p.Name));
        }

        [EngineFact]
        public void Run_OutputAndExitCode_LikeCompose_AndRemoveLeavesNoOneOff()
        {
            using var p = New();
            const string script = "echo hi; echo err >&2; exit 4";
            Docker.Result compose = Compose(p, null, "run", "--rm", "-T", "web", "sh", "-c", script);
            Assert.Equal(4, compose.ExitCode);

            int code = ExitCodeOf(p, $"Invoke-ComposeRun -Path $dir -ProjectName $p web -Remove -PassThru -- sh -c '{script}'", out RunResult r);
            Assert.Equal(4, code);
            Assert.Equal(compose.Stdout.TrimEnd('\n').Split('\n'), Strings(r));
            Assert.Equal("err", Assert.Single(r.Information, i => i.Tags.Contains("StdErr")).MessageData);
            ErrorRecord error = SingleError(r, "ContainerExitedNonZero");
            Assert.Equal(4L, ExitCodeOf(error));
            PSObject result = Assert.Single(OfType(r, "PSCompose.ComposeRunResult"));
            Assert.Equal(4L, Prop(result, "ExitCode"));
            Assert.True((bool)Prop(result, "Removed"));
            Assert.Equal(error.TargetObject, Prop(result, "ContainerName"));
            Assert.Equal(new[] { p.Name + "-db-1" }, LifecycleProject.ContainersOf(p.Name));
        }

        [EngineFact]
        public void Run_WithoutRemove_KeepsTheExitedOneOff_LikeCompose()
        {
            using var p = New();
            Compose(p, null, "run", "-T", "--no-deps", "web", "true").Check();
            p.Ps("Invoke-ComposeRun -Path $dir -ProjectName $p -NoDeps web -- true").AssertNoErrors();
            List<string> oneOffs = ComposePsAll(p);
            Assert.Equal(2, oneOffs.Count);
            Assert.All(oneOffs, n => Assert.Equal("exited", LifecycleProject.Status(n)));
        }

        [EngineFact]
        public void Run_PipelineInput_IsStdin_LikeCompose()
        {
            using var p = New();
            Docker.Result compose = Compose(p, "text\nsecond\n", "run", "--rm", "-T", "--no-deps", "web", "cat");
            Assert.Equal("text\nsecond\n", compose.Stdout);
            RunResult r = p.Ps("'text', 'second' | Invoke-ComposeRun -Path $dir -ProjectName $p -Remove -NoDeps web -- cat").AssertNoErrors();
            Assert.Equal(new[] { "text", "second" }, Strings(r));
            // Without pipeline input the one-off has no stdin: cat ends at once.
            Assert.Empty(p.Ps("Invoke-ComposeRun -Path $dir -ProjectName $p -Remove -NoDeps web -- cat").AssertNoErrors().Output);
        }

        [EngineFact]
        public void Run_MissingExecutable_IsExitOne_LikeCompose_AndLeavesNoOneOff()
        {
            using var p = New();
            Docker.Result compose = Compose(p, null, "run", "--rm", "-T", "--no-deps", "web", "nosuchbinary");
            Assert.Equal(1, compose.ExitCode);
            Docker.ComposeDownQuietly(p.Name);

            int code = ExitCodeOf(p, "Invoke-ComposeRun -Path $dir -ProjectName $p -NoDeps web -- nosuchbinary", out RunResult r);
            Assert.Equal(1, code);
            ErrorRecord error = SingleError(r, "StartContainerFailed");
            Assert.Contains("executable file not found", error.Exception.Message);
            Assert.Empty(LifecycleProject.ContainersOf(p.Name));
        }

        [EngineFact]
        public void Run_UnknownService_IsServiceNotFound_AndCreatesNothing()
        {
            using var p = New();
            Docker.Result compose = Compose(p, null, "run", "--rm", "-T", "nosuch", "true");
            Assert.Equal(1, compose.ExitCode);
            Assert.Equal("no such service: nosuch", compose.Stderr.Trim());

            int code = ExitCodeOf(p, "Invoke-ComposeRun -Path $dir -ProjectName $p -Remove nosuch -- true", out RunResult r);
            Assert.Equal(1, code);
            ErrorRecord error = SingleError(r, "ComposeServiceNotFound");
            Assert.Equal(compose.Stderr.Trim(), error.Exception.Message);
            Assert.Empty(LifecycleProject.ContainersOf(p.Name));
            Assert.Empty(LifecycleProject.NetworksOf(p.Name));
        }

        [EngineFact]
        public void Run_ServicePortsAndPublish_AreIncompatible()
        {
            using var p = New();
            RunResult r = p.Ps("Invoke-ComposeRun -Path $dir -ProjectName $p -ServicePorts -Publish 8080 web -- true");
            Assert.Equal(ErrorCategory.InvalidArgument, SingleError(r, "ParameterConflict").CategoryInfo.Category);
            Assert.Empty(LifecycleProject.ContainersOf(p.Name));
        }

        [EngineFact]
        public void Run_Overrides_ReachTheContainer()
        {
            using var p = New();
            RunResult r = p.Ps("Invoke-ComposeRun -Path $dir -ProjectName $p -NoDeps -Detach -ContainerName \"$p-custom\" -Environment @{ A = 'x' } " +
                "-Label @{ extra = 'yes' } -User 1234 -WorkingDirectory /tmp -Publish '127.0.0.1::8081' -Volume './data:/data' -UseAliases web -- sleep 60").AssertNoErrors();
            JsonElement inspect = Inspect(p.Name + "-custom");
            JsonElement config = inspect.GetProperty("Config");
            Assert.Contains("A=x", config.GetProperty("Env").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal("yes", config.GetProperty("Labels").GetProperty("extra").GetString());
            Assert.Equal("1234", config.GetProperty("User").GetString());
            Assert.Equal("/tmp", config.GetProperty("WorkingDir").GetString());
            Assert.Equal("127.0.0.1", inspect.GetProperty("HostConfig").GetProperty("PortBindings").GetProperty("8081/tcp")[0].GetProperty("HostIp").GetString());
            Assert.Contains(inspect.GetProperty("Mounts").EnumerateArray(), m => m.GetProperty("Destination").GetString() == "/data"
                && m.GetProperty("Source").GetString() == System.IO.Path.Combine(p.Directory, "data"));
            JsonElement aliases = inspect.GetProperty("NetworkSettings").GetProperty("Networks").GetProperty(p.Name + "_default").GetProperty("Aliases");
            Assert.Contains("web", aliases.EnumerateArray().Select(a => a.GetString()));
        }

        [EngineFact]
        public void Down_RemovesExitedOneOffsOfEitherTool_OnlyWithRemoveOrphans_AndLeavesRunningOnes_LikeCompose()
        {
            using var p = New();
            Compose(p, null, "run", "-T", "--no-deps", "web", "true").Check();
            p.Ps("Invoke-ComposeRun -Path $dir -ProjectName $p -NoDeps web -- true").AssertNoErrors();
            p.Ps("Invoke-ComposeRun -Path $dir -ProjectName $p -NoDeps -Detach web -- sleep 60").AssertNoErrors();
            string running = ComposePsAll(p).Single(n => LifecycleProject.Status(n) == "running");
            Assert.Equal(3, ComposePsAll(p).Count);

            p.Ps("Invoke-ComposeDown -Path $dir -ProjectName $p -Timeout 0");
            Assert.Equal(3, LifecycleProject.ContainersOf(p.Name).Count);
            p.Ps("Invoke-ComposeDown -Path $dir -ProjectName $p -RemoveOrphans -Timeout 0");
            // docker compose 2.40.3 down --remove-orphans removes exited one-offs and leaves running ones.
            Assert.Equal(new[] { running }, LifecycleProject.ContainersOf(p.Name));

            Docker.Run("stop", "-t", "0", running).Check();
            Compose(p, null, "run", "-d", "--no-deps", "web", "sleep", "60").Check();
            string theirsRunning = ComposePsAll(p).Single(n => LifecycleProject.Status(n) == "running");
            p.Compose("down", "--remove-orphans", "-t", "0");
            Assert.Equal(new[] { theirsRunning }, LifecycleProject.ContainersOf(p.Name));
        }
    }
}
