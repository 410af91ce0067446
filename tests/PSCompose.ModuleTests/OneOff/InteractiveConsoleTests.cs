using System.Management.Automation;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.OneOff
{
    /// <summary>-Interactive in a host without a console: a clear error before anything is asked of the engine.</summary>
    public class InteractiveConsoleTests
    {
        [Fact]
        public void Interactive_InAHostedRunspace_IsInteractiveNeedsConsole()
        {
            RunResult r = PowerShellRunner.Run("Invoke-ComposeExec -ProjectName psc-run-noconsole web -Interactive -- sh");
            ErrorRecord error = Assert.Single(r.Errors);
            Assert.StartsWith("InteractiveNeedsConsole,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
            Assert.Contains("needs a console", error.Exception.Message);
        }
    }
}
