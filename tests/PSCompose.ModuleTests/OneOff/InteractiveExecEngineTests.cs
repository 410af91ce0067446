using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using PSCompose.Testing;
using Xunit;
using static PSCompose.ModuleTests.OneOff.OneOffProject;

namespace PSCompose.ModuleTests.OneOff
{
    /// <summary>
    /// Invoke-ComposeExec/Run -Interactive for real: pwsh in a tmux pane (a real terminal), keystrokes sent with
    /// send-keys and the screen read with capture-pane.
    /// </summary>
    public class InteractiveExecEngineTests
    {
        [EngineFact]
        public void Interactive_TypesIntoTheContainersShell_ReadsTheScreen_FollowsResize_PassesCtrlC_AndGivesTheConsoleBack()
        {
            using var p = New("services:\n  web:\n    image: " + Busybox + "\n    command: " + Sleeper + "\n").Up();
            string session = OpenPwsh();
            try
            {
                Type(session, $"Import-Module '{RepoPaths.ModuleManifest}'; Invoke-ComposeExec -ProjectName {p.Name} web -Interactive -- sh");
                Screen(session, s => s.Any(l => l.StartsWith("/ #")), "the container's shell prompt");

                Type(session, "echo hel''lo; stty size");
                Screen(session, s => s.Contains("hello") && s.Contains("40 120"), "the command's output and the window size 40 120");

                Tmux("resize-window", "-t", session, "-x", "100", "-y", "30");
                Thread.Sleep(1000);
                Type(session, "stty size");
                Screen(session, s => s.Contains("30 100"), "the resized window 30 100");

                Type(session, "sleep 60");
                Thread.Sleep(1000);
                Tmux("send-keys", "-t", session, "C-c");
                Type(session, "echo after''ctrlc");
                Screen(session, s => s.Contains("afterctrlc"), "the shell back after Ctrl+C ended sleep", TimeSpan.FromSeconds(15));

                Type(session, "exit 3");
                Screen(session, s => s.Any(l => l.Contains("exited with code 3")), "the ContainerExitedNonZero error");
                Type(session, "\"rc=$LASTEXITCODE\"");
                Screen(session, s => s.Contains("rc=3"), "$LASTEXITCODE 3 at a working pwsh prompt");
            }
            finally
            {
                Tmux("kill-session", "-t", session);
            }
        }

        [EngineFact]
        public void InteractiveRun_GivesTheOneOffATerminal_ThenRemovesIt()
        {
            using var p = New("services:\n  web:\n    image: " + Busybox + "\n    command: " + Sleeper + "\n");
            string session = OpenPwsh();
            try
            {
                Type(session, $"Import-Module '{RepoPaths.ModuleManifest}'; Invoke-ComposeRun -Path '{p.Directory}' -ProjectName {p.Name} web -Remove -Interactive -- sh");
                Screen(session, s => s.Any(l => l.StartsWith("/ #")), "the one-off's shell prompt");
                Type(session, "echo hel''lo; stty size; [ -t 0 ] && echo has''tty");
                Screen(session, s => s.Contains("hello") && s.Contains("40 120") && s.Contains("hastty"), "output, window size and a TTY on stdin");
                Type(session, "exit 4");
                Screen(session, s => s.Any(l => l.Contains("exited with code 4")), "the ContainerExitedNonZero error");
                Type(session, "\"rc=$LASTEXITCODE\"");
                Screen(session, s => s.Contains("rc=4"), "$LASTEXITCODE 4 at a working pwsh prompt");
                Assert.Empty(Lifecycle.LifecycleProject.ContainersOf(p.Name));
            }
            finally
            {
                Tmux("kill-session", "-t", session);
            }
        }

        /// <summary>A tmux session of 120x40 running the pinned pwsh, once its prompt shows; returns its name.</summary>
        private static string OpenPwsh()
        {
            string session = "psc-run-tmux-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            Tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", "-c", RepoPaths.Root, "dotnet tool run pwsh -- -NoLogo -NoProfile");
            Screen(session, s => s.Any(l => l.StartsWith("PS ")), "the pwsh prompt");
            return session;
        }

        private static void Type(string session, string line)
        {
            Tmux("send-keys", "-t", session, "-l", line);
            Tmux("send-keys", "-t", session, "Enter");
        }

        /// <summary>Polls the pane until the condition holds on its lines (trimmed), failing with the screen after the timeout.</summary>
        private static void Screen(string session, Func<List<string>, bool> condition, string what, TimeSpan? timeout = null)
        {
            var clock = Stopwatch.StartNew();
            List<string> lines;
            while (true)
            {
                lines = Tmux("capture-pane", "-p", "-t", session).Split('\n').Select(l => l.TrimEnd()).ToList();
                if (condition(lines)) return;
                if (clock.Elapsed > (timeout ?? TimeSpan.FromSeconds(90))) break;
                Thread.Sleep(250);
            }
            Assert.Fail($"Waited for {what}; the screen:\n{string.Join("\n", lines.Where(l => l.Length > 0))}");
        }

        private static string Tmux(params string[] args)
        {
            var psi = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in args) psi.ArgumentList.Add(a);
            using Process process = Process.Start(psi);
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output;
        }
    }
}
