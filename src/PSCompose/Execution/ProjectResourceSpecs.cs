using System.Collections.Generic;
using System.Linq;
using PSCompose.Engine;
using PSCompose.Model;

namespace PSCompose.Execution
{
    /// <summary>Networks, volumes and builds as Compose creates them: user labels plus Compose's own.</summary>
    internal static class ProjectResourceSpecs
    {
        public static NetworkSpec Network(ProjectModel project, string key, string configHash)
        {
            YMap n = project.Networks.Map(key) ?? new YMap();
            var labels = Canon.StringMap(n, "labels");
            labels[ComposeLabels.Project] = project.Name;
            labels[ComposeLabels.Network] = key;
            labels[ComposeLabels.Version] = ComposeLabels.ComposeVersion;
            labels[ComposeLabels.ConfigHash] = configHash;
            YMap ipam = n.Map("ipam");
            return new NetworkSpec
            {
                Name = Canon.Str(n, "name") ?? ComposeNames.ProjectResource(project.Name, key),
                Driver = Canon.Str(n, "driver"),
                Options = Canon.StringMap(n, "driver_opts"),
                Labels = labels,
                Internal = Canon.Bool(n, "internal"),
                Attachable = Canon.Bool(n, "attachable"),
                EnableIpv6 = Canon.OptionalBool(n, "enable_ipv6"),
                EnableIpv4 = Canon.OptionalBool(n, "enable_ipv4"),
                Ipam = ipam == null || (Canon.Str(ipam, "driver") == null && Canon.Maps(ipam, "config").Count == 0) ? null : new IpamSpec
                {
                    Driver = Canon.Str(ipam, "driver"),
                    Options = Canon.StringMap(ipam, "options"),
                    Config = Canon.Maps(ipam, "config").Select(pool => new IpamPoolSpec
                    {
                        Subnet = Canon.Str(pool, "subnet"),
                        IpRange = Canon.Str(pool, "ip_range"),
                        Gateway = Canon.Str(pool, "gateway"),
                        AuxAddresses = Canon.StringMap(pool, "aux_addresses"),
                    }).ToList(),
                },
            };
        }

        public static VolumeSpec Volume(ProjectModel project, string key, string configHash)
        {
            YMap v = project.Volumes.Map(key) ?? new YMap();
            var labels = Canon.StringMap(v, "labels");
            labels[ComposeLabels.Project] = project.Name;
            labels[ComposeLabels.Volume] = key;
            labels[ComposeLabels.Version] = ComposeLabels.ComposeVersion;
            labels[ComposeLabels.ConfigHash] = configHash;
            return new VolumeSpec
            {
                Name = Canon.Str(v, "name") ?? ComposeNames.ProjectResource(project.Name, key),
                Driver = Canon.Str(v, "driver"),
                DriverOpts = Canon.StringMap(v, "driver_opts"),
                Labels = labels,
            };
        }

        /// <summary>A classic-builder build of a service's image: build.labels plus project/service/version labels.</summary>
        public static BuildSpec Build(ProjectModel project, string service, string imageName, bool noCache = false, bool pull = false)
        {
            YMap s = project.Service(service);
            YMap b = s.Map("build") ?? new YMap();
            ClassicBuilderLimits.Check(service, b);
            var labels = Canon.StringMap(b, "labels");
            labels[ComposeLabels.Project] = project.Name;
            labels[ComposeLabels.Service] = service;
            labels[ComposeLabels.Version] = ComposeLabels.ComposeVersion;
            labels[ComposeLabels.ImageBuilder] = "classic";
            var tags = new List<string> { imageName };
            tags.AddRange(Canon.StringsOrEmpty(b, "tags"));
            var args = Canon.StringMap(b, "args").Where(a => a.Value != null).ToDictionary(a => a.Key, a => a.Value);
            return new BuildSpec
            {
                ContextDirectory = Canon.Str(b, "context") ?? project.WorkingDirectory,
                Dockerfile = Canon.Str(b, "dockerfile") ?? "Dockerfile",
                DockerfileInline = Canon.Str(b, "dockerfile_inline"),
                Tags = tags.Distinct().ToList(),
                Args = args,
                Labels = labels,
                Target = Canon.Str(b, "target"),
                CacheFrom = Canon.StringsOrEmpty(b, "cache_from"),
                NetworkMode = Canon.Str(b, "network"),
                ShmSize = b["shm_size"] == null ? (long?)null : Canon.Long(b, "shm_size"),
                ExtraHosts = Canon.StringsOrEmpty(b, "extra_hosts").Select(h => h.Contains("=") ? h.Replace('=', ':') : h).ToList(),
                NoCache = noCache || Canon.Bool(b, "no_cache"),
                Pull = pull || Canon.Bool(b, "pull"),
                Platform = Canon.Str(s, "platform"),
                Isolation = Canon.Str(b, "isolation"),
            };
        }
    }
}
