using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.FrontDoor
{
    /// <summary>
    /// A copy of one of the seeds' example folders under a unique `fd-` project name, driven side by side through
    /// Invoke-Compose and the reference `docker compose`. The copy publishes its port on an ephemeral host port (and
    /// names its container_name after the project) so it cannot collide with other tests or lanes.
    /// </summary>
    internal sealed class FrontDoorProject : IDisposable
    {
        private FrontDoorProject(string name, string directory)
        {
            Name = name;
            Directory = directory;
        }

        private System.Management.Automation.Runspaces.Runspace runspace;

        public string Name { get; }

        public string Directory { get; }

        public static FrontDoorProject FromExample(string example, Func<string, string, string> patchCompose)
        {
            string name = "fd-" + example + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            string directory = Path.Combine(Path.GetTempPath(), name);
            Copy(RepoPaths.Combine("examples", example), directory);
            string compose = Path.Combine(directory, "compose.yaml");
            File.WriteAllText(compose, patchCompose(File.ReadAllText(compose), name));
            return new FrontDoorProject(name, directory);
        }

        /// <summary>An empty directory with a unique project name (for command lines that must be refused before any work).</summary>
        public static FrontDoorProject Empty(string yaml)
        {
            string name = "fd-refuse-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            string directory = Path.Combine(Path.GetTempPath(), name);
            System.IO.Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "compose.yaml"), yaml);
            return new FrontDoorProject(name, directory);
        }

        /// <summary>`docker compose -p NAME ARGS` in the project folder.</summary>
        public Docker.Result Compose(params string[] args) => Docker.RunIn(Directory, null, new[] { "compose", "-p", Name }.Concat(args).ToArray());

        /// <summary>`docker compose -p NAME ARGS` in the project folder, with <paramref name="stdin"/> as its standard input.</summary>
        public Docker.Result ComposeWithInput(string stdin, params string[] args)
        {
            var psi = new System.Diagnostics.ProcessStartInfo("docker")
            {
                RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Directory,
            };
            foreach (string a in new[] { "compose", "-p", Name }.Concat(args)) psi.ArgumentList.Add(a);
            using var process = System.Diagnostics.Process.Start(psi);
            System.Threading.Tasks.Task<string> stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return new Docker.Result { ExitCode = process.ExitCode, Stdout = stdout, Stderr = stderr.Result };
        }

        /// <summary>`Invoke-Compose -p NAME COMMANDLINE` in the project folder, as PowerShell text, with $LASTEXITCODE after it.</summary>
        /// <param name="commandLine">PowerShell text; it can name $p (the project) and the <paramref name="variables"/>.</param>
        /// <param name="variables">More variables for the text (values with quotes or spaces pass through unchanged).</param>
        public FrontResult Front(string commandLine, Dictionary<string, object> variables = null) =>
            PowerShell("Invoke-Compose -p $p " + commandLine, variables);

        /// <summary>Any PowerShell text in the project folder (e.g. a cmdlet with -ProjectName $p), with $LASTEXITCODE after it.</summary>
        public FrontResult PowerShell(string script, Dictionary<string, object> variables = null)
        {
            // One runspace for the project's whole walkthrough, like a user's session: texts that follow the clock
            // (ps CREATED/STATUS) are then read within the same second as the reference's.
            runspace ??= PowerShellRunner.OpenRunspace();
            var all = new Dictionary<string, object>(variables ?? new Dictionary<string, object>()) { ["p"] = Name };
            RunResult r = PowerShellRunner.Run(runspace,
                "$global:LASTEXITCODE = 99\n" + script + "\n[pscustomobject]@{ __exit = $global:LASTEXITCODE }", all, Directory);
            PSObject last = r.Output.Last();
            return new FrontResult
            {
                Run = r,
                ExitCode = Convert.ToInt32(last.Properties["__exit"].Value),
                Lines = r.Output.Take(r.Output.Count - 1).Select(o => o?.ToString()).ToList(),
            };
        }

        public List<string> Containers() => LifecycleProject.ContainersOf(Name);

        public static List<string> Lines(string stdout) => stdout.Replace("\r", "").TrimEnd('\n').Split('\n').ToList();

        /// <summary>Runs both until they print the same (Compose's CREATED/STATUS columns follow the clock), at most 5 times.</summary>
        public static void AssertSameText(Func<List<string>> reference, Func<List<string>> ours)
        {
            List<string> expected = null, actual = null;
            for (int attempt = 0; attempt < 5; attempt++)
            {
                expected = reference();
                actual = ours();
                if (expected.SequenceEqual(actual)) return;
            }
            Assert.Equal(string.Join("\n", expected), string.Join("\n", actual));
        }

        public void Dispose()
        {
            runspace?.Dispose();
            foreach (string container in Containers()) Docker.Run("rm", "-f", container);
            Docker.ComposeDownQuietly(Name);
            // The images the project's builds made: named by Compose's default image name, created by this test.
            foreach (string image in Docker.Run("image", "ls", "--format", "{{.Repository}}", "--filter", "reference=" + Name + "-*").Stdout
                         .Split('\n', StringSplitOptions.RemoveEmptyEntries))
                Docker.Run("image", "rm", "-f", image.Trim());
            try { System.IO.Directory.Delete(Directory, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }

        private static void Copy(string from, string to)
        {
            System.IO.Directory.CreateDirectory(to);
            foreach (string file in System.IO.Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            {
                string target = Path.Combine(to, Path.GetRelativePath(from, file));
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target));
                File.Copy(file, target);
            }
        }
    }

    internal sealed class FrontResult
    {
        public RunResult Run;
        public int ExitCode;
        public List<string> Lines;
    }
}
