using System;
using PSCompose.Model.Canonical;
using Xunit;

namespace PSCompose.Tests.Model.Canonical
{
    /// <summary>
    /// The shell-word splitter against go-shellwords v1.0.12 as Compose 2.40.3 uses it: each expected vector is what
    /// `docker compose config` prints for the text as a service's `command:` (and what `run --entrypoint` gives, which
    /// the engine test RunEntrypointFrontDoorEngineTests compares on real containers).
    /// </summary>
    public class ShellWordsTests
    {
        [Theory]
        [InlineData("", new string[0])]
        [InlineData("\"\"", new[] { "" })]
        [InlineData("''", new[] { "" })]
        [InlineData("foo \"\" bar ''", new[] { "foo", "", "bar", "" })]
        [InlineData("var --bar=\"baz\"", new[] { "var", "--bar=baz" })]
        [InlineData("var \"--bar='baz'\"", new[] { "var", "--bar='baz'" })]
        [InlineData("var \"--bar=\\\"baz'\"", new[] { "var", "--bar=\"baz'" })]
        [InlineData("var \"--bar=\\'baz\\'\"", new[] { "var", "--bar='baz'" })]
        [InlineData("var --bar='\\'", new[] { "var", "--bar=\\" })]
        [InlineData("a \" b \"", new[] { "a", " b " })]
        [InlineData("  sh   -c  'echo  hi'  ", new[] { "sh", "-c", "echo  hi" })]
        [InlineData("echo\ta\nb\rc", new[] { "echo", "a", "b", "c" })]
        [InlineData("echo héllo \"wörld\"", new[] { "echo", "héllo", "wörld" })]
        public void QuotesGroupWords(string line, string[] expected) => Assert.Equal(expected, ShellWords.Split(line));

        [Theory]
        [InlineData("foo bar\\  ", new[] { "foo", "bar " })]
        [InlineData("foo \\\\", new[] { "foo", "\\" })]
        [InlineData("foo \\& bar", new[] { "foo", "&", "bar" })]
        // v1.0.12 has no \t or \n escapes: the backslash just takes the letter.
        [InlineData("printf a\\tb\\n\"\"", new[] { "printf", "atbn" })]
        // A backslash-newline is not a line continuation: the newline stays in the word.
        [InlineData("echo a\\\nb", new[] { "echo", "a\nb" })]
        [InlineData("echo \"a;b\" 'c|d' e\\;f", new[] { "echo", "a;b", "c|d", "e;f" })]
        public void BackslashTakesTheNextCharacter(string line, string[] expected) => Assert.Equal(expected, ShellWords.Split(line));

        [Theory]
        [InlineData("echo $HOME ${X:-a b}", new[] { "echo", "$HOME", "${X:-a", "b}" })]
        [InlineData("var --bar=`baz`", new[] { "var", "--bar=`baz`" })]
        [InlineData("echo `date +%s` $(id -u)", new[] { "echo", "`date +%s`", "$(id -u)" })]
        [InlineData("echo $(echo \"a b\")", new[] { "echo", "$(echo \"a b\")" })]
        [InlineData("echo `a 'b c'`", new[] { "echo", "`a b c`" })]
        [InlineData("echo \"$(x)\"", new[] { "echo", "$(x)" })]
        public void VariablesAndSubstitutionsAreLeftAlone(string line, string[] expected) => Assert.Equal(expected, ShellWords.Split(line));

        [Theory]
        [InlineData("echo a;b", new[] { "echo", "a" })]
        [InlineData("echo a|b", new[] { "echo", "a" })]
        [InlineData("echo a&b", new[] { "echo", "a" })]
        [InlineData("echo <in", new[] { "echo" })]
        [InlineData("echo 2>x", new[] { "echo" })]
        [InlineData("echo 12ab>x y", new[] { "echo" })]
        [InlineData("echo a2>x", new[] { "echo", "a2" })]
        public void AnOperatorEndsTheLine(string line, string[] expected) => Assert.Equal(expected, ShellWords.Split(line));

        [Theory]
        [InlineData("echo 'abc")]
        [InlineData("echo \"abc")]
        [InlineData("echo a\\")]
        [InlineData("echo `a")]
        [InlineData("echo $(a")]
        [InlineData("echo (x)")]
        [InlineData("echo $ (a")]
        [InlineData("echo $((1+2))")]
        [InlineData("echo a) b")]
        [InlineData("echo a)")]
        public void UnparsableText_FailsWithComposesMessage(string line)
        {
            FormatException e = Assert.Throws<FormatException>(() => ShellWords.Split(line));
            Assert.Equal("invalid command line string", e.Message);
        }
    }
}
