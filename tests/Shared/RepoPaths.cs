using System;
using System.IO;

namespace PSCompose.Testing
{
    /// <summary>Locations in the repository, found from the test binary upwards.</summary>
    public static class RepoPaths
    {
        public static readonly string Root = FindRoot();

        public static string ModuleManifest => Path.Combine(Root, "out", "PSCompose", "PSCompose.psd1");

        public static string Combine(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

        private static string FindRoot()
        {
            for (string dir = AppContext.BaseDirectory; dir != null; dir = Path.GetDirectoryName(dir))
                if (File.Exists(Path.Combine(dir, "PSCompose.sln"))) return dir;
            throw new InvalidOperationException("PSCompose.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
