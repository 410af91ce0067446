using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests
{
    public class IsolationTests
    {
        [Fact]
        public void ModuleImportsAndParsesYaml_WhileAnotherYamlDotNetMajorIsLoaded()
        {
            // Another module got there first: YamlDotNet 16 in the default load context.
            string conflicting = Path.Combine(AppContext.BaseDirectory, "conflict", "YamlDotNet.dll");
            Assembly yaml16 = Assembly.LoadFrom(conflicting);
            Assert.Equal(16, yaml16.GetName().Version.Major);

            string dir = Path.Combine(Path.GetTempPath(), "psc-iso-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                File.WriteAllText(Path.Combine(dir, "compose.yaml"), "services:\n  web:\n    image: nginx\n");
                RunResult r = PowerShellRunner.Run("(Get-ComposeConfig -Path $dir).Services | ForEach-Object { $_.Name }",
                    new() { ["dir"] = dir }).AssertNoErrors();
                Assert.Equal(new[] { "web" }, r.Output.Select(o => o.ToString()));
            }
            finally { Directory.Delete(dir, true); }

            // Both majors now live side by side, PSCompose's own in its private load context.
            var loaded = AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == "YamlDotNet").ToList();
            Assert.Contains(loaded, a => a.GetName().Version.Major == 16 && AssemblyLoadContext.GetLoadContext(a) == AssemblyLoadContext.Default);
            Assert.Contains(loaded, a => a.GetName().Version.Major == 18 && AssemblyLoadContext.GetLoadContext(a).Name == "PSCompose.Dependencies");
        }
    }
}
