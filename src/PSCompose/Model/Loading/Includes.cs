using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PSCompose.Model.Loading
{
    /// <summary>
    /// compose-go ApplyInclude: each include entry is loaded as its own model (its own project directory and
    /// .env, the parent's variables winning), then its resources are copied in. In Compose 2.40.3 a resource
    /// defined both locally and in the included model is an error unless both definitions are identical.
    /// </summary>
    internal static class Includes
    {
        private static readonly string[] ResourceKeys = { "services", "volumes", "networks", "secrets", "configs", "models" };

        public static void Apply(YMap cfg, LoadContext context, List<string> included)
        {
            if (!cfg.TryGetValue("include", out object value)) return;
            if (included.Count > NestingLimits.MaxIncludeChain)
                throw NestingLimits.TooDeep("include chain", NestingLimits.MaxIncludeChain, included.Last(), "include");
            foreach (var entry in Entries(value))
            {
                var paths = StringList(entry["path"]);
                string projectDirectory = entry["project_directory"] as string;
                string relativeDirectory = null;
                var resolved = new List<string>();
                for (int i = 0; i < paths.Count; i++)
                {
                    string path = Absolute(paths[i], context.WorkingDir);
                    if (i == 0)
                    {
                        // The first path is the included project's main file and decides its directory.
                        if (string.IsNullOrEmpty(projectDirectory))
                        {
                            projectDirectory = Path.GetDirectoryName(path);
                            relativeDirectory = ModelLoader.RelativeDirectory(context.WorkingDir, projectDirectory);
                        }
                        else if (!Path.IsPathRooted(projectDirectory))
                        {
                            projectDirectory = Absolute(projectDirectory, context.WorkingDir);
                            relativeDirectory = ModelLoader.RelativeDirectory(context.WorkingDir, projectDirectory);
                        }
                        else
                        {
                            relativeDirectory = projectDirectory;
                        }
                        if (included.Contains(path))
                        {
                            var chain = new List<string>(included) { path };
                            throw new ComposeFileException(ErrorIds.IncludeInvalid,
                                "include cycle detected:\n" + chain[0] + "\n include " + string.Join("\n include ", chain.Skip(1)),
                                keyPath: "include");
                        }
                    }
                    resolved.Add(path);
                }

                var envFiles = EnvFiles(entry["env_file"], projectDirectory, context.WorkingDir);
                var fromFiles = ProjectSetup.ReadEnvFiles(context.Environment, envFiles);
                var environment = new Dictionary<string, string>(context.Environment, StringComparer.Ordinal);
                foreach (var kv in fromFiles)
                {
                    if (!environment.ContainsKey(kv.Key)) environment[kv.Key] = kv.Value;
                }

                var includeContext = context.Clone();
                includeContext.WorkingDir = projectDirectory;
                includeContext.PathBase = relativeDirectory;
                includeContext.Environment = environment;
                includeContext.ResolvePaths = true;
                var imported = ModelLoader.LoadModel(resolved, includeContext, included);
                ImportResources(imported, cfg, included.Last());
            }
            cfg.Remove("include");
        }

        private static IEnumerable<YMap> Entries(object value)
        {
            if (!(value is List<object> list))
            {
                throw new ComposeFileException(ErrorIds.IncludeInvalid,
                    "`include` must be a list, got " + GoFormat.Value(value), keyPath: "include");
            }
            foreach (var item in list)
            {
                switch (item)
                {
                    case string s:
                        yield return new YMap { ["path"] = s };
                        break;
                    case YMap m:
                        yield return m;
                        break;
                    default:
                        throw new ComposeFileException(ErrorIds.IncludeInvalid,
                            "include entries must be a string or a mapping", keyPath: "include");
                }
            }
        }

        private static List<string> StringList(object value)
        {
            switch (value)
            {
                case string s: return new List<string> { s };
                case List<object> l: return l.Select(GoFormat.Value).ToList();
                default:
                    throw new ComposeFileException(ErrorIds.IncludeInvalid, "include.path is required", keyPath: "include");
            }
        }

        // Without env_file the included directory's .env is used when it is a file; explicit relative env files
        // resolve against the including project's directory and must exist.
        private static List<string> EnvFiles(object value, string projectDirectory, string workingDir)
        {
            if (value == null)
            {
                string dotEnv = Path.Combine(projectDirectory, ".env");
                return File.Exists(dotEnv) ? new List<string> { dotEnv } : new List<string>();
            }
            var files = new List<string>();
            foreach (var f in StringList(value))
            {
                if (f == "/dev/null") continue;
                string path = f;
                if (!Path.IsPathRooted(f))
                {
                    path = Path.GetFullPath(Path.Combine(workingDir, f));
                    if (Directory.Exists(path))
                    {
                        throw new ComposeFileException(ErrorIds.EnvFileNotAFile, $"{path} is not a file", path);
                    }
                    if (!File.Exists(path))
                    {
                        throw new ComposeFileException(ErrorIds.EnvFileNotFound,
                            $"stat {path}: no such file or directory", path);
                    }
                }
                files.Add(path);
            }
            return files;
        }

        private static string Absolute(string path, string dir) =>
            Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(dir, path));

        private static void ImportResources(YMap source, YMap target, string file)
        {
            foreach (var key in ResourceKeys)
            {
                if (!(source[key] is YMap from)) continue;
                var to = target[key] as YMap ?? new YMap();
                foreach (var resource in from)
                {
                    if (to.TryGetValue(resource.Key, out object local))
                    {
                        if (DeepEquals(resource.Value, local)) continue;
                        throw new ComposeFileException(ErrorIds.IncludeInvalid,
                            $"{key}.{resource.Key} conflicts with imported resource", file, $"{key}.{resource.Key}");
                    }
                    to[resource.Key] = resource.Value;
                }
                target[key] = to;
            }
        }

        internal static bool DeepEquals(object a, object b)
        {
            switch (a)
            {
                case YMap ma:
                    return b is YMap mb && ma.Count == mb.Count && ma.All(e => mb.TryGetValue(e.Key, out object v) && DeepEquals(e.Value, v));
                case List<object> la:
                    return b is List<object> lb && la.Count == lb.Count && la.Zip(lb, DeepEquals).All(x => x);
                case TaggedValue ta:
                    return b is TaggedValue tb && ta.Tag == tb.Tag && DeepEquals(ta.Value, tb.Value);
                default:
                    return Equals(a, b);
            }
        }
    }
}
