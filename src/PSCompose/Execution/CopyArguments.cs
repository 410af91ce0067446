using System;

namespace PSCompose.Execution
{
    /// <summary>Compose's splitCpArg: which side of a cp argument is a service.</summary>
    internal static class CopyArguments
    {
        /// <summary>
        /// "svc:path" → (svc, path). An absolute host path (/x, C:\x, \\server\share) and a path starting with '.' are
        /// host paths even with a ':' in them; so is text without ':'.
        /// </summary>
        public static (string Service, string Path) Split(string argument)
        {
            if (IsAbsoluteHostPath(argument)) return (null, argument);
            int colon = argument.IndexOf(':');
            if (colon < 0 || argument.StartsWith(".", StringComparison.Ordinal)) return (null, argument);
            return (argument.Substring(0, colon), argument.Substring(colon + 1));
        }

        private static bool IsAbsoluteHostPath(string path) =>
            path.StartsWith("/", StringComparison.Ordinal)
            || path.StartsWith("\\", StringComparison.Ordinal)
            || (path.Length >= 3 && char.IsLetter(path[0]) && path[1] == ':' && (path[2] == '\\' || path[2] == '/'));
    }
}
