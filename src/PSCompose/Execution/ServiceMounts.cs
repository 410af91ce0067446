using System;
using System.Collections.Generic;
using System.Linq;
using PSCompose.Engine;
using PSCompose.Model.Typed;

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
            List<ServiceVolume> volumes = c.Service.Volumes.ToList();
            Inherit(c, volumes, byTarget);
            foreach (ServiceVolume v in volumes) byTarget[v.Target] = Mount(c.Project, v);
            foreach (MountSpec secret in FileMounts(c.Service.Secrets, c.Project.Secrets, "/run/secrets/"))
                if (!byTarget.ContainsKey(secret.Target)) byTarget[secret.Target] = secret;
            foreach (MountSpec config in FileMounts(c.Service.Configs, c.Project.Configs, "/"))
                if (!byTarget.ContainsKey(config.Target)) byTarget[config.Target] = config;

            foreach (MountSpec m in byTarget.Values)
            {
                ServiceVolume declared = volumes.FirstOrDefault(v => v.Target == m.Target);
                if (m.Type == "bind" && declared != null && !BindNeedsMountApi(declared.Bind))
                    spec.Binds.Add(BindString(m.Source, declared));
                else if (m.Type == "volume" && declared != null && IsProjectVolume(c.Project, declared.Source) && !VolumeNeedsMountApi(declared.Volume))
                    spec.Binds.Add(BindString(m.Source, declared));
                else
                    spec.Mounts.Add(m);
            }
        }

        /// <summary>The replaced container's anonymous volumes (image VOLUMEs and source-less service volumes) carry over.</summary>
        private static void Inherit(ServiceContainer c, List<ServiceVolume> volumes, Dictionary<string, MountSpec> byTarget)
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
                int anonymous = volumes.FindIndex(v => v.Target == m.Destination && string.IsNullOrEmpty(v.Source));
                if (anonymous >= 0)
                {
                    byTarget[m.Destination] = inherited;
                    volumes.RemoveAt(anonymous);
                }
            }
        }

        private static MountSpec Mount(ProjectConfig project, ServiceVolume v)
        {
            var m = new MountSpec
            {
                Type = v.Type,
                Source = v.Source,
                Target = v.Target,
                ReadOnly = v.ReadOnly,
                Consistency = v.Consistency,
            };
            if (v.Type == "volume" && !string.IsNullOrEmpty(v.Source) && IsProjectVolume(project, v.Source))
                m.Source = project.VolumeName(v.Source);
            if (v.Bind is BindOptions bind)
            {
                m.HasBindOptions = true;
                m.BindPropagation = bind.Propagation;
                m.BindCreateMountpoint = bind.CreateHostPath;
                if (bind.Recursive == "disabled") m.BindNonRecursive = true;
                if (bind.Recursive == "writable") m.BindReadOnlyNonRecursive = true;
                if (bind.Recursive == "readonly") m.BindReadOnlyForceRecursive = true;
            }
            if (v.Volume is VolumeOptions volume)
            {
                m.HasVolumeOptions = true;
                m.VolumeNoCopy = volume.NoCopy;
                m.VolumeSubpath = volume.Subpath;
                m.VolumeLabels = volume.Labels.ToDictionary();
            }
            if (v.Tmpfs is TmpfsOptions tmpfs)
            {
                m.HasTmpfsOptions = true;
                m.TmpfsSizeBytes = tmpfs.Size;
                m.TmpfsMode = tmpfs.Mode is long mode ? (uint)mode : (uint?)null;
            }
            if (v.Type == "image") m.ImageSubpath = v.Image?.Subpath;
            return m;
        }

        /// <summary>File-based secrets (target /run/secrets/x) and configs (target /x), bind-mounted read-only.</summary>
        private static IEnumerable<MountSpec> FileMounts(IEnumerable<FileReference> references, OrderedMap<FileObjectConfig> definitions, string defaultPrefix)
        {
            foreach (FileReference reference in references)
            {
                string file = definitions[reference.Source ?? ""]?.File;
                if (file == null) continue; // environment/content-based ones are not files to mount
                string target = reference.Target ?? defaultPrefix + reference.Source;
                if (!target.StartsWith("/", StringComparison.Ordinal)) target = defaultPrefix + target;
                yield return new MountSpec { Type = "bind", Source = file, Target = target, ReadOnly = true };
            }
        }

        private static bool IsProjectVolume(ProjectConfig project, string key) => key != null && project.Volumes.ContainsKey(key);

        private static bool BindNeedsMountApi(BindOptions bind) =>
            bind != null && (bind.CreateHostPath != true || bind.Propagation != null || bind.Recursive != null);

        private static bool VolumeNeedsMountApi(VolumeOptions volume) =>
            volume != null && (volume.Labels.Count > 0 || volume.Subpath != null || volume.NoCopy == true);

        /// <summary>"source:target:rw|ro[,selinux][,propagation][,nocopy]" (create.go toBindString).</summary>
        private static string BindString(string source, ServiceVolume v)
        {
            var options = new List<string> { v.ReadOnly ? "ro" : "rw" };
            if (!string.IsNullOrEmpty(v.Bind?.Selinux)) options.Add(v.Bind.Selinux);
            if (!string.IsNullOrEmpty(v.Bind?.Propagation)) options.Add(v.Bind.Propagation);
            if (v.Volume?.NoCopy == true) options.Add("nocopy");
            return source + ":" + v.Target + ":" + string.Join(",", options);
        }
    }
}
