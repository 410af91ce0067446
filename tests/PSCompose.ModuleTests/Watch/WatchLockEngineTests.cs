using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PSCompose.ModuleTests.Events;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Watch
{
    /// <summary>
    /// The per-project pidfile lock of docker compose watch: a PSCompose watch and a docker compose watch of one
    /// project exclude each other, through the same file; a pidfile of a process that is gone does not block.
    /// </summary>
    public class WatchLockEngineTests
    {
        [EngineFact]
        public void SecondWatch_IsRefused_EitherWay_AndAStalePidfileDoesNotBlock()
        {
            using var p = new WatchProject();
            string pidFile = p.PidFile;
            Directory.CreateDirectory(Path.GetDirectoryName(pidFile));
            File.WriteAllText(pidFile, DeadPid().ToString());

            string self = Environment.ProcessId.ToString();
            using (BackgroundScript watch = p.StartWatch())
            {
                Assert.Equal(self, File.ReadAllText(pidFile).Trim());

                RunResult ours = p.Project.Ps("Watch-ComposeProject -Path $dir -ProjectName $p -NoUp");
                ErrorRecord error = Assert.Single(ours.Errors);
                Assert.StartsWith("WatchProjectLocked,", error.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.ResourceBusy, error.CategoryInfo.Category);
                Assert.Equal(p.Name, error.TargetObject);

                Docker.Result theirs = p.Project.Compose("watch", "--no-up");
                Assert.NotEqual(0, theirs.ExitCode);
                Assert.Contains($"cannot take exclusive lock for project \"{p.Name}\": process with PID {self} is still running", theirs.Stderr);
                Assert.Contains(error.Exception.Message, theirs.Stderr);
                Assert.False(watch.IsCompleted);
                watch.Stop();
            }
            Assert.False(File.Exists(pidFile), "the watch left its pidfile behind");

            string holder;
            using (var reference = new BackgroundProcess(p.Project.Directory, "compose", "-p", p.Name, "watch", "--no-up"))
            {
                Assert.True(WatchProject.Until(() => reference.Lines.Contains("Watch enabled"), TimeSpan.FromSeconds(30)), "docker compose watch did not start");
                holder = File.ReadAllText(pidFile).Trim();
                RunResult ours = p.Project.Ps("Watch-ComposeProject -Path $dir -ProjectName $p -NoUp");
                ErrorRecord error = Assert.Single(ours.Errors);
                Assert.Equal($"cannot take exclusive lock for project \"{p.Name}\": process with PID {holder} is still running", error.Exception.Message);
            }

            // docker compose was killed and left its pidfile: stale once its plugin process has ended.
            Assert.True(File.Exists(pidFile));
            Assert.True(WatchProject.Until(() => Ended(holder), TimeSpan.FromSeconds(30)), $"docker compose's process {holder} did not end");
            using (BackgroundScript again = p.StartWatch("-NoUp"))
                Assert.Equal(self, File.ReadAllText(pidFile).Trim());
        }

        /// <summary>Gone, or a zombie (ended, not reaped yet).</summary>
        private static bool Ended(string pid)
        {
            try { return File.ReadAllText($"/proc/{pid}/stat").Split(')').Last().TrimStart().StartsWith("Z"); }
            catch (IOException) { return true; }
        }

        /// <summary>The id of a process that has ended.</summary>
        private static int DeadPid()
        {
            using Process done = Process.Start("true");
            done.WaitForExit();
            return done.Id;
        }
    }
}
