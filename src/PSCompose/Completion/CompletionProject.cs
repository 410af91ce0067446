using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PSCompose.Model;
using PSCompose.Model.Loading;
using PSCompose.Model.Typed;

namespace PSCompose.Completion
{
    /// <summary>
    /// The project a command line being completed refers to: loaded from the -Path/-File/-ProjectDirectory/-EnvFile/
    /// -Profile/-ProjectName already typed (fakeBoundParameters) or from the current location, like Compose's own
    /// completion: offline and without environment resolution, so a missing env_file does not stop it.
    /// </summary>
    internal static class CompletionProject
    {
        /// <summary>The project, or null when it cannot be loaded (completion then offers nothing rather than failing).</summary>
        public static ProjectConfig TryLoad(IDictionary bound)
        {
            try { return ProjectLoader.Load(Options(bound)).Typed; }
            catch (Exception e) when (!(e is PipelineStoppedException)) { return null; }
        }

        public static string BoundString(IDictionary bound, string name) => BoundStrings(bound, name)?.FirstOrDefault();

        /// <summary>A bound value as strings: fakeBoundParameters holds a string or an object[] for a list argument.</summary>
        public static string[] BoundStrings(IDictionary bound, string name)
        {
            if (bound == null || !bound.Contains(name)) return null;
            object value = bound[name] is PSObject ps ? ps.BaseObject : bound[name];
            if (value is string s) return new[] { s };
            if (value is IEnumerable list) return list.Cast<object>().Select(o => LanguagePrimitives.ConvertTo<string>(o)).ToArray();
            return value == null ? null : new[] { LanguagePrimitives.ConvertTo<string>(value) };
        }

        private static LoadOptions Options(IDictionary bound)
        {
            PathIntrinsics paths = CurrentPaths();
            string cwd = paths.CurrentFileSystemLocation.ProviderPath;
            Func<string, string> resolve = paths.GetUnresolvedProviderPathFromPSPath;
            var options = new LoadOptions
            {
                WorkingDirectory = cwd,
                ProjectName = BoundString(bound, "ProjectName"),
                ProjectDirectory = BoundString(bound, "ProjectDirectory") is string dir ? resolve(dir) : null,
                Profiles = BoundStrings(bound, "Profile"),
                EnvFiles = BoundStrings(bound, "EnvFile")?.Select(resolve).ToArray(),
                Environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
                    .ToDictionary(e => (string)e.Key, e => (string)e.Value),
                ResolveEnvironment = false,
            };
            var files = new List<string>();
            if (BoundString(bound, "Path") is string path)
            {
                string resolved = resolve(path);
                if (Directory.Exists(resolved)) options.WorkingDirectory = resolved;
                else files.Add(resolved);
            }
            files.AddRange(BoundStrings(bound, "File")?.Select(resolve) ?? Enumerable.Empty<string>());
            options.ConfigFiles = files.Count > 0 ? files : null;
            return options;
        }

        /// <summary>The session's path intrinsics; completers run on the pipeline thread of the session completing.</summary>
        private static PathIntrinsics CurrentPaths() =>
            (PathIntrinsics)ScriptBlock.Create("$ExecutionContext.SessionState.Path").Invoke()[0].BaseObject;
    }
}
