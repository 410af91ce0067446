using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PSCompose.Engine;
using PSCompose.Model;

namespace PSCompose.Execution
{
    /// <summary>container.Resources as Compose fills it (create.go getDeployResources, setLimits, setReservations).</summary>
    internal static class ServiceResources
    {
        public static ResourcesSpec Build(YMap s)
        {
            var r = new ResourcesSpec
            {
                CgroupParent = Canon.Str(s, "cgroup_parent"),
                Memory = Canon.Long(s, "mem_limit"),
                MemorySwap = Canon.Long(s, "memswap_limit"),
                MemoryReservation = Canon.Long(s, "mem_reservation"),
                MemorySwappiness = Canon.Long(s, "mem_swappiness") is long swappiness && swappiness != 0 ? swappiness : (long?)null,
                OomKillDisable = Canon.Bool(s, "oom_kill_disable"),
                CpuCount = Canon.Long(s, "cpu_count"),
                CpuPeriod = Canon.Long(s, "cpu_period"),
                CpuQuota = Canon.Long(s, "cpu_quota"),
                CpuRealtimePeriod = Canon.Long(s, "cpu_rt_period"),
                CpuRealtimeRuntime = Canon.Long(s, "cpu_rt_runtime"),
                CpuShares = Canon.Long(s, "cpu_shares"),
                NanoCpus = (long)(Canon.Double(s, "cpus") * 1e9),
                CpuPercent = (long)(Canon.Double(s, "cpu_percent") * 100),
                CpusetCpus = Canon.Str(s, "cpuset"),
                DeviceCgroupRules = Canon.StringsOrEmpty(s, "device_cgroup_rules"),
                PidsLimit = Canon.Long(s, "pids_limit") is long pids && pids != 0 ? pids : (long?)null,
                Devices = Devices(s),
                Ulimits = Ulimits(s.Map("ulimits")),
            };
            Blkio(s.Map("blkio_config"), r);
            YMap resources = s.Map("deploy")?.Map("resources");
            Limits(resources?.Map("limits"), r);
            Reservations(resources?.Map("reservations"), r);
            return r;
        }

        private static void Limits(YMap limits, ResourcesSpec r)
        {
            if (limits == null) return;
            if (Canon.Long(limits, "memory") != 0) r.Memory = Canon.Long(limits, "memory");
            if (Canon.Double(limits, "cpus") != 0) r.NanoCpus = (long)(Canon.Double(limits, "cpus") * 1e9);
            if (Canon.Long(limits, "pids") > 0) r.PidsLimit = Canon.Long(limits, "pids");
        }

        private static void Reservations(YMap reservations, ResourcesSpec r)
        {
            if (reservations == null) return;
            if (Canon.Long(reservations, "memory") != 0) r.MemoryReservation = Canon.Long(reservations, "memory");
            foreach (YMap device in Canon.Maps(reservations, "devices"))
                r.DeviceRequests.Add(new DeviceRequestSpec
                {
                    Capabilities = new List<IList<string>> { Canon.StringsOrEmpty(device, "capabilities") },
                    Count = Canon.Long(device, "count"),
                    DeviceIds = Canon.StringsOrEmpty(device, "device_ids"),
                    Driver = Canon.Str(device, "driver"),
                    Options = Canon.StringMap(device, "options"),
                });
        }

        private static void Blkio(YMap blkio, ResourcesSpec r)
        {
            if (blkio == null) return;
            r.BlkioWeight = (int)Canon.Long(blkio, "weight");
            r.BlkioWeightDevice = Canon.Maps(blkio, "weight_device").Select(d => new WeightDeviceSpec { Path = Canon.Str(d, "path"), Weight = (int)Canon.Long(d, "weight") }).ToList();
            r.BlkioDeviceReadBps = Throttle(blkio, "device_read_bps");
            r.BlkioDeviceWriteBps = Throttle(blkio, "device_write_bps");
            r.BlkioDeviceReadIOps = Throttle(blkio, "device_read_iops");
            r.BlkioDeviceWriteIOps = Throttle(blkio, "device_write_iops");
        }

        private static IList<ThrottleDeviceSpec> Throttle(YMap blkio, string key) =>
            Canon.Maps(blkio, key).Select(d => new ThrottleDeviceSpec { Path = Canon.Str(d, "path"), Rate = (ulong)Canon.Long(d, "rate") }).ToList();

        /// <summary>nofile: {soft, hard} or nproc: 5 (a single value is both soft and hard).</summary>
        internal static IList<UlimitSpec> Ulimits(YMap ulimits)
        {
            var result = new List<UlimitSpec>();
            if (ulimits == null) return result;
            foreach (var e in ulimits)
            {
                if (e.Value is YMap limit)
                {
                    long single = Canon.Long(limit, "single");
                    long soft = Canon.Long(limit, "soft"), hard = Canon.Long(limit, "hard");
                    result.Add(new UlimitSpec { Name = e.Key, Soft = soft != 0 ? soft : single, Hard = hard != 0 ? hard : single });
                }
                else
                {
                    long value = Canon.Number(e.Value) ?? 0;
                    result.Add(new UlimitSpec { Name = e.Key, Soft = value, Hard = value });
                }
            }
            return result;
        }

        private static IList<DeviceMappingSpec> Devices(YMap s)
        {
            var result = new List<DeviceMappingSpec>();
            if (!(s["devices"] is List<object> devices)) return result;
            foreach (object device in devices)
            {
                if (device is YMap d)
                {
                    string source = Canon.Str(d, "source");
                    result.Add(new DeviceMappingSpec
                    {
                        PathOnHost = source,
                        PathInContainer = Canon.Str(d, "target") ?? source,
                        CgroupPermissions = Canon.Str(d, "permissions") ?? "rwm",
                    });
                }
                else
                {
                    string[] parts = System.Convert.ToString(device, CultureInfo.InvariantCulture).Split(':');
                    result.Add(new DeviceMappingSpec
                    {
                        PathOnHost = parts[0],
                        PathInContainer = parts.Length > 1 ? parts[1] : parts[0],
                        CgroupPermissions = parts.Length > 2 ? parts[2] : "rwm",
                    });
                }
            }
            return result;
        }
    }
}
