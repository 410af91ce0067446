using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Logs
{
    /// <summary>
    /// Receive-ComposeLog without -Follow against the real engine, compared with the reference `docker compose logs`
    /// for the same containers.
    /// </summary>
    public class ReceiveLogEngineTests
    {
        private const string Busybox = LifecycleProject.Busybox;

        /// <summary>
        /// big: 1 MiB without a newline; mixed: 20 stdout and 20 stderr lines interleaved; tty: a TTY container;
        /// hidden: attach: false; nolog: logging driver none.
        /// </summary>
        private static readonly string Streams =
            "services:\n" +
            $"  big:\n    image: {Busybox}\n    command: [\"sh\", \"-c\", \"head -c 1048576 /dev/zero | tr '\\\\0' x\"]\n" +
            $"  mixed:\n    image: {Busybox}\n    command: [\"sh\", \"-c\", \"for i in $$(seq 1 20); do echo out$$i; echo err$$i >&2; done\"]\n" +
            $"  tty:\n    image: {Busybox}\n    tty: true\n    command: [\"sh\", \"-c\", \"echo tty-out; echo tty-two\"]\n" +
            $"  hidden:\n    image: {Busybox}\n    attach: false\n    command: [\"echo\", \"hidden-line\"]\n" +
            $"  nolog:\n    image: {Busybox}\n    logging: {{ driver: none }}\n    command: [\"echo\", \"lost\"]\n";

        private static LifecycleProject Exited(string yaml)
        {
            var p = new LifecycleProject(yaml).Up();
            p.Compose("wait", "big", "mixed", "tty", "hidden", "nolog");
            return p;
        }

        private static List<(string Service, string Stream, string Line)> Records(RunResult r) =>
            r.Output.Select(o => ((string)o.Properties["Service"].Value, o.Properties["Stream"].Value.ToString(), (string)o.Properties["Line"].Value)).ToList();

        private static List<string> Sorted(IEnumerable<string> lines) => lines.OrderBy(l => l, StringComparer.Ordinal).ToList();

        /// <summary>`docker compose -p P -f compose.yaml logs --no-color ARGS` lines (the file loaded, as -Path loads it).</summary>
        private static List<string> ReferenceLines(LifecycleProject p, params string[] args) =>
            ComposeLines(p, new[] { "-f", System.IO.Path.Combine(p.Directory, "compose.yaml"), "logs", "--no-color" }.Concat(args).ToArray());

        /// <summary>The lines of a reference run, the TTY's carriage returns removed.</summary>
        private static List<string> ComposeLines(LifecycleProject p, params string[] args) =>
            p.Compose(args).Check().Stdout.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();

        /// <summary>
        /// The prefix width depends on which names were seen before a line, so on the order across containers, which
        /// is not Compose's either: "web-1     | x" and "web-1  | x" both become "web-1 | x".
        /// </summary>
        private static List<string> Unpadded(IEnumerable<string> lines) =>
            Sorted(lines.Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"^(\S+) +\| ", "$1 | ")));

        [EngineFact]
        public void Records_KeepStreamsApart_JoinA1MiBLine_StripTtyCarriageReturns_AndSkipAttachFalse()
        {
            using LifecycleProject p = Exited(Streams);
            RunResult r = p.Ps("Receive-ComposeLog -Path $dir -ProjectName $p");
            r.AssertNoErrors();
            List<(string Service, string Stream, string Line)> records = Records(r);
            Assert.All(r.Output, o => Assert.Equal("PSCompose.ComposeLogRecord", o.BaseObject.GetType().FullName));

            // 1 MiB written without a newline: one record (Compose drops that final fragment altogether).
            var big = records.Where(x => x.Service == "big").ToList();
            Assert.Single(big);
            Assert.Equal(new string('x', 1048576), big[0].Line);
            Assert.DoesNotContain(ReferenceLines(p, "big"), l => l.Contains("xxxx"));

            // Interleaved stdout/stderr: each stream kept, in order within it.
            var mixed = records.Where(x => x.Service == "mixed").ToList();
            Assert.Equal(Enumerable.Range(1, 20).Select(i => "out" + i), mixed.Where(x => x.Stream == "Stdout").Select(x => x.Line));
            Assert.Equal(Enumerable.Range(1, 20).Select(i => "err" + i), mixed.Where(x => x.Stream == "Stderr").Select(x => x.Line));

            // A TTY: Stdout only, no carriage return (Compose keeps it: "tty-out\r").
            var tty = records.Where(x => x.Service == "tty").ToList();
            Assert.Equal(new[] { ("tty", "Stdout", "tty-out"), ("tty", "Stdout", "tty-two") }, tty);
            Assert.Contains("tty-1  | tty-out\r", p.Compose("logs", "--no-color", "tty").Check().Stdout.Split('\n'));
            Assert.Contains("tty-out", ReferenceLines(p, "--no-log-prefix", "tty"));

            // attach: false is skipped with a file loaded and no service named (Compose too), shown when named or
            // when no file is loaded (-ProjectName alone; Compose's -p alone).
            Assert.DoesNotContain(records, x => x.Service == "hidden");
            Assert.DoesNotContain(ReferenceLines(p), l => l.Contains("hidden-line"));
            Assert.Equal("hidden-line", Assert.Single(p.Ps("Receive-ComposeLog -Path $dir -ProjectName $p hidden").Output).Properties["Line"].Value);
            Assert.Contains(ComposeLines(p, "logs", "--no-color"), l => l.Contains("hidden-line"));
            Assert.Contains(p.Ps("Receive-ComposeLog -ProjectName $p", p.OtherDirectory()).Output, o => (string)o.Properties["Line"].Value == "hidden-line");

            // logging driver none: a warning naming the container, as Compose's, and the rest is read.
            WarningRecord warning = Assert.Single(r.Warnings);
            Assert.StartsWith($"Can't retrieve logs for \"{p.Container("nolog")}\": Error response from daemon: ", warning.Message);
            Assert.Contains("does not support reading", warning.Message);
        }

        [EngineFact]
        public void Differential_ServiceLinesEqualComposeNoLogPrefix_AndRawEqualsComposeNoColor()
        {
            using LifecycleProject p = Exited(Streams.Replace("    tty: true\n", "").Replace("head -c 1048576 /dev/zero | tr '\\\\0' x", "seq 1 3000"));
            RunResult r = p.Ps("Receive-ComposeLog -Path $dir -ProjectName $p").AssertNoErrors();
            foreach (string service in new[] { "big", "mixed", "tty" })
            {
                List<string> ours = Sorted(Records(r).Where(x => x.Service == service).Select(x => x.Line));
                Assert.Equal(Sorted(ReferenceLines(p, "--no-log-prefix", service)), ours);
                Assert.NotEmpty(ours);
            }
            // -Raw is Compose's text, line for line; only the order across containers may differ.
            List<string> raw = p.Ps("Receive-ComposeLog -Path $dir -ProjectName $p -Raw").AssertNoErrors().Output.Select(o => (string)o.BaseObject).ToList();
            Assert.Equal(Unpadded(ReferenceLines(p)), Unpadded(raw));
            // Lines of one container keep their order.
            List<string> reference = ReferenceLines(p, "big");
            Assert.Equal(Unpadded(reference), Unpadded(raw.Where(l => l.StartsWith("big-1", StringComparison.Ordinal))));
        }

        [EngineFact]
        public void Flags_TailSinceUntilIndexTimestampsNoLogPrefix_MatchCompose()
        {
            using var p = new LifecycleProject(
                "services:\n" +
                $"  web:\n    image: {Busybox}\n    scale: 2\n    command: [\"sh\", \"-c\", \"echo early-$$(hostname); sleep 2; echo late-$$(hostname); seq 1 5; sleep 600\"]\n" +
                $"  other:\n    image: {Busybox}\n    command: [\"sh\", \"-c\", \"echo other; sleep 600\"]\n").Up();
            string web2 = p.Container("web", 2);
            WaitForLine(p, web2, "5");
            WaitForLine(p, p.Container("web", 1), "5");

            RunResult tail = p.Ps("Receive-ComposeLog -Path $dir -ProjectName $p -Name web -Tail 2 -Raw").AssertNoErrors();
            Assert.Equal(Unpadded(ReferenceLines(p, "--tail", "2", "web")), Unpadded(tail.Output.Select(o => (string)o.BaseObject)));
            Assert.Equal(4, tail.Output.Count);
            Assert.Empty(p.Ps("Receive-ComposeLog -Path $dir -ProjectName $p -Tail 0").AssertNoErrors().Output);

            // The 'late' line's engine time splits the log: -Since keeps it and after, -Until the lines before.
            string lateStamp = Docker.Run("logs", "-t", web2).Check().Stdout.Split('\n').First(l => l.Contains(" late-")).Split(' ')[0];
            var at = new Dictionary<string, object> { ["dir"] = p.Directory, ["p"] = p.Name, ["t"] = lateStamp };
            RunResult since = PowerShellRunner.Run("Receive-ComposeLog -Path $dir -ProjectName $p -Index 2 -Name web -Since $t -NoLogPrefix -Raw", at).AssertNoErrors();
            Assert.Equal(ReferenceLines(p, "--index", "2", "--since", lateStamp, "--no-log-prefix", "web"), since.Output.Select(o => (string)o.BaseObject));
            Assert.Equal(6, since.Output.Count);
            // The engine's until is inclusive, to the nanosecond: Compose and PSCompose show 'late' too.
            RunResult until = PowerShellRunner.Run("Receive-ComposeLog -Path $dir -ProjectName $p -Index 2 -Name web -Until $t", at).AssertNoErrors();
            Assert.Equal(ReferenceLines(p, "--index", "2", "--until", lateStamp, "--no-log-prefix", "web"), until.Output.Select(o => (string)o.Properties["Line"].Value));
            Assert.Equal(2, until.Output.Count);
            // A DateTime a tick before 'late' leaves only 'early'.
            RunResult before = PowerShellRunner.Run("Receive-ComposeLog -Path $dir -ProjectName $p -Index 2 -Name web -Until ([DateTimeOffset]::Parse($t.Substring(0, 27) + 'Z').AddTicks(-1))", at).AssertNoErrors();
            Assert.Equal("early-", Assert.Single(before.Output).Properties["Line"].Value.ToString().Substring(0, 6));
            Assert.Equal(web2, until.Output[0].Properties["Container"].Value);
            Assert.Equal(2, until.Output[0].Properties["Number"].Value);
            // A Go duration counts back from now: nothing in the last 0 s... everything within the last hour.
            Assert.Equal(ReferenceLines(p, "--since", "1h").Count, p.Ps("Receive-ComposeLog -Path $dir -ProjectName $p -Since 1h").AssertNoErrors().Output.Count);

            // -Timestamps: the engine's time after the prefix, as `logs -t` (PSCompose keeps 100 ns: the last two digits are 00).
            List<string> stamped = p.Ps("Receive-ComposeLog -Path $dir -ProjectName $p -Name other -Timestamps -Raw").AssertNoErrors().Output.Select(o => (string)o.BaseObject).ToList();
            string refStamped = Assert.Single(ReferenceLines(p, "-t", "other"));
            Assert.Equal(refStamped.Substring(0, refStamped.IndexOf('Z') - 2) + "00" + refStamped.Substring(refStamped.IndexOf('Z')), Assert.Single(stamped));

            RunResult noIndex = p.Ps("Receive-ComposeLog -Path $dir -ProjectName $p -Name web -Index 3");
            ErrorRecord e = Assert.Single(noIndex.Errors);
            Assert.Equal("ServiceContainerNotFound,PSCompose.Cmdlets.ReceiveComposeLogCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
            Assert.Contains("service \"web\" is not running container #3", p.Compose("logs", "--index", "3", "web").Stderr);
            Assert.Equal("service \"web\" is not running container #3", e.Exception.Message);
            RunResult twoServices = p.Ps("Receive-ComposeLog -Path $dir -ProjectName $p -Index 1");
            Assert.Equal("ParameterConflict,PSCompose.Cmdlets.ReceiveComposeLogCommand", Assert.Single(twoServices.Errors).FullyQualifiedErrorId);
            Assert.Contains("--index requires one service to be selected", p.Compose("logs", "--index", "1").Stderr);
        }

        [EngineFact]
        public void BadSince_IsComposesMessage_AsTimeValueInvalid()
        {
            using var p = new LifecycleProject("services:\n" + $"  web:\n    image: {Busybox}\n    command: [\"echo\", \"hi\"]\n").Up();
            string reference = p.Compose("logs", "--since", "bogus").Stderr;
            RunResult r = p.Ps("Receive-ComposeLog -Path $dir -ProjectName $p -Since bogus");
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.Equal("TimeValueInvalid,PSCompose.Cmdlets.ReceiveComposeLogCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
            Assert.Equal("bogus", e.TargetObject);
            Assert.Equal("invalid value for \"since\": failed to parse value as time or duration: \"bogus\"", e.Exception.Message);
            Assert.Contains(e.Exception.Message, reference);
        }

        [EngineFact]
        public void ProjectNameAlone_AndPipedServicesAndContainers_SelectLikeCompose_PlusOneOffs()
        {
            using var p = new LifecycleProject(
                "services:\n" +
                $"  web:\n    image: {Busybox}\n    command: [\"sh\", \"-c\", \"seq 1 3; sleep 600\"]\n" +
                $"  worker:\n    image: {Busybox}\n    command: [\"sh\", \"-c\", \"echo working; sleep 600\"]\n").Up();
            WaitForLine(p, p.Container("web"), "3");
            WaitForLine(p, p.Container("worker"), "working");
            p.Compose("run", "--name", p.Name + "-oneoff", "worker", "echo", "one-off-line").Check();
            string elsewhere = p.OtherDirectory();

            // -ProjectName alone, from a folder without the compose file: every service, no one-off (as Compose).
            RunResult all = p.Ps("Receive-ComposeLog -ProjectName $p -Raw", elsewhere).AssertNoErrors();
            Assert.Equal(Unpadded(ComposeLines(p, "logs", "--no-color")), Unpadded(all.Output.Select(o => (string)o.BaseObject)));
            Assert.DoesNotContain(all.Output, o => ((string)o.BaseObject).Contains("one-off-line"));
            // Unknown services are not checked without a file (Compose prints nothing and succeeds).
            Assert.Empty(p.Ps("Receive-ComposeLog -ProjectName $p nosuch", elsewhere).AssertNoErrors().Output);
            Assert.Equal("ComposeServiceNotFound,PSCompose.Cmdlets.ReceiveComposeLogCommand",
                Assert.Single(p.Ps("Receive-ComposeLog -Path $dir -ProjectName $p nosuch").Errors).FullyQualifiedErrorId);

            RunResult piped = p.Ps("Get-ComposeService -ProjectName $p web | Receive-ComposeLog -Tail 1", elsewhere).AssertNoErrors();
            Assert.Equal("3", Assert.Single(piped.Output).Properties["Line"].Value);

            // A piped container selects that container, a one-off included (Compose cannot show those).
            RunResult oneOff = p.Ps("Get-ComposeContainer -ProjectName $p -All | Where-Object OneOff | Receive-ComposeLog", elsewhere).AssertNoErrors();
            PSObject line = Assert.Single(oneOff.Output);
            Assert.Equal("one-off-line", line.Properties["Line"].Value);
            Assert.Equal(p.Name + "-oneoff", line.Properties["Container"].Value);
        }

        internal static void WaitForLine(LifecycleProject p, string container, string line)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!Docker.Run("logs", container).Stdout.Split('\n').Contains(line))
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException($"{container} did not write {line}");
                System.Threading.Thread.Sleep(200);
            }
        }
    }
}
