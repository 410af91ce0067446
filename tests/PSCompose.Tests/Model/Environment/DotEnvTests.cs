using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PSCompose.Model;
using PSCompose.Model.Environment;
using Xunit;

namespace PSCompose.Tests.Model.Environment
{
    /// <summary>
    /// compose-go dotenv semantics. Rows marked "ref" were checked with `docker compose config --environment`
    /// 2.40.3 on the same .env (shell: SHELLV=fromshell); others come from compose-go's dotenv fixtures/tests.
    /// </summary>
    public class DotEnvTests
    {
        private static readonly Dictionary<string, string> Shell = new Dictionary<string, string> { ["SHELLV"] = "fromshell" };

        private static Dictionary<string, string> Parse(string text, Dictionary<string, string> env = null) =>
            DotEnv.Parse(text, "/p/.env", k => (env ?? Shell).TryGetValue(k, out string v) ? v : null)
                .ToDictionary(kv => kv.Key, kv => kv.Value);

        private static ComposeFileException Fails(string text) =>
            Assert.Throws<ComposeFileException>(() => DotEnv.Parse(text, "/p/.env", k => Shell.TryGetValue(k, out string v) ? v : null));

        [Fact]
        public void QuotedFixture()
        {
            // compose-go dotenv/fixtures/quoted.env
            const string text = "OPTION_A='1'\nOPTION_B='2'\nOPTION_C=''\nOPTION_D='\\n'\nOPTION_E=\"1\"\nOPTION_F=\"2\"\nOPTION_G=\"\"\nOPTION_H=\"\\n\"\n" +
                "OPTION_I = \"echo 'asd'\"\nOPTION_J = 'first line\nsecond line\nthird line\nand so on'\nOPTION_Z = \"last value\"\n";
            var expected = new Dictionary<string, string>
            {
                ["OPTION_A"] = "1", ["OPTION_B"] = "2", ["OPTION_C"] = "", ["OPTION_D"] = "\\n",
                ["OPTION_E"] = "1", ["OPTION_F"] = "2", ["OPTION_G"] = "", ["OPTION_H"] = "\n",
                ["OPTION_I"] = "echo 'asd'", ["OPTION_J"] = "first line\nsecond line\nthird line\nand so on",
                ["OPTION_Z"] = "last value",
            };
            Assert.Equal(expected, Parse(text));
        }

        [Theory]
        // ref rows
        [InlineData("A=1\nB=\"x\\ty\"\nC=$A-2\n", "A=1|B=x\ty|C=1-2")]
        [InlineData("A=\"a\\\"b\"\nB='a\\'b'\nC=\"a\\\\b\"\nD=\"x\\$A\"\nE='$A'\n", "A=a\"b|B=a'b|C=a\\b|D=x$A|E=$A")]
        [InlineData("A=a #c\nB=a#b\nC=\"q\" # c\nD=  sp  \nE=\nF=\"\"\nG\nSHELLV\nexport H=1\nexport  I = 2\nJ : 3\nK:4\n",
            "A=a|B=a#b|C=q|D=sp|E=|F=|SHELLV=fromshell|H=1|I=2|J=3|K=4")]
        [InlineData("A=\"line1\nline2\"\nB=2\n", "A=line1\nline2|B=2")]
        [InlineData("A=\"\\a\\b\\f\\n\\r\\t\\v\\0101\\x41\\u0041\\q\"\n", "A=\a\b\f\n\r\t\vA\\x41\\u0041\\q")]
        [InlineData("A=\"\\0 \\01 \\c \\08 \\0777\"\n", "A=\\ \\1 \\c \\8 \\777")]
        [InlineData("\uFEFFA=1\n", "A=1")]
        [InlineData("A=1\nA\n", "A=1")]
        [InlineData("A=1\nA=\n", "A=")]
        [InlineData("exportA=1\n", "exportA=1")]
        [InlineData("A= \"q\"\nB=x\"y\"\nC=\"x\"y\n", "A=q|B=x\"y\"|C=x")]
        [InlineData("A=a\\nb\nB=${SHELLV}\nC=$SHELLV$A\n", "A=a\\nb|B=fromshell|C=fromshella\\nb")]
        [InlineData("SHELLV=fromfile\nA=$SHELLV\n", "SHELLV=fromfile|A=fromshell")]
        [InlineData("A='x\n\ny'\n", "A=x\n\ny")]
        [InlineData("A=1\nB", "A=1|=B")]
        [InlineData("A=\"x\" B=2\n", "A=x|B=2")]
        [InlineData("export =1\n", "=1")]
        [InlineData("A\tB=1\n", "A\tB=1")]
        [InlineData("A='a\\\\b'\n", "A=a\\\\b")]
        [InlineData("A:=b\n", "A==b")]
        [InlineData("A==b\n", "A==b")]
        [InlineData(" A = b \n", "A=b")]
        [InlineData("A=\u00a0b\u00a0\n", "A=b")]
        [InlineData("A=${SHELLV:-x} $$SHELLV \\$SHELLV\n", "A=fromshell $SHELLV \\fromshell")]
        [InlineData("A='${SHELLV}'\n", "A=${SHELLV}")]
        [InlineData("A=\"\r\n\"\n", "A=\r\n")]
        [InlineData("A=1\nB=${A}2\nC=${SHELLV}-${A:-x}\nD=${NOPE:-dflt}\nE=\"${A}${B}\"\nF=$${A}\n", "A=1|B=12|C=fromshell-1|D=dflt|E=112|F=${A}")]
        [InlineData("A=hello # comment\nB=\"hello # not\"\nC=hello#not\nD=\"x\" # c\nE=   spaced   \n# full\n   # indented\nF=1", "A=hello|B=hello # not|C=hello#not|D=x|E=spaced|F=1")]
        // compose-go: keys may hold dots, dashes and brackets; CRLF files
        [InlineData("A.B-C[0]=1\n", "A.B-C[0]=1")]
        [InlineData("A=1\r\nB=2\r\n", "A=1|B=2")]
        [InlineData("", "")]
        [InlineData("# only a comment", "")]
        public void Parses(string text, string expected)
        {
            var want = new Dictionary<string, string>();
            if (expected != "")
                foreach (string pair in expected.Split('|'))
                {
                    int eq = pair.IndexOf('=');
                    want[pair.Substring(0, eq)] = pair.Substring(eq + 1);
                }
            Assert.Equal(want, Parse(text));
        }

        [Theory]
        // ref: compose reports these lines ("line N" counts every newline read so far)
        [InlineData("A=1\nB\nC=2\nD=\"abc\nE=1\nF=2\n", 7, "unterminated quoted value \"abc")]
        [InlineData("A=1\n\n# c\nB=\"abc\n", 5, "unterminated quoted value \"abc")]
        [InlineData("A=1\nB\nC\nD=\"abc", 4, "unterminated quoted value \"abc")]
        [InlineData("A=1\nB C=1\n", 2, "key cannot contain a space")]
        [InlineData("A=1\nB C\n", 2, "key cannot contain a space")]
        [InlineData("A=1\nB!C=1\n", 2, "unexpected character \"!\" in variable name \"B!C=1\"")]
        [InlineData("A=1\nB=\"x\\\"\n", 3, "unterminated quoted value \"x\\\"")]
        public void SyntaxErrors(string text, int line, string message)
        {
            var e = Fails(text);
            Assert.Equal(ErrorIds.EnvFileInvalid, e.ErrorId);
            Assert.Equal(line, e.Line);
            Assert.Equal(message, e.Reason);
            Assert.Equal("/p/.env", e.File);
        }

        [Fact]
        public void RequiredVariableInsideTheFile()
        {
            var e = Fails("A=1\nB=${X:?need X}\n");
            Assert.Equal(ErrorIds.VariableRequired, e.ErrorId);
            Assert.Equal("required variable X is missing a value: need X", e.Reason);
            Assert.Equal(2, e.Line);
        }

        [Fact]
        public void InvalidTemplateInsideTheFile()
        {
            var e = Fails("A=1\nB=${X\n");
            Assert.Equal("Invalid template: \"${X\"", e.Reason); // ref
        }

        [Fact]
        public void InheritedKeysComeFromTheLookupOrAreDropped()
        {
            var env = new Dictionary<string, string> { ["HOST"] = "h", ["EMPTY"] = "" };
            Assert.Equal(new Dictionary<string, string> { ["HOST"] = "h", ["EMPTY"] = "" }, Parse("HOST\nEMPTY\nMISSING\n", env));
        }

        [Fact]
        public void LookupWinsOverEarlierKeysForExpansion()
        {
            var env = new Dictionary<string, string> { ["A"] = "env" };
            Assert.Equal("env", Parse("A=file\nB=$A\n", env)["B"]);
            Assert.Equal("file", Parse("A=file\nB=$A\n", env)["A"]);
        }

        [Fact]
        public void UnsetVariablesWarn()
        {
            var warnings = new List<string>();
            DotEnv.Parse("A=${NOPE}\n", "/p/.env", _ => null, warnings.Add);
            Assert.Equal(new[] { "The \"NOPE\" variable is not set. Defaulting to a blank string." }, warnings);
        }

        [Fact]
        public void KeepsFirstAppearanceOrderAndLastValue()
        {
            var list = DotEnv.Parse("B=1\nA=2\nB=3\n", "/p/.env", null);
            Assert.Equal(new[] { "B", "A" }, list.Select(kv => kv.Key));
            Assert.Equal("3", list[0].Value);
        }

        [Fact]
        public void ReadFileStripsBomAndReportsMissingFiles()
        {
            string dir = Path.Combine(Path.GetTempPath(), "psc-dotenv-" + System.Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                string path = Path.Combine(dir, ".env");
                System.IO.File.WriteAllBytes(path, new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("A=é\n")).ToArray());
                Assert.Equal("é", DotEnv.ReadFile(path, null).Single(kv => kv.Key == "A").Value);
                Assert.Throws<FileNotFoundException>(() => DotEnv.ReadFile(Path.Combine(dir, "nope.env"), null));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Theory]
        // docker/cli kvfile rules: values literal, trailing whitespace kept, bare keys looked up
        [InlineData("A=1\nB=\"quoted\" \nC=${SHELLV}\n  D=x # y\n#E=1\n\nSHELLV\nMISSING\n",
            "A=1|B=\"quoted\" |C=${SHELLV}|D=x # y|SHELLV=fromshell")]
        [InlineData("\uFEFFA=1\r\nB=2=3\r\n", "A=1|B=2=3")]
        [InlineData("A=1\nA=2\n", "A=2")]
        public void RawFormat(string text, string expected)
        {
            var want = new Dictionary<string, string>();
            foreach (string pair in expected.Split('|'))
            {
                int eq = pair.IndexOf('=');
                want[pair.Substring(0, eq)] = pair.Substring(eq + 1);
            }
            var got = DotEnv.ParseRaw(text, "/p/raw.env", k => Shell.TryGetValue(k, out string v) ? v : null)
                .ToDictionary(kv => kv.Key, kv => kv.Value);
            Assert.Equal(want, got);
        }

        [Theory]
        [InlineData("A=1\n=2\n", 2, "no variable name on line '=2'")]
        [InlineData("A B=1\n", 1, "variable 'A B' contains whitespaces")]
        [InlineData("A\tB\n", 1, "variable 'A\tB' contains whitespaces")]
        public void RawFormatErrors(string text, int line, string message)
        {
            var e = Assert.Throws<ComposeFileException>(() => DotEnv.ParseRaw(text, "/p/raw.env", null));
            Assert.Equal(ErrorIds.EnvFileInvalid, e.ErrorId);
            Assert.Equal(line, e.Line);
            Assert.Equal(message, e.Reason);
        }
    }
}
