using System.Collections.Generic;
using System.Linq;
using PSCompose.Engine;
using PSCompose.Model;
using PSCompose.Model.Typed;

namespace PSCompose.Execution
{
    /// <summary>container.Resources as Compose fills it (create.go getDeployResources, setLimits, setReservations).</summary>
    internal static class ServiceResources
    {
        public static ResourcesSpec Build(ServiceConfig s)
        {
            var r = new ResourcesSpec
            {
                CgroupParent = s.CgroupParent,
                Memory = s.MemLimit,
                MemorySwap = s.MemswapLimit,
                MemoryReservation = s.MemReservation,
                MemorySwappiness = s.MemSwappiness != 0 ? s.MemSwappiness : (long?)null,
                OomKillDisable = s.OomKillDisable,
                CpuCount = s.CpuCount,
                CpuPeriod = s.CpuPeriod,
                CpuQuota = s.CpuQuota,
                CpuRealtimePeriod = s.CpuRtPeriod,
                CpuRealtimeRuntime = s.CpuRtRuntime,
                CpuShares = s.CpuShares,
                NanoCpus = (long)(s.Cpus * 1e9),
                CpuPercent = (long)(s.CpuPercent * 100),
                CpusetCpus = s.Cpuset,
                DeviceCgroupRules = s.DeviceCgroupRules.ToList(),
                PidsLimit = s.PidsLimit != 0 ? s.PidsLimit : (long?)null,
                Devices = s.Devices.Select(d => new DeviceMappingSpec
                {
                    PathOnHost = d.Source,
                    PathInContainer = d.Target ?? d.Source,
                    CgroupPermissions = d.Permissions ?? "rwm",
                }).ToList(),
                Ulimits = Ulimits(s.Ulimits),
            };
            Blkio(s.BlkioConfig, r);
            Limits(s.Deploy?.Resources.Limits, r);
            Reservations(s.Deploy?.Resources.Reservations, r);
            return r;
        }

        private static void Limits(ResourceSpec limits, ResourcesSpec r)
        {
            if (limits == null) return;
            if (limits.Memory != 0) r.Memory = limits.Memory;
            if (limits.Cpus != 0) r.NanoCpus = (long)(limits.Cpus * 1e9);
            if (limits.Pids > 0) r.PidsLimit = limits.Pids;
        }

        private static void Reservations(ResourceSpec reservations, ResourcesSpec r)
        {
            if (reservations == null) return;
            if (reservations.Memory != 0) r.MemoryReservation = reservations.Memory;
            foreach (DeviceRequest device in reservations.Devices)
                r.DeviceRequests.Add(new DeviceRequestSpec
                {
                    Capabilities = new List<IList<string>> { device.Capabilities.ToList() },
                    Count = device.Count,
                    DeviceIds = device.DeviceIds.ToList(),
                    Driver = device.Driver,
                    Options = device.Options.ToDictionary(),
                });
        }

        private static void Blkio(BlkioConfig blkio, ResourcesSpec r)
        {
            if (blkio == null) return;
            r.BlkioWeight = (int)blkio.Weight;
            r.BlkioWeightDevice = blkio.WeightDevice.Select(d => new WeightDeviceSpec { Path = d.Path, Weight = (int)d.Weight }).ToList();
            r.BlkioDeviceReadBps = Throttle(blkio.DeviceReadBps);
            r.BlkioDeviceWriteBps = Throttle(blkio.DeviceWriteBps);
            r.BlkioDeviceReadIOps = Throttle(blkio.DeviceReadIops);
            r.BlkioDeviceWriteIOps = Throttle(blkio.DeviceWriteIops);
        }

        private static IList<ThrottleDeviceSpec> Throttle(IEnumerable<ThrottleDevice> devices) =>
            devices.Select(d => new ThrottleDeviceSpec { Path = d.Path, Rate = (ulong)d.Rate }).ToList();

        /// <summary>nofile: {soft, hard} or nproc: 5 (a single value is both soft and hard).</summary>
        internal static IList<UlimitSpec> Ulimits(OrderedMap<UlimitConfig> ulimits) =>
            ulimits.Select(e => new UlimitSpec
            {
                Name = e.Key,
                Soft = e.Value.Soft != 0 ? e.Value.Soft : e.Value.Single,
                Hard = e.Value.Hard != 0 ? e.Value.Hard : e.Value.Single,
            }).ToList();

    }
}
