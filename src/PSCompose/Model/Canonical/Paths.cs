using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PSCompose.Model.Canonical
{
    /// <summary>
    /// compose-go paths.ResolveRelativePaths: relative host paths made absolute against the working directory
    /// (build context and additional contexts unless remote, build ssh keys, env_file, label_file, extends.file,
    /// develop.watch paths, bind mount sources with ~ expanded, secret/config files, local bind volume devices).
    /// Absolute paths are kept as written; joined ones are cleaned like filepath.Join.
    /// </summary>
    internal static class Paths
    {
        public static void Resolve(YMap document, string workingDir) => Resolve(document, workingDir, HomeDirectory());

        public static void Resolve(YMap document, string workingDir, string home)
        {
            if (document == null) return;
            string Abs(string p) => p == null ? null : PathUtil.Absolute(workingDir, PathUtil.ExpandHome(p, home));

            YMap services = document.Map("services");
            if (services != null)
                foreach (YMap service in services.Select(s => s.Value).OfType<YMap>())
                    ResolveService(service, workingDir, home, Abs);

            foreach (string section in new[] { "secrets", "configs" })
                foreach (YMap resource in (document.Map(section) ?? new YMap()).Select(r => r.Value).OfType<YMap>())
                    if (resource["file"] is string file) resource["file"] = Abs(file);

            foreach (YMap volume in (document.Map("volumes") ?? new YMap()).Select(v => v.Value).OfType<YMap>())
            {
                // Only the exact `driver: local` + `o: bind` pair is recognised as a bind-mounted volume.
                if (volume.String("driver") != "local") continue;
                YMap opts = volume.Map("driver_opts");
                if (opts?["o"] is string o && o == "bind" && opts["device"] is string device)
                    opts["device"] = Abs(device);
            }
        }

        private static void ResolveService(YMap service, string workingDir, string home, Func<string, string> abs)
        {
            if (service.Map("build") is YMap build)
            {
                if (build["context"] is string context && !IsRemoteContext(context)) build["context"] = abs(context);
                if (build.Map("additional_contexts") is YMap contexts)
                    foreach (string key in contexts.Keys.ToList())
                        if (contexts[key] is string c && !IsRemoteContext(c)) contexts[key] = abs(c);
                if (build.List("ssh") is List<object> ssh)
                    for (int i = 0; i < ssh.Count; i++)
                        if (ssh[i] is string key && key.IndexOf('=') > 0)
                        {
                            int eq = key.IndexOf('=');
                            ssh[i] = key.Substring(0, eq + 1) + abs(key.Substring(eq + 1));
                        }
            }
            foreach (YMap envFile in (service.List("env_file") ?? new List<object>()).OfType<YMap>())
                if (envFile["path"] is string p) envFile["path"] = abs(p);
            if (service.List("label_file") is List<object> labelFiles)
                for (int i = 0; i < labelFiles.Count; i++)
                    if (labelFiles[i] is string lf) labelFiles[i] = abs(lf);
            if (service.Map("extends") is YMap extends && extends["file"] is string ef && !IsRemoteContext(ef))
                extends["file"] = abs(ef);
            if (service.Map("develop")?.List("watch") is List<object> watch)
                foreach (YMap trigger in watch.OfType<YMap>())
                    if (trigger["path"] is string wp) trigger["path"] = abs(wp);
            foreach (YMap volume in (service.List("volumes") ?? new List<object>()).OfType<YMap>())
            {
                if (volume.String("type") != "bind" || !(volume["source"] is string source)) continue;
                source = PathUtil.ExpandHome(source, home);
                if (!PathUtil.IsAbs(source, workingDir) && !IsWindowsAbsolute(source)) source = PathUtil.Join(workingDir, source);
                volume["source"] = source;
            }
        }

        private static bool IsWindowsAbsolute(string path) =>
            path.StartsWith("\\\\", StringComparison.Ordinal) ||
            (path.Length >= 3 && char.IsLetter(path[0]) && path[1] == ':' && (path[2] == '\\' || path[2] == '/'));

        /// <summary>URLs, git references and builder-specific contexts (docker-image://, service:x) stay as written.</summary>
        public static bool IsRemoteContext(string context)
        {
            if (context.Contains("://")) return true;
            foreach (string prefix in new[] { "github.com/", "git@", "service:" })
                if (context.StartsWith(prefix, StringComparison.Ordinal)) return true;
            return false;
        }

        public static string HomeDirectory()
        {
            string home = System.Environment.GetEnvironmentVariable("HOME");
            if (string.IsNullOrEmpty(home)) home = System.Environment.GetEnvironmentVariable("USERPROFILE");
            if (string.IsNullOrEmpty(home)) home = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
            return home;
        }
    }
}
