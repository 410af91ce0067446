using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PSCompose.Engine;
using PSCompose.Model;
using PSCompose.Model.Serialization;
using PSCompose.Model.Typed;

namespace PSCompose.Execution.Stack
{
    /// <summary>A stack's networks, secrets, configs and volume mounts (docker/cli convert compose.go, volume.go).</summary>
    internal static class StackResources
    {
        public static void AddSecretsAndConfigs(ProjectConfig project, string stack, StackPlan plan)
        {
            AddObjects(project, stack, project.Secrets, plan.Secrets);
            AddObjects(project, stack, project.Configs, plan.Configs);
        }

        /// <summary>
        /// `&lt;stack&gt;_&lt;key&gt;-&lt;hash&gt;` (or the declared name + hash): a new name per content, so an update
        /// swaps the reference instead of changing a secret in use. External ones keep their name.
        /// </summary>
        private static void AddObjects(ProjectConfig project, string stack, OrderedMap<FileObjectConfig> declared, List<SwarmObjectSpec> into)
        {
            foreach (FileObjectConfig d in declared.Values)
            {
                string baseName = d.Name ?? ComposeNames.ProjectResource(stack, d.Key);
                if (d.External)
                {
                    into.Add(new SwarmObjectSpec { Name = baseName, Data = null, Labels = { [StackLabels.Key] = d.Key } });
                    continue;
                }
                byte[] data = Content(project, d);
                string hash = ConfigHash.Sha256(data);
                var spec = new SwarmObjectSpec { Name = baseName + "-" + hash.Substring(0, StackTranslator.NameHashLength), Data = data };
                foreach (var l in d.Labels) spec.Labels[l.Key] = l.Value ?? "";
                spec.Labels[StackLabels.Namespace] = stack;
                spec.Labels[StackLabels.ContentHash] = hash;
                spec.Labels[StackLabels.Key] = d.Key;
                into.Add(spec);
            }
        }

        private static byte[] Content(ProjectConfig project, FileObjectConfig d)
        {
            if (d.File != null) return File.ReadAllBytes(d.File);
            if (d.Content != null) return Encoding.UTF8.GetBytes(d.Content);
            if (d.Environment != null)
                return Encoding.UTF8.GetBytes(project.Environment.TryGetValue(d.Environment, out string value) ? value ?? "" : "");
            return new byte[0];
        }

        /// <summary>The engine name of the secret or config a service refers to by key.</summary>
        public static string ObjectName(List<SwarmObjectSpec> objects, string key) =>
            objects.FirstOrDefault(o => o.Labels.TryGetValue(StackLabels.Key, out string k) && k == key)?.Name ?? key;

        /// <summary>The networks the services use, overlay unless a driver is given; external ones are only checked.</summary>
        public static void AddNetworks(ProjectConfig project, string stack, ISet<string> used, StackPlan plan)
        {
            foreach (string key in used.OrderBy(k => k, StringComparer.Ordinal))
            {
                NetworkConfig n = project.Networks[key] ?? new NetworkConfig { Key = key };
                string name = n.Name ?? ComposeNames.ProjectResource(stack, key);
                if (StackTranslator.IsBuiltInNetwork(name)) continue;
                if (n.External)
                {
                    plan.ExternalNetworks.Add(name);
                    continue;
                }
                var spec = new NetworkSpec
                {
                    Name = name,
                    Driver = n.Driver ?? "overlay",
                    Options = n.DriverOpts.ToDictionary(),
                    Internal = n.Internal,
                    Attachable = n.Attachable,
                };
                foreach (var l in n.Labels) spec.Labels[l.Key] = l.Value ?? "";
                spec.Labels[StackLabels.Namespace] = stack;
                if (n.Ipam.IsSet)
                    spec.Ipam = new IpamSpec
                    {
                        Driver = n.Ipam.Driver,
                        Config = n.Ipam.Config.Select(c => new IpamPoolSpec { Subnet = c.Subnet }).ToList(),
                    };
                plan.Networks.Add(spec);
            }
        }

        /// <summary>docker/cli convertVolumeToMount: named volumes scoped to the stack and labelled, binds and tmpfs as written.</summary>
        public static IList<SwarmMountSpec> Mounts(ProjectConfig project, string stack, ServiceConfig s)
        {
            var mounts = new List<SwarmMountSpec>();
            foreach (ServiceVolume v in s.Volumes)
            {
                string type = v.Type ?? "volume";
                var m = new SwarmMountSpec
                {
                    Type = type,
                    Source = v.Source,
                    Target = v.Target,
                    ReadOnly = v.ReadOnly,
                };
                if (type == "volume")
                {
                    m.NoCopy = v.Volume?.NoCopy == true;
                    if (v.Source != null)
                    {
                        VolumeConfig declared = project.Volumes[v.Source] ?? new VolumeConfig { Key = v.Source };
                        m.Source = declared.Name ?? ComposeNames.ProjectResource(stack, v.Source);
                        if (!declared.External)
                        {
                            m.VolumeLabels = declared.Labels.ToDictionary();
                            m.VolumeLabels[StackLabels.Namespace] = stack;
                            m.VolumeDriver = declared.Driver;
                            if (m.VolumeDriver != null) m.VolumeDriverOptions = declared.DriverOpts.ToDictionary();
                        }
                    }
                }
                else if (type == "bind")
                    m.BindPropagation = v.Bind?.Propagation;
                else if (type == "tmpfs")
                    m.TmpfsSize = v.Tmpfs?.Size;
                mounts.Add(m);
            }
            return mounts;
        }
    }
}
