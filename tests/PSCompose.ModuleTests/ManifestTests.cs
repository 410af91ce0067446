using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests
{
    public class ManifestTests
    {
        [Fact]
        public void Layout_HoldsModuleAndEveryDependencyUnderDependencies()
        {
            string dir = System.IO.Path.GetDirectoryName(RepoPaths.ModuleManifest);
            Assert.True(System.IO.File.Exists(System.IO.Path.Combine(dir, "PSCompose.dll")));
            Assert.True(System.IO.File.Exists(System.IO.Path.Combine(dir, "en-US", "about_PSCompose.help.txt")));
            string[] deps = System.IO.Directory.GetFiles(System.IO.Path.Combine(dir, "Dependencies"), "*.dll")
                .Select(System.IO.Path.GetFileNameWithoutExtension).ToArray();
            Assert.Contains("YamlDotNet", deps);
            Assert.Contains("Docker.DotNet", deps);
            // Nothing third-party beside PSCompose.dll at the module root: it would bypass isolation.
            Assert.Equal(new[] { "PSCompose.dll" }, System.IO.Directory.GetFiles(dir, "*.dll").Select(System.IO.Path.GetFileName));
        }

        [Fact]
        public void TestModuleManifest_Passes()
        {
            RunResult r = PowerShellRunner.Run("Test-ModuleManifest -Path $manifest", new() { ["manifest"] = RepoPaths.ModuleManifest }).AssertNoErrors();
            var info = (PSModuleInfo)r.Output.Single().BaseObject;
            Assert.Equal("PSCompose", info.Name);
            Assert.Contains("Core", info.CompatiblePSEditions);
            Assert.Contains("Desktop", info.CompatiblePSEditions);
            Assert.Equal(new Version(5, 1), info.PowerShellVersion);
        }

        [Fact]
        public void ExportedCmdlets_MatchManifestExactly()
        {
            RunResult r = PowerShellRunner.Run("(Get-Module PSCompose).ExportedCmdlets.Keys; '---'; (Get-Module PSCompose).ExportedAliases.Keys").AssertNoErrors();
            string[] lines = r.Output.Select(o => o.ToString()).ToArray();
            string[] cmdlets = lines.TakeWhile(l => l != "---").OrderBy(x => x).ToArray();
            string[] aliases = lines.SkipWhile(l => l != "---").Skip(1).OrderBy(x => x).ToArray();

            Hashtable manifest = ReadManifest();
            string[] declared = ((object[])manifest["CmdletsToExport"]).Cast<string>().OrderBy(x => x).ToArray();
            Assert.Equal(declared, cmdlets);
            string[] declaredAliases = ((object[])manifest["AliasesToExport"]).Cast<string>().OrderBy(x => x).ToArray();
            Assert.Equal(declaredAliases, aliases);
            Assert.NotEmpty(cmdlets);
        }

        [Fact]
        public void EveryExportedCmdlet_DeclaresOutputType()
        {
            RunResult r = PowerShellRunner.Run(
                "Get-Command -Module PSCompose | ForEach-Object { [pscustomobject]@{ Name = $_.Name; Types = @($_.OutputType).Count } }").AssertNoErrors();
            Assert.NotEmpty(r.Output);
            foreach (PSObject o in r.Output)
                Assert.True((int)o.Properties["Types"].Value > 0, o.Properties["Name"].Value + " declares no OutputType");
        }

        [Fact]
        public void EveryOutputType_IsPSComposeOwn()
        {
            // No YamlDotNet or Docker.DotNet type may leak into what users get back.
            RunResult r = PowerShellRunner.Run(
                "Get-Command -Module PSCompose | ForEach-Object { $_.OutputType | ForEach-Object { $_.Name } }").AssertNoErrors();
            foreach (PSObject o in r.Output)
                Assert.True(o.ToString().StartsWith("PSCompose.", StringComparison.Ordinal) || o.ToString().StartsWith("System.", StringComparison.Ordinal), o.ToString());
        }

        private static Hashtable ReadManifest()
        {
            // Import-PowerShellDataFile is not among the core cmdlets; parse the data file with the language parser.
            var ast = System.Management.Automation.Language.Parser.ParseFile(RepoPaths.ModuleManifest, out _, out var errors);
            Assert.Empty(errors);
            var hash = (System.Management.Automation.Language.HashtableAst)ast.Find(a => a is System.Management.Automation.Language.HashtableAst, false);
            return (Hashtable)hash.SafeGetValue();
        }
    }
}
