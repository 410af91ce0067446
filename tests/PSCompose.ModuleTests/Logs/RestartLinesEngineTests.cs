using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PSCompose.ModuleTests.Attach;
using PSCompose.ModuleTests.Events;
using PSCompose.ModuleTests.Up;
using PSCompose.Testing;
using Xunit;
using Xunit.Abstractions;

namespace PSCompose.ModuleTests.Logs
{
    /// <summary>
    /// A container its restart policy starts twice more (on-failure:2): the exit and restart lines of docker compose up,
    /// Invoke-ComposeUp -Attach and Receive-ComposeLog -Follow for the same project, compared. Each exit reads its code
    /// from its die event (the engine's state says 0 once the container runs again) and no restart goes without a line.
    /// </summary>
    public class RestartLinesEngineTests
    {
        private readonly ITestOutputHelper output;

        public RestartLinesEngineTests(ITestOutputHelper output) => this.output = output;

        [EngineFact]
        public void ExitAndRestartLines_AreComposes_InAttachedUpAndInFollow()
        {
            using var p = new UpProject("psc-restart");
            // Each run waits for the gate file (so the follow can be under way before the first run goes on), then fails 1 s later.
            p.WriteCompose("services:\n" +
                $"  flaky:\n    image: {UpProject.Busybox}\n" +
                "    command: [\"sh\", \"-c\", \"echo waiting; until [ -f /gate/go ]; do sleep 0.1; done; echo run; sleep 1; exit 3\"]\n" +
                "    restart: on-failure:2\n    volumes: [\"./gate:/gate\"]\n");
            string gate = Path.Combine(p.Directory, "gate", "go");
            Directory.CreateDirectory(Path.GetDirectoryName(gate));
            File.WriteAllText(gate, "");

            Docker.Result reference = p.Compose("up");
            p.Compose("down", "-t", "0").Check();
            List<string> theirs = reference.Stdout.Split('\n').Select(l => l.Replace("\r", "").Replace("\u001b[K", ""))
                .Where(l => l.Contains(" exited with code ")).ToList();
            output.WriteLine("docker compose up: " + string.Join(" / ", theirs));
            Assert.Equal(new[] { "flaky-1 exited with code 3 (restarting)", "flaky-1 exited with code 3 (restarting)", "flaky-1 exited with code 3" }, theirs);

            AttachedRun attached = AttachedRun.Up(p, "");
            p.Compose("down", "-t", "0").Check();
            attached.Run.AssertNoErrors();
            Assert.Equal(theirs, attached.Status);
            Assert.Equal(new[] { "waiting", "run", "waiting", "run", "waiting", "run" }, attached.Lines.Select(l => l.Line));

            // The follow begins while the first run waits at the gate, and opens it once that run's first line came through.
            File.Delete(gate);
            p.Compose("up", "-d").Check();
            using var follow = new BackgroundScript("Receive-ComposeLog -Path $dir -ProjectName $p -Follow",
                new Dictionary<string, object> { ["dir"] = p.Directory, ["p"] = p.Name });
            Until(() => Lines(follow).Contains("waiting") || follow.IsCompleted, "the first line through the follow");
            File.WriteAllText(gate, "");
            Until(() => follow.IsCompleted, "the follow to end after the last run");
            Assert.Empty(follow.Errors);
            output.WriteLine("Receive-ComposeLog -Follow: " + string.Join(" / ", follow.Information));
            Assert.Equal(theirs, follow.Information);
            Assert.Equal(new[] { "waiting", "run", "waiting", "run", "waiting", "run" }, Lines(follow));
        }

        private static List<string> Lines(BackgroundScript follow) =>
            follow.Output.Select(o => PSObject.AsPSObject(o).Properties["Line"].Value?.ToString()).ToList();

        private static void Until(Func<bool> condition, string what)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!condition())
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("waited 60 s for " + what);
                System.Threading.Thread.Sleep(100);
            }
        }
    }
}
