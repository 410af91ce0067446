using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PSCompose.Testing;
using Xunit;
using Xunit.Abstractions;

namespace PSCompose.ModuleTests.Up
{
    /// <summary>
    /// Two ups started at the same moment (a barrier file) recreate the same running project, trial after trial:
    /// the project must end with the right containers running, or a run fails with a clear error and one rerun
    /// converges. Never a vanished service after our ups (a failing docker compose may stop one: then the rerun mends it).
    /// The per-trial counts go to the test output.
    /// </summary>
    public class ConcurrentUpEngineTests
    {
        private const int Trials = 5;

        private readonly ITestOutputHelper output;

        public ConcurrentUpEngineTests(ITestOutputHelper output) => this.output = output;

        /// <summary>3 services, web scaled to 3: 5 containers; every trial changes the environment, so all 5 are recreated.</summary>
        private static string Project(int trial) =>
            "services:\n" +
            $"  db:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n    environment: {{TRIAL: \"{trial}\"}}\n" +
            $"  web:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n    environment: {{TRIAL: \"{trial}\"}}\n    scale: 3\n    depends_on: [db]\n" +
            $"  worker:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n    environment: {{TRIAL: \"{trial}\"}}\n";

        [EngineFact]
        public void TwoInvokeComposeUpProcesses_RecreatingTheSameProject_Converge()
        {
            RunTrials("PSCompose x PSCompose", (p, sync) => new[] { UpLoopProcess.Start(p, sync, "a", Trials), UpLoopProcess.Start(p, sync, "b", Trials) }, null);
        }

        [EngineFact]
        public void InvokeComposeUp_RacingDockerComposeUp_Converges()
        {
            RunTrials("PSCompose x docker compose", (p, sync) => new[] { UpLoopProcess.Start(p, sync, "a", Trials) },
                p => Task.Run(() => p.Compose("up", "-d")));
        }

        private void RunTrials(string title, Func<UpProject, string, UpLoopProcess[]> start, Func<UpProject, Task<Docker.Result>> reference)
        {
            using var p = new UpProject("psc-safety-race");
            string sync = Path.Combine(p.Directory, "sync");
            Directory.CreateDirectory(sync);
            p.WriteCompose(Project(0));
            p.Compose("up", "-d").Check();
            Assert.Equal((5, 5, 0), Converged(p, 0));

            int convergedAtOnce = 0, convergedAfterRerun = 0;
            UpLoopProcess[] loops = start(p, sync);
            try
            {
                for (int trial = 1; trial <= Trials; trial++)
                {
                    p.WriteCompose(Project(trial));
                    UpLoopProcess.Go(sync, trial);
                    Task<Docker.Result> composeRun = reference?.Invoke(p);
                    var failures = loops.Select(l => l.Errors(trial)).Where(e => e.Length > 0).ToList();
                    Docker.Result composeResult = composeRun?.GetAwaiter().GetResult();
                    bool composeFailed = composeResult != null && composeResult.ExitCode != 0;
                    if (composeFailed)
                        failures.Add(new[] { "docker compose: " + composeResult.Stderr.Trim().Split('\n').Last() });

                    var (running, right, extra) = Converged(p, trial);
                    string line = $"{title} trial {trial}: after the race {running}/5 running, {right}/5 with the new config, {extra} other(s), {failures.Count} run(s) reported errors";
                    foreach (string error in failures.SelectMany(f => f)) line += "\n    " + error;
                    foreach (string warning in loops.SelectMany(l => l.Warnings(trial))) line += "\n    " + warning;
                    if (!(running == 5 && right == 5 && extra == 0)) line += "\n    containers: " + Describe(p);
                    // Never a vanished service: whatever our ups met, every replica is still there and running. A failing
                    // docker compose cancels its other recreates midway and may leave an old container stopped beside its
                    // replacement under the temporary name: that is Compose's doing, which one rerun of ours must mend.
                    if (!composeFailed) Assert.True(running == 5, line);
                    if (right == 5 && extra == 0)
                    {
                        convergedAtOnce++;
                    }
                    else
                    {
                        Assert.True(failures.Count > 0, line + ", but no run reported an error");
                        p.PsUp().AssertNoErrors();
                        var (_, afterRerun, extraAfterRerun) = Converged(p, trial);
                        line += $"\n    after one rerun {afterRerun}/5 with the new config, {extraAfterRerun} other(s)";
                        Assert.True(afterRerun == 5 && extraAfterRerun == 0, line);
                        convergedAfterRerun++;
                    }
                    output.WriteLine(line);
                }
            }
            finally
            {
                foreach (UpLoopProcess loop in loops) loop.Dispose();
            }
            output.WriteLine($"[trials] concurrent ups, {title}: {Trials} trials, {convergedAtOnce} converged at once, {convergedAfterRerun} after one rerun");
        }

        private static string Describe(UpProject p) =>
            Docker.Run("ps", "-a", "--filter", "label=com.docker.compose.project=" + p.Name, "--format", "{{.Names}} {{.ID}} {{.State}}").Stdout
                .Trim().Replace("\n", "; ");

        /// <summary>Of the 5 expected containers: how many run, how many run the trial's config; how many other containers the project has.</summary>
        private static (int Running, int Right, int Extra) Converged(UpProject p, int trial)
        {
            Dictionary<string, string> ids = p.ContainerIds();
            var expected = new[] { "db-1", "web-1", "web-2", "web-3", "worker-1" }.Select(s => $"{p.Name}-{s}").ToList();
            int extra = ids.Keys.Except(expected).Count();
            int running = 0, right = 0;
            foreach (string name in expected.Where(ids.ContainsKey))
            {
                var inspect = UpProject.Inspect(ids[name]);
                if (!inspect.GetProperty("State").GetProperty("Running").GetBoolean()) continue;
                running++;
                if (inspect.GetProperty("Config").GetProperty("Env").EnumerateArray().Any(e => e.GetString() == "TRIAL=" + trial)) right++;
            }
            return (running, right, extra);
        }
    }
}
