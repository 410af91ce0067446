using PSCompose.Common;
using System.Collections.Generic;
using System.IO;

namespace PSCompose.Engine.Build
{
    /// <summary>Reads .dockerignore like moby/patternmatcher/ignorefile.ReadAll.</summary>
    internal static class DockerIgnoreFile
    {
        public static List<string> Parse(string content, bool windowsSeparators = false)
        {
            var excludes = new List<string>();
            if (content == null) return excludes;
            if (content.Length > 0 && content[0] == '\uFEFF') content = content.Substring(1);
            using (var reader = new StringReader(content))
            {
                string line;
                while ((line = reader.ReadLine()) != null)
                {
                    // Comments are only lines whose very first character is '#'.
                    if (line.StartsWith("#")) continue;
                    string pattern = line.Trim();
                    if (pattern.Length == 0) continue;
                    bool invert = pattern[0] == '!';
                    if (invert) pattern = pattern.Substring(1).Trim();
                    if (pattern.Length > 0)
                    {
                        if (windowsSeparators) pattern = pattern.Replace('\\', '/');
                        pattern = GoPath.Clean(pattern);
                        if (pattern.Length > 1 && pattern[0] == '/') pattern = pattern.Substring(1);
                    }
                    excludes.Add(invert ? "!" + pattern : pattern);
                }
            }
            return excludes;
        }

        public static List<string> Read(string contextDirectory)
        {
            string path = Path.Combine(contextDirectory, ".dockerignore");
            return File.Exists(path) ? Parse(File.ReadAllText(path), Path.DirectorySeparatorChar == '\\') : new List<string>();
        }

        /// <summary>
        /// docker/cli TrimBuildFilesFromExcludes: the .dockerignore and the Dockerfile are always sent, even when
        /// a pattern excludes them (unless the Dockerfile comes from outside the context).
        /// </summary>
        public static List<string> KeepBuildFiles(List<string> excludes, string relativeDockerfile, bool dockerfileOutsideContext)
        {
            var result = new List<string>(excludes);
            if (new DockerIgnorePatternMatcher(result).Matches(".dockerignore")) result.Add("!.dockerignore");
            if (!dockerfileOutsideContext && new DockerIgnorePatternMatcher(result).Matches(relativeDockerfile))
                result.Add("!" + relativeDockerfile);
            return result;
        }
    }
}
