using System;
using System.Collections.Generic;
using PSCompose.Common;

namespace PSCompose.Model.Canonical
{
    /// <summary>
    /// Go's path.Clean and filepath.Join/IsAbs. Host paths follow the style of the base directory: a drive
    /// letter or backslashes mean Windows rules (and '\' separators), anything else Unix rules.
    /// </summary>
    internal static class PathUtil
    {
        public static bool IsWindowsStyle(string path) =>
            !string.IsNullOrEmpty(path) && (path.IndexOf('\\') >= 0 || (path.Length >= 2 && char.IsLetter(path[0]) && path[1] == ':'));

        /// <summary>filepath.IsAbs for the style of the given base directory.</summary>
        public static bool IsAbs(string path, string baseDir)
        {
            if (string.IsNullOrEmpty(path)) return false;
            if (IsWindowsStyle(baseDir))
            {
                if (path.StartsWith("\\\\", StringComparison.Ordinal) || path.StartsWith("//", StringComparison.Ordinal)) return true;
                return path.Length >= 3 && char.IsLetter(path[0]) && path[1] == ':' && (path[2] == '\\' || path[2] == '/');
            }
            return path[0] == '/';
        }

        /// <summary>filepath.Join(baseDir, path): joined and cleaned.</summary>
        public static string Join(string baseDir, string path)
        {
            if (IsWindowsStyle(baseDir))
            {
                string joined = (baseDir + "\\" + path).Replace('/', '\\');
                string prefix = "";
                if (joined.Length >= 2 && char.IsLetter(joined[0]) && joined[1] == ':') { prefix = joined.Substring(0, 2); joined = joined.Substring(2); }
                else if (joined.StartsWith("\\\\", StringComparison.Ordinal)) { prefix = "\\"; joined = joined.Substring(1); }
                string cleaned = GoPath.Clean(joined.Replace('\\', '/')).Replace('/', '\\');
                return prefix + cleaned;
            }
            if (string.IsNullOrEmpty(baseDir)) return GoPath.Clean(path);
            return GoPath.Clean(baseDir + "/" + path);
        }

        /// <summary>An absolute path: kept as it is when already absolute, else joined to the base directory.</summary>
        public static string Absolute(string baseDir, string path) => IsAbs(path, baseDir) ? path : Join(baseDir, path);

        /// <summary>A leading "~" replaced by the home directory, as compose-go does (filepath.Join(home, p[1:])).</summary>
        public static string ExpandHome(string path, string home)
        {
            if (home == null || string.IsNullOrEmpty(path) || path[0] != '~') return path;
            return Join(home, path.Substring(1));
        }
    }
}
