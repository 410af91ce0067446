using System.Collections.Generic;
using PSCompose.Common;
using Xunit;

namespace PSCompose.Tests.Common
{
    /// <summary>
    /// The logging commands against the vendors' documentation: Azure Pipelines' "Logging commands" page and the
    /// agent's escaping (CommandStringConvertor: % → %AZP25, ; → %3B, \r → %0D, \n → %0A, ] → %5D), GitHub's
    /// "Workflow commands" page and @actions/core's escapeData / escapeProperty (also : → %3A, , → %2C).
    /// </summary>
    public class CiDialectTests
    {
        [Fact]
        public void AzurePipelines_ErrorIssue_IsTheDocumentedForm()
        {
            // Documented example: ##vso[task.logissue type=error;sourcepath=consoleapp/main.cs;linenumber=1;columnnumber=1;code=100;]this is an error
            Assert.Equal("##vso[task.logissue type=error;sourcepath=consoleapp/main.cs;linenumber=1;columnnumber=1;code=100;]this is an error",
                CiDialect.AzurePipelines.Issue(true, "this is an error", "consoleapp/main.cs", 1, 1, "100"));
        }

        [Fact]
        public void AzurePipelines_WarningWithoutLocation()
        {
            // Documented PowerShell example: Write-Host "##vso[task.LogIssue type=warning;]This is the warning"
            Assert.Equal("##vso[task.logissue type=warning;]This is the warning", CiDialect.AzurePipelines.Issue(false, "This is the warning"));
        }

        [Fact]
        public void AzurePipelines_EscapesPropertiesAndMessage()
        {
            Assert.Equal("##vso[task.logissue type=error;sourcepath=/a%3Bb%5Dc%AZP25d%0Ae;linenumber=2;]50%AZP25 ;]%0D%0Adone",
                CiDialect.AzurePipelines.Issue(true, "50% ;]\r\ndone", "/a;b]c%d\ne", 2));
        }

        [Fact]
        public void AzurePipelines_Groups()
        {
            Assert.Equal("##[group]Beginning of a group", CiDialect.AzurePipelines.GroupStart("Beginning of a group"));
            Assert.Equal("##[endgroup]", CiDialect.AzurePipelines.GroupEnd);
        }

        [Fact]
        public void GitHubActions_ErrorIssue_IsTheDocumentedForm()
        {
            // Documented example: ::error file=app.js,line=1::Missing semicolon
            Assert.Equal("::error file=app.js,line=1::Missing semicolon", CiDialect.GitHubActions.Issue(true, "Missing semicolon", "app.js", 1, 5, "X"));
            Assert.Equal("::warning::Missing semicolon", CiDialect.GitHubActions.Issue(false, "Missing semicolon"));
        }

        [Fact]
        public void GitHubActions_EscapesPropertiesAndMessage()
        {
            Assert.Equal("::error file=C%3A\\x%2Cy%25.yaml,line=3::a: b, 100%25%0D%0Anext",
                CiDialect.GitHubActions.Issue(true, "a: b, 100%\r\nnext", "C:\\x,y%.yaml", 3));
        }

        [Fact]
        public void GitHubActions_Groups()
        {
            Assert.Equal("::group::My title", CiDialect.GitHubActions.GroupStart("My title"));
            Assert.Equal("::endgroup::", CiDialect.GitHubActions.GroupEnd);
        }

        [Fact]
        public void GroupTitle_IsOneLine_AndCannotStartACommand()
        {
            Assert.Equal("##[group]a *#vso[x] b", CiDialect.AzurePipelines.GroupStart("a ##vso[x]\nb"));
            Assert.Equal("::group::x ::error::y", CiDialect.GitHubActions.GroupStart("x\n::error::y")); // mid-line: no command
        }

        [Theory]
        [InlineData("##vso[task.setvariable variable=x]1", "*#vso[task.setvariable variable=x]1")]
        [InlineData("##vso[task.complete result=Failed]", "*#vso[task.complete result=Failed]")]
        [InlineData("text ##vso[task.complete result=Failed]", "text *#vso[task.complete result=Failed]")]
        [InlineData("##VSO[task.complete]", "*#VSO[task.complete]")]
        [InlineData("###vso[x]", "#*#vso[x]")]
        [InlineData("##[error]boom", "*#[error]boom")]
        [InlineData("::error::x", "*:error::x")]
        [InlineData("::set-output name=x::y", "*:set-output name=x::y")]
        [InlineData("  \t::warning::x", "  \t*:warning::x")]
        [InlineData("a\n::error::x\r::group::y", "a\n*:error::x\r*:group::y")]
        [InlineData("a ::error::x", "a ::error::x")]
        [InlineData("# heading ## [x] vso[", "# heading ## [x] vso[")]
        [InlineData("", "")]
        public void Neutralise(string text, string expected)
        {
            Assert.Equal(expected, CiDialect.Neutralise(text));
        }

        [Theory]
        [InlineData("True", null, CiOutputMode.AzurePipelines)]
        [InlineData("true", null, CiOutputMode.AzurePipelines)]
        [InlineData(null, "true", CiOutputMode.GitHubActions)]
        [InlineData("False", "false", null)]
        [InlineData(null, null, null)]
        public void Auto_ReadsTheEnvironment(string tfBuild, string githubActions, CiOutputMode? expected)
        {
            var env = new Dictionary<string, string> { ["TF_BUILD"] = tfBuild, ["GITHUB_ACTIONS"] = githubActions };
            Assert.Equal(expected, CiDialect.For(CiOutputMode.Auto, k => env[k])?.Mode);
        }

        [Fact]
        public void ForcedModes_IgnoreTheEnvironment()
        {
            Assert.Null(CiDialect.For(CiOutputMode.None, _ => "True"));
            Assert.Same(CiDialect.GitHubActions, CiDialect.For(CiOutputMode.GitHubActions, _ => null));
            Assert.Same(CiDialect.AzurePipelines, CiDialect.For(CiOutputMode.AzurePipelines, _ => null));
        }
    }
}
