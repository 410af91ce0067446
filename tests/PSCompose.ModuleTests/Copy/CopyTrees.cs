using System;
using System.Diagnostics;
using System.IO;
using PSCompose.Testing;

namespace PSCompose.ModuleTests.Copy
{
    /// <summary>
    /// A file tree as text: per entry its path, type, mode, size, modification second, link target and content hash,
    /// read by the same shell script on the host (bash) and in a container (busybox sh), so two trees compare as data.
    /// </summary>
    internal static class CopyTrees
    {
        private const string Script =
            "cd \"$1\" && find . -mindepth 1 | sort | while read -r f; do " +
            "if [ -L \"$f\" ]; then echo \"$f link $(readlink \"$f\") $(stat -c %Y \"$f\")\"; " +
            "elif [ -d \"$f\" ]; then echo \"$f dir $(stat -c %a \"$f\") $(stat -c %Y \"$f\")\"; " +
            "else echo \"$f file $(stat -c '%a %s %Y' \"$f\") $(md5sum < \"$f\")\"; fi; done";

        public static string OnHost(string directory)
        {
            var psi = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in new[] { "-c", Script, "tree", directory }) psi.ArgumentList.Add(a);
            using (Process p = Process.Start(psi))
            {
                string output = p.StandardOutput.ReadToEnd();
                string error = p.StandardError.ReadToEnd();
                p.WaitForExit();
                if (p.ExitCode != 0 || output.Length == 0) throw new InvalidOperationException($"cannot read the tree {directory}: {error}");
                return output;
            }
        }

        public static string InContainer(string container, string directory)
        {
            string output = Docker.Run("exec", container, "sh", "-c", Script, "tree", directory).Check().Stdout;
            if (output.Length == 0) throw new InvalidOperationException($"{container}:{directory} is empty");
            return output;
        }

        /// <summary>A host tree with modes, a nested directory, a relative and an absolute symlink.</summary>
        public static void MakeHostTree(string root)
        {
            Directory.CreateDirectory(Path.Combine(root, "sub", "deep"));
            File.WriteAllText(Path.Combine(root, "a.txt"), "alpha\n");
            File.WriteAllBytes(Path.Combine(root, "sub", "bin.dat"), new byte[] { 0, 1, 2, 255, 10, 13 });
            File.WriteAllText(Path.Combine(root, "sub", "deep", "run.sh"), "#!/bin/sh\necho run\n");
            File.SetUnixFileMode(Path.Combine(root, "a.txt"), (UnixFileMode)Convert.ToInt32("640", 8));
            File.SetUnixFileMode(Path.Combine(root, "sub", "deep", "run.sh"), (UnixFileMode)Convert.ToInt32("755", 8));
            File.SetUnixFileMode(Path.Combine(root, "sub"), (UnixFileMode)Convert.ToInt32("751", 8));
            File.CreateSymbolicLink(Path.Combine(root, "rel-link"), "a.txt");
            File.CreateSymbolicLink(Path.Combine(root, "sub", "abs-link"), "/etc/hostname");
        }
    }
}
