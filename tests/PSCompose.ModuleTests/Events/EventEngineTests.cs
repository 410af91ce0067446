using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Events
{
    /// <summary>Get-ComposeEvent against the real engine, compared with what the reference `docker compose events --json` prints.</summary>
    public class EventEngineTests
    {
        private const string Sleeper = LifecycleProject.Sleeper;

        /// <summary>web: healthchecked every second; job: exits 3 after a second.</summary>
        private static readonly string Yaml =
            "services:\n" +
            $"  web:\n    image: {LifecycleProject.Busybox}\n    command: {Sleeper}\n" +
            "    healthcheck: {test: [\"CMD\", \"true\"], interval: 1s}\n" +
            "    labels: {org.example.team: shop}\n" +
            $"  job:\n    image: {LifecycleProject.Busybox}\n    command: [\"sh\", \"-c\", \"sleep 1; exit 3\"]\n";

        private static LifecycleProject NewProject(string yaml = null) =>
            new LifecycleProject(yaml ?? Yaml, "events-" + Guid.NewGuid().ToString("N").Substring(0, 10));

        private static void WaitFor(Func<bool> condition, string what, int seconds = 30)
        {
            DateTime deadline = DateTime.UtcNow.AddSeconds(seconds);
            while (!condition())
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException("waited in vain for " + what);
                Thread.Sleep(100);
            }
        }

        [EngineFact]
        public void Follow_DuringAnUp_SeesExactlyWhatComposeEventsJsonPrints()
        {
            using LifecycleProject p = NewProject();
            string since = ComposeEventJson.UnixText(DateTimeOffset.UtcNow.AddSeconds(-1));
            using var reference = new BackgroundProcess(p.Directory, "compose", "-p", p.Name, "events", "--json", "--since", since);
            // Real pwsh, where ConvertTo-Json is the one users have.
            using var ours = BackgroundProcess.Pwsh($"Get-ComposeEvent -ProjectName {p.Name} -Follow -Since {since} | ForEach-Object {{ $_ | ConvertTo-Json -Compress }}");

            p.Up();
            p.Compose("run", "--rm", "job", "true").Check(); // a one-off: Compose shows none of its events
            List<string> Theirs() => reference.Lines.Select(ComposeEventJson.FromCompose).ToList();
            List<string> Ours() => ours.Lines.Select(ComposeEventJson.FromOurs).ToList();
            string DieOfJob(List<string> keys) => keys.FirstOrDefault(k => k.StartsWith("die|") && k.Contains("|job|"));
            string Healthy(List<string> keys) => keys.FirstOrDefault(k => k.StartsWith("health_status: healthy|"));
            WaitFor(() => DieOfJob(Theirs()) != null && Healthy(Theirs()) != null, "compose to report job's exit and web's health");
            long cut = Math.Max(ComposeEventJson.TimeOf(DieOfJob(Theirs())), ComposeEventJson.TimeOf(Healthy(Theirs())));
            // Healthchecks go on producing exec events: once both have seen one after the cut, both saw all before it.
            WaitFor(() => Theirs().Any(k => ComposeEventJson.TimeOf(k) > cut) && Ours().Any(k => ComposeEventJson.TimeOf(k) > cut), "events after the cut");

            List<string> theirs = Theirs().Where(k => ComposeEventJson.TimeOf(k) <= cut).OrderBy(k => k, StringComparer.Ordinal).ToList();
            List<string> mine = Ours().Where(k => ComposeEventJson.TimeOf(k) <= cut).OrderBy(k => k, StringComparer.Ordinal).ToList();
            Assert.Equal(theirs, mine);
            Assert.Contains(mine, k => k.StartsWith("die|exitCode=3,image=" + LifecycleProject.Busybox + ",name=" + p.Container("job") + "|"));
            Assert.Contains(mine, k => k.StartsWith("health_status: healthy|") && k.Contains("org.example.team=shop"));
            Assert.DoesNotContain(mine, k => k.Contains("-run-"));
            Assert.DoesNotContain(mine, k => k.Contains("com.docker.compose."));
        }

        [EngineFact]
        public void WithoutFollow_ReturnsThePastUpToUntil_AsComposeEventsWithUntil()
        {
            using LifecycleProject p = NewProject();
            DateTimeOffset before = DateTimeOffset.UtcNow.AddSeconds(-1);
            p.Up();
            WaitFor(() => LifecycleProject.Status(p.Container("job")) == "exited", "job to exit");
            string since = ComposeEventJson.UnixText(before);
            string until = ComposeEventJson.UnixText(DateTimeOffset.UtcNow);
            string elsewhere = p.OtherDirectory();

            // -ProjectName alone, from a directory without a compose file; -Since/-Until as unix texts, as Compose takes them.
            using var all = BackgroundProcess.Pwsh($"Set-Location '{elsewhere}'; Get-ComposeEvent -ProjectName {p.Name} -Since {since} -Until {until} | ForEach-Object {{ $_ | ConvertTo-Json -Compress }}");
            Assert.Equal(0, all.WaitForExit(TimeSpan.FromSeconds(60)));
            // Not `docker compose events --until`: it ends with "EOF" (exit 1) and, racing that error against the
            // events still buffered, drops some of them. `docker events` prints them all; Compose's rules applied here.
            List<string> theirs = Docker.RunIn(elsewhere, null, "events", "--since", since, "--until", until, "--filter", "type=container",
                    "--filter", "label=com.docker.compose.project=" + p.Name, "--format", "{{json .}}").Check()
                .Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ComposeEventJson.FromEngine).Where(k => k != null)
                .OrderBy(k => k, StringComparer.Ordinal).ToList();
            List<string> mine = all.Lines.Select(ComposeEventJson.FromOurs).OrderBy(k => k, StringComparer.Ordinal).ToList();
            Assert.Equal(theirs, mine);
            Assert.Contains(mine, k => k.StartsWith("create|") && k.Contains("|web|"));
            Assert.Contains(mine, k => k.StartsWith("die|") && k.Contains("|job|"));

            // -Name: only that service, as `docker compose events job`; -Until cuts at that moment.
            string jobStarted = mine.Where(k => k.StartsWith("start|") && k.Contains("|job|")).Select(ComposeEventJson.TimeOf).Single().ToString();
            string untilStart = (long.Parse(jobStarted) / 1000000 / 1000.0).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
            RunResult job = PowerShellRunner.Run("Get-ComposeEvent -ProjectName $p -Name job -Since $since -Until $u",
                new Dictionary<string, object> { ["p"] = p.Name, ["since"] = since, ["u"] = untilStart }, elsewhere).AssertNoErrors();
            Assert.NotEmpty(job.Output);
            Assert.All(job.Output, o => Assert.Equal("job", o.Properties["Service"].Value));
            Assert.DoesNotContain(job.Output, o => (string)o.Properties["Action"].Value == "die");
        }

        [EngineFact]
        public void Follow_EndsPromptlyOnCtrlC()
        {
            using LifecycleProject p = NewProject();
            using var ours = new BackgroundScript("Get-ComposeEvent -ProjectName $p -Follow", new Dictionary<string, object> { ["p"] = p.Name });
            p.Up();
            WaitFor(() => ours.Output.Count > 0, "the first event");
            TimeSpan stopping = ours.Stop();
            Assert.True(stopping < TimeSpan.FromSeconds(3), $"Ctrl+C took {stopping}");
            Assert.True(ours.IsCompleted);
            Assert.Empty(ours.Errors);
            Assert.All(ours.Output, o => Assert.Equal("PSCompose.ComposeEvent", o.GetType().FullName));
        }

        [EngineFact]
        public void FollowWithUntil_EndsAtUntil()
        {
            using LifecycleProject p = NewProject();
            p.Up();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            RunResult r = p.Ps("Get-ComposeEvent -ProjectName $p -Follow -Since '1m' -Until ([DateTime]::Now.AddSeconds(3))").AssertNoErrors();
            Assert.InRange(clock.Elapsed.TotalSeconds, 2.5, 15);
            Assert.Contains(r.Output, o => (string)o.Properties["Action"].Value == "health_status");
        }

        [EngineFact]
        public void SinceAndUntil_TakeDateTimes_TimeSpans_AndDurations()
        {
            using LifecycleProject p = NewProject();
            p.Up();
            RunResult r = p.Ps(
                "$a = Get-ComposeEvent -Path $dir -ProjectName $p -Since ([DateTime]::Now.AddMinutes(-5)) -Until ([DateTime]::Now)\n" +
                "$b = Get-ComposeEvent -Path $dir -ProjectName $p -Since ([TimeSpan]::FromMinutes(5))\n" +
                "$c = Get-ComposeEvent -Path $dir -ProjectName $p -Since '5m' -Until '0s'\n" +
                "$d = Get-ComposeEvent -Path $dir -ProjectName $p -Since ([DateTime]::Now.AddMinutes(5))\n" +
                "@($a.Count, $b.Count, $c.Count, @($d).Count, @($a | Where-Object Action -eq create).Count)").AssertNoErrors();
            int[] counts = r.Output.Select(o => (int)o.BaseObject).ToArray();
            Assert.True(counts[0] >= 4, $"events in the last 5 minutes: {counts[0]}");
            Assert.True(counts[1] >= counts[0] && counts[2] >= counts[0], string.Join(",", counts));
            Assert.Equal(0, counts[3]); // a future -Since: nothing yet, and it ends
            Assert.Equal(2, counts[4]);

            RunResult inverted = p.Ps("Get-ComposeEvent -Path $dir -ProjectName $p -Since '1m' -Until '5m'");
            ErrorRecord error = Assert.Single(inverted.Errors);
            Assert.StartsWith("ParameterConflict,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        }

        [EngineFact]
        public void UnknownService_IsAnErrorWithAFile_AndNotCheckedWithProjectNameAlone()
        {
            using LifecycleProject p = NewProject();
            p.Up();
            RunResult withFile = p.Ps("Get-ComposeEvent -Path $dir -ProjectName $p -Name nosuch -Since '5m'");
            ErrorRecord error = Assert.Single(withFile.Errors);
            Assert.StartsWith("ComposeServiceNotFound,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("nosuch", error.TargetObject);
            Assert.Empty(withFile.Output);

            // docker compose -p X events nosuch: no check, nothing shown.
            RunResult labels = PowerShellRunner.Run("Get-ComposeEvent -ProjectName $p -Name nosuch -Since '5m'",
                new Dictionary<string, object> { ["p"] = p.Name }, p.OtherDirectory()).AssertNoErrors();
            Assert.Empty(labels.Output);
        }
    }
}
