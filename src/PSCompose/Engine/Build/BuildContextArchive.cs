using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using ICSharpCode.SharpZipLib.Tar;
using PSCompose.Engine.Archive;

namespace PSCompose.Engine.Build
{
    /// <summary>
    /// The classic builder's context: a tar of the context directory minus .dockerignore'd paths, built the way
    /// the docker CLI does it (GetContextFromLocalDir, TrimBuildFilesFromExcludes, TarWithOptions with uid/gid 0,
    /// and AddDockerfileToBuildContext for a Dockerfile outside the context or given inline).
    /// </summary>
    internal sealed class BuildContextArchive : IDisposable
    {
        private BuildContextArchive(Stream content, string dockerfile, IReadOnlyList<string> entries)
        {
            Content = content;
            Dockerfile = dockerfile;
            Entries = entries;
        }

        /// <summary>The tar, positioned at 0 (a delete-on-close temporary file).</summary>
        public Stream Content { get; }

        /// <summary>The Dockerfile name inside the archive, for the build request.</summary>
        public string Dockerfile { get; }

        /// <summary>Entry names in archive order (directories end with '/').</summary>
        public IReadOnlyList<string> Entries { get; }

        public void Dispose() => Content.Dispose();

        public static BuildContextArchive Create(string contextDirectory, string dockerfile, string dockerfileInline)
        {
            string context = Path.GetFullPath(contextDirectory);
            if (!Directory.Exists(context)) throw new DirectoryNotFoundException($"unable to prepare context: path \"{contextDirectory}\" not found");

            string relativeDockerfile;
            byte[] outsideDockerfile = null;
            if (dockerfileInline != null)
            {
                outsideDockerfile = Encoding.UTF8.GetBytes(dockerfileInline);
                relativeDockerfile = null;
            }
            else
            {
                string path = ResolveDockerfile(context, dockerfile);
                relativeDockerfile = RelativeSlashPath(context, path);
                if (relativeDockerfile == ".." || relativeDockerfile.StartsWith("../", StringComparison.Ordinal))
                {
                    outsideDockerfile = File.ReadAllBytes(path);
                    relativeDockerfile = null;
                }
            }

            List<string> excludes = DockerIgnoreFile.Read(context);
            excludes = DockerIgnoreFile.KeepBuildFiles(excludes, relativeDockerfile ?? "", outsideDockerfile != null);
            var matcher = new DockerIgnorePatternMatcher(excludes);

            string tempPath = Path.Combine(Path.GetTempPath(), "pscompose-context-" + Guid.NewGuid().ToString("N") + ".tar");
            var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
            var entries = new List<string>();
            try
            {
                string randomName = null;
                using (var tar = new TarOutputStream(file, Encoding.UTF8) { IsStreamOwner = false })
                {
                    var writer = new TarTreeWriter(tar, entries);
                    bool replaceIgnore = outsideDockerfile != null;
                    Walk(context, "", matcher, writer, replaceIgnore);
                    if (outsideDockerfile != null)
                    {
                        randomName = ".dockerfile." + Guid.NewGuid().ToString("N").Substring(0, 20);
                        writer.AddBytes(randomName, outsideDockerfile, Convert.ToInt32("600", 8), DateTime.UtcNow);
                        string ignorePath = Path.Combine(context, ".dockerignore");
                        string ignore = File.Exists(ignorePath) ? File.ReadAllText(ignorePath) : "";
                        writer.AddBytes(".dockerignore", Encoding.UTF8.GetBytes(ignore + "\n" + randomName + "\n"), Convert.ToInt32("600", 8), DateTime.UtcNow);
                    }
                }
                file.Position = 0;
                return new BuildContextArchive(file, randomName ?? relativeDockerfile, entries);
            }
            catch
            {
                file.Dispose();
                throw;
            }
        }

        /// <summary>The Dockerfile path: relative to the context unless absolute; "Dockerfile" (or "dockerfile") by default.</summary>
        private static string ResolveDockerfile(string context, string dockerfile)
        {
            if (string.IsNullOrEmpty(dockerfile))
            {
                string standard = Path.Combine(context, "Dockerfile");
                if (!File.Exists(standard))
                {
                    string lower = Path.Combine(context, "dockerfile");
                    if (File.Exists(lower)) return lower;
                }
                dockerfile = standard;
            }
            string path = Path.GetFullPath(Path.IsPathRooted(dockerfile) ? dockerfile : Path.Combine(context, dockerfile));
            if (!File.Exists(path)) throw new FileNotFoundException($"Cannot locate specified Dockerfile: {dockerfile}", path);
            return path;
        }

        /// <summary>The path relative to the directory with '/' separators, or "../…" when it lies outside.</summary>
        private static string RelativeSlashPath(string directory, string path)
        {
            string prefix = AppendSeparator(directory);
            StringComparison comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            if (!path.StartsWith(prefix, comparison)) return "../" + Path.GetFileName(path);
            return path.Substring(prefix.Length).Replace(Path.DirectorySeparatorChar, '/');
        }

        private static string AppendSeparator(string dir) =>
            dir.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? dir : dir + Path.DirectorySeparatorChar;

        /// <summary>filepath.Walk order (sorted by name), skipping what the matcher excludes, as TarWithOptions does.</summary>
        private static void Walk(string directory, string relativeDirectory, DockerIgnorePatternMatcher matcher, TarTreeWriter writer, bool replaceIgnore)
        {
            var children = new DirectoryInfo(directory).EnumerateFileSystemInfos()
                .OrderBy(i => i.Name, StringComparer.Ordinal)
                .ToList();
            foreach (FileSystemInfo info in children)
            {
                string relative = relativeDirectory.Length == 0 ? info.Name : relativeDirectory + "/" + info.Name;
                bool isLink = (info.Attributes & FileAttributes.ReparsePoint) != 0;
                bool isDirectory = !isLink && (info.Attributes & FileAttributes.Directory) != 0;
                if (replaceIgnore && relative == ".dockerignore") continue;

                if (matcher.MatchesOrParentMatches(relative))
                {
                    if (!isDirectory) continue;
                    // An excluded directory is still walked when an exception pattern points inside it.
                    if (!matcher.HasExclusions) continue;
                    string prefix = relative + "/";
                    if (matcher.ExclusionPatterns.Any(p => (p + "/").StartsWith(prefix, StringComparison.Ordinal)))
                        Walk(info.FullName, relative, matcher, writer, replaceIgnore);
                    continue;
                }

                if (isLink) writer.AddSymlink(relative, info);
                else if (isDirectory)
                {
                    writer.AddDirectory(relative, info);
                    Walk(info.FullName, relative, matcher, writer, replaceIgnore);
                }
                else writer.AddFile(relative, (FileInfo)info);
            }
        }
    }
}
