using System.Linq;
using System.Management.Automation;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;
using Xunit;
using static PSCompose.ModuleTests.OneOff.OneOffProject;

namespace PSCompose.ModuleTests.OneOff
{
    /// <summary>Invoke-ComposeExec against the real engine, side by side with docker compose exec -T on the same project.</summary>
    public class ExecEngineTests
    {
        private static readonly string Replicated =
            "services:\n" +
            $"  web:\n    image: {Busybox}\n    command: {Sleeper}\n    scale: 2\n";

        [EngineFact]
        public void Exec_ExitCode_IsLastExitCodeAndAnError_LikeCompose()
        {
            using var p = New(Replicated).Up();
            Assert.Equal(5, Compose(p, null, "exec", "-T", "web", "sh", "-c", "exit 5").ExitCode);

            int code = ExitCodeOf(p, "Invoke-ComposeExec -Path $dir -ProjectName $p web -- sh -c 'echo out; exit 5'", out RunResult r);
            Assert.Equal(5, code);
            Assert.Equal(new[] { "out" }, Strings(r));
            ErrorRecord error = SingleError(r, "ContainerExitedNonZero");
            Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
            Assert.Equal(5L, ExitCodeOf(error));
            Assert.Equal(p.Container("web"), error.TargetObject);
        }

        [EngineFact]
        public void Exec_ZeroExit_SetsLastExitCodeToZero_WithoutError()
        {
            using var p = New(Replicated).Up();
            int code = ExitCodeOf(p, "$global:LASTEXITCODE = 9; Invoke-ComposeExec -Path $dir -ProjectName $p web -- true", out RunResult r);
            r.AssertNoErrors();
            Assert.Equal(0, code);
        }

        [EngineFact]
        public void Exec_MissingExecutable_Is126_LikeCompose()
        {
            using var p = New(Replicated).Up();
            Docker.Result compose = Compose(p, null, "exec", "-T", "web", "nosuchbinary");
            Assert.Equal(126, compose.ExitCode);

            int code = ExitCodeOf(p, "Invoke-ComposeExec -Path $dir -ProjectName $p web -- nosuchbinary", out RunResult r);
            Assert.Equal(126, code);
            Assert.Equal(126L, ExitCodeOf(SingleError(r, "ContainerExitedNonZero")));
        }

        [EngineFact]
        public void Exec_PipelineInput_IsStdin_LikeCompose()
        {
            using var p = New(Replicated).Up();
            Docker.Result compose = Compose(p, "text\nsecond\n", "exec", "-T", "web", "cat");
            Assert.Equal("text\nsecond\n", compose.Stdout);

            RunResult r = p.Ps("'text', 'second' | Invoke-ComposeExec -Path $dir -ProjectName $p web -- cat").AssertNoErrors();
            Assert.Equal(compose.Stdout.TrimEnd('\n').Split('\n'), Strings(r));
            // Without pipeline input there is no stdin: cat ends at once instead of waiting.
            RunResult none = p.Ps("Invoke-ComposeExec -Path $dir -ProjectName $p web -- cat").AssertNoErrors();
            Assert.Empty(none.Output);
        }

        [EngineFact]
        public void Exec_StdErr_GoesToInformationTaggedStdErr_OrWhereStdErrSays()
        {
            using var p = New(Replicated).Up();
            const string command = "web -- sh -c 'echo out; echo err >&2'";
            RunResult r = p.Ps($"Invoke-ComposeExec -Path $dir -ProjectName $p {command}").AssertNoErrors();
            Assert.Equal(new[] { "out" }, Strings(r));
            InformationRecord info = Assert.Single(r.Information);
            Assert.Equal("err", info.MessageData);
            Assert.Contains("StdErr", info.Tags);

            RunResult merged = p.Ps($"Invoke-ComposeExec -Path $dir -ProjectName $p -StdErr Output {command}").AssertNoErrors();
            Assert.Equal(new[] { "err", "out" }, Strings(merged).OrderBy(s => s));

            RunResult errors = p.Ps($"Invoke-ComposeExec -Path $dir -ProjectName $p -StdErr Error {command}");
            Assert.Equal("err", SingleError(errors, "ContainerStdErr").Exception.Message);
            Assert.Equal(ErrorCategory.FromStdErr, errors.Errors[0].CategoryInfo.Category);
        }

        [EngineFact]
        public void Exec_Targets_ReplicaByNumber_ThenOneOffsLast_LikeCompose()
        {
            using var p = New(Replicated).Up();
            Compose(p, null, "run", "-d", "--name", p.Name + "-oneoff", "web").Check();
            string Hostname(string container) => Inspect(container).GetProperty("Config").GetProperty("Hostname").GetString();

            string ours = Strings(p.Ps("Invoke-ComposeExec -ProjectName $p web -- hostname").AssertNoErrors()).Single();
            Assert.Equal(Compose(p, null, "exec", "-T", "web", "hostname").Check().Stdout.Trim(), ours);
            Assert.Equal(Hostname(p.Container("web", 1)), ours);
            string second = Strings(p.Ps("Invoke-ComposeExec -ProjectName $p -Index 2 web -- hostname").AssertNoErrors()).Single();
            Assert.Equal(Hostname(p.Container("web", 2)), second);

            Docker.Run("stop", "-t", "0", p.Container("web", 1), p.Container("web", 2)).Check();
            string oneOff = Strings(p.Ps("Invoke-ComposeExec -ProjectName $p web -- hostname").AssertNoErrors()).Single();
            Assert.Equal(Compose(p, null, "exec", "-T", "web", "hostname").Check().Stdout.Trim(), oneOff);
            Assert.Equal(Hostname(p.Name + "-oneoff"), oneOff);
        }

        [EngineFact]
        public void Exec_OnAStoppedService_IsServiceNotRunning_LikeCompose()
        {
            using var p = New(Replicated).Up();
            p.Compose("stop", "-t", "0").Check();
            Docker.Result compose = Compose(p, null, "exec", "-T", "web", "true");
            Assert.Equal(1, compose.ExitCode);
            Assert.Equal("service \"web\" is not running", compose.Stderr.Trim());

            int code = ExitCodeOf(p, "Invoke-ComposeExec -Path $dir -ProjectName $p web -- true", out RunResult r);
            Assert.Equal(1, code);
            ErrorRecord error = SingleError(r, "ServiceNotRunning");
            Assert.Equal(compose.Stderr.Trim(), error.Exception.Message);
            Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
            Assert.Equal("web", error.TargetObject);

            p.Compose("start").Check();
            Docker.Result composeIndex = Compose(p, null, "exec", "-T", "--index", "3", "web", "true");
            RunResult index = p.Ps("Invoke-ComposeExec -ProjectName $p -Index 3 web -- true");
            Assert.Equal(composeIndex.Stderr.Trim(), SingleError(index, "ServiceNotRunning").Exception.Message);
        }

        [EngineFact]
        public void Exec_UnknownService_IsServiceNotRunning_LikeCompose()
        {
            using var p = New(Replicated).Up();
            Docker.Result compose = Compose(p, null, "exec", "-T", "nosuch", "true");
            RunResult r = p.Ps("Invoke-ComposeExec -Path $dir nosuch -- true");
            Assert.Equal(compose.Stderr.Trim(), SingleError(r, "ServiceNotRunning").Exception.Message);
        }

        [EngineFact]
        public void Exec_WithProjectNameFromAnotherDirectory_AndEnvironmentUserWorkdir()
        {
            using var p = New(Replicated).Up();
            string elsewhere = p.OtherDirectory();
            RunResult r = p.Ps("Invoke-ComposeExec -ProjectName $p -Environment @{ A = 'x y' } -User 1234 -WorkingDirectory /tmp web -- sh -c 'echo $A; id -u; pwd'", elsewhere)
                .AssertNoErrors();
            Assert.Equal(new[] { "x y", "1234", "/tmp" }, Strings(r));
        }

        [EngineFact]
        public void Exec_Detach_ReturnsAtOnce_WhileTheCommandRuns()
        {
            using var p = New(Replicated).Up();
            int code = ExitCodeOf(p, "Invoke-ComposeExec -ProjectName $p -Detach web -- sh -c 'sleep 1; touch /tmp/done; sleep 30'", out RunResult r);
            r.AssertNoErrors();
            Assert.Equal(0, code);
            Assert.Single(r.Output);
            Assert.NotEqual(0, Docker.Run("exec", p.Container("web"), "test", "-e", "/tmp/done").ExitCode);
            System.Threading.Thread.Sleep(2500);
            Assert.Equal(0, Docker.Run("exec", p.Container("web"), "test", "-e", "/tmp/done").ExitCode);
        }
    }
}
