using System;
using System.Collections.Generic;
using System.Linq;
using PSCompose.Engine;
using PSCompose.Execution;
using PSCompose.Model;
using Xunit;

namespace PSCompose.Tests.Execution
{
    /// <summary>
    /// The pure parts of top, port, images and stats. Expected values come from the docker CLI's own stats tests
    /// (cli/command/container/stats_helpers_test.go), from what docker compose 2.40.3 / docker stats printed on this
    /// machine (quoted inline), and from docker/compose's port and images code.
    /// </summary>
    public class RuntimeInspectionTests
    {
        [Fact]
        public void Memory_LeavesOutInactiveFilePages_ForCgroupV1AndV2()
        {
            // TestCalculateMemUsageUnixNoCache: usage 500, total_inactive_file 400 → 100.
            Assert.Equal(100, StatisticsCalculator.MemoryWithoutCache(Stats(memory: 500, counters: ("total_inactive_file", 400UL))));
            Assert.Equal(100, StatisticsCalculator.MemoryWithoutCache(Stats(memory: 500, counters: ("inactive_file", 400UL))));
            // A counter above the usage is ignored.
            Assert.Equal(500, StatisticsCalculator.MemoryWithoutCache(Stats(memory: 500, counters: ("inactive_file", 600UL))));
        }

        [Fact]
        public void MemoryPercent_IsUsageOverLimit_AndZeroWithoutALimit()
        {
            // TestCalculateMemPercentUnixNoCache: limit 100, used 70 → 70; limit 0 → 0.
            Assert.Equal(70.0, Calculate(Stats(memory: 70, limit: 100)).MemoryPercent, 6);
            Assert.Equal(0.0, Calculate(Stats(memory: 70, limit: 0)).MemoryPercent);
        }

        [Fact]
        public void BlockIo_SumsReadsAndWritesByTheOpsFirstLetter()
        {
            // TestCalculateBlockIO: read 5815, write 593.
            ComposeContainerStatistic s = Calculate(new EngineStats
            {
                BlockIo = new[]
                {
                    Op("read", 1234), Op("read", 4567), Op("Read", 6), Op("Read", 8),
                    Op("write", 123), Op("write", 456), Op("Write", 6), Op("Write", 8), Op("", 456),
                },
            });
            Assert.Equal(5815, s.BlockRead);
            Assert.Equal(593, s.BlockWrite);
        }

        [Fact]
        public void Cpu_IsTheContainersShareOfTheSystemDelta_TimesTheCpus()
        {
            var s = new EngineStats { CpuTotal = 400, PreCpuTotal = 200, SystemCpu = 2000, PreSystemCpu = 1000, OnlineCpus = 4 };
            Assert.Equal(80.0, StatisticsCalculator.CpuPercent(s), 6);
            // online_cpus missing: the CLI counts percpu_usage entries.
            s.OnlineCpus = 0;
            s.PerCpuCount = 2;
            Assert.Equal(40.0, StatisticsCalculator.CpuPercent(s), 6);
            // No system time elapsed (a stopped container's empty sample): 0, not a division by zero.
            Assert.Equal(0.0, StatisticsCalculator.CpuPercent(new EngineStats()));
        }

        [Theory]
        [InlineData(1984172, "1.98MB")] // docker compose images SIZE
        [InlineData(1160, "1.16kB")] // docker stats NET I/O
        [InlineData(0, "0B")]
        [InlineData(999, "999B")]
        public void HumanSize_PrintsDecimalUnitsWithThreeDigits(long bytes, string expected) =>
            Assert.Equal(expected, ComposeUnits.HumanSize(bytes));

        [Theory]
        [InlineData(458752, "448KiB")] // docker stats MEM USAGE
        [InlineData(25276063744, "23.54GiB")] // docker stats LIMIT
        [InlineData(1593344, "1.52MiB")]
        public void BytesSize_PrintsBinaryUnitsWithFourDigits(long bytes, string expected) =>
            Assert.Equal(expected, ComposeUnits.BytesSize(bytes));

        [Fact]
        public void Ago_ReadsLikeComposesCreatedColumn()
        {
            var now = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
            Assert.Equal("10 minutes ago", ComposeUnits.Ago(now.AddMinutes(-10.5), now));
            Assert.Equal("About an hour ago", ComposeUnits.Ago(now.AddMinutes(-70), now));
            Assert.Equal("3 days ago", ComposeUnits.Ago(now.AddDays(-3), now));
            Assert.Equal("", ComposeUnits.Ago(null, now));
        }

        [Fact]
        public void ProcessRows_TypeTheLinuxColumns_AndKeepEveryTitleInFields()
        {
            var list = new EngineProcessList
            {
                Titles = new[] { "UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD" },
                Processes = new[] { (IReadOnlyList<string>)new[] { "root", "14105", "14084", "3", "09:23", "?", "00:00:00", "sleep 600" } },
            };
            ComposeProcess row = Assert.Single(ProcessRows.From("p", Container("p-web-2", "web", 2), list));
            Assert.Equal(("web", "p-web-2", 2), (row.Service, row.Container, row.Number));
            Assert.Equal((14105, 14084), (row.PID.Value, row.PPID.Value));
            Assert.Equal(("root", "sleep 600", "00:00:00"), (row.UID, row.CMD, row.TIME));
            Assert.Equal(list.Titles, row.Fields.Keys.Cast<string>());
        }

        [Fact]
        public void ProcessRows_FromOtherTitles_LeaveTheMissingColumnsEmpty()
        {
            var list = new EngineProcessList
            {
                Titles = new[] { "Name", "PID", "CPU" },
                Processes = new[] { (IReadOnlyList<string>)new[] { "cmd.exe", "42", "00:00:01.000" } },
            };
            ComposeProcess row = Assert.Single(ProcessRows.From("p", Container("p-web-1", "web", 1), list));
            Assert.Equal(42, row.PID);
            Assert.Null(row.PPID);
            Assert.Null(row.CMD);
            Assert.Equal("cmd.exe", row.Fields["Name"]);
        }

        [Fact]
        public void Pick_TakesTheLowestReplica_OneOffsLast_OrTheIndex()
        {
            EngineContainer[] running = { OneOff("p-web-run-1", "web"), Container("p-web-2", "web", 2), Container("p-web-1", "web", 1), Container("p-db-1", "db", 1) };
            Assert.Equal("p-web-1", RuntimeContainers.Pick(running, "web", 0).Name);
            Assert.Equal("p-web-2", RuntimeContainers.Pick(running, "web", 2).Name);
            Assert.Equal("p-web-run-1", RuntimeContainers.Pick(new[] { running[0] }, "web", 0).Name);
        }

        [Fact]
        public void Pick_FailsWithComposesText()
        {
            EngineContainer[] running = { Container("p-web-1", "web", 1) };
            ComposeException none = Assert.Throws<ComposeException>(() => RuntimeContainers.Pick(running, "x", 0));
            Assert.Equal(("service \"x\" is not running", ErrorIds.ServiceNotRunning, (object)"x"), (none.Message, none.ErrorId, none.Target));
            Assert.Equal("service \"web\" is not running container #3", Assert.Throws<ComposeException>(() => RuntimeContainers.Pick(running, "web", 3)).Message);
        }

        [Fact]
        public void Port_GivesTheFirstMatchingBinding_OrComposesErrorListingThePublishedPorts()
        {
            EngineContainer web = Container("ref-svc-web-1", "web", 1);
            web.Ports = new[]
            {
                new EnginePort { HostIp = "0.0.0.0", PrivatePort = 8080, PublicPort = 32769, Protocol = "udp" },
                new EnginePort { HostIp = "::", PrivatePort = 8080, PublicPort = 32769, Protocol = "udp" },
                new EnginePort { HostIp = "0.0.0.0", PrivatePort = 80, PublicPort = 32779, Protocol = "tcp" },
                new EnginePort { HostIp = "::", PrivatePort = 80, PublicPort = 32778, Protocol = "tcp" },
            };
            ComposePortBinding found = PortLookup.Find("ref-svc", web, 80, "TCP");
            Assert.Equal("0.0.0.0:32779", found.ToString());
            Assert.Equal(("web", 1, 80, "tcp", 32779), (found.Service, found.Number, found.PrivatePort, found.Protocol, found.HostPort));
            // Observed with docker compose port: the list names published ports, not private ones.
            ComposeException e = Assert.Throws<ComposeException>(() => PortLookup.Find("ref-svc", web, 81, "tcp"));
            Assert.Equal("no port 81/tcp for container ref-svc-web-1: 32769/udp, 32769/udp, 32779/tcp, 32778/tcp", e.Message);
            Assert.Equal(ErrorIds.PortNotPublished, e.ErrorId);
        }

        [Theory]
        [InlineData("redis", "redis", "latest")]
        [InlineData("docker.io/library/redis:7", "redis", "7")]
        [InlineData("127.0.0.1:5000/team/web:1", "127.0.0.1:5000/team/web", "1")]
        [InlineData("busybox@sha256:0123456789012345678901234567890123456789012345678901234567890123", "busybox", "")]
        [InlineData("sha256:61d27e1ee903dd0ce41439071a4702ca78b122e8b8f97b17cd6e8c416f9fbfa5", "", "")]
        public void Images_SplitTheContainersReference_AsComposesParseDockerRef(string reference, string repository, string tag)
        {
            EngineContainer c = Container("p-web-1", "web", 1);
            c.Image = reference;
            var image = new EngineImage { Id = "sha256:x", Os = "linux", Architecture = "arm64", Variant = "v8", Size = 5 };
            ComposeContainerImage result = ContainerImages.From("p", c, image);
            Assert.Equal((repository, tag), (result.Repository, result.Tag));
            Assert.Equal("linux/arm64/v8", result.Platform);
        }

        private static ComposeContainerStatistic Calculate(EngineStats s) => StatisticsCalculator.From("p", Container("p-web-1", "web", 1), s);

        private static EngineStats Stats(ulong memory, ulong limit = 1000, params (string, ulong)[] counters) => new EngineStats
        {
            MemoryUsage = memory,
            MemoryLimit = limit,
            MemoryCounters = counters.ToDictionary(c => c.Item1, c => c.Item2),
        };

        private static KeyValuePair<string, ulong> Op(string op, ulong value) => new KeyValuePair<string, ulong>(op, value);

        private static EngineContainer Container(string name, string service, int number) => new EngineContainer
        {
            Id = name + "-id",
            Name = name,
            Labels = new Dictionary<string, string> { [ComposeLabels.Service] = service, [ComposeLabels.ContainerNumber] = number.ToString(), [ComposeLabels.OneOff] = "False" },
        };

        private static EngineContainer OneOff(string name, string service) => new EngineContainer
        {
            Id = name + "-id",
            Name = name,
            Labels = new Dictionary<string, string> { [ComposeLabels.Service] = service, [ComposeLabels.OneOff] = "True" },
        };
    }
}
