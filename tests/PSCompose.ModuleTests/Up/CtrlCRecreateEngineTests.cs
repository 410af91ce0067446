using System;
using System.Collections.Generic;
using System.Linq;
using PSCompose.Testing;
using Xunit;
using Xunit.Abstractions;

namespace PSCompose.ModuleTests.Up
{
    /// <summary>
    /// Ctrl+C (PowerShell.Stop()) at each step of a recreate: every service ends running with exactly one container
    /// (the old one rolled back to, or the new one finished), and a rerun converges. Counts go to the test output.
    /// </summary>
    public class CtrlCRecreateEngineTests
    {
        private readonly ITestOutputHelper output;

        public CtrlCRecreateEngineTests(ITestOutputHelper output) => this.output = output;

        /// <summary>
        /// a exits at once on SIGTERM; b's PID 1 `sleep` ignores it, so its stop takes the 2 s grace period.
        /// Every trial changes the environment: both are recreated.
        /// </summary>
        private static string Project(int trial) =>
            "services:\n" +
            $"  a:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n    environment: {{TRIAL: \"{trial}\"}}\n" +
            $"  b:\n    image: {UpProject.Busybox}\n    command: [\"sleep\", \"600\"]\n    stop_grace_period: 2s\n    environment: {{TRIAL: \"{trial}\"}}\n";

        /// <summary>The verbose line (an operation of the recreate starting or ending) after which Stop() is called, plus a delay.</summary>
        private static readonly (string Trigger, int DelayMs)[] Moments =
        {
            ("CreateContainer (config hash changed): Started", 0),
            ("CreateContainer (config hash changed): Done", 0),
            ("StopContainer (replaced by", 0),
            ("StopContainer (replaced by", 700),
            ("RemoveContainer (replaced by", 0),
            ("RenameContainer (finalize recreate): Started", 0),
            ("StartContainer (start): Started", 0),
        };

        [EngineFact]
        public void CtrlC_AtEachStepOfARecreate_LeavesEveryServiceRunningOnce_AndARerunConverges()
        {
            using var p = new UpProject("psc-safety-ctrlc");
            p.WriteCompose(Project(0));
            p.PsUp("-Timeout 2").AssertNoErrors();
            int finished = 0, rolledBack = 0;
            for (int trial = 1; trial <= Moments.Length; trial++)
            {
                var (trigger, delay) = Moments[trial - 1];
                p.WriteCompose(Project(trial));
                TimeSpan took = StoppedUp.Run(p, "-Timeout 2", StoppedUp.AfterVerbose(trigger), delay, mustStillRun: false);

                var after = new List<string>();
                foreach (string service in new[] { "a", "b" })
                {
                    List<(string Name, bool Running, int Trial)> containers = Containers(p, service);
                    after.Add($"{service}: " + string.Join(", ", containers.Select(c => $"{c.Name} {(c.Running ? "running" : "not running")} trial {c.Trial}")));
                    Assert.True(containers.Count == 1 && containers[0].Running && containers[0].Name == $"{p.Name}-{service}-1",
                        $"trial {trial} (stop after '{trigger}' +{delay} ms): {string.Join("; ", after)}");
                    if (containers[0].Trial == trial) finished++; else rolledBack++;
                }
                output.WriteLine($"trial {trial}: Stop() after '{trigger}' +{delay} ms took {took.TotalSeconds:0.0} s; {string.Join("; ", after)}");

                p.PsUp("-Timeout 2").AssertNoErrors();
                foreach (string service in new[] { "a", "b" })
                {
                    var converged = Containers(p, service);
                    Assert.True(converged.Count == 1 && converged[0].Running && converged[0].Trial == trial, $"trial {trial}: the rerun did not converge {service}");
                }
            }
            output.WriteLine($"[trials] Ctrl+C during a recreate: {Moments.Length} interrupted recreates of 2 services: {finished} finished, {rolledBack} rolled back, 0 down");
        }

        private static List<(string Name, bool Running, int Trial)> Containers(UpProject p, string service) =>
            p.ContainerIds().Where(c => UpProject.Label(c.Value, "com.docker.compose.service") == service).Select(c =>
            {
                var inspect = UpProject.Inspect(c.Value);
                string env = inspect.GetProperty("Config").GetProperty("Env").EnumerateArray().Select(e => e.GetString()).First(e => e.StartsWith("TRIAL="));
                return (c.Key, inspect.GetProperty("State").GetProperty("Running").GetBoolean(), int.Parse(env.Substring("TRIAL=".Length)));
            }).ToList();
    }
}
