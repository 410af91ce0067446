using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Text.Json;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Runtime
{
    /// <summary>
    /// Get-ComposeProcess, Get-ComposePort, Get-ComposeImage and Get-ComposeStat next to docker compose top, port,
    /// images and stats on the same project, in the same test: equal as data (stats: the same containers and pids,
    /// numbers in range). Each also from another folder with -ProjectName alone.
    /// </summary>
    public class RuntimeInspectEngineTests : IClassFixture<InspectProject>
    {
        private readonly InspectProject fixture;

        public RuntimeInspectEngineTests(InspectProject fixture) => this.fixture = fixture;

        private LifecycleProject P => fixture.P;

        [EngineFact]
        public void GetComposeProcess_ListsWhatComposeTopLists_OneOffsIncluded()
        {
            List<string> reference = TopRows(P.Compose("top").Check().Stdout);
            Assert.Contains(reference, r => r.StartsWith("worker||"));   // the one-off: blank #
            Assert.Equal(reference, TopRows(P.Ps("Get-ComposeProcess -Path $dir -ProjectName $p").AssertNoErrors()));
            // From another folder, by project name only.
            Assert.Equal(reference, TopRows(P.Ps("Get-ComposeProcess -ProjectName $p", P.OtherDirectory()).AssertNoErrors()));
            Assert.Equal(TopRows(P.Compose("top", "web").Check().Stdout), TopRows(P.Ps("Get-ComposeProcess -Path $dir -ProjectName $p -Name web").AssertNoErrors()));

            PSObject row = P.Ps("Get-ComposeProcess -Path $dir -ProjectName $p -Name web").Output.First();
            Assert.Equal("PSCompose.ComposeProcess", row.BaseObject.GetType().FullName);
            Assert.IsType<int>(row.Properties["PID"].Value);
            Assert.Equal("UID", ((System.Collections.IDictionary)row.Properties["Fields"].Value).Keys.Cast<string>().First());
        }

        [EngineFact]
        public void GetComposePort_GivesWhatComposePortPrints_ForPortProtocolAndIndex()
        {
            Assert.Equal(Reference("port", "web", "80"), Ours("\"$(Get-ComposePort web 80 -Path $dir -ProjectName $p)\""));
            Assert.Equal(Reference("port", "--protocol", "udp", "web", "81"), Ours("\"$(Get-ComposePort web 81 -Protocol UDP -Path $dir -ProjectName $p)\""));
            Assert.Equal(Reference("port", "--index", "2", "web", "80"), Ours("\"$(Get-ComposePort -Name web -PrivatePort 80 -Index 2 -Path $dir -ProjectName $p)\""));
            // No compose file in the current folder: -ProjectName alone, as Compose's -p.
            Assert.Equal(Reference("port", "web", "80"),
                Assert.Single(P.Ps("\"$(Get-ComposePort web 80 -ProjectName $p)\"", P.OtherDirectory()).AssertNoErrors().Output).ToString());

            PSObject binding = Assert.Single(P.Ps("Get-ComposePort web 80 -Path $dir -ProjectName $p").AssertNoErrors().Output);
            Assert.Equal("PSCompose.ComposePortBinding", binding.BaseObject.GetType().FullName);
            Assert.Equal((P.Container("web"), 1, 80, "tcp"), ((string)binding.Properties["Container"].Value, (int)binding.Properties["Number"].Value,
                (int)binding.Properties["PrivatePort"].Value, (string)binding.Properties["Protocol"].Value));
        }

        [EngineFact]
        public void GetComposePort_FromPipedServices_GivesEveryPublishedBindingComposePsShows()
        {
            var reference = fixture.ComposeJson("ps", "--format", "json")
                .SelectMany(c => c.GetProperty("Publishers").EnumerateArray().Select(pub => (Container: c.GetProperty("Name").GetString(), pub)))
                .Where(x => x.pub.GetProperty("PublishedPort").GetInt32() != 0)
                .Select(x => $"{x.Container} {x.pub.GetProperty("TargetPort").GetInt32()}/{x.pub.GetProperty("Protocol").GetString()} " +
                    $"{x.pub.GetProperty("URL").GetString()}:{x.pub.GetProperty("PublishedPort").GetInt32()}")
                .OrderBy(s => s, StringComparer.Ordinal).ToList();
            Assert.Equal(6, reference.Count);
            RunResult ours = P.Ps("Get-ComposeService -ProjectName $p | Get-ComposePort | ForEach-Object { \"$($_.Container) $($_.PrivatePort)/$($_.Protocol) $_\" }",
                P.OtherDirectory()).AssertNoErrors();
            Assert.Equal(reference, ours.Output.Select(o => o.ToString()).OrderBy(s => s, StringComparer.Ordinal));
        }

        [EngineFact]
        public void GetComposePort_FailsLikeCompose_WhenThePortIsNotPublishedOrTheServiceNotRunning()
        {
            Docker.Result noPort = P.Compose("port", "web", "82");
            RunResult ours = P.Ps("Get-ComposePort web 82 -Path $dir -ProjectName $p");
            ErrorRecord error = Assert.Single(ours.Errors);
            Assert.Equal("PortNotPublished,PSCompose.Cmdlets.GetComposePortCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("web", error.TargetObject);
            // The list after the colon is in the engine's order, which changes from call to call (a map in the engine).
            Assert.Equal(PortListSorted(noPort.Stderr.Trim()), PortListSorted(error.Exception.Message));

            // job has exited: no running container to ask.
            Docker.Result notRunning = P.Compose("port", "job", "80");
            Assert.NotEqual(0, notRunning.ExitCode);
            error = Assert.Single(P.Ps("Get-ComposePort job 80 -Path $dir -ProjectName $p").Errors);
            Assert.Equal("ServiceNotRunning,PSCompose.Cmdlets.GetComposePortCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
            Assert.Equal(notRunning.Stderr.Trim(), error.Exception.Message);
            Assert.Equal(P.Compose("port", "--index", "3", "web", "80").Stderr.Trim(),
                Assert.Single(P.Ps("Get-ComposePort web 80 -Index 3 -ProjectName $p", P.OtherDirectory()).Errors).Exception.Message);
        }

        [EngineFact]
        public void GetComposeImage_EqualsComposeImagesJson_StoppedAndOneOffContainersIncluded()
        {
            List<string> reference = fixture.ComposeJson("images", "--format", "json")
                .Select(i => string.Join("|", i.GetProperty("ContainerName").GetString(), i.GetProperty("Repository").GetString(),
                    i.GetProperty("Tag").GetString(), i.GetProperty("Platform").GetString(), i.GetProperty("ID").GetString(),
                    i.GetProperty("Size").GetInt64(), Seconds(i.GetProperty("LastTagTime").GetDateTime())))
                .OrderBy(s => s, StringComparer.Ordinal).ToList();
            Assert.Contains(reference, r => r.StartsWith(P.Container("job") + "|"));
            Assert.Contains(reference, r => r.StartsWith(fixture.OneOff + "|"));

            const string script = "Get-ComposeImage {0} | ForEach-Object {{ $_.Container, $_.Repository, $_.Tag, $_.Platform, $_.Id, $_.Size, " +
                "$_.LastTagTime.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ss') -join '|' }}";
            RunResult ours = P.Ps(string.Format(script, "-Path $dir -ProjectName $p")).AssertNoErrors();
            // Sorted by container name (Compose's JSON is in map order), so compared as is.
            Assert.Equal(reference, ours.Output.Select(o => o.ToString()));
            Assert.Equal(reference, P.Ps(string.Format(script, "-ProjectName $p"), P.OtherDirectory()).AssertNoErrors().Output.Select(o => o.ToString()));

            List<string> worker = fixture.ComposeJson("images", "--format", "json", "worker").Select(i => i.GetProperty("ContainerName").GetString())
                .OrderBy(s => s, StringComparer.Ordinal).ToList();
            Assert.Equal(worker, P.Ps("Get-ComposeImage worker -Path $dir -ProjectName $p | ForEach-Object Container").AssertNoErrors().Output.Select(o => o.ToString()));
            Assert.IsType<long>(P.Ps("Get-ComposeImage worker -Path $dir -ProjectName $p").Output.First().Properties["Size"].Value);
        }

        [EngineFact]
        public void GetComposeStat_SamplesTheContainersDockerStatsSamples_WithNumbersInRange()
        {
            Dictionary<string, JsonElement> reference = fixture.ComposeJson("stats", "--no-stream", "--format", "json")
                .ToDictionary(s => s.GetProperty("Name").GetString());
            RunResult ours = P.Ps("Get-ComposeStat -Path $dir -ProjectName $p").AssertNoErrors();
            Assert.Equal(reference.Keys.OrderBy(k => k, StringComparer.Ordinal),
                ours.Output.Select(o => (string)o.Properties["Container"].Value).OrderBy(k => k, StringComparer.Ordinal));
            Assert.Contains(fixture.OneOff, reference.Keys);
            foreach (PSObject sample in ours.Output)
            {
                JsonElement r = reference[(string)sample.Properties["Container"].Value];
                Assert.Equal(r.GetProperty("PIDs").GetString(), sample.Properties["Pids"].Value.ToString());
                Assert.Equal(r.GetProperty("ID").GetString(), ((string)sample.Properties["ContainerId"].Value).Substring(0, 12));
                string limit = r.GetProperty("MemUsage").GetString().Split(" / ")[1];
                // docker stats prints 4 significant digits (23.54GiB): equal within that rounding.
                Assert.InRange((long)sample.Properties["MemoryLimit"].Value, BinaryBytes(limit) * 0.9995, BinaryBytes(limit) * 1.0005);
                Assert.InRange((double)sample.Properties["CpuPercent"].Value, 0.0, 100.0 * Environment.ProcessorCount);
                Assert.InRange((long)sample.Properties["MemoryUsage"].Value, 1L, (long)sample.Properties["MemoryLimit"].Value);
                Assert.InRange((double)sample.Properties["MemoryPercent"].Value, 0.0, 100.0);
                Assert.True((long)sample.Properties["NetworkRx"].Value >= 0);
            }
            // -All adds the exited job, as stats -a does; -ProjectName alone from another folder.
            var all = fixture.ComposeJson("stats", "--no-stream", "-a", "--format", "json").Select(s => s.GetProperty("Name").GetString())
                .OrderBy(k => k, StringComparer.Ordinal).ToList();
            Assert.Contains(P.Container("job"), all);
            Assert.Equal(all, P.Ps("Get-ComposeStat -ProjectName $p -All | ForEach-Object Container", P.OtherDirectory())
                .AssertNoErrors().Output.Select(o => o.ToString()).OrderBy(k => k, StringComparer.Ordinal));
        }

        [EngineFact]
        public void GetComposeStat_Follow_StreamsFreshSamplesUntilCtrlC()
        {
            using Runspace runspace = PowerShellRunner.OpenRunspace();
            using PowerShell ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddCommand("Get-ComposeStat").AddParameter("ProjectName", P.Name).AddParameter("Name", new[] { "web" }).AddParameter("Follow");
            var output = new PSDataCollection<PSObject>();
            using var enough = new ManualResetEventSlim();
            output.DataAdded += (s, e) => { if (output.Count >= 6) enough.Set(); };
            IAsyncResult invocation = ps.BeginInvoke<PSObject, PSObject>(null, output);
            Assert.True(enough.Wait(TimeSpan.FromSeconds(30)), $"only {output.Count} samples in 30 s");
            Assert.False(invocation.IsCompleted);

            var watch = Stopwatch.StartNew();
            ps.Stop();   // what Ctrl+C does
            Assert.InRange(watch.Elapsed.TotalSeconds, 0, 10);
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            // Two web containers, a sample per second each: fresh samples, not one repeated.
            Assert.Equal(new[] { P.Container("web", 1), P.Container("web", 2) },
                output.Select(o => (string)o.Properties["Container"].Value).Distinct().OrderBy(n => n, StringComparer.Ordinal));
            Assert.True(output.Select(o => (DateTime)o.Properties["Read"].Value).Distinct().Count() >= 3);
        }

        [EngineFact]
        public void GetComposeStat_Follow_EndsWhenTheContainersStop()
        {
            using var own = new LifecycleProject(
                $"services:\n  web:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n",
                "inspect-" + Guid.NewGuid().ToString("N").Substring(0, 10)).Up();
            using Runspace runspace = PowerShellRunner.OpenRunspace();
            using PowerShell ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddCommand("Get-ComposeStat").AddParameter("ProjectName", own.Name).AddParameter("Follow");
            var output = new PSDataCollection<PSObject>();
            using var two = new ManualResetEventSlim();
            output.DataAdded += (s, e) => { if (output.Count >= 2) two.Set(); };
            IAsyncResult invocation = ps.BeginInvoke<PSObject, PSObject>(null, output);
            Assert.True(two.Wait(TimeSpan.FromSeconds(30)));

            own.Compose("stop", "web").Check();
            Assert.True(invocation.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(15)), "still streaming 15 s after the container stopped");
            ps.EndInvoke(invocation);
            Assert.Empty(ps.Streams.Error);
            // Only real samples: none of the engine's empty ones for the stopped container.
            Assert.All(output, o => Assert.NotEqual(default(DateTime), (DateTime)o.Properties["Read"].Value));
        }

        [EngineFact]
        public void UnknownService_WithTheFileLoaded_IsComposeServiceNotFound_ForEachCmdlet()
        {
            foreach (string command in new[] { "Get-ComposeProcess nosuch", "Get-ComposeImage nosuch", "Get-ComposeStat nosuch", "Get-ComposePort nosuch 80" })
            {
                RunResult r = P.Ps(command + " -Path $dir -ProjectName $p");
                Assert.Empty(r.Output);
                ErrorRecord error = Assert.Single(r.Errors);
                Assert.StartsWith("ComposeServiceNotFound,", error.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
                Assert.Equal("nosuch", error.TargetObject);
                Assert.Equal("no such service: nosuch", error.Exception.Message);
            }
        }

        /// <summary>docker compose top's table as "service|#|uid|pid|ppid|cmd" rows, cut at the header's column starts.</summary>
        private static List<string> TopRows(string table)
        {
            string[] lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            string header = lines[0];
            string[] titles = { "SERVICE", "#", "UID", "PID", "PPID", "CMD" };
            int[] starts = header.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => IndexOfTitle(header, t)).ToArray();
            string[] allTitles = header.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return lines.Skip(1).Select(line => string.Join("|", titles.Select(t =>
            {
                int i = Array.IndexOf(allTitles, t);
                int end = i + 1 < starts.Length ? starts[i + 1] : line.Length;
                return line.Length <= starts[i] ? "" : line.Substring(starts[i], Math.Min(end, line.Length) - starts[i]).Trim();
            }))).OrderBy(s => s, StringComparer.Ordinal).ToList();
        }

        private static List<string> TopRows(RunResult ours) => ours.Output.Select(o => string.Join("|",
            o.Properties["Service"].Value, (int)o.Properties["Number"].Value == 0 ? "" : o.Properties["Number"].Value.ToString(),
            o.Properties["UID"].Value, o.Properties["PID"].Value, o.Properties["PPID"].Value, o.Properties["CMD"].Value))
            .OrderBy(s => s, StringComparer.Ordinal).ToList();

        /// <summary>Where a title starts in the header: a whole word (so PID is not found inside PPID).</summary>
        private static int IndexOfTitle(string header, string title) =>
            System.Text.RegularExpressions.Regex.Match(header, "(?<=^|\\s)" + System.Text.RegularExpressions.Regex.Escape(title) + "(?=\\s|$)").Index;

        /// <summary>"no port 82/tcp for container x: 1/tcp, 2/udp" with the list after the colon sorted.</summary>
        private static string PortListSorted(string message)
        {
            int colon = message.LastIndexOf(": ", StringComparison.Ordinal);
            return message.Substring(0, colon) + ": " + string.Join(", ", message.Substring(colon + 2).Split(", ").OrderBy(x => x, StringComparer.Ordinal));
        }

        private string Reference(params string[] args) => P.Compose(args).Check().Stdout.Trim();

        private string Ours(string script) => Assert.Single(P.Ps(script).AssertNoErrors().Output).ToString();

        /// <summary>"23.54GiB" → bytes.</summary>
        private static double BinaryBytes(string text)
        {
            var m = System.Text.RegularExpressions.Regex.Match(text, @"^([\d.]+)(B|KiB|MiB|GiB|TiB)$");
            int power = Array.IndexOf(new[] { "B", "KiB", "MiB", "GiB", "TiB" }, m.Groups[2].Value);
            return double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * Math.Pow(1024, power);
        }

        private static string Seconds(DateTime t) => t.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss");
    }
}
