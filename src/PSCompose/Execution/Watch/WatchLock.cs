using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;

namespace PSCompose.Execution.Watch
{
    /// <summary>
    /// docker compose watch's per-project exclusive lock (internal/locker): a pidfile named &lt;project&gt;.pid holding
    /// the decimal process id, in the same directory Compose uses, so a PSCompose watch and a docker compose watch
    /// of one project exclude each other. A pidfile whose process is gone is stale and taken over. Compose leaves
    /// its pidfile behind (its process ends); PowerShell lives on, so disposing removes ours.
    /// </summary>
    internal sealed class WatchLock : IDisposable
    {
        private readonly string path;
        private readonly string pid;

        private WatchLock(string path, string pid)
        {
            this.path = path;
            this.pid = pid;
        }

        /// <summary>Takes the lock, or throws WatchProjectLocked with Compose's text.</summary>
        public static WatchLock Take(string project, string directory = null)
        {
            string path = Path.Combine(directory ?? RuntimeDirectory(), project + ".pid");
            string own = Process.GetCurrentProcess().Id.ToString(CultureInfo.InvariantCulture);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path));
                for (int attempt = 0; ; attempt++)
                {
                    string holder = RunningHolder(path);
                    if (holder != null) throw Locked(project, $"process with PID {holder} is still running");
                    try
                    {
                        if (File.Exists(path)) File.Delete(path);
                        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                        using (var writer = new StreamWriter(stream))
                            writer.Write(own);
                        return new WatchLock(path, own);
                    }
                    // Another watch wrote it between the read and the create: read again, once.
                    catch (IOException) when (attempt == 0 && File.Exists(path)) { }
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw Locked(project, e.Message, e);
            }
        }

        /// <summary>Removes the pidfile if it is still ours.</summary>
        public void Dispose()
        {
            try
            {
                if (File.Exists(path) && File.ReadAllText(path).Trim() == pid) File.Delete(path);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }

        /// <summary>
        /// Compose's runDir: $XDG_RUNTIME_DIR, else per OS: ~/.docker/docker-compose (Linux; Compose 2.40.3 first
        /// looks for "run/user/&lt;uid&gt;" relative to its working directory, which practically never exists),
        /// ~/Library/Application Support/com.docker.compose (macOS), %LOCALAPPDATA%\docker-compose (Windows).
        /// </summary>
        internal static string RuntimeDirectory()
        {
            string xdg = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
            if (xdg != null) return xdg;
            string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "docker-compose");
            if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
                return Path.Combine(home, "Library", "Application Support", "com.docker.compose");
            return Path.Combine(home, ".docker", "docker-compose");
        }

        /// <summary>The pid in the file when that process is running; null when there is no file or it is stale.</summary>
        private static string RunningHolder(string path)
        {
            if (!File.Exists(path)) return null;
            string text = File.ReadAllText(path).Trim();
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int holder))
                throw new IOException($"invalid PID specified ({text})");
            if (holder == 0) return null;
            try
            {
                using (Process process = Process.GetProcessById(holder))
                    return process.HasExited || IsZombie(holder) ? null : text;
            }
            catch (ArgumentException) { return null; }
            catch (InvalidOperationException) { return null; }
            catch (System.ComponentModel.Win32Exception) { return text; } // someone else's process: it exists
        }

        /// <summary>Linux: a process that ended but was not reaped yet (a killed docker compose's plugin, for a moment).</summary>
        private static bool IsZombie(int pid)
        {
            try
            {
                string stat = File.ReadAllText($"/proc/{pid}/stat");
                int end = stat.LastIndexOf(')');
                return end > 0 && end + 2 < stat.Length && stat[end + 2] == 'Z';
            }
            catch (IOException) { return false; }
            catch (UnauthorizedAccessException) { return false; }
        }

        private static ComposeException Locked(string project, string reason, Exception inner = null) =>
            new ComposeException(ErrorIds.WatchProjectLocked, $"cannot take exclusive lock for project \"{project}\": {reason}", project, inner);
    }
}
