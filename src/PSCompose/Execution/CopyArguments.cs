using System;
using PSCompose.Engine.Archive;

namespace PSCompose.Execution
{
    /// <summary>cp's two arguments: which side is a service (Compose's splitCpArg), which the host.</summary>
    internal static class CopyArguments
    {
        /// <summary>
        /// The copy the arguments describe: a service given by <paramref name="fromService"/> or
        /// <paramref name="toService"/> takes the argument on its side as a container path; otherwise SERVICE:PATH names
        /// it. The host side is left as written (<see cref="CopyRequest.HostText"/>); the caller resolves it.
        /// </summary>
        public static CopyRequest Parse(string source, string destination, string fromService, string toService)
        {
            if (source.Length == 0) throw new ComposeException(ErrorIds.CopyPathEmpty, "source can not be empty", "Path");
            if (destination.Length == 0) throw new ComposeException(ErrorIds.CopyPathEmpty, "destination can not be empty", "Destination");
            (string from, string sourcePath) = fromService != null ? (fromService, source) : Split(source);
            (string to, string destinationPath) = toService != null ? (toService, destination) : Split(destination);
            if (from != null && to != null)
                throw new ComposeException(ErrorIds.CopyAcrossServices, "copying between services is not supported", from + ", " + to);
            if (from == null && to == null)
                throw new ComposeException(ErrorIds.CopyDirectionUnknown,
                    "unknown copy direction: name the container side as SERVICE:PATH, or use -FromService or -ToService", source);
            bool fromContainer = from != null;
            return new CopyRequest
            {
                Service = fromContainer ? from : to,
                FromContainer = fromContainer,
                ContainerPath = fromContainer ? sourcePath : destinationPath,
                HostText = fromContainer ? destinationPath : sourcePath,
            };
        }

        /// <summary>
        /// The host path, absolute (<paramref name="resolved"/>, against the caller's location) and '/'-separated, keeping
        /// a trailing "/" or "/." that the copy rules read (a directory is meant; copy its contents).
        /// </summary>
        public static string HostPath(string text, string resolved)
        {
            string full = HostSourceArchive.Slashed(resolved);
            string slashed = HostSourceArchive.Slashed(text);
            if ((slashed == "." || slashed.EndsWith("/.", StringComparison.Ordinal)) && !full.EndsWith("/.", StringComparison.Ordinal))
                return full.TrimEnd('/') + "/.";
            if (slashed.EndsWith("/", StringComparison.Ordinal) && !full.EndsWith("/", StringComparison.Ordinal)) return full + "/";
            return full;
        }

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
