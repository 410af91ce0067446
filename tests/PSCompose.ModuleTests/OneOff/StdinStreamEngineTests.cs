using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;
using Xunit;
using static PSCompose.ModuleTests.OneOff.OneOffProject;

namespace PSCompose.ModuleTests.OneOff
{
    /// <summary>
    /// Pipeline input to Invoke-ComposeExec and Invoke-ComposeRun is the command's stdin as it arrives, with
    /// back-pressure, side by side with docker compose exec -T / run -T fed the same way.
    /// </summary>
    public class StdinStreamEngineTests
    {
        private static readonly string Service = "services:\n" + $"  web:\n    image: {Busybox}\n    command: {Sleeper}\n";

        /// <summary>Prints each line it reads after the moment it read it (seconds since boot, in hundredths).</summary>
        private const string Stamp = "while read l; do echo \"$(cut -d' ' -f1 /proc/uptime) $l\"; done";

        private const int Lines = 5;

        private static void Slowly(System.IO.StreamWriter stdin)
        {
            foreach (int i in Enumerable.Range(1, Lines))
            {
                stdin.Write(i + "\n");
                stdin.Flush();
                Thread.Sleep(1000);
            }
        }

        /// <summary>
        /// Seconds between the command reading the last line and the one before (0 when it got them all at once). The
        /// first lines may come together, piped before the command started; the last ones are a second apart.
        /// </summary>
        private static double LastGap(IEnumerable<string> lines)
        {
            List<double> read = lines.Select(l => double.Parse(l.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            return read[read.Count - 1] - read[read.Count - 2];
        }

        [EngineFact]
        public void ExecAndRun_LinesPipedOneASecond_ReachTheCommandOneASecond_LikeCompose()
        {
            using var p = New(Service).Up();
            var compose = ComposeFed(p, Slowly, "exec", "-T", "web", "sh", "-c", Stamp).Result.Check();
            Assert.True(LastGap(compose.Stdout.TrimEnd('\n').Split('\n')) >= 0.5, compose.Stdout);

            const string slowly = "1..5 | ForEach-Object { $_; [Threading.Thread]::Sleep(1000) } | ";
            List<string> exec = Strings(p.Ps(slowly + "Invoke-ComposeExec -Path $dir -ProjectName $p web -- sh -c '" + Stamp.Replace("'", "''") + "'").AssertNoErrors());
            Assert.Equal(new[] { "1", "2", "3", "4", "5" }, exec.Select(l => l.Split(' ')[1]));
            Assert.True(LastGap(exec) >= 0.5, string.Join("\n", exec));

            var composeRun = ComposeFed(p, Slowly, "run", "--rm", "-T", "web", "sh", "-c", Stamp).Result.Check();
            Assert.True(LastGap(composeRun.Stdout.TrimEnd('\n').Split('\n')) >= 0.5, composeRun.Stdout);
            List<string> run = Strings(p.Ps(slowly + "Invoke-ComposeRun -Path $dir -ProjectName $p -Remove web -- sh -c '" + Stamp.Replace("'", "''") + "'").AssertNoErrors());
            Assert.Equal(new[] { "1", "2", "3", "4", "5" }, run.Select(l => l.Split(' ')[1]));
            Assert.True(LastGap(run) >= 0.5, string.Join("\n", run));
        }

        /// <summary>
        /// 8 MB for a command that starts reading after 3 s: the producer upstream can finish only once the command
        /// has read most of it (what waits in between is about a megabyte), and every byte arrives.
        /// </summary>
        [EngineFact]
        public void Exec_ACommandReadingLate_HoldsBackTheProducer_AndGetsEveryByte()
        {
            using var p = New(Service).Up();
            const int lines = 8000;
            string script =
                "$clock = [Diagnostics.Stopwatch]::StartNew()\n" +
                "$out = & { foreach ($i in 1.." + lines + ") { 'x' * 1000 }; $global:producedAfter = $clock.Elapsed } | " +
                "Invoke-ComposeExec -Path $dir -ProjectName $p web -- sh -c 'sleep 3; wc -c'\n" +
                "[pscustomobject]@{ Count = [long]$out.Trim(); ProducedAfter = $global:producedAfter.TotalSeconds }";
            RunResult r = p.Ps(script).AssertNoErrors();
            Assert.Equal((long)lines * 1001, Convert.ToInt64(Prop(r.Output.Last(), "Count")));
            double producedAfter = Convert.ToDouble(Prop(r.Output.Last(), "ProducedAfter"));
            Assert.True(producedAfter >= 2.5, $"the producer finished after {producedAfter:0.00} s, before the command began to read (3 s)");
        }
    

        /// <summary>
        /// 5 MB piped to a command that exits without reading it: the exit code (0 or 3) comes back, in $LASTEXITCODE
        /// and the -PassThru result, with no error but the exit's own; the rest of the input is dropped. It used to
        /// stall until the engine broke the connection (53 s and more) and fail with "Broken pipe". The bound is loose
        /// for a loaded machine: what remains of the input still passes through the pipeline.
        /// </summary>
        [EngineFact]
        public void ExecAndRun_ACommandExitingWithoutReadingItsInput_EndsAtOnce_WithItsExitCode_LikeCompose()
        {
            using var p = New(Service).Up();
            string file = System.IO.Path.Combine(p.Directory, "5mb.txt");
            System.IO.File.WriteAllText(file, string.Concat(Enumerable.Repeat(new string('x', 999) + "\n", 5_000)));
            var bound = TimeSpan.FromSeconds(30);
            foreach ((string verb, string ours, string[] reference) in new[]
            {
                ("exec", "Invoke-ComposeExec -Path $dir -ProjectName $p web", new[] { "exec", "-T", "web" }),
                ("run", "Invoke-ComposeRun -Path $dir -ProjectName $p -Remove web", new[] { "run", "--rm", "-T", "web" }),
            })
            {
                foreach ((string[] command, int code) in new[] { (new[] { "true" }, 0), (new[] { "sh", "-c", "exit 3" }, 3) })
                {
                    var (compose, composeTook) = ComposeFed(p, w => w.Write(System.IO.File.ReadAllText(file)), reference.Concat(command).ToArray());
                    Assert.Equal(code, compose.ExitCode);
                    Assert.True(composeTook < bound, $"docker compose {verb} took {composeTook}");

                    string script = "$clock = [Diagnostics.Stopwatch]::StartNew()\n" +
                        $"$result = [IO.File]::ReadLines($file) | {ours} -PassThru -- {string.Join(" ", command.Select(c => "'" + c + "'"))}\n" +
                        "[pscustomobject]@{ Exit = $LASTEXITCODE; Took = $clock.Elapsed; Result = $result.ExitCode }";
                    RunResult r = PowerShellRunner.Run(script, new Dictionary<string, object> { ["dir"] = p.Directory, ["p"] = p.Name, ["file"] = file });
                    PSObject outcome = r.Output.Last();
                    Assert.Equal(code, Convert.ToInt32(Prop(outcome, "Exit")));
                    Assert.Equal((long)code, Convert.ToInt64(Prop(outcome, "Result")));
                    TimeSpan took = (TimeSpan)Prop(outcome, "Took");
                    Assert.True(took < bound, $"Invoke-Compose{verb} {string.Join(" ", command)} took {took}");
                    if (code == 0) r.AssertNoErrors();
                    else Assert.Equal(code, ExitCodeOf(SingleError(r, "ContainerExitedNonZero")));
                }
            }
        }
    }
}
