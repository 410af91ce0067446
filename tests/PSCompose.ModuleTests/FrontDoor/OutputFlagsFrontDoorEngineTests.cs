using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.FrontDoor
{
    /// <summary>
    /// The flags that shape output, progress and stdin, against the reference `docker compose` on the same project:
    /// each prints what Compose prints, or has its PSCompose form (progress records, Verbose lines), or is refused.
    /// </summary>
    public class OutputFlagsFrontDoorEngineTests
    {
        private static FrontDoorProject Project() => FrontDoorProject.Empty(
            $"services:\n  app:\n    image: {LifecycleProject.Busybox}\n    command: [\"sh\", \"-c\", \"echo hello from app; trap 'exit 0' TERM; sleep 600 & wait\"]\n");

        private static List<string> Reference(FrontDoorProject p, params string[] args) => FrontDoorProject.Lines(p.Compose(args).Check().Stdout);

        [EngineFact]
        public void TextFlags_PrintWhatComposePrints()
        {
            using FrontDoorProject p = Project();
            p.Compose("up", "-d", "--wait").Check();

            // ps --no-trunc: the whole command; without it, cut to 20 characters.
            FrontDoorProject.AssertSameText(() => Reference(p, "ps", "--no-trunc"), () => p.Front("ps --no-trunc").Lines);
            Assert.NotEqual(Reference(p, "ps", "--no-trunc")[1], p.Front("ps").Lines[1]);
            // --ansi always: Compose's colour on the log prefix; --no-color takes it off; never and auto have none.
            foreach (string line in new[] { "--ansi always logs", "--ansi always logs --no-color", "--ansi never logs", "logs --no-color", "--ansi auto logs" })
            {
                List<string> reference = Reference(p, line.Split(' '));
                Assert.Equal(reference, p.Front(line).Lines);
                Assert.Equal(line == "--ansi always logs", reference[0].Contains('\u001b'));
            }
            // Accepted because they are PSCompose's behaviour: the same text as Compose's.
            foreach (string line in new[] { "--parallel=-1 ps", "--progress tty ps", "ps --orphans", "--dry-run ps" })
                FrontDoorProject.AssertSameText(() => Reference(p, line.Split(' ')), () => p.Front(line).Lines);
            FrontResult menu = p.Front("up -d --menu");
            Assert.True(menu.ExitCode == 0, menu.Run.ErrorText);

            // stats --no-trunc: whole container ids in the table pwsh prints (as Compose's --format {{.ID}} gives them).
            string id = p.Compose("stats", "--no-stream", "--no-trunc", "--format", "{{.ID}}").Check().Stdout.Trim();
            Assert.Matches("^[0-9a-f]{64}$", id);
            Assert.Contains(id, InPwsh(p, "stats --no-stream --no-trunc"));
            Assert.DoesNotContain(id, InPwsh(p, "stats --no-stream"));
        }

        /// <summary>What a user sees in pwsh (PowerShell's formatting of the objects) for Invoke-Compose -p NAME LINE.</summary>
        private static string InPwsh(FrontDoorProject p, string line)
        {
            var psi = Pwsh.StartInfo(new[] { "-NoProfile", "-Command",
                $"Import-Module '{RepoPaths.ModuleManifest}'; Set-Location '{p.Directory}'; Invoke-Compose -p {p.Name} {line} | Out-String -Width 400" });
            psi.RedirectStandardOutput = true;
            using var process = System.Diagnostics.Process.Start(psi);
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output;
        }

        [EngineFact]
        public void PipelineInput_IsTheStdinOfRunAndExec_UnlessRunDashIFalse()
        {
            using FrontDoorProject p = Project();
            p.Compose("up", "-d", "--wait").Check();
            foreach (string line in new[] { "run --rm -T app cat", "run --rm -T -i=false app cat", "exec -T app cat", "exec app cat" })
            {
                Docker.Result reference = p.ComposeWithInput("hi\nthere\n", line.Split(' '));
                FrontResult ours = p.PowerShell("'hi', 'there' | Invoke-Compose -p $p " + line);
                Assert.True(ours.Run.Errors.Count == 0, ours.Run.ErrorText);
                Assert.Equal(reference.ExitCode, ours.ExitCode);
                Assert.Equal(reference.Stdout.Replace("\r", "").TrimEnd('\n'), string.Join("\n", ours.Lines));
            }
        }

        [EngineFact]
        public void ProgressFlags_ShowNoProgress_OrALinePerOperation_AsCompose()
        {
            using FrontDoorProject p = Project();
            // Quiet: Compose prints nothing on stderr; PSCompose writes no progress record (and some without the flag).
            Assert.Equal("", p.Compose("--progress", "quiet", "up", "-d").Check().Stderr);
            p.Compose("down", "-t", "0").Check();
            FrontResult quiet = p.Front("--progress quiet up -d");
            Assert.True(quiet.ExitCode == 0, quiet.Run.ErrorText);
            Assert.Empty(quiet.Run.Progress);
            Assert.Equal(0, p.Front("down -t 0").ExitCode);
            Assert.NotEmpty(p.Front("up -d").Run.Progress);
            p.Compose("down", "-t", "0").Check();

            // Plain: Compose prints a line per step of each resource; PSCompose a Verbose line per step of each operation.
            List<string> plain = FrontDoorProject.Lines(p.Compose("--progress", "plain", "up", "-d").Check().Stderr);
            p.Compose("down", "-t", "0").Check();
            FrontResult lines = p.Front("--progress plain up -d");
            Assert.Empty(lines.Run.Progress);
            List<string> operations = lines.Run.Verbose.Select(v => v.Message).Where(m => m.EndsWith(": Started") || m.EndsWith(": Done")).ToList();
            Assert.Equal(plain.Count, operations.Count);

            // Values PSCompose cannot honour are refused before anything runs; Compose's own refusal is in its words.
            Docker.Result bogus = p.Compose("--progress", "bogus", "ps");
            FrontResult ours = p.Front("--progress bogus ps");
            Assert.Equal(FrontDoorProject.Lines(bogus.Stderr).Last(), Assert.Single(ours.Run.Errors).Exception.Message);
            Assert.Equal(bogus.ExitCode, ours.ExitCode);
            foreach (string line in new[] { "--progress json up -d", "--parallel 2 up -d", "--all-resources up -d", "up --menu", "ps --orphans=false" })
            {
                FrontResult refused = p.Front(line);
                Assert.StartsWith("FrontDoorUnsupported,", Assert.Single(refused.Run.Errors).FullyQualifiedErrorId);
                Assert.Equal(1, refused.ExitCode);
            }
        }
    }
}
