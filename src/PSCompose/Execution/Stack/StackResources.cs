using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PSCompose.Engine;
using PSCompose.Model;
using PSCompose.Model.Serialization;

namespace PSCompose.Execution.Stack
{
    /// <summary>A stack's networks, secrets, configs and volume mounts (docker/cli convert compose.go, volume.go).</summary>
    internal static class StackResources
    {
        public static void AddSecretsAndConfigs(ProjectModel model, string stack, StackPlan plan)
        {
            AddObjects(model, stack, model.Secrets, plan.Secrets);
            AddObjects(model, stack, model.Configs, plan.Configs);
        }

        /// <summary>
        /// `&lt;stack&gt;_&lt;key&gt;-&lt;hash&gt;` (or the declared name + hash): a new name per content, so an update
        /// swaps the reference instead of changing a secret in use. External ones keep their name.
        /// </summary>
        private static void AddObjects(ProjectModel model, string stack, YMap declared, List<SwarmObjectSpec> into)
        {
            foreach (var entry in declared)
            {
                var d = entry.Value as YMap ?? new YMap();
                string baseName = Canon.Str(d, "name") ?? ComposeNames.ProjectResource(stack, entry.Key);
                if (Canon.Bool(d, "external"))
                {
                    into.Add(new SwarmObjectSpec { Name = baseName, Data = null, Labels = { [StackLabels.Key] = entry.Key } });
                    continue;
                }
                byte[] data = Content(model, d);
                string hash = ConfigHash.Sha256(data);
                var spec = new SwarmObjectSpec { Name = baseName + "-" + hash.Substring(0, StackTranslator.NameHashLength), Data = data };
                foreach (var l in Canon.StringMap(d, "labels")) spec.Labels[l.Key] = l.Value ?? "";
                spec.Labels[StackLabels.Namespace] = stack;
                spec.Labels[StackLabels.ContentHash] = hash;
                spec.Labels[StackLabels.Key] = entry.Key;
                into.Add(spec);
            }
        }

        private static byte[] Content(ProjectModel model, YMap d)
        {
            if (Canon.Str(d, "file") is string file) return File.ReadAllBytes(file);
            if (Canon.Str(d, "content") is string content) return Encoding.UTF8.GetBytes(content);
            if (Canon.Str(d, "environment") is string variable)
                return Encoding.UTF8.GetBytes(model.Environment.TryGetValue(variable, out string value) ? value ?? "" : "");
            return new byte[0];
        }

        /// <summary>The engine name of the secret or config a service refers to by key.</summary>
        public static string ObjectName(List<SwarmObjectSpec> objects, string key) =>
            objects.FirstOrDefault(o => o.Labels.TryGetValue(StackLabels.Key, out string k) && k == key)?.Name ?? key;

        /// <summary>The networks the services use, overlay unless a driver is given; external ones are only checked.</summary>
        public static void AddNetworks(ProjectModel model, string stack, ISet<string> used, StackPlan plan)
        {
            foreach (string key in used.OrderBy(k => k, StringComparer.Ordinal))
            {
                YMap n = model.Networks.Map(key) ?? new YMap();
                string name = Canon.Str(n, "name") ?? ComposeNames.ProjectResource(stack, key);
                if (StackTranslator.IsBuiltInNetwork(name)) continue;
                if (Canon.Bool(n, "external"))
                {
                    plan.ExternalNetworks.Add(name);
                    continue;
                }
                var spec = new NetworkSpec
                {
                    Name = name,
                    Driver = Canon.Str(n, "driver") ?? "overlay",
                    Options = Canon.StringMap(n, "driver_opts"),
                    Internal = Canon.Bool(n, "internal"),
                    Attachable = Canon.Bool(n, "attachable"),
                };
                foreach (var l in Canon.StringMap(n, "labels")) spec.Labels[l.Key] = l.Value ?? "";
                spec.Labels[StackLabels.Namespace] = stack;
                YMap ipam = n.Map("ipam");
                if (ipam != null && (Canon.Str(ipam, "driver") != null || Canon.Maps(ipam, "config").Count > 0))
                    spec.Ipam = new IpamSpec
                    {
                        Driver = Canon.Str(ipam, "driver"),
                        Config = Canon.Maps(ipam, "config").Select(c => new IpamPoolSpec { Subnet = Canon.Str(c, "subnet") }).ToList(),
                    };
                plan.Networks.Add(spec);
            }
        }

        /// <summary>docker/cli convertVolumeToMount: named volumes scoped to the stack and labelled, binds and tmpfs as written.</summary>
        public static IList<SwarmMountSpec> Mounts(ProjectModel model, string stack, YMap s)
        {
            var mounts = new List<SwarmMountSpec>();
            foreach (YMap v in Canon.Maps(s, "volumes"))
            {
                string type = Canon.Str(v, "type") ?? "volume";
                string source = Canon.Str(v, "source");
                var m = new SwarmMountSpec
                {
                    Type = type,
                    Source = source,
                    Target = Canon.Str(v, "target"),
                    ReadOnly = Canon.Bool(v, "read_only"),
                };
                if (type == "volume")
                {
                    m.NoCopy = Canon.Bool(v.Map("volume"), "nocopy");
                    if (source != null)
                    {
                        YMap declared = model.Volumes.Map(source) ?? new YMap();
                        m.Source = Canon.Str(declared, "name") ?? ComposeNames.ProjectResource(stack, source);
                        if (!Canon.Bool(declared, "external"))
                        {
                            m.VolumeLabels = Canon.StringMap(declared, "labels");
                            m.VolumeLabels[StackLabels.Namespace] = stack;
                            m.VolumeDriver = Canon.Str(declared, "driver");
                            if (m.VolumeDriver != null) m.VolumeDriverOptions = Canon.StringMap(declared, "driver_opts");
                        }
                    }
                }
                else if (type == "bind")
                    m.BindPropagation = Canon.Str(v.Map("bind"), "propagation");
                else if (type == "tmpfs")
                    m.TmpfsSize = Canon.Number(v.Map("tmpfs")?["size"]);
                mounts.Add(m);
            }
            return mounts;
        }
    }
}
