using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;

namespace PSCompose.Model.Loading
{
    /// <summary>
    /// compose-go loadYamlModel / loadYamlFile: each file (each YAML document) is interpolated, its extends and
    /// includes resolved, merged over what came before, de-duplicated, validated and made canonical; then the
    /// whole model gets defaults, resolved paths and resolved environment values.
    /// </summary>
    internal static class ModelLoader
    {
        public static YMap LoadModel(IReadOnlyList<string> files, LoadContext context, List<string> included)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            var dict = new YMap();
            foreach (var file in files)
            {
                dict = LoadFile(file, context, dict, included);
            }
            if (!context.SkipDefaults) dict = LoaderStages.Defaults(dict) ?? dict;
            if (!context.SkipValidation) Validation.Validate(dict);
            if (context.ResolvePaths) LoaderStages.ResolvePaths(dict, context.PathBase ?? context.WorkingDir);
            if (context.ResolveEnvironment) ServiceEnvironment.ResolveUnsetValues(dict, context.Environment);
            return dict;
        }

        public static YMap LoadFile(string file, LoadContext context, YMap dict, List<string> included)
        {
            string text = ReadText(file, context.StandardInput);
            var documents = LoaderStages.ReadDocuments(text, file);
            foreach (var document in documents)
            {
                dict = ProcessDocument(document, file, context, dict, included);
            }
            return dict;
        }

        /// <summary>filepath.Rel for directories: the relative path from one absolute directory to another.</summary>
        internal static string RelativeDirectory(string from, string to)
        {
            var a = Path.GetFullPath(from).TrimEnd(Path.DirectorySeparatorChar).Split(Path.DirectorySeparatorChar);
            var b = Path.GetFullPath(to).TrimEnd(Path.DirectorySeparatorChar).Split(Path.DirectorySeparatorChar);
            if (a.Length == 0 || b.Length == 0 || !string.Equals(a[0], b[0], StringComparison.OrdinalIgnoreCase)) return to;
            int common = 0;
            while (common < a.Length && common < b.Length && a[common] == b[common]) common++;
            var parts = Enumerable.Repeat("..", a.Length - common).Concat(b.Skip(common)).ToList();
            return parts.Count == 0 ? "." : string.Join(Path.DirectorySeparatorChar.ToString(), parts);
        }

        /// <summary>A compose file's text; "-" is the standard input (docker compose -f -).</summary>
        internal static string ReadText(string file, Func<string> standardInput)
        {
            if (file == StandardInputFile)
            {
                return standardInput?.Invoke() ?? throw new ComposeFileException(ErrorIds.StandardInputMissing,
                    "no standard input to read the compose file \"-\" from", target: file);
            }
            // Reading a directory fails as "access denied" on .NET; say what Compose says.
            if (Directory.Exists(file))
            {
                throw new ComposeFileException(ErrorIds.FileNotAFile, $"read {file}: is a directory", target: file);
            }
            try
            {
                return File.ReadAllText(file);
            }
            catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
            {
                throw new ComposeFileException(ErrorIds.FileNotFound,
                    $"open {file}: no such file or directory", inner: e, target: file);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new ComposeFileException(ErrorIds.FileAccessDenied,
                    $"open {file}: permission denied", inner: e, target: file);
            }
        }

        /// <summary>The file name docker compose gives the standard input.</summary>
        internal const string StandardInputFile = "-";

        private static YMap ProcessDocument(object document, string file, LoadContext context, YMap dict, List<string> included)
        {
            if (!(document is YMap cfg))
            {
                throw new ComposeFileException(ErrorIds.FileInvalid, "top-level object must be a mapping", file);
            }
            if (context.Interpolate)
            {
                LoaderStages.Interpolate(cfg, file, context.Lookup, context.Warn);
            }
            if (!context.SkipExtends)
            {
                Extends.Apply(cfg, file, context);
            }
            if (!context.SkipInclude)
            {
                var chain = new List<string>(included) { file };
                Includes.Apply(cfg, context, chain);
            }

            dict = Merger.Merge(dict, cfg);
            dict = Uniqueness.Enforce(dict);

            if (!context.SkipValidation)
            {
                LoaderStages.Validate(dict, file);
                if (dict.ContainsKey("version"))
                {
                    if (context.VersionWarned.Add(file))
                    {
                        context.Warn($"{file}: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion");
                    }
                    dict.Remove("version");
                }
            }

            dict = LoaderStages.Canonical(dict) ?? dict;
            OmitEmptyDns(dict);
            // Canonical form can reveal duplicates: a port range expanded over an overridden port.
            return Uniqueness.Enforce(dict);
        }

        // compose-go OmitEmpty: empty entries of services.*.dns are dropped.
        private static void OmitEmptyDns(YMap dict)
        {
            if (!(dict["services"] is YMap services)) return;
            foreach (var service in services.Select(s => s.Value).OfType<YMap>())
            {
                if (service["dns"] is List<object> dns)
                {
                    service["dns"] = dns.Where(d => !(d == null || (d is string s && s.Length == 0))).ToList();
                }
            }
        }
    }
}
