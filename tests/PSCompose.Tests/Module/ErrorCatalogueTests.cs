using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using PSCompose.Cmdlets;
using PSCompose.Execution;
using PSCompose.Plan;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.Tests.Module
{
    /// <summary>ErrorIds is the one list of ids PSCompose raises, and ErrorCatalogue gives each exactly one category.</summary>
    public class ErrorCatalogueTests
    {
        private static readonly string[] Ids = typeof(ErrorIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()).ToArray();

        [Fact]
        public void EveryIdHasACategory_AndTheTableHasNoOtherIds()
        {
            Assert.NotEmpty(Ids);
            Assert.Empty(Ids.Where(id => !ErrorCatalogue.Categories.ContainsKey(id)));
            Assert.Empty(ErrorCatalogue.Categories.Keys.Except(Ids));
            Assert.DoesNotContain(ErrorCategory.NotSpecified, ErrorCatalogue.Categories.Values);
        }

        [Fact]
        public void ComposedIds_OperationFailures_AreInTheCatalogue()
        {
            var kinds = Enum.GetNames(typeof(OperationKind)).Select(k => k + "Failed");
            Assert.Empty(kinds.Where(id => !ErrorCatalogue.Categories.ContainsKey(id)));
        }

        [Fact]
        public void NoSourceRaisesALiteralId_OrDecidesACategory_OutsideTheCatalogue()
        {
            var literalId = new Regex(@"new\s+(ComposeException|ComposeFileException)\(\s*""|new\s+ErrorRecord\([^;]*?,\s*""");
            var category = new Regex(@"ErrorCategory\.[A-Z]");
            string src = RepoPaths.Combine("src", "PSCompose");
            var problems = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
                .SelectMany(file =>
                {
                    string text = File.ReadAllText(file);
                    string name = Path.GetRelativePath(src, file);
                    var found = literalId.Matches(text).Select(m => $"{name}: literal id at \"{m.Value}\"");
                    if (name != Path.Combine("Common", "ErrorCatalogue.cs"))
                        found = found.Concat(category.Matches(text).Select(m => $"{name}: category decided outside the catalogue: {m.Value}"));
                    return found;
                })
                .ToList();
            Assert.Empty(problems);
        }

        [Fact]
        public void AboutHelp_ListsEveryIdUnderItsCategory()
        {
            string help = File.ReadAllText(RepoPaths.Combine("module", "en-US", "about_PSCompose.help.txt"));
            string errors = help.Substring(help.IndexOf("\nERRORS", StringComparison.Ordinal));
            var listed = Regex.Matches(errors, @"^    (\w+):\r?\n((?:        .*\r?\n)+)", RegexOptions.Multiline)
                .SelectMany(m => m.Groups[2].Value.Split(new[] { ',', ' ', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries)
                    .Select(id => (Id: id, Category: m.Groups[1].Value)))
                .ToList();
            var expected = ErrorCatalogue.Categories.Select(p => (Id: p.Key, Category: p.Value.ToString()));
            Assert.Equal(expected.OrderBy(p => p.Id), listed.OrderBy(p => p.Id));
        }

        [Theory]
        [InlineData(ErrorIds.FileNotFound, ErrorCategory.ObjectNotFound)]
        [InlineData(ErrorIds.FileAccessDenied, ErrorCategory.PermissionDenied)]
        [InlineData(ErrorIds.ServiceNotFound, ErrorCategory.ObjectNotFound)]
        [InlineData(ErrorIds.YamlSyntax, ErrorCategory.ParserError)]
        [InlineData(ErrorIds.EngineConflict, ErrorCategory.ResourceExists)]
        public void AnExceptionsRecord_TakesItsCategoryFromTheCatalogue(string id, ErrorCategory expected)
        {
            Assert.True(ErrorRecords.TryCreate(new ComposeException(id, "m", "t"), out ErrorRecord record));
            Assert.Equal(id, record.FullyQualifiedErrorId);
            Assert.Equal(expected, record.CategoryInfo.Category);
            Assert.Equal("t", record.TargetObject);
        }
    }
}
