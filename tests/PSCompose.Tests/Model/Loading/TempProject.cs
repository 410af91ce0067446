using System;
using System.Collections.Generic;
using System.IO;
using PSCompose.Model;
using PSCompose.Model.Loading;

namespace PSCompose.Tests.Model.Loading
{
    /// <summary>A throw-away directory tree for loader tests, and a Load with an isolated environment.</summary>
    internal sealed class TempProject : IDisposable
    {
        public TempProject(string name = "proj")
        {
            Root = Path.Combine(Path.GetTempPath(), "psc-load-" + Guid.NewGuid().ToString("N").Substring(0, 8), name);
            Directory.CreateDirectory(Root);
        }

        public string Root { get; }

        public List<string> Warnings { get; } = new List<string>();

        public Dictionary<string, string> Env { get; } = new Dictionary<string, string>();

        public string Write(string relative, string content)
        {
            string path = Path.Combine(Root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path));
            File.WriteAllText(path, content);
            return path;
        }

        public string Dir(string relative)
        {
            string path = Path.Combine(Root, relative);
            Directory.CreateDirectory(path);
            return path;
        }

        public LoadOptions Options(string workingDir = null) => new LoadOptions
        {
            WorkingDirectory = workingDir ?? Root,
            Environment = new Dictionary<string, string>(Env),
            Warn = Warnings.Add,
        };

        public ProjectModel Load(Action<LoadOptions> configure = null, string workingDir = null)
        {
            var options = Options(workingDir);
            configure?.Invoke(options);
            return ProjectLoader.Load(options);
        }

        public void Dispose()
        {
            try { Directory.Delete(Path.GetDirectoryName(Root), true); } catch (IOException) { }
        }
    }
}
