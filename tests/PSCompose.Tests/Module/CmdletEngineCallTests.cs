using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PSCompose.Engine;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.Tests.Module
{
    /// <summary>
    /// The cmdlets bind parameters into a request and write what the command's entry point (Execution/Commands) returns;
    /// they make no engine call themselves. The cmdlets not yet moved onto an entry point are listed here: the list only
    /// shrinks (a listed cmdlet that no longer calls the engine fails too, so it is taken off).
    /// </summary>
    public class CmdletEngineCallTests
    {
        private static readonly string[] NotYetOnAnEntryPoint =
        {
            "ComposeImageCmdlet.cs", "GetComposeEventCommand.cs", "GetComposeStatCommand.cs", "InvokeComposeExecCommand.cs",
            "NewComposeImageCommand.cs", "PublishComposeImageCommand.cs", "RequestComposeImageCommand.cs",
        };

        [Fact]
        public void NoCmdletCallsTheEngine_ExceptThoseNotYetMoved()
        {
            string methods = string.Join("|", typeof(IEngineClient).GetMethods().Select(m => m.Name).Distinct());
            var call = new Regex(@"\.(" + methods + @")\(");
            string[] calling = Directory.GetFiles(RepoPaths.Combine("src", "PSCompose", "Cmdlets"), "*.cs")
                .Where(f => call.IsMatch(File.ReadAllText(f)))
                .Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).ToArray();
            Assert.Equal(NotYetOnAnEntryPoint.OrderBy(f => f, StringComparer.Ordinal), calling);
        }
    }
}
