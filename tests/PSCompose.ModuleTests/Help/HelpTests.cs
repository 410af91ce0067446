using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Help
{
    public class HelpTests
    {
        private static readonly string HelpFile = RepoPaths.Combine("module", "en-US", "PSCompose.dll-Help.xml");

        /// <summary>
        /// The committed MAML is what the generator makes from the cmdlets and their doc comments. After changing
        /// a cmdlet or its docs, regenerate with PSCOMPOSE_UPDATE_HELP=1 and commit the file.
        /// </summary>
        [Fact]
        public void HelpFile_IsGeneratedFromTheCmdlets()
        {
            RunResult r = PowerShellRunner.Run("Get-Command -Module PSCompose -CommandType Cmdlet").AssertNoErrors();
            var docs = new XmlDocs(RepoPaths.Combine("src", "PSCompose", "bin", "Release", "netstandard2.0", "PSCompose.xml"));
            string generated = MamlWriter.Write(r.Output.Select(o => (CmdletInfo)o.BaseObject), docs);
            if (Environment.GetEnvironmentVariable("PSCOMPOSE_UPDATE_HELP") == "1") File.WriteAllText(HelpFile, generated);
            Assert.True(File.Exists(HelpFile), "No help file: run the tests once with PSCOMPOSE_UPDATE_HELP=1.");
            Assert.True(generated == File.ReadAllText(HelpFile),
                "module/en-US/PSCompose.dll-Help.xml is out of date: run the tests with PSCOMPOSE_UPDATE_HELP=1 and commit it.");
        }

        [Fact]
        public void GetHelp_GivesEveryCmdletASynopsisParameterTextAndAnExample()
        {
            RunResult r = PowerShellRunner.Run(@"
Get-Command -Module PSCompose -CommandType Cmdlet | ForEach-Object {
    $help = Get-Help $_.Name -Full
    [pscustomobject]@{
        Name = $_.Name
        Synopsis = [string]$help.Synopsis
        Examples = @($help.examples.example).Count
        Undocumented = @($help.parameters.parameter | Where-Object { -not ($_.description | ForEach-Object { $_.Text }) } | ForEach-Object { $_.name }) -join ','
    }
}").AssertNoErrors();
            Assert.NotEmpty(r.Output);
            foreach (PSObject help in r.Output)
            {
                string name = (string)help.Properties["Name"].Value;
                string synopsis = (string)help.Properties["Synopsis"].Value;
                Assert.False(string.IsNullOrWhiteSpace(synopsis) || synopsis.TrimStart().StartsWith(name, StringComparison.Ordinal), name + ": no synopsis");
                Assert.True((int)help.Properties["Examples"].Value > 0, name + ": no example");
                Assert.True((string)help.Properties["Undocumented"].Value == "", name + ": parameters without description: " + help.Properties["Undocumented"].Value);
            }
        }
    }
}
