using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests
{
    public class PesterFilesTests
    {
        [Fact]
        public void EveryPesterFile_ParsesWithoutErrors()
        {
            string[] files = Directory.GetFiles(RepoPaths.Combine("tests", "pester"), "*.Tests.ps1", SearchOption.AllDirectories);
            Assert.NotEmpty(files);
            foreach (string file in files.Concat(Directory.GetFiles(RepoPaths.Root, "*.ps1")).Concat(Directory.GetFiles(RepoPaths.Combine("examples"), "*.ps1", SearchOption.AllDirectories)))
            {
                Parser.ParseFile(file, out _, out ParseError[] errors);
                Assert.True(errors.Length == 0, file + ": " + string.Join("; ", errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}")));
            }
        }
    }
}
