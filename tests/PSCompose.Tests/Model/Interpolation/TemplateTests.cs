using System;
using System.Collections.Generic;
using PSCompose.Model.Interpolation;
using Xunit;

namespace PSCompose.Tests.Model.Interpolation
{
    /// <summary>
    /// Vectors from compose-go template/template_test.go (mapping FOO=first, BAR="", JSON={"json":2}) and rows
    /// checked against `docker compose config` 2.40.3 (SET=val, EMPTY=""; marked "ref").
    /// </summary>
    public class TemplateTests
    {
        private static readonly Dictionary<string, string> Vars = new Dictionary<string, string>
        {
            ["FOO"] = "first",
            ["BAR"] = "",
            ["JSON"] = "{\"json\":2}",
            ["SET"] = "val",
            ["EMPTY"] = "",
        };

        private static string Lookup(string name) => Vars.TryGetValue(name, out string v) ? v : null;

        private static string Sub(string template, List<string> warnings = null) =>
            Template.Substitute(template, Lookup, w => warnings?.Add(w));

        [Theory]
        // TestEscaped, TestSubstituteNoMatch, TestUnescaped
        [InlineData("$${foo}", "${foo}")]
        [InlineData("foo", "foo")]
        [InlineData("a $ string", "a $ string")]
        [InlineData("^REGEX$", "^REGEX$")]
        [InlineData("$}", "$}")]
        [InlineData("$", "$")]
        // TestNonBraced, TestNoValueNoDefault, TestValueNoDefault
        [InlineData("$FOO-bar", "first-bar")]
        [InlineData("This ${missing} var", "This  var")]
        [InlineData("This ${BAR} var", "This  var")]
        [InlineData("This $FOO var", "This first var")]
        [InlineData("This ${FOO} var", "This first var")]
        // defaults and presence values
        [InlineData("ok ${missing:-def}", "ok def")]
        [InlineData("ok ${missing-def}", "ok def")]
        [InlineData("ok ${BAR:-def}", "ok def")]
        [InlineData("ok ${FOO:-def}", "ok first")]
        [InlineData("ok ${BAR-def}", "ok ")]
        [InlineData("ok ${UNSET_VAR:+presence_value}", "ok ")]
        [InlineData("ok ${UNSET_VAR+presence_value}", "ok ")]
        [InlineData("ok ${FOO:+presence_value}", "ok presence_value")]
        [InlineData("ok ${FOO+presence_value}", "ok presence_value")]
        [InlineData("ok ${BAR+presence_value}", "ok presence_value")]
        [InlineData("ok ${BAR:+presence_value}", "ok ")]
        [InlineData("ok ${BAR:-/non:-alphanumeric}", "ok /non:-alphanumeric")]
        // TestInterpolationExternalInterference
        [InlineData("-ok ${BAR:-defaultValue}", "-ok defaultValue")]
        [InlineData("+ok ${UNSET:-${BAR-defaultValue}}", "+ok ")]
        [InlineData("-ok ${FOO:-defaultValue}", "-ok first")]
        [InlineData(":-ok ${UNSET-defaultValue}", ":-ok defaultValue")]
        [InlineData(":-ok ${BAR-defaultValue}", ":-ok ")]
        [InlineData(":?ok ${BAR-defaultValue}", ":?ok ")]
        [InlineData(":?ok ${BAR:-defaultValue}", ":?ok defaultValue")]
        [InlineData(":+ok ${BAR:-defaultValue}", ":+ok defaultValue")]
        [InlineData("+ok ${BAR-defaultValue}", "+ok ")]
        [InlineData("?ok ${BAR:-defaultValue}", "?ok defaultValue")]
        // TestDefaultsWithNestedExpansion
        [InlineData("ok ${UNSET_VAR-$FOO}", "ok first")]
        [InlineData("ok ${UNSET_VAR-${FOO}}", "ok first")]
        [InlineData("ok ${UNSET_VAR-${FOO} ${FOO}}", "ok first first")]
        [InlineData("ok ${BAR:-$FOO}", "ok first")]
        [InlineData("ok ${BAR:-${FOO}}", "ok first")]
        [InlineData("ok ${BAR:-${FOO} ${FOO}}", "ok first first")]
        [InlineData("ok ${BAR+$FOO}", "ok first")]
        [InlineData("ok ${BAR+$FOO ${FOO:+second}}", "ok first second")]
        // TestDefaultsForMandatoryVariables, TestPrecedence, braces in defaults
        [InlineData("ok ${FOO:?err}", "ok first")]
        [InlineData("ok ${FOO?err}", "ok first")]
        [InlineData("ok ${BAR?err}", "ok ")]
        [InlineData("ok ${SUBDOMAIN:-redis}.${FOO:?}", "ok redis.first")]
        [InlineData("${UNSET_VAR-myerror?msg}", "myerror?msg")]
        [InlineData("${FOO?bar-baz}", "first")]
        [InlineData("${BAR:-default_value_for_empty_var}", "default_value_for_empty_var")]
        [InlineData("${UNSET_VAR-default_value_for_unset_var}", "default_value_for_unset_var")]
        [InlineData("ok ${missing:-{\"json\":1}}", "ok {\"json\":1}")]
        [InlineData("ok ${missing-{\"json\":1}}", "ok {\"json\":1}")]
        [InlineData("ok ${JSON:-{\"json\":1}}", "ok {\"json\":2}")]
        [InlineData("ok ${JSON-{\"json\":1}}", "ok {\"json\":2}")]
        // ref: docker compose config 2.40.3
        [InlineData("${UNSET:-{x}y}", "{x}y")]
        [InlineData("${UNSET:-{x}y}z}", "{x}yz}")]
        [InlineData("${UNSET:-a}b}", "ab}")]
        [InlineData("${UNSET:-${SET}x}y}", "valxy}")]
        [InlineData("{${UNSET:-a}}", "{a}")]
        [InlineData("${UNSET:-{}}", "{}")]
        [InlineData("${UNSET-{\"a\":1}}", "{\"a\":1}")]
        [InlineData("$1 $ $} $-", "$1 $ $} $-")]
        [InlineData("${SET}}", "val}")]
        [InlineData("$$SET $$$SET $${SET}", "$SET $val ${SET}")]
        [InlineData("$9A", "$9A")]
        [InlineData("${UNSET:-${UNSET2:-${SET}}}", "val")]
        [InlineData("${EMPTY-hard}", "")]
        [InlineData("${EMPTY:-soft}", "soft")]
        [InlineData("${SET:+alt}", "alt")]
        [InlineData("${UNSET+alt}", "")]
        [InlineData("$SET-suffix", "val-suffix")]
        [InlineData("${SET:-x} and $SET and ${EMPTY:+no}.", "val and val and .")]
        public void Substitutes(string template, string expected)
        {
            Assert.Equal(expected, Sub(template));
        }

        [Theory]
        [InlineData("${")]
        [InlineData("${}")]
        [InlineData("${ }")]
        [InlineData("${ foo}")]
        [InlineData("${foo }")]
        [InlineData("${foo!}")]
        [InlineData("${SET:x}")]
        [InlineData("${SET:-a")]
        [InlineData("${SET-a${")]
        [InlineData("${9A}")]
        [InlineData("${SET}${ x}")]
        public void RejectsInvalidTemplates(string template)
        {
            var e = Assert.Throws<InvalidTemplateException>(() => Sub(template));
            Assert.Equal(template, e.Template);
            Assert.StartsWith("Invalid template: \"", e.Message);
        }

        [Fact]
        public void InvalidNestedDefaultReportsTheInnerTemplate()
        {
            // ref: "invalid interpolation format for x-v. ... ${}"
            var e = Assert.Throws<InvalidTemplateException>(() => Sub("${UNSET:-${}}"));
            Assert.Equal("${}", e.Template);
        }

        [Fact]
        public void InvalidTemplateMessageQuotesLikeGo()
        {
            var e = Assert.Throws<InvalidTemplateException>(() => Sub("${X"));
            Assert.Equal("Invalid template: \"${X\"", e.Message);
        }

        [Theory]
        [InlineData("not ok ${UNSET_VAR:?Mandatory Variable Unset}", "required variable UNSET_VAR is missing a value: Mandatory Variable Unset")]
        [InlineData("not ok ${BAR:?Mandatory Variable Empty}", "required variable BAR is missing a value: Mandatory Variable Empty")]
        [InlineData("not ok ${UNSET_VAR:?}", "required variable UNSET_VAR is missing a value")]
        [InlineData("not ok ${UNSET_VAR?Mandatory Variable Unset}", "required variable UNSET_VAR is missing a value: Mandatory Variable Unset")]
        [InlineData("not ok ${UNSET_VAR?}", "required variable UNSET_VAR is missing a value")]
        [InlineData("not ok ${UNSET_VAR:?Mandatory Variable ${FOO}}", "required variable UNSET_VAR is missing a value: Mandatory Variable first")]
        [InlineData("not ok ${UNSET_VAR?Mandatory Variable ${FOO}}", "required variable UNSET_VAR is missing a value: Mandatory Variable first")]
        [InlineData("${UNSET_VAR?bar-baz}", "required variable UNSET_VAR is missing a value: bar-baz")]
        // ref: defaults, alternatives and messages are evaluated eagerly
        [InlineData("${SET:-${X:?boom}}", "required variable X is missing a value: boom")]
        [InlineData("${SET:+${X:?boom}}", "required variable X is missing a value: boom")]
        [InlineData("${UNSET:+${X:?boom}}", "required variable X is missing a value: boom")]
        [InlineData("${UNSET?${X}}", "required variable UNSET is missing a value")]
        [InlineData("${SET:-x} ${UNSET:?}", "required variable UNSET is missing a value")]
        public void RequiredVariables(string template, string message)
        {
            var e = Assert.Throws<MissingRequiredVariableException>(() => Sub(template));
            Assert.Equal(message, e.Message);
        }

        [Fact]
        public void RequiredErrorCarriesVariableAndReason()
        {
            var e = Assert.Throws<MissingRequiredVariableException>(() => Sub("${UNSET_VAR?bar-baz}"));
            Assert.Equal("UNSET_VAR", e.Variable);
            Assert.Equal("bar-baz", e.Reason);
        }

        [Theory]
        [InlineData("${missing}", new[] { "missing" })]
        [InlineData("$missing and ${other}", new[] { "missing", "other" })]
        [InlineData("${SET:-${UNSET}}", new[] { "UNSET" })] // ref: warned although the default is not used
        [InlineData("${set}${Set}", new[] { "set", "Set" })] // ref: names are case-sensitive
        [InlineData("${_}$_", new[] { "_", "_" })]
        [InlineData("${BAR} ${UNSET:-x} $$NOPE", new string[0])]
        public void WarnsOnceForEachUnsetUse(string template, string[] names)
        {
            var warnings = new List<string>();
            Sub(template, warnings);
            var expected = new List<string>();
            foreach (string n in names) expected.Add($"The \"{n}\" variable is not set. Defaulting to a blank string.");
            Assert.Equal(expected, warnings);
        }

        [Fact]
        public void NullLookupMeansEverythingUnset()
        {
            Assert.Equal("x-", Template.Substitute("x-${A}", null, null));
        }

        [Fact]
        public void StringsWithoutDollarAreReturnedAsIs()
        {
            const string s = "plain {text}";
            Assert.Same(s, Template.Substitute(s, Lookup, null));
        }
    }
}
