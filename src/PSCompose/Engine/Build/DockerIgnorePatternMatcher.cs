using PSCompose.Common;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace PSCompose.Engine.Build
{
    /// <summary>
    /// Docker's .dockerignore matcher (moby/patternmatcher), on slash-separated paths relative to the context:
    /// later patterns win, `!` re-includes, `**` crosses directories, a pattern matching a parent directory
    /// matches everything below it.
    /// </summary>
    internal sealed class DockerIgnorePatternMatcher
    {
        private readonly List<Pattern> patterns = new List<Pattern>();

        /// <summary>Throws ArgumentException for a malformed pattern (what Go's filepath.Match calls ErrBadPattern).</summary>
        public DockerIgnorePatternMatcher(IEnumerable<string> patterns)
        {
            foreach (string raw in patterns ?? Enumerable.Empty<string>())
            {
                string p = (raw ?? "").Trim();
                if (p.Length == 0) continue;
                p = GoPath.Clean(p);
                bool exclusion = false;
                if (p[0] == '!')
                {
                    if (p.Length == 1) throw new ArgumentException("illegal exclusion pattern: \"!\"");
                    exclusion = true;
                    p = p.Substring(1);
                    HasExclusions = true;
                }
                if (!GoPath.IsValidMatchPattern(p)) throw new ArgumentException($"syntax error in pattern: {raw}");
                this.patterns.Add(new Pattern(p, exclusion));
            }
        }

        public bool HasExclusions { get; }

        /// <summary>The cleaned patterns, with a leading `!` on exclusions.</summary>
        public IEnumerable<string> Patterns => patterns.Select(p => (p.Exclusion ? "!" : "") + p.Cleaned);

        internal IEnumerable<string> ExclusionPatterns => patterns.Where(p => p.Exclusion).Select(p => p.Cleaned);

        /// <summary>MatchesOrParentMatches: true when the path or one of its parent directories is excluded.</summary>
        public bool MatchesOrParentMatches(string file)
        {
            bool matched = false;
            string parent = GoPath.Dir(file);
            string[] parentDirs = parent.Split('/');
            foreach (Pattern pattern in patterns)
            {
                if (pattern.Exclusion != matched) continue;
                bool match = pattern.Match(file);
                if (!match && parent != ".")
                {
                    for (int i = 0; i < parentDirs.Length && !match; i++)
                        match = pattern.Match(string.Join("/", parentDirs, 0, i + 1));
                }
                if (match) matched = !pattern.Exclusion;
            }
            return matched;
        }

        /// <summary>The deprecated Matches (checks only the parent prefix as deep as the pattern), used by TrimBuildFilesFromExcludes.</summary>
        public bool Matches(string file)
        {
            bool matched = false;
            string parent = GoPath.Dir(file);
            string[] parentDirs = parent.Split('/');
            foreach (Pattern pattern in patterns)
            {
                if (pattern.Exclusion != matched) continue;
                bool match = pattern.Match(file);
                if (!match && parent != "." && pattern.Dirs <= parentDirs.Length)
                    match = pattern.Match(string.Join("/", parentDirs, 0, pattern.Dirs));
                if (match) matched = !pattern.Exclusion;
            }
            return matched;
        }

        /// <summary>Matches without any parent-directory matching.</summary>
        public bool MatchesExact(string file)
        {
            bool matched = false;
            foreach (Pattern pattern in patterns)
            {
                if (pattern.Exclusion != matched) continue;
                if (pattern.Match(file)) matched = !pattern.Exclusion;
            }
            return matched;
        }

        private enum MatchType { Exact, Prefix, Suffix, Regex }

        private sealed class Pattern
        {
            private readonly MatchType type;
            private readonly Regex regex;

            public Pattern(string cleaned, bool exclusion)
            {
                Cleaned = cleaned;
                Exclusion = exclusion;
                Dirs = cleaned.Split('/').Length;
                type = Compile(cleaned, out string regexText);
                if (type == MatchType.Regex) regex = new Regex(regexText, RegexOptions.CultureInvariant);
            }

            public string Cleaned { get; }
            public bool Exclusion { get; }
            public int Dirs { get; }

            public bool Match(string path)
            {
                switch (type)
                {
                    case MatchType.Exact:
                        return path == Cleaned;
                    case MatchType.Prefix:
                        return path.StartsWith(Cleaned.Substring(0, Cleaned.Length - 2), StringComparison.Ordinal);
                    case MatchType.Suffix:
                        string suffix = Cleaned.Substring(2);
                        if (path.EndsWith(suffix, StringComparison.Ordinal)) return true;
                        return suffix.Length > 0 && suffix[0] == '/' && path == suffix.Substring(1);
                    default:
                        return regex.IsMatch(path);
                }
            }

            /// <summary>Port of Pattern.compile: the pattern becomes a prefix/suffix/exact test or an anchored regex.</summary>
            private static MatchType Compile(string pattern, out string regexText)
            {
                var re = new StringBuilder("^");
                MatchType detected = MatchType.Exact;
                for (int i = 0, pos = 0; pos < pattern.Length; i++)
                {
                    char ch = pattern[pos++];
                    if (ch == '*')
                    {
                        if (pos < pattern.Length && pattern[pos] == '*')
                        {
                            pos++;
                            if (pos < pattern.Length && pattern[pos] == '/') pos++;
                            if (pos >= pattern.Length)
                            {
                                if (detected == MatchType.Exact) detected = MatchType.Prefix;
                                else
                                {
                                    re.Append(".*");
                                    detected = MatchType.Regex;
                                }
                            }
                            else
                            {
                                re.Append("(.*/)?");
                                detected = MatchType.Regex;
                            }
                            if (i == 0) detected = MatchType.Suffix;
                        }
                        else
                        {
                            re.Append("[^/]*");
                            detected = MatchType.Regex;
                        }
                    }
                    else if (ch == '?')
                    {
                        re.Append("[^/]");
                        detected = MatchType.Regex;
                    }
                    else if (".+()|{}$".IndexOf(ch) >= 0)
                    {
                        re.Append('\\').Append(ch);
                    }
                    else if (ch == '\\')
                    {
                        if (pos < pattern.Length)
                        {
                            re.Append('\\').Append(pattern[pos++]);
                            detected = MatchType.Regex;
                        }
                        else re.Append("\\\\");
                    }
                    else if (ch == '[' || ch == ']')
                    {
                        re.Append(ch);
                        detected = MatchType.Regex;
                    }
                    else re.Append(ch);
                }
                re.Append("\\z");
                regexText = re.ToString();
                return detected;
            }
        }
    }
}
