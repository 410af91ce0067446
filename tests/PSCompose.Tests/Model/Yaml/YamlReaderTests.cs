using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using PSCompose.Model;
using PSCompose.Model.Yaml;
using Xunit;

namespace PSCompose.Tests.Model.Yaml
{
    /// <summary>
    /// Expected values are what `docker compose config` 2.40.3 prints for the same scalars under an x- key
    /// (yaml.v3 decoding into map[string]any), unless a comment says otherwise.
    /// </summary>
    public class YamlReaderTests
    {
        private const string File = "/p/compose.yaml";

        private static object Single(string yaml) => YamlReader.ReadDocuments(yaml, File).Single();

        private static object Scalar(string text) => ((YMap)Single("x: " + text + "\n"))["x"];

        private static ComposeFileException Fails(string yaml) =>
            Assert.Throws<ComposeFileException>(() => YamlReader.ReadDocuments(yaml, File));

        public static IEnumerable<object[]> ScalarCases() => new[]
        {
            new object[] { "0777", 511L },
            new object[] { "08", 8.0 },
            new object[] { "09", 9.0 },
            new object[] { "0o17", 15L },
            new object[] { "0O17", 15L },
            new object[] { "0x1F", 31L },
            new object[] { "0X1F", 31L },
            new object[] { "0b101", 5L },
            new object[] { "-0b101", -5L },
            new object[] { "+0x1f", 31L },
            new object[] { "1_000", 1000L },
            new object[] { "1_", 1L },
            new object[] { "-_1", -1L },
            new object[] { "_1", "_1" },
            new object[] { "1e3", 1000.0 },
            new object[] { "1e400", "1e400" },
            new object[] { "1e-400", 0.0 },
            new object[] { "1.", 1.0 },
            new object[] { ".5", 0.5 },
            new object[] { "-.5", -0.5 },
            new object[] { "+.5", 0.5 },
            new object[] { ".", "." },
            new object[] { ".inf", double.PositiveInfinity },
            new object[] { "-.Inf", double.NegativeInfinity },
            new object[] { "+.INF", double.PositiveInfinity },
            new object[] { ".NaN", double.NaN },
            new object[] { "+.nan", "+.nan" },
            new object[] { ".infinity", ".infinity" },
            new object[] { "18446744073709551615", 18446744073709551615.0 },
            new object[] { "18446744073709551616", 1.8446744073709552e+19 },
            new object[] { "9223372036854775807", long.MaxValue },
            new object[] { "-9223372036854775809", -9.223372036854776e+18 },
            new object[] { "-0x8000000000000000", long.MinValue },
            new object[] { "yes", "yes" },
            new object[] { "No", "No" },
            new object[] { "on", "on" },
            new object[] { "TRUE", true },
            new object[] { "False", false },
            new object[] { "tRue", "tRue" },
            new object[] { "Null", null },
            new object[] { "nULL", "nULL" },
            new object[] { "~", null },
            new object[] { "", null },
            new object[] { "\"\"", "" },
            new object[] { "1:20", "1:20" },
            new object[] { "0.", 0.0 },
            new object[] { "00", 0L },
            new object[] { "-0", 0L },
            new object[] { "+12", 12L },
            new object[] { "1__2", 12L },
            new object[] { "0x_1F", 31L },
            new object[] { "0_x1F", 31L },
            new object[] { "1.5_0", 1.5 },
            new object[] { "1_0.5", 10.5 },
            new object[] { "1e1_0", 1e10 },
            new object[] { "!!str 12", "12" },
            new object[] { "!!int \"12\"", 12L },
            new object[] { "!!float \"12\"", 12.0 },
            new object[] { "!!float 12", 12.0 },
            new object[] { "!!bool \"true\"", true },
            new object[] { "\"12\"", "12" },
            new object[] { "'true'", "true" },
            new object[] { "0b", "0b" },
            new object[] { "0x", "0x" },
            new object[] { "0o", "0o" },
            new object[] { "1E3", 1000.0 },
            new object[] { "0.1e-2", 0.001 },
            new object[] { "Infinity", "Infinity" },
            new object[] { "NaN", "NaN" },
            new object[] { "!custom 12", "12" },
            new object[] { "! 12", 12L },
            new object[] { "!!binary aGVsbG8=", "hello" },
            new object[] { "2001-12-14", "2001-12-14T00:00:00Z" },
            new object[] { "2001-12-14t21:59:43.10-05:00", "2001-12-14T21:59:43.1-05:00" },
            new object[] { "2001-12-14 21:59:43.10 -5", "2001-12-14 21:59:43.10 -5" },
            new object[] { "2001-12-14 21:59:43.10", "2001-12-14T21:59:43.1Z" },
            new object[] { "2002-1-1", "2002-01-01T00:00:00Z" },
            new object[] { "\"2001-12-14\"", "2001-12-14" },
            new object[] { "2001-02-30", "2001-02-30" },
            new object[] { "|\n  lit\n", "lit\n" },
        };

        [Theory]
        [MemberData(nameof(ScalarCases))]
        public void ResolvesScalarsLikeYamlV3(string text, object expected)
        {
            object actual = Scalar(text);
            if (expected is double d && double.IsNaN(d)) Assert.True(actual is double a && double.IsNaN(a));
            else
            {
                Assert.Equal(expected, actual);
                Assert.Equal(expected?.GetType(), actual?.GetType());
            }
        }

        [Theory]
        [InlineData("!!null \"x\"", "yaml: cannot decode !!str `x` as a !!null")]
        [InlineData("!!int abc", "yaml: cannot decode !!str `abc` as a !!int")]
        [InlineData("!!bool 1", "yaml: cannot decode !!int `1` as a !!bool")]
        public void ExplicitTagsThatDoNotFitFail(string text, string message)
        {
            var e = Fails("x: " + text + "\n");
            Assert.Equal(message, e.Reason);
            Assert.Equal(ErrorIds.YamlSyntax, e.ErrorId);
        }

        [Fact]
        public void ResetBesideAMergeKey_LetsTheMergeKeyFillTheValue()
        {
            // docker compose 2.40.3 keeps the anchor's ports here: the !reset node is dropped before decoding.
            var doc = (YMap)YamlReader.ReadDocuments("x: &b\n  ports: [\"80:80\"]\na:\n  <<: *b\n  ports: !reset []\n", "c.yaml").Single();
            var ports = Assert.IsType<TaggedValue>(doc.Map("a")["ports"]);
            Assert.Equal(TaggedValue.Override, ports.Tag);
            Assert.Equal(new object[] { "80:80" }, (List<object>)ports.Value);
        }

        [Fact]
        public void ScannerFailureInsideAFlowSequence_IsASyntaxError()
        {
            // Found by the fuzz test: YamlDotNet's scanner throws InvalidOperationException here.
            var e = Assert.Throws<ComposeFileException>(() => YamlReader.ReadDocuments("aliases: [www, we${b]\n", "compose.yaml"));
            Assert.Equal(ErrorIds.YamlSyntax, e.ErrorId);
            Assert.Equal("compose.yaml", e.File);
        }

        [Fact]
        public void KeepsMappingOrderAndNesting()
        {
            var doc = (YMap)Single("services:\n  web:\n    image: busybox\n    ports: ['80:80', 443]\n  db: {image: redis}\n");
            Assert.Equal(new[] { "web", "db" }, doc.Map("services").Keys);
            var web = doc.Map("services").Map("web");
            Assert.Equal("busybox", web["image"]);
            Assert.Equal(new List<object> { "80:80", 443L }, web.List("ports"));
        }

        [Fact]
        public void ResetAndOverrideTagsBecomeTaggedValues()
        {
            var doc = (YMap)Single("a: !reset\nb: !reset []\nc: !override\n  x: 1\nd: !override [1, 2]\ne: !override 12\nf: !reset {}\n");
            var a = Assert.IsType<TaggedValue>(doc["a"]);
            Assert.Equal(TaggedValue.Reset, a.Tag);
            Assert.Null(a.Value);
            Assert.Equal(new List<object>(), ((TaggedValue)doc["b"]).Value);
            var c = (TaggedValue)doc["c"];
            Assert.Equal(TaggedValue.Override, c.Tag);
            Assert.Equal(1L, ((YMap)c.Value)["x"]);
            Assert.Equal(new List<object> { 1L, 2L }, ((TaggedValue)doc["d"]).Value);
            Assert.Equal("12", ((TaggedValue)doc["e"]).Value); // ref: x-a: !override 12 prints "12"
            Assert.IsType<YMap>(((TaggedValue)doc["f"]).Value);
        }

        [Fact]
        public void MergeKeysFollowYamlV3()
        {
            const string yaml = @"
x-h: &h
  a: 1
  b: 2
x-i:
  <<: *h
  b: 3
  c: 4
x-j:
  b: 3
  <<: [*h, {c: 5, d: 6}]
x-k:
  ""<<"": *h
x-l:
  <<: [{a: first}, {a: second, z: 1}]
x-m:
  <<:
    <<: {deep: 1, a: inner}
    a: outer
";
            var doc = (YMap)Single(yaml);
            Assert.Equal(Map(("a", 1L), ("b", 3L), ("c", 4L)), Sorted(doc.Map("x-i")));
            Assert.Equal(Map(("a", 1L), ("b", 3L), ("c", 5L), ("d", 6L)), Sorted(doc.Map("x-j")));
            Assert.Equal(Map(("a", 1L), ("b", 2L)), Sorted(doc.Map("x-k").Map("<<")));
            Assert.Equal(Map(("a", "first"), ("z", 1L)), Sorted(doc.Map("x-l")));
            Assert.Equal(Map(("a", "outer"), ("deep", 1L)), Sorted(doc.Map("x-m")));
        }

        [Fact]
        public void MergedKeysTakeThePlaceOfTheMergeKey()
        {
            var doc = (YMap)Single("base: &b {p: 1, q: 2}\nm:\n  first: 0\n  <<: *b\n  q: 9\n");
            Assert.Equal(new[] { "first", "p", "q" }, doc.Map("m").Keys);
            Assert.Equal(9L, doc.Map("m")["q"]);
        }

        [Fact]
        public void MergeOfAScalarFails()
        {
            var e = Fails("a: &s x\nb:\n  <<: *s\n");
            Assert.Equal("yaml: map merge requires map or sequence of maps as the value", e.Reason);
        }

        [Fact]
        public void AliasesAreIndependentCopies()
        {
            var doc = (YMap)Single("a: &x {k: [1]}\nb: *x\n");
            Assert.NotSame(doc["a"], doc["b"]);
            doc.Map("b").List("k").Add(2L);
            Assert.Single(doc.Map("a").List("k"));
        }

        [Fact]
        public void DuplicateKeysFailAsInCompose()
        {
            // ref: "line 4: mapping key \"image\" already defined at line 3"
            var e = Fails("services:\n  web:\n    image: busybox\n    image: foo\n");
            Assert.Equal("mapping key \"image\" already defined at line 3", e.Reason);
            Assert.Equal(4, e.Line);
            Assert.Equal(File, e.File);
        }

        [Theory]
        [InlineData("1", "non-string key in services.web.labels: 1")]
        [InlineData("true", "non-string key in services.web.labels: true")]
        [InlineData("~", "non-string key in services.web.labels: <nil>")]
        [InlineData("0x10", "non-string key in services.web.labels: 16")]
        [InlineData("1.5", "non-string key in services.web.labels: 1.5")]
        public void NonStringKeysFail(string key, string message)
        {
            var e = Fails($"services:\n  web:\n    image: busybox\n    labels:\n      {key}: a\n");
            Assert.Equal(message, e.Reason);
            Assert.Equal("services.web.labels", e.KeyPath);
            Assert.Equal(ErrorIds.FileInvalid, e.ErrorId);
        }

        [Theory]
        [InlineData("\"1\"", "1")]
        [InlineData("!!str 1", "1")]
        [InlineData("'yes'", "yes")]
        [InlineData("yes", "yes")]
        public void StringKeysAreAccepted(string key, string expected)
        {
            var doc = (YMap)Single($"labels:\n  {key}: a\n");
            Assert.Equal(new[] { expected }, doc.Map("labels").Keys);
        }

        [Fact]
        public void NonStringKeyAtTopLevelAndInLists()
        {
            Assert.Equal("non-string key at top level: 1", Fails("1: a\n").Reason);
            Assert.Equal("non-string key in x[1]: 2", Fails("x:\n  - a: 1\n  - 2: b\n").Reason);
        }

        [Fact]
        public void ComplexKeysFail()
        {
            var e = Fails("? [a]\n: b\n");
            Assert.StartsWith("yaml: invalid map key", e.Reason);
        }

        [Fact]
        public void SyntaxErrorsCarryLineAndColumn()
        {
            var e = Fails("services:\n  web:\n    image: [busybox\n");
            Assert.Equal(ErrorIds.YamlSyntax, e.ErrorId);
            Assert.StartsWith("yaml: ", e.Reason);
            Assert.True(e.Line >= 3);
            Assert.StartsWith(File + ":" + e.Line + ":", e.Message);
        }

        [Fact]
        public void MappingValuesNotAllowed()
        {
            var e = Fails("services:\n  web:\n   image: busybox\n  x: : :\n");
            Assert.Equal(4, e.Line);
            Assert.Contains("mapping values are not allowed in this context", e.Reason);
        }

        [Theory]
        // ref: compose's (libyaml's) wording for the same files; lines may differ, libyaml sometimes reports the context line
        [InlineData("a: [b\n", "yaml: did not find expected ',' or ']'")]
        [InlineData("a:\n  b: c\n d: e\n", "yaml: did not find expected key")]
        [InlineData("a:\n\tb: c\n", "yaml: found character that cannot start any token")]
        [InlineData("a: \"b\n", "yaml: found unexpected end of stream")]
        [InlineData("a: b: c\n", "yaml: mapping values are not allowed in this context")]
        [InlineData("a: {b: c\n", "yaml: did not find expected ',' or '}'")]
        [InlineData("a: *\n", "yaml: did not find expected alphabetic or numeric character")]
        [InlineData("a: !<x\n", "yaml: did not find the expected '>'")]
        [InlineData("a: @b\n", "yaml: found character that cannot start any token")]
        [InlineData("a: \"\\q\"\n", "yaml: found unknown escape character")]
        [InlineData("key: value\n  bad: indent\n", "yaml: mapping values are not allowed in this context")]
        public void SyntaxErrorWordingFollowsLibyaml(string yaml, string message)
        {
            var e = Fails(yaml);
            Assert.Equal(message, e.Reason);
            Assert.Equal(ErrorIds.YamlSyntax, e.ErrorId);
            Assert.True(e.Line > 0);
        }

        [Fact]
        public void UnknownAnchorFails()
        {
            var e = Fails("a: *nope\n");
            Assert.Equal("yaml: unknown anchor 'nope' referenced", e.Reason);
        }

        [Fact]
        public void SelfReferencingAnchorFails()
        {
            // ref: compose prints the same for `x-a: &x [*x]` with x-a in place of a
            var e = Fails("a: &x [*x]\n");
            Assert.Equal("cycle detected: node at path a.0.0 references node at path a.0", e.Reason);
        }

        [Fact]
        public void MergeCyclesFailInsteadOfOverflowingTheStack()
        {
            // Compose 2.40.3 itself dies with a Go stack overflow on this one.
            var e = Fails("x-a: &x {a: 1, <<: *x}\n");
            Assert.StartsWith("cycle detected", e.Reason);
        }

        [Fact]
        public void AliasBombsAreRefusedQuickly()
        {
            const string bomb = @"
a: &a [""lol"",""lol"",""lol"",""lol"",""lol"",""lol"",""lol"",""lol"",""lol""]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
";
            var watch = Stopwatch.StartNew();
            var e = Fails(bomb);
            Assert.Equal("yaml: document contains excessive aliasing", e.Reason);
            Assert.True(watch.Elapsed.TotalSeconds < 10, "took " + watch.Elapsed);
        }

        [Fact]
        public void DeepNestingIsRefused()
        {
            string deep = "x: " + new string('[', 5000) + new string(']', 5000) + "\n";
            var e = Fails(deep);
            Assert.Equal(ErrorIds.NestingTooDeep, e.ErrorId);
            Assert.Contains("exceeds the limit of", e.Reason);
        }

        [Fact]
        public void MultipleDocumentsAndEmptyOnes()
        {
            var docs = YamlReader.ReadDocuments("a: 1\n---\nb: 2\n---\n", File);
            Assert.Equal(3, docs.Count);
            Assert.Equal(1L, ((YMap)docs[0])["a"]);
            Assert.Equal(2L, ((YMap)docs[1])["b"]);
            Assert.Null(docs[2]);
        }

        [Theory]
        [InlineData("")]
        [InlineData("# only a comment\n")]
        public void NoDocuments(string yaml)
        {
            Assert.Empty(YamlReader.ReadDocuments(yaml, File));
        }

        [Fact]
        public void NonMappingDocumentsAreReturnedAsIs()
        {
            Assert.Equal(new List<object> { 1L, 2L }, Single("[1,2]\n"));
            Assert.Equal("text", Single("text\n"));
        }

        private static YMap Sorted(YMap m) => m.Sorted();

        private static YMap Map(params (string Key, object Value)[] entries) =>
            new YMap(entries.Select(e => new KeyValuePair<string, object>(e.Key, e.Value))).Sorted();
    }
}
