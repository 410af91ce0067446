using PSCompose.Model;
using PSCompose.Model.Serialization;
using Xunit;

namespace PSCompose.Tests.Model.Serialization
{
    /// <summary>Scalar styles as docker compose 2.40.3 (go-yaml v3) prints label values.</summary>
    public class GoYamlTests
    {
        [Theory]
        [InlineData("1:20", "\"1:20\"")]
        [InlineData("{x", "'{x'")]
        [InlineData("x:", "'x:'")]
        [InlineData("a: b", "'a: b'")]
        [InlineData("a,b", "a,b")]
        [InlineData("- x", "'- x'")]
        [InlineData("\"x\"", "'\"x\"'")]
        [InlineData("!x", "'!x'")]
        [InlineData("1e3", "\"1e3\"")]
        [InlineData("a #b", "'a #b'")]
        [InlineData("%x", "'%x'")]
        [InlineData("'x'", "'''x'''")]
        [InlineData("?x", "?x")]
        [InlineData(" lead", "' lead'")]
        [InlineData("*x", "'*x'")]
        [InlineData("a\tb", "\"a\\tb\"")]
        [InlineData("~", "\"~\"")]
        [InlineData("2001-12-14", "\"2001-12-14\"")]
        [InlineData("héllo", "héllo")]
        [InlineData("y", "\"y\"")]
        [InlineData("n", "\"n\"")]
        [InlineData("1000", "\"1000\"")]
        [InlineData("0440", "\"0440\"")]
        [InlineData("", "\"\"")]
        [InlineData("true", "\"true\"")]
        [InlineData("-c", "-c")]
        [InlineData("::1", "::1")]
        [InlineData("02:42:ac:11:65:43", "02:42:ac:11:65:43")]
        [InlineData("$$HOME", "$$HOME")]
        [InlineData("90-91", "90-91")]
        [InlineData("1.5", "\"1.5\"")]
        public void ScalarStyle(string value, string expected) => Assert.Equal(expected, GoYaml.Scalar(value));

        [Fact]
        public void MultiLineStringsAreLiteralBlocks()
        {
            var tree = new YMap { ["labels"] = new YMap { ["multi"] = "line1\nline2\n", ["multi2"] = "line1\nline2" } };
            Assert.Equal("labels:\n  multi: |\n    line1\n    line2\n  multi2: |-\n    line1\n    line2\n", GoYaml.Write(tree));
        }

        [Fact]
        public void SequencesAreIndentedUnderTheirKey()
        {
            var tree = new YMap
            {
                ["a"] = new System.Collections.Generic.List<object> { new YMap { ["x"] = "1a", ["y"] = new System.Collections.Generic.List<object> { "p" } }, "q" },
                ["e"] = new YMap(),
                ["l"] = new System.Collections.Generic.List<object>(),
                ["n"] = null,
            };
            Assert.Equal("a:\n  - x: 1a\n    \"y\":\n      - p\n  - q\ne: {}\nl: []\n\"n\": null\n", GoYaml.Write(tree));
        }
    }
}
