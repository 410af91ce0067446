using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using PSCompose.Model;
using PSCompose.Model.Loading;
using PSCompose.Model.Serialization;
using PSCompose.Testing;

namespace PSCompose.Tests.Model.Serialization
{
    /// <summary>A throw-away project directory, loaded both by PSCompose and by the reference `docker compose config`.</summary>
    internal sealed class ReferenceConfig : IDisposable
    {
        public ReferenceConfig(string composeYaml, IDictionary<string, string> files = null)
        {
            Directory = Path.Combine(Path.GetTempPath(), "psc-cfg-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(Path.Combine(Directory, "compose.yaml"), composeYaml);
            if (files != null)
                foreach (var f in files)
                {
                    string path = Path.Combine(Directory, f.Key);
                    System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path));
                    File.WriteAllText(path, f.Value);
                }
        }

        public string Directory { get; }

        public Dictionary<string, string> Environment { get; } = new Dictionary<string, string>();

        public string ProjectName { get; set; } = "conf";

        public string[] Profiles { get; set; } = new string[0];

        public ProjectModel Load()
        {
            var env = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry e in System.Environment.GetEnvironmentVariables()) env[(string)e.Key] = (string)e.Value;
            env.Remove("COMPOSE_PROJECT_NAME");
            env.Remove("COMPOSE_FILE");
            foreach (var e in Environment) env[e.Key] = e.Value;
            return ProjectLoader.Load(new LoadOptions
            {
                ConfigFiles = new[] { Path.Combine(Directory, "compose.yaml") },
                WorkingDirectory = Directory,
                ProjectName = ProjectName,
                Environment = env,
                Profiles = Profiles,
            });
        }

        public string Reference(params string[] args)
        {
            var all = new List<string> { "compose", "-p", ProjectName, "-f", Path.Combine(Directory, "compose.yaml") };
            foreach (string profile in Profiles) all.AddRange(new[] { "--profile", profile });
            all.AddRange(args);
            return PSCompose.Testing.Docker.RunIn(Directory, Environment, all.ToArray()).Check().Stdout;
        }

        public void Dispose()
        {
            try { System.IO.Directory.Delete(Directory, true); } catch (IOException) { }
        }
    }
}
