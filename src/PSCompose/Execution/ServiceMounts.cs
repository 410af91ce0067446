using System;
using System.Collections.Generic;
using System.Linq;
using PSCompose.Engine;
using PSCompose.Model;

namespace PSCompose.Execution
{
    /// <summary>
    /// Binds and mounts as create.go buildContainerVolumes decides them: legacy bind strings where they suffice
    /// (they can create a missing host path), the Mount API otherwise; anonymous volumes inherited from the
    /// replaced container; file secrets and configs bind-mounted read-only.
    /// </summary>
    internal static class ServiceMounts
    {
        public static void Apply(ContainerSpec spec, ServiceContainer c)
        {
            var byTarget = new Dictionary<string, MountSpec>(StringComparer.Ordinal);
            List<YMap> volumes = Canon.Maps(c.Service, "volumes");
            Inherit(c, volumes, byTarget);
            foreach (YMap v in volumes) byTarget[Canon.Str(v, "target")] = Mount(c.Project, v);
            foreach (MountSpec secret in FileMounts(c, "secrets", "/run/secrets/"))
                if (!byTarget.ContainsKey(secret.Target)) byTarget[secret.Target] = secret;
            foreach (MountSpec config in FileMounts(c, "configs", "/"))
                if (!byTarget.ContainsKey(config.Target)) byTarget[config.Target] = config;

            foreach (MountSpec m in byTarget.Values)
            {
                YMap declared = volumes.FirstOrDefault(v => Canon.Str(v, "target") == m.Target);
                if (m.Type == "bind" && declared != null && !BindNeedsMountApi(declared.Map("bind")))
                    spec.Binds.Add(BindString(m.Source, declared));
                else if (m.Type == "volume" && declared != null && IsProjectVolume(c.Project, Canon.Str(declared, "source")) && !VolumeNeedsMountApi(declared.Map("volume")))
                    spec.Binds.Add(BindString(m.Source, declared));
                else
                    spec.Mounts.Add(m);
            }
        }

        /// <summary>The replaced container's anonymous volumes (image VOLUMEs and source-less service volumes) carry over.</summary>
        private static void Inherit(ServiceContainer c, List<YMap> volumes, Dictionary<string, MountSpec> byTarget)
        {
            if (c.Replaces == null) return;
            foreach (EngineMount m in c.Replaces.Mounts.Where(m => m.Type != "tmpfs"))
            {
                var inherited = new MountSpec
                {
                    Type = m.Type,
                    Source = m.Type == "volume" ? m.Name : m.Source,
                    Target = m.Destination,
                    ReadOnly = !m.ReadWrite,
                };
                if (c.ImageVolumes.Contains(m.Destination)) byTarget[m.Destination] = inherited;
                int anonymous = volumes.FindIndex(v => Canon.Str(v, "target") == m.Destination && string.IsNullOrEmpty(Canon.Str(v, "source")));
                if (anonymous >= 0)
                {
                    byTarget[m.Destination] = inherited;
                    volumes.RemoveAt(anonymous);
                }
            }
        }

        private static MountSpec Mount(ProjectModel project, YMap v)
        {
            string type = Canon.Str(v, "type");
            string source = Canon.Str(v, "source");
            var m = new MountSpec
            {
                Type = type,
                Source = source,
                Target = Canon.Str(v, "target"),
                ReadOnly = Canon.Bool(v, "read_only"),
                Consistency = Canon.Str(v, "consistency"),
            };
            YMap bind = v.Map("bind"), volume = v.Map("volume"), tmpfs = v.Map("tmpfs");
            if (type == "volume" && !string.IsNullOrEmpty(source) && IsProjectVolume(project, source))
                m.Source = Canon.Str(project.Volumes.Map(source), "name") ?? ComposeNames.ProjectResource(project.Name, source);
            if (bind != null)
            {
                m.HasBindOptions = true;
                m.BindPropagation = Canon.Str(bind, "propagation");
                m.BindCreateMountpoint = Canon.OptionalBool(bind, "create_host_path");
                string recursive = Canon.Str(bind, "recursive");
                if (recursive == "disabled") m.BindNonRecursive = true;
                if (recursive == "writable") m.BindReadOnlyNonRecursive = true;
                if (recursive == "readonly") m.BindReadOnlyForceRecursive = true;
            }
            if (volume != null)
            {
                m.HasVolumeOptions = true;
                m.VolumeNoCopy = Canon.OptionalBool(volume, "nocopy");
                m.VolumeSubpath = Canon.Str(volume, "subpath");
                m.VolumeLabels = Canon.StringMap(volume, "labels");
            }
            if (tmpfs != null)
            {
                m.HasTmpfsOptions = true;
                m.TmpfsSizeBytes = tmpfs["size"] == null ? (long?)null : Canon.Long(tmpfs, "size");
                m.TmpfsMode = tmpfs["mode"] == null ? (uint?)null : (uint)Canon.Long(tmpfs, "mode");
            }
            if (type == "image") m.ImageSubpath = Canon.Str(v.Map("image"), "subpath");
            return m;
        }

        /// <summary>File-based secrets (target /run/secrets/x) and configs (target /x), bind-mounted read-only.</summary>
        private static IEnumerable<MountSpec> FileMounts(ServiceContainer c, string kind, string defaultPrefix)
        {
            YMap definitions = c.Project.Root.Map(kind) ?? new YMap();
            foreach (YMap reference in Canon.Maps(c.Service, kind))
            {
                string source = Canon.Str(reference, "source");
                string file = Canon.Str(definitions.Map(source), "file");
                if (file == null) continue; // environment/content-based ones are not files to mount
                string target = Canon.Str(reference, "target") ?? defaultPrefix + source;
                if (!target.StartsWith("/", StringComparison.Ordinal)) target = defaultPrefix + target;
                yield return new MountSpec { Type = "bind", Source = file, Target = target, ReadOnly = true };
            }
        }

        private static bool IsProjectVolume(ProjectModel project, string key) => key != null && project.Volumes.ContainsKey(key);

        private static bool BindNeedsMountApi(YMap bind) =>
            bind != null && (!Canon.Bool(bind, "create_host_path") || Canon.Str(bind, "propagation") != null || Canon.Str(bind, "recursive") != null);

        private static bool VolumeNeedsMountApi(YMap volume) =>
            volume != null && (Canon.StringMap(volume, "labels").Count > 0 || Canon.Str(volume, "subpath") != null || Canon.Bool(volume, "nocopy"));

        /// <summary>"source:target:rw|ro[,selinux][,propagation][,nocopy]" (create.go toBindString).</summary>
        private static string BindString(string source, YMap v)
        {
            var options = new List<string> { Canon.Bool(v, "read_only") ? "ro" : "rw" };
            YMap bind = v.Map("bind");
            if (Canon.Str(bind, "selinux") is string selinux && selinux.Length > 0) options.Add(selinux);
            if (Canon.Str(bind, "propagation") is string propagation && propagation.Length > 0) options.Add(propagation);
            if (Canon.Bool(v.Map("volume"), "nocopy")) options.Add("nocopy");
            return source + ":" + Canon.Str(v, "target") + ":" + string.Join(",", options);
        }
    }
}
