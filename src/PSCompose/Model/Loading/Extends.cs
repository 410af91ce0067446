using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;

namespace PSCompose.Model.Loading
{
    /// <summary>
    /// compose-go ApplyExtends: a service's base (same file, or another file loaded with its own relative paths)
    /// is resolved recursively, deep-copied and merged under the service with the override merge rules.
    /// </summary>
    internal static class Extends
    {
        public static void Apply(YMap cfg, string file, LoadContext context)
        {
            if (!cfg.TryGetValue("services", out object value)) return;
            if (!(value is YMap services))
            {
                throw new ComposeFileException(ErrorIds.FileInvalid, "services must be a mapping", file, "services");
            }
            foreach (var name in services.Keys.ToList())
            {
                services[name] = ApplyService(name, services, file, context, new List<KeyValuePair<string, string>>());
            }
        }

        // compose-go names the file of the declaring compose file in messages and in the cycle tracker, or the
        // extends.file value as written when the base comes from another file.
        private static object ApplyService(string name, YMap services, string file, LoadContext context,
            List<KeyValuePair<string, string>> chain)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            object s = services[name];
            if (s == null) return null;
            // A service tagged !reset/!override replaces the earlier definition as a whole; it is taken as written.
            if (s is TaggedValue) return s;
            if (!(s is YMap service))
            {
                throw new ComposeFileException(ErrorIds.FileInvalid, $"services.{name} must be a mapping", file, $"services.{name}");
            }
            if (!service.TryGetValue("extends", out object extends)) return s;

            string reference;
            string baseFile = null;
            switch (Merger.StripTags(extends))
            {
                case YMap map:
                    reference = map["service"] as string;
                    if (reference == null)
                    {
                        throw Invalid($"extends.{name}.service is required", file, $"services.{name}.extends.service");
                    }
                    baseFile = map["file"] as string;
                    break;
                case string text:
                    reference = text;
                    break;
                default:
                    // compose-go leaves the reference empty for any other type.
                    reference = "";
                    break;
            }

            string trackedFile = file;
            YMap baseServices = services;
            if (baseFile != null)
            {
                baseServices = LoadBaseFile(name, reference, file, baseFile, context);
                trackedFile = baseFile;
            }
            else if (!services.ContainsKey(reference))
            {
                throw new ComposeFileException(ErrorIds.ExtendsServiceNotFound,
                    $"cannot extend service {ProjectNames.GoQuote(name)} in {file}: service {ProjectNames.GoQuote(reference)} not found",
                    keyPath: $"services.{name}.extends");
            }

            var tracked = Track(chain, trackedFile, name, file);
            object baseService = ApplyService(reference, baseServices, file, context, tracked);
            if (baseService == null) return service;

            var source = (YMap)YMap.DeepClone(baseService);
            var merged = Merger.ExtendService(source, service);
            merged.Remove("extends");
            services[name] = merged;
            return merged;
        }

        // compose-go cycleTracker: the same (file, service) twice on one chain is a circular reference.
        private static List<KeyValuePair<string, string>> Track(List<KeyValuePair<string, string>> chain, string trackedFile, string service, string file)
        {
            if (chain.Count >= NestingLimits.MaxExtendsChain)
                throw NestingLimits.TooDeep("extends chain", NestingLimits.MaxExtendsChain, file, $"services.{service}.extends");
            var entry = new KeyValuePair<string, string>(trackedFile, service);
            if (chain.Any(c => c.Key == entry.Key && c.Value == entry.Value))
            {
                var lines = new List<string> { "Circular reference:", $"  {chain[0].Value} in {chain[0].Key}" };
                lines.AddRange(chain.Skip(1).Concat(new[] { entry }).Select(c => $"  extends {c.Value} in {c.Key}"));
                throw new ComposeFileException(ErrorIds.ExtendsInvalid, string.Join("\n", lines),
                    keyPath: $"services.{service}.extends");
            }
            return new List<KeyValuePair<string, string>>(chain) { entry };
        }

        // The base file is loaded on its own (interpolated, merged, canonical; no include, extends, validation or
        // defaults), and its relative paths rewritten relative to the including directory: nested extends.file
        // values then resolve against that same directory in the recursion.
        private static YMap LoadBaseFile(string name, string reference, string file, string baseFile, LoadContext context)
        {
            string local = Path.GetFullPath(Path.IsPathRooted(baseFile) ? baseFile : Path.Combine(context.WorkingDir, baseFile));
            var baseContext = context.Clone();
            baseContext.WorkingDir = Path.GetDirectoryName(local);
            baseContext.SkipValidation = true;
            baseContext.SkipExtends = true;
            baseContext.SkipInclude = true;
            baseContext.SkipDefaults = true;
            var source = ModelLoader.LoadFile(local, baseContext, new YMap(), new List<string>());
            if (!source.TryGetValue("services", out object value))
            {
                throw new ComposeFileException(ErrorIds.ExtendsInvalid,
                    $"cannot extend service {ProjectNames.GoQuote(name)} in {local}: no services section", target: local);
            }
            if (!(value is YMap services))
            {
                throw new ComposeFileException(ErrorIds.ExtendsInvalid,
                    $"cannot extend service {ProjectNames.GoQuote(name)} in {local}: services must be a mapping", target: local);
            }
            // Relative to the including directory, as compose-go does; the project level makes them absolute.
            LoaderStages.ResolvePaths(source, ModelLoader.RelativeDirectory(context.WorkingDir, baseContext.WorkingDir));
            if (!services.ContainsKey(reference))
            {
                throw new ComposeFileException(ErrorIds.ExtendsServiceNotFound,
                    $"cannot extend service {ProjectNames.GoQuote(name)} in {file}: service {ProjectNames.GoQuote(reference)} not found in {baseFile}",
                    keyPath: $"services.{name}.extends");
            }
            return services;
        }

        private static ComposeFileException Invalid(string message, string file, string keyPath) =>
            new ComposeFileException(ErrorIds.ExtendsInvalid, message, file, keyPath);
    }
}
