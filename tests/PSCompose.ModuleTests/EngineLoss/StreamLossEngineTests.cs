using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Threading.Tasks;
using PSCompose.ModuleTests.Up;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.EngineLoss
{
    /// <summary>
    /// A connection broken in the middle of the engine's answer (an <see cref="EngineProxy"/> cuts it while the engine
    /// is still there) is EngineStreamLost naming the request, never "Cannot connect … Is the docker daemon running?":
    /// events, stats, wait, a one-off's attach, and the archive of a copy.
    /// </summary>
    public class StreamLossEngineTests
    {
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

        private static UpProject Project(string prefix)
        {
            var p = new UpProject(prefix);
            p.WriteCompose("services:\n" + $"  web:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n");
            return p;
        }

        /// <summary>Runs the command through a proxy that cuts the first request containing the fragment mid-answer; one error, EngineStreamLost.</summary>
        private static ErrorRecord CutMidAnswer(UpProject p, string command, string requestFragment, string cmdlet, long answeredBytes = 1)
        {
            using var proxy = new EngineProxy();
            Task<string> cut = proxy.CutMidAnswer(requestFragment, answeredBytes);
            Task<RunResult> run = Task.Run(() => PowerShellRunner.Run(
                "$env:DOCKER_HOST = $h; try { " + command + " } finally { $env:DOCKER_HOST = $null }",
                new Dictionary<string, object> { ["h"] = proxy.Host, ["dir"] = p.Directory, ["p"] = p.Name }));
            Assert.True(Task.WaitAny(new Task[] { cut, run }, Bound) == 0, "no cut: " + (run.IsCompleted ? run.Result.ErrorText : "timed out"));
            Assert.Contains(requestFragment, cut.Result);
            Assert.True(run.Wait(Bound), command + " did not end after its connection was cut");
            ErrorRecord e = Assert.Single(run.Result.Errors);
            Assert.Equal("EngineStreamLost,PSCompose.Cmdlets." + cmdlet, e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, e.CategoryInfo.Category);
            Assert.StartsWith("The connection to the Docker engine", e.Exception.Message);
            Assert.Contains("was lost while", e.Exception.Message);
            Assert.DoesNotContain("Cannot connect", e.Exception.Message);
            Assert.DoesNotContain("daemon running", e.Exception.Message);
            return e;
        }

        [EngineFact]
        public void EventsFollow_CutMidStream_IsEngineStreamLost()
        {
            using UpProject p = Project("psc-lost-events");
            ErrorRecord e = CutMidAnswer(p, "Get-ComposeEvent -Path $dir -ProjectName $p -Follow", "/events", "GetComposeEventCommand");
            Assert.Contains("GET /events", e.Exception.Message);
            Assert.StartsWith("tcp://127.0.0.1:", (string)e.TargetObject);
        }

        [EngineFact]
        public void StatsFollow_CutMidStream_IsEngineStreamLost()
        {
            using UpProject p = Project("psc-lost-stats");
            p.Compose("up", "-d").Check();
            ErrorRecord e = CutMidAnswer(p, "Get-ComposeStat -Path $dir -ProjectName $p -Follow", "/stats", "GetComposeStatCommand");
            Assert.Contains("/stats", e.Exception.Message);
        }

        [EngineFact]
        public void WaitForExit_CutWhileWaiting_IsEngineStreamLost()
        {
            using UpProject p = Project("psc-lost-wait");
            p.Compose("up", "-d").Check();
            ErrorRecord e = CutMidAnswer(p, "Wait-ComposeService -Path $dir -ProjectName $p", "/wait", "WaitComposeServiceCommand");
            Assert.Contains("/wait", e.Exception.Message);
        }

        [EngineFact]
        public void RunAttached_CutWhileTheOneOffRuns_IsEngineStreamLost()
        {
            using UpProject p = Project("psc-lost-attach");
            CutMidAnswer(p, "Invoke-ComposeRun -Path $dir -ProjectName $p -Remove web -- sh -c 'echo started; sleep 30'", "/attach", "InvokeComposeRunCommand");
        }

        [EngineFact]
        public void CopyFromContainer_CutMidArchive_IsEngineStreamLost()
        {
            using UpProject p = Project("psc-lost-cp");
            p.Compose("up", "-d").Check();
            p.Compose("exec", "-T", "web", "dd", "if=/dev/zero", "of=/big", "bs=1M", "count=64").Check();
            string target = Path.Combine(p.Directory, "big");
            ErrorRecord e = CutMidAnswer(p, $"Copy-ComposeItem -ProjectName $p web:/big '{target}'", "/archive", "CopyComposeItemCommand", answeredBytes: 1 << 20);
            Assert.Contains("GET /containers/", e.Exception.Message);
        }
    }
}
