using System.Collections.Generic;
using System.Linq;
using PSCompose.Model;
using PSCompose.Model.Interpolation;
using Xunit;

namespace PSCompose.Tests.Model.Interpolation
{
    /// <summary>
    /// What `docker compose config --variables` (2.40.3) lists for single values, as it printed them for the
    /// tests/conformance interp-nested project and a scratch one (each value alone, so Go's map order cannot pick).
    /// </summary>
    public class TemplateVariablesTests
    {
        [Fact]
        public void NestedDefaults_ListEveryVariableWithItsOwnDefault()
        {
            var v = Extract("${REGISTRY:-${FALLBACK:-docker.io}}/app:${TAG:-${SETV}}");
            Assert.Equal(new[] { "FALLBACK", "REGISTRY", "SETV", "TAG" }, v.Keys);
            Assert.Equal("${FALLBACK:-docker.io}", v["REGISTRY"].DefaultValue);
            Assert.Equal("docker.io", v["FALLBACK"].DefaultValue);
            Assert.Equal("${SETV}", v["TAG"].DefaultValue);
            Assert.Equal("", v["SETV"].DefaultValue);
        }

        [Fact]
        public void SeveralBracedVariablesInOneValue_EndAtTheirOwnBrace()
        {
            var v = Extract("${UNSET:-x}${SETV}${UNSET2:-y}");
            Assert.Equal("x", v["UNSET"].DefaultValue);
            Assert.Equal("y", v["UNSET2"].DefaultValue);
            Assert.True(v.ContainsKey("SETV"));
            Assert.Equal(3, v.Count);
        }

        [Fact]
        public void RequiredAlternateAndEscaped()
        {
            var v = Extract("${A:?need it} ${B:+alt} $${NOT} ${C-dflt}");
            Assert.True(v["A"].Required);
            Assert.Equal("alt", v["B"].PresenceValue);
            Assert.Equal("dflt", v["C"].DefaultValue);
            Assert.False(v.ContainsKey("NOT"));
        }

        [Fact]
        public void NamesMayHoldDigits()
        {
            Assert.Equal(new[] { "A1_B2" }, Extract("$A1_B2").Keys);
        }

        [Fact]
        public void ListsAndTheMapsInThemAreSearched()
        {
            var model = new YMap { ["services"] = new YMap { ["s"] = new YMap
            {
                ["command"] = new List<object> { "echo", "$IN_LIST" },
                ["ports"] = new List<object> { new YMap { ["published"] = "${IN_MAP_IN_LIST}" } },
            } } };
            Assert.Equal(new[] { "IN_LIST", "IN_MAP_IN_LIST" }, TemplateVariables.Extract(model).Keys);
        }

        private static SortedDictionary<string, TemplateVariable> Extract(string value) =>
            TemplateVariables.Extract(new YMap { ["x"] = value });
    }
}
