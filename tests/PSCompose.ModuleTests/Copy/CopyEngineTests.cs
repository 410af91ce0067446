using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Copy
{
    /// <summary>Copy-ComposeItem against docker compose cp on the same project, in the same test.</summary>
    public class CopyEngineTests
    {
        /// <summary>Two replicas whose /data trees differ only in /data/who (the container's hostname).</summary>
        private static readonly string TwoReplicas =
            "services:\n" +
            $"  web:\n    image: {LifecycleProject.Busybox}\n    scale: 2\n" +
            "    command: [\"sh\", \"-c\", \"mkdir -p /data/sub/deep && echo alpha > /data/a.txt && chmod 640 /data/a.txt" +
            " && hostname > /data/who && printf 'x\\\\000y' > /data/sub/bin.dat && chmod 751 /data/sub && ln -s a.txt /data/rel-link" +
            " && ln -s /etc/hostname /data/sub/abs-link && echo run > /data/sub/deep/run.sh && chmod 755 /data/sub/deep/run.sh" +
            " && trap 'exit 0' TERM; sleep 600 & wait\"]\n";

        private static LifecycleProject UpWithData()
        {
            var p = new LifecycleProject(TwoReplicas).Up();
            foreach (int n in new[] { 1, 2 })
                for (int i = 0; i < 50 && Docker.Run("exec", p.Container("web", n), "test", "-L", "/data/sub/abs-link").ExitCode != 0; i++)
                    System.Threading.Thread.Sleep(100);
            return p;
        }

        [EngineFact]
        public void FromService_TreeAndFile_SameAsCompose_FromTheNewestContainer()
        {
            using var p = UpWithData();
            string work = p.OtherDirectory();
            p.Compose("cp", "web:/data", Path.Combine(work, "ref")).Check();
            p.Compose("cp", "web:/data/.", Path.Combine(work, "ref-contents")).Check();
            p.Compose("cp", "web:/etc/hosts", Path.Combine(work, "ref-hosts")).Check();
            p.Compose("cp", "-L", "web:/data/rel-link", Path.Combine(work, "ref-followed")).Check();

            RunResult r = p.Ps(
                "Copy-ComposeItem web:/data ./ours -File $dir/compose.yaml -ProjectName $p -PassThru; " +
                "Copy-ComposeItem web:/data/. ./ours-contents -ProjectName $p; " +
                "Copy-ComposeItem -FromService web /etc/hosts ./ours-hosts -ProjectName $p; " +
                "Copy-ComposeItem web:/data/rel-link ./ours-followed -FollowLink -ProjectName $p", work).AssertNoErrors();

            Assert.Equal(CopyTrees.OnHost(Path.Combine(work, "ref")), CopyTrees.OnHost(Path.Combine(work, "ours")));
            Assert.Equal(CopyTrees.OnHost(Path.Combine(work, "ref-contents")), CopyTrees.OnHost(Path.Combine(work, "ours-contents")));
            Assert.Equal(File.ReadAllBytes(Path.Combine(work, "ref-hosts")), File.ReadAllBytes(Path.Combine(work, "ours-hosts")));
            Assert.Equal(File.ReadAllBytes(Path.Combine(work, "ref-followed")), File.ReadAllBytes(Path.Combine(work, "ours-followed")));
            Assert.Equal(File.GetUnixFileMode(Path.Combine(work, "ref-followed")), File.GetUnixFileMode(Path.Combine(work, "ours-followed")));
            Assert.Null(new FileInfo(Path.Combine(work, "ours-followed")).LinkTarget);
            Assert.Contains("link /etc/hostname", CopyTrees.OnHost(Path.Combine(work, "ours")));

            // Compose reads the newest container (the engine lists newest first); the replicas are created in parallel,
            // so which one that is comes from the engine. Its hostname is its short id.
            string newestName = new[] { p.Container("web", 1), p.Container("web", 2) }
                .OrderByDescending(c => SortableTime(Docker.Run("inspect", "-f", "{{.Created}}", c).Check().Stdout.Trim()), StringComparer.Ordinal).First();
            string newest = Docker.Run("inspect", "-f", "{{.Config.Hostname}}", newestName).Check().Stdout.Trim();
            Assert.Equal(newest + "\n", File.ReadAllText(Path.Combine(work, "ours", "who")));

            PSObject result = Assert.Single(r.Output);
            Assert.Equal("PSCompose.ComposeCopyResult", result.BaseObject.GetType().FullName);
            Assert.Equal(newestName, result.Properties["ContainerName"].Value);
            Assert.Equal("FromContainer", result.Properties["Direction"].Value);
            Assert.True((long)result.Properties["Bytes"].Value > 0);
            Assert.Contains(r.Progress, pr => pr.RecordType == ProgressRecordType.Completed);
        }

        [EngineFact]
        public void ToService_TreeToEveryReplica_SameAsCompose_AndIndexPicksOne()
        {
            using var p = UpWithData();
            string work = p.OtherDirectory();
            CopyTrees.MakeHostTree(Path.Combine(work, "tree"));
            File.WriteAllText(Path.Combine(work, "file"), "one file\n");
            Docker.Run("exec", p.Container("web", 1), "mkdir", "/ref", "/ours").Check();
            Docker.Run("exec", p.Container("web", 2), "mkdir", "/ref", "/ours").Check();
            p.Compose("cp", Path.Combine(work, "tree"), "web:/ref/").Check();
            p.Compose("cp", Path.Combine(work, "file"), "web:/ref/renamed").Check();

            RunResult r = p.Ps(
                "Copy-ComposeItem ./tree web:/ours/ -ProjectName $p -PassThru; " +
                "Copy-ComposeItem ./file -ToService web /ours/renamed -ProjectName $p; " +
                "Copy-ComposeItem ./file web:/tmp/only-two -Index 2 -ProjectName $p", work).AssertNoErrors();

            foreach (int n in new[] { 1, 2 })
            {
                string container = p.Container("web", n);
                Assert.Equal(CopyTrees.InContainer(container, "/ref"), CopyTrees.InContainer(container, "/ours"));
            }
            Assert.Contains("./tree/rel-link link a.txt", CopyTrees.InContainer(p.Container("web", 1), "/ours"));
            Assert.Equal(new[] { p.Container("web", 1), p.Container("web", 2) },
                r.Output.Select(o => (string)o.Properties["ContainerName"].Value).OrderBy(n => n, StringComparer.Ordinal));
            Assert.NotEqual(0, Docker.Run("exec", p.Container("web", 1), "test", "-e", "/tmp/only-two").ExitCode);
            Assert.Equal("one file\n", Docker.Run("exec", p.Container("web", 2), "cat", "/tmp/only-two").Check().Stdout);
        }

        [EngineFact]
        public void ToService_ReachesStoppedContainers_AndOneOffsOnlyWithAll()
        {
            using var p = UpWithData();
            string work = p.OtherDirectory();
            File.WriteAllText(Path.Combine(work, "file"), "x");
            string oneOff = p.Name + "-oneoff";
            p.Compose("run", "-d", "--name", oneOff, "web").Check();
            Docker.Run("stop", "-t", "1", p.Container("web", 1)).Check();

            p.Ps("Copy-ComposeItem ./file web:/tmp/plain -ProjectName $p; Copy-ComposeItem ./file web:/tmp/all -All -ProjectName $p", work).AssertNoErrors();

            // docker cp reads stopped containers too.
            bool Has(string container, string path) => Docker.Run("cp", container + ":" + path, Path.Combine(work, Guid.NewGuid().ToString("N"))).ExitCode == 0;
            Assert.True(Has(p.Container("web", 1), "/tmp/plain"));
            Assert.True(Has(p.Container("web", 2), "/tmp/plain"));
            Assert.False(Has(oneOff, "/tmp/plain"));
            Assert.True(Has(oneOff, "/tmp/all"));
            Assert.True(Has(p.Container("web", 1), "/tmp/all"));
        }

        [EngineFact]
        public void WhatIf_ChangesNothing_InEitherDirection()
        {
            using var p = UpWithData();
            string work = p.OtherDirectory();
            File.WriteAllText(Path.Combine(work, "file"), "x");
            RunResult r = p.Ps(
                "Copy-ComposeItem web:/data ./out -ProjectName $p -WhatIf; Copy-ComposeItem ./file web:/tmp/whatif -ProjectName $p -WhatIf", work)
                .AssertNoErrors();
            Assert.Empty(r.Output);
            Assert.False(Directory.Exists(Path.Combine(work, "out")));
            Assert.NotEqual(0, Docker.Run("exec", p.Container("web", 1), "test", "-e", "/tmp/whatif").ExitCode);
            Assert.NotEqual(0, Docker.Run("exec", p.Container("web", 2), "test", "-e", "/tmp/whatif").ExitCode);
        }

        [EngineFact]
        public void BadInput_IsAnErrorRecord_WithComposesMessage()
        {
            using var p = UpWithData();
            string work = p.OtherDirectory();
            File.WriteAllText(Path.Combine(work, "file"), "x");

            void Case(string source, string destination, string id, ErrorCategory category, string target, bool sameMessage = true)
            {
                RunResult r = p.Ps($"Copy-ComposeItem '{source}' '{destination}' -ProjectName $p", work);
                ErrorRecord e = Assert.Single(r.Errors);
                Assert.Equal(id + ",PSCompose.Cmdlets.CopyComposeItemCommand", e.FullyQualifiedErrorId);
                Assert.Equal(category, e.CategoryInfo.Category);
                Assert.Equal(target, e.TargetObject?.ToString());
                Docker.Result reference = Docker.RunIn(work, null, "compose", "-p", p.Name, "cp", source, destination);
                Assert.NotEqual(0, reference.ExitCode);
                string composeMessage = reference.Stderr.Trim().Split('\n').Last().Replace("Error response from daemon: ", "");
                if (sameMessage) Assert.Equal(composeMessage, e.Exception.Message);
                else Assert.StartsWith(composeMessage, e.Exception.Message);
            }

            Case("web:/a", "web:/b", "CopyAcrossServices", ErrorCategory.InvalidArgument, "web, web");
            Case("a", "b", "CopyDirectionUnknown", ErrorCategory.InvalidArgument, "a", sameMessage: false);
            Case("nosvc:/a", "./x", "CopyContainerNotFound", ErrorCategory.ObjectNotFound, "nosvc");
            Case("web:/nonexistent", "./x", "CopySourceNotFound", ErrorCategory.ObjectNotFound, "/nonexistent");
            Case("web:/data", "./missing/x", "CopyDestinationParentMissing", ErrorCategory.ObjectNotFound, "./missing/x");
            Case("./nofile", "web:/tmp/", "CopySourceNotFound", ErrorCategory.ObjectNotFound, Path.Combine(work, "nofile"));
            Case("", "web:/tmp/", "CopyPathEmpty", ErrorCategory.InvalidArgument, "Path");
            Case("./file", "", "CopyPathEmpty", ErrorCategory.InvalidArgument, "Destination");
            Assert.False(Directory.Exists(Path.Combine(work, "missing")));

            // To a container directory that does not exist: the engine's message, for each replica.
            RunResult missing = p.Ps("Copy-ComposeItem ./file web:/nodir/x -ProjectName $p", work);
            Assert.Equal(2, missing.Errors.Count);
            Assert.All(missing.Errors, e => Assert.StartsWith("CopyDestinationParentMissing,", e.FullyQualifiedErrorId));
            Assert.All(missing.Errors, e => Assert.StartsWith("Could not find the file /nodir in container", e.Exception.Message));
        }

        [EngineFact]
        public void SymlinkLeavingTheDestination_IsRefused_AsDockerCpRefusesIt()
        {
            string outside = Path.Combine(Path.GetTempPath(), "psc-cp-outside-" + Guid.NewGuid().ToString("N"));
            using var p = UpWithData();
            string work = p.OtherDirectory();
            foreach (int n in new[] { 1, 2 })
                Docker.Run("exec", p.Container("web", n), "ln", "-s", "../../../../../../../../.." + outside, "/data/escape").Check();

            RunResult r = p.Ps("Copy-ComposeItem web:/data ./ours -ProjectName $p", work);
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.Equal("CopyArchiveUnsafe,PSCompose.Cmdlets.CopyComposeItemCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.SecurityError, e.CategoryInfo.Category);
            Assert.Equal("data/escape", e.TargetObject);
            Assert.NotEqual(0, p.Compose("cp", "web:/data", Path.Combine(work, "ref")).ExitCode);
            Assert.False(File.Exists(outside) || Directory.Exists(outside));
            Assert.False(File.Exists(Path.Combine(work, "ours", "escape")));
        }

        /// <summary>An engine time (RFC 3339, UTC, fraction with trailing zeros trimmed) with its fraction padded to 9 digits, so it sorts as text.</summary>
        private static string SortableTime(string rfc3339)
        {
            string utc = rfc3339.TrimEnd('Z');
            int dot = utc.IndexOf('.');
            return dot < 0 ? utc + ".000000000" : utc.Substring(0, dot + 1) + utc.Substring(dot + 1).PadRight(9, '0');
        }
    }
}
