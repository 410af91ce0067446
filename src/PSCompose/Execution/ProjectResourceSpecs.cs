using System.Collections.Generic;
using System.Linq;
using PSCompose.Engine;
using PSCompose.Model;
using PSCompose.Model.Typed;

namespace PSCompose.Execution
{
    /// <summary>Networks, volumes and builds as Compose creates them: user labels plus Compose's own.</summary>
    internal static class ProjectResourceSpecs
    {
        public static NetworkSpec Network(ProjectConfig project, string key, string configHash)
        {
            NetworkConfig n = project.Networks[key] ?? new NetworkConfig { Key = key };
            var labels = n.Labels.ToDictionary();
            labels[ComposeLabels.Project] = project.Name;
            labels[ComposeLabels.Network] = key;
            labels[ComposeLabels.Version] = ComposeLabels.ComposeVersion;
            labels[ComposeLabels.ConfigHash] = configHash;
            return new NetworkSpec
            {
                Name = n.EngineName(project.Name),
                Driver = n.Driver,
                Options = n.DriverOpts.ToDictionary(),
                Labels = labels,
                Internal = n.Internal,
                Attachable = n.Attachable,
                EnableIpv6 = n.EnableIpv6,
                EnableIpv4 = n.EnableIpv4,
                Ipam = !n.Ipam.IsSet ? null : new IpamSpec
                {
                    Driver = n.Ipam.Driver,
                    Options = n.Ipam.Options.ToDictionary(),
                    Config = n.Ipam.Config.Select(pool => new IpamPoolSpec
                    {
                        Subnet = pool.Subnet,
                        IpRange = pool.IpRange,
                        Gateway = pool.Gateway,
                        AuxAddresses = pool.AuxAddresses.ToDictionary(),
                    }).ToList(),
                },
            };
        }

        public static VolumeSpec Volume(ProjectConfig project, string key, string configHash)
        {
            VolumeConfig v = project.Volumes[key] ?? new VolumeConfig { Key = key };
            var labels = v.Labels.ToDictionary();
            labels[ComposeLabels.Project] = project.Name;
            labels[ComposeLabels.Volume] = key;
            labels[ComposeLabels.Version] = ComposeLabels.ComposeVersion;
            labels[ComposeLabels.ConfigHash] = configHash;
            return new VolumeSpec
            {
                Name = v.EngineName(project.Name),
                Driver = v.Driver,
                DriverOpts = v.DriverOpts.ToDictionary(),
                Labels = labels,
            };
        }

        /// <summary>A classic-builder build of a service's image: build.labels plus project/service/version labels.</summary>
        public static BuildSpec Build(ProjectModel project, string service, string imageName, bool noCache = false, bool pull = false) =>
            Build(project.Typed, service, imageName, noCache, pull);

        public static BuildSpec Build(ProjectConfig project, string service, string imageName, bool noCache = false, bool pull = false)
        {
            ServiceConfig s = project.Service(service);
            BuildConfig b = s.Build ?? new BuildConfig();
            ClassicBuilderLimits.Check(service, b);
            var labels = b.Labels.ToDictionary();
            labels[ComposeLabels.Project] = project.Name;
            labels[ComposeLabels.Service] = service;
            labels[ComposeLabels.Version] = ComposeLabels.ComposeVersion;
            labels[ComposeLabels.ImageBuilder] = "classic";
            var tags = new List<string> { imageName };
            tags.AddRange(b.Tags);
            return new BuildSpec
            {
                ContextDirectory = b.Context ?? project.WorkingDirectory,
                Dockerfile = b.Dockerfile ?? "Dockerfile",
                DockerfileInline = b.DockerfileInline,
                Tags = tags.Distinct().ToList(),
                Args = b.Args.Where(a => a.Value != null).ToDictionary(a => a.Key, a => a.Value),
                Labels = labels,
                Target = b.Target,
                CacheFrom = b.CacheFrom.ToList(),
                NetworkMode = b.Network,
                ShmSize = b.ShmSize,
                ExtraHosts = b.ExtraHosts.Select(h => h.Contains("=") ? h.Replace('=', ':') : h).ToList(),
                NoCache = noCache || b.NoCache,
                Pull = pull || b.Pull,
                Platform = s.Platform,
                Isolation = b.Isolation,
            };
        }
    }
}
