using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;

namespace PSCompose.ModuleTests.Runtime
{
    /// <summary>
    /// One project shared by the top/port/images/stats tests, started by the reference `docker compose`: web (two
    /// replicas, tcp and udp ports), worker, an exited job and a running one-off of worker. Started on first use.
    /// </summary>
    public sealed class InspectProject : IDisposable
    {
        private readonly Lazy<LifecycleProject> project = new Lazy<LifecycleProject>(Start);

        internal LifecycleProject P => project.Value;

        internal string OneOff => P.Name + "-oneoff";

        private static LifecycleProject Start()
        {
            var p = new LifecycleProject(
                "services:\n" +
                $"  web:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n    scale: 2\n" +
                "    ports: [\"80\", \"127.0.0.1::81/udp\"]\n" +
                $"  worker:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n" +
                $"  job:\n    image: {LifecycleProject.Busybox}\n    command: [\"true\"]\n",
                "inspect-" + Guid.NewGuid().ToString("N").Substring(0, 10)).Up();
            p.Compose("wait", "job");
            p.Compose("run", "-d", "--name", p.Name + "-oneoff", "worker", "sleep", "600").Check();
            return p;
        }

        /// <summary>The reference's JSON Lines or JSON array output as elements.</summary>
        internal List<JsonElement> ComposeJson(params string[] args)
        {
            string text = P.Compose(args).Check().Stdout.Trim();
            if (text == "null" || text.Length == 0) return new List<JsonElement>();
            if (text.StartsWith("[")) return JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        }

        public void Dispose()
        {
            if (project.IsValueCreated) project.Value.Dispose();
        }
    }
}
