using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.OneOff
{
    /// <summary>Helpers for the exec/run tests: a lane-named project, the reference compose with stdin, and the checks both share.</summary>
    internal static class OneOffProject
    {
        public const string Busybox = LifecycleProject.Busybox;

        public const string Sleeper = LifecycleProject.Sleeper;

        /// <summary>db; web depends on db, has container_name, ports, a restart policy and a label; worker is independent.</summary>
        public static string Yaml(string name) =>
            "services:\n" +
            $"  db:\n    image: {Busybox}\n    command: {Sleeper}\n" +
            $"  web:\n    image: {Busybox}\n    command: {Sleeper}\n    depends_on: [db]\n    container_name: {name}-named-web\n" +
            "    ports: [\"8080\"]\n    restart: always\n    labels: {mylabel: mine}\n" +
            $"  worker:\n    image: {Busybox}\n    command: {Sleeper}\n";

        public static LifecycleProject New(string yaml = null)
        {
            string name = "psc-run-" + Guid.NewGuid().ToString("N").Substring(0, 10);
            var project = new LifecycleProject(yaml ?? Yaml(name), name);
            // down --remove-orphans leaves running one-offs (and so the network): remove them, then down again.
            project.OnDispose(() =>
            {
                foreach (string container in LifecycleProject.ContainersOf(name)) Docker.Run("rm", "-f", container);
                Docker.ComposeDownQuietly(name);
            });
            return project;
        }

        /// <summary>`docker compose -p P ARGS` in the project directory with <paramref name="stdin"/> piped in (null: none).</summary>
        public static Docker.Result Compose(LifecycleProject p, string stdin, params string[] args) =>
            ComposeFed(p, w => { if (stdin != null) w.Write(stdin); }, args).Result;

        /// <summary>
        /// `docker compose -p P ARGS` in the project directory with stdin written by <paramref name="feed"/> on a thread
        /// of its own, then closed (a pipe the command closed is not an error: it may not read), and how long it took.
        /// </summary>
        public static (Docker.Result Result, TimeSpan Elapsed) ComposeFed(LifecycleProject p, Action<System.IO.StreamWriter> feed, params string[] args)
        {
            var psi = new ProcessStartInfo("docker")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                WorkingDirectory = p.Directory,
            };
            foreach (string a in new[] { "compose", "-p", p.Name }.Concat(args)) psi.ArgumentList.Add(a);
            var clock = Stopwatch.StartNew();
            using (Process process = Process.Start(psi))
            {
                var feeding = new System.Threading.Thread(() =>
                {
                    try
                    {
                        feed(process.StandardInput);
                        process.StandardInput.Close();
                    }
                    catch (System.IO.IOException) { }
                });
                feeding.Start();
                var stderr = process.StandardError.ReadToEndAsync();
                string stdout = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                TimeSpan elapsed = clock.Elapsed;
                feeding.Join();
                return (new Docker.Result { ExitCode = process.ExitCode, Stdout = stdout, Stderr = stderr.Result }, elapsed);
            }
        }

        public static JsonElement Inspect(string container) =>
            JsonDocument.Parse(Docker.Run("inspect", container).Check().Stdout).RootElement[0];

        public static Dictionary<string, string> Labels(string container) =>
            Inspect(container).GetProperty("Config").GetProperty("Labels").EnumerateObject().ToDictionary(l => l.Name, l => l.Value.GetString());

        /// <summary>Names `docker compose ps -a` lists for the project (one-offs included).</summary>
        public static List<string> ComposePsAll(LifecycleProject p) =>
            p.Compose("ps", "-a", "--format", "{{.Name}}").Check().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => s.Trim()).OrderBy(s => s, StringComparer.Ordinal).ToList();

        /// <summary>Runs the script and reads $LASTEXITCODE right after it in the same runspace.</summary>
        public static int ExitCodeOf(LifecycleProject p, string script, out RunResult result, string location = null)
        {
            result = p.Ps(script + "\n[pscustomobject]@{ __exit = $LASTEXITCODE }", location);
            PSObject last = result.Output.Last();
            return Convert.ToInt32(last.Properties["__exit"].Value);
        }

        public static List<string> Strings(RunResult r) =>
            r.Output.Where(o => o.BaseObject is string).Select(o => (string)o.BaseObject).ToList();

        /// <summary>A property of a module object (the test assembly does not reference PSCompose: it loads the built module).</summary>
        public static object Prop(object o, string name) =>
            o is PSObject ps ? ps.Properties[name].Value : o.GetType().GetProperty(name).GetValue(o);

        /// <summary>The ExitCode of a ContainerExitedNonZero error's exception.</summary>
        public static long ExitCodeOf(ErrorRecord error) => Convert.ToInt64(Prop(error.Exception, "ExitCode"));

        public static List<PSObject> OfType(RunResult r, string typeName) =>
            r.Output.Where(o => o.BaseObject.GetType().FullName == typeName).ToList();

        public static ErrorRecord SingleError(RunResult r, string id)
        {
            ErrorRecord error = Assert.Single(r.Errors);
            Assert.StartsWith(id + ",", error.FullyQualifiedErrorId);
            return error;
        }
    }
}
