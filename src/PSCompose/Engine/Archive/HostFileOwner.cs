using System;
using System.Runtime.InteropServices;

namespace PSCompose.Engine.Archive
{
    /// <summary>
    /// The owner (uid, gid) of a host file, as Go's tar.FileInfoHeader reads it, for the syncs of watch (which send
    /// files with their owner, unlike docker cp). Linux x64/arm64 through libc lstat; elsewhere, or when libc has no
    /// lstat symbol (glibc before 2.33), (0, 0), which is what Compose's tar carries on Windows.
    /// </summary>
    internal static class HostFileOwner
    {
        private static bool unavailable = !RuntimeInformation.IsOSPlatform(OSPlatform.Linux)
            || (RuntimeInformation.ProcessArchitecture != Architecture.X64 && RuntimeInformation.ProcessArchitecture != Architecture.Arm64);

        public static (int Uid, int Gid) Of(string path)
        {
            if (unavailable) return (0, 0);
            // struct stat is 144 bytes on x86_64 and 128 on aarch64; uid/gid sit at 28/32 and 24/28.
            byte[] buffer = new byte[256];
            try
            {
                if (lstat(path, buffer) != 0) return (0, 0);
            }
            catch (Exception e) when (e is EntryPointNotFoundException || e is DllNotFoundException)
            {
                unavailable = true;
                return (0, 0);
            }
            int offset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 28 : 24;
            return (BitConverter.ToInt32(buffer, offset), BitConverter.ToInt32(buffer, offset + 4));
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int lstat(string path, byte[] buf);
    }
}
