using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PSCompose.Common;
using PSCompose.Engine.Build;
using PSCompose.Model.Typed;
using PSCompose.Model.Watch;

namespace PSCompose.Execution.Watch
{
    /// <summary>
    /// Which changed host paths a watch rule acts on, as docker compose watch decides (pkg/compose/watch.go): under
    /// the rule's path, matching its include patterns when it has some, and matching none of the build context's
    /// ignore file (with its `!` exceptions), the editors' temporary files, `.git/`, and the rule's own ignore patterns.
    /// </summary>
    internal sealed class WatchFilter
    {
        /// <summary>pkg/watch EphemeralPathMatcher: files editors and tools write next to the real ones.</summary>
        internal static readonly IReadOnlyList<string> EphemeralPatterns = new[]
        {
            "**/*___jb_old___", "**/*___jb_tmp___", "**/.idea/**", "**/.#*", "**/#*#", "**/4913", "**/*~",
            "**/.*.swp", "**/.*.swx", "**/.*.swo", "**/.*.swn", "**/.*.kate-swp", "**/*-go-tmp-umask",
        };

        private static readonly DockerIgnorePatternMatcher Ephemeral = new DockerIgnorePatternMatcher(EphemeralPatterns);

        private readonly WatchRule rule;
        private readonly string contextDirectory;
        private readonly DockerIgnorePatternMatcher contextIgnore;
        private readonly DockerIgnorePatternMatcher ruleIgnore;
        private readonly DockerIgnorePatternMatcher include;

        public WatchFilter(WatchRule rule, string contextDirectory, IReadOnlyList<string> contextIgnorePatterns)
        {
            this.rule = rule;
            this.contextDirectory = contextDirectory;
            contextIgnore = contextIgnorePatterns != null && contextIgnorePatterns.Count > 0 ? new DockerIgnorePatternMatcher(contextIgnorePatterns) : null;
            ruleIgnore = rule.Ignore.Count > 0 ? new DockerIgnorePatternMatcher(rule.Ignore) : null;
            include = rule.Include.Count > 0 ? new DockerIgnorePatternMatcher(rule.Include) : null;
        }

        public WatchRule Rule => rule;

        /// <summary>The filter of a rule with its service's build context ignore file read from disk.</summary>
        public static WatchFilter For(WatchRule rule, ServiceConfig service)
        {
            BuildConfig build = service?.Build;
            string context = build?.Context;
            if (context == null || !Directory.Exists(context)) return new WatchFilter(rule, null, null);
            return new WatchFilter(rule, context, ContextIgnore(context, build.Dockerfile ?? "Dockerfile"));
        }

        /// <summary>`&lt;dockerfile&gt;.dockerignore` next to the Dockerfile when present, else the context's .dockerignore.</summary>
        private static IReadOnlyList<string> ContextIgnore(string context, string dockerfile)
        {
            string specific = Path.Combine(context, dockerfile + ".dockerignore");
            if (File.Exists(specific))
                return DockerIgnoreFile.Parse(File.ReadAllText(specific), Path.DirectorySeparatorChar == '\\');
            return DockerIgnoreFile.Read(context);
        }

        /// <summary>True when a change of <paramref name="hostPath"/> (absolute) triggers this rule.</summary>
        public bool Accepts(string hostPath)
        {
            string relative = Relative(rule.Path, hostPath);
            if (relative == null) return false;
            if (include != null && (relative == "." || !include.MatchesOrParentMatches(relative))) return false;
            if (ruleIgnore != null && relative != "." && ruleIgnore.MatchesOrParentMatches(relative)) return false;
            string rooted = Slashed(hostPath).TrimStart('/');
            if (rooted.Length > 0 && Ephemeral.MatchesOrParentMatches(rooted)) return false;
            if (rooted.Split('/').Contains(".git")) return false;
            if (contextIgnore != null && Relative(contextDirectory, hostPath) is string inContext && inContext != "."
                && contextIgnore.MatchesOrParentMatches(inContext)) return false;
            return true;
        }

        /// <summary>Where a host path under the rule's path lands in the container.</summary>
        public string ContainerPath(string hostPath)
        {
            string relative = Relative(rule.Path, hostPath);
            return relative == null || relative == "." ? rule.Target : GoPath.Clean(rule.Target.TrimEnd('/') + "/" + relative);
        }

        /// <summary>The slash-separated path of <paramref name="path"/> below <paramref name="root"/>; "." for the root itself; null outside it.</summary>
        internal static string Relative(string root, string path)
        {
            string r = Slashed(root).TrimEnd('/');
            string p = Slashed(path).TrimEnd('/');
            StringComparison comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            if (string.Equals(p, r, comparison)) return ".";
            if (!p.StartsWith(r + "/", comparison)) return null;
            return p.Substring(r.Length + 1);
        }

        private static string Slashed(string path) => path.Replace('\\', '/');
    }
}
