using PSCompose.Common;
using System;
using System.Collections.Generic;
using System.Linq;
using PSCompose.Engine.Build;
using Xunit;

namespace PSCompose.Tests.Engine
{
    /// <summary>Cases and expectations from moby/patternmatcher patternmatcher_test.go (TestMatches, TestMatch, ...).</summary>
    public class DockerIgnorePatternMatcherTests
    {
        public enum Expect { Fail, Exact, Inexact }

        // pattern, text, expectation: Exact = MatchesExact and MatchesOrParentMatches; Inexact = only via a parent dir.
        public static IEnumerable<object[]> MatchCases => new[]
        {
            new object[] { "**", "file", Expect.Exact },
            new object[] { "**", "file/", Expect.Exact },
            new object[] { "**/", "file", Expect.Exact },
            new object[] { "**/", "file/", Expect.Exact },
            new object[] { "**", "/", Expect.Exact },
            new object[] { "**/", "/", Expect.Exact },
            new object[] { "**", "dir/file", Expect.Exact },
            new object[] { "**/", "dir/file", Expect.Exact },
            new object[] { "**", "dir/file/", Expect.Exact },
            new object[] { "**/", "dir/file/", Expect.Exact },
            new object[] { "**/**", "dir/file", Expect.Exact },
            new object[] { "**/**", "dir/file/", Expect.Exact },
            new object[] { "dir/**", "dir/file", Expect.Exact },
            new object[] { "dir/**", "dir/file/", Expect.Exact },
            new object[] { "dir/**", "dir/dir2/file", Expect.Exact },
            new object[] { "dir/**", "dir/dir2/file/", Expect.Exact },
            new object[] { "**/dir", "dir", Expect.Exact },
            new object[] { "**/dir", "dir/file", Expect.Inexact },
            new object[] { "**/dir2/*", "dir/dir2/file", Expect.Exact },
            new object[] { "**/dir2/*", "dir/dir2/file/", Expect.Inexact },
            new object[] { "**/dir2/**", "dir/dir2/dir3/file", Expect.Exact },
            new object[] { "**/dir2/**", "dir/dir2/dir3/file/", Expect.Exact },
            new object[] { "**file", "file", Expect.Exact },
            new object[] { "**file", "dir/file", Expect.Exact },
            new object[] { "**/file", "dir/file", Expect.Exact },
            new object[] { "**file", "dir/dir/file", Expect.Exact },
            new object[] { "**/file", "dir/dir/file", Expect.Exact },
            new object[] { "**/file*", "dir/dir/file", Expect.Exact },
            new object[] { "**/file*", "dir/dir/file.txt", Expect.Exact },
            new object[] { "**/file*txt", "dir/dir/file.txt", Expect.Exact },
            new object[] { "**/file*.txt", "dir/dir/file.txt", Expect.Exact },
            new object[] { "**/file*.txt*", "dir/dir/file.txt", Expect.Exact },
            new object[] { "**/**/*.txt", "dir/dir/file.txt", Expect.Exact },
            new object[] { "**/**/*.txt2", "dir/dir/file.txt", Expect.Fail },
            new object[] { "**/*.txt", "file.txt", Expect.Exact },
            new object[] { "**/**/*.txt", "file.txt", Expect.Exact },
            new object[] { "a**/*.txt", "a/file.txt", Expect.Exact },
            new object[] { "a**/*.txt", "a/dir/file.txt", Expect.Exact },
            new object[] { "a**/*.txt", "a/dir/dir/file.txt", Expect.Exact },
            new object[] { "a/*.txt", "a/dir/file.txt", Expect.Fail },
            new object[] { "a/*.txt", "a/file.txt", Expect.Exact },
            new object[] { "a/*.txt**", "a/file.txt", Expect.Exact },
            new object[] { "a[b-d]e", "ae", Expect.Fail },
            new object[] { "a[b-d]e", "ace", Expect.Exact },
            new object[] { "a[b-d]e", "aae", Expect.Fail },
            new object[] { "a[^b-d]e", "aze", Expect.Exact },
            new object[] { ".*", ".foo", Expect.Exact },
            new object[] { ".*", "foo", Expect.Fail },
            new object[] { "abc.def", "abcdef", Expect.Fail },
            new object[] { "abc.def", "abc.def", Expect.Exact },
            new object[] { "abc.def", "abcZdef", Expect.Fail },
            new object[] { "abc?def", "abcZdef", Expect.Exact },
            new object[] { "abc?def", "abcdef", Expect.Fail },
            new object[] { "**/foo/bar", "foo/bar", Expect.Exact },
            new object[] { "**/foo/bar", "dir/foo/bar", Expect.Exact },
            new object[] { "**/foo/bar", "dir/dir2/foo/bar", Expect.Exact },
            new object[] { "abc/**", "abc", Expect.Fail },
            new object[] { "abc/**", "abc/def", Expect.Exact },
            new object[] { "abc/**", "abc/def/ghi", Expect.Exact },
            new object[] { "**/.foo", ".foo", Expect.Exact },
            new object[] { "**/.foo", "bar.foo", Expect.Fail },
            new object[] { "a(b)c/def", "a(b)c/def", Expect.Exact },
            new object[] { "a(b)c/def", "a(b)c/xyz", Expect.Fail },
            new object[] { "a.|)$(}+{bc", "a.|)$(}+{bc", Expect.Exact },
            new object[] { "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", Expect.Exact },
            new object[] { "dist/*.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", Expect.Exact },
            new object[] { "a\\\\", "a\\", Expect.Exact },
            new object[] { "a\\*b", "a*b", Expect.Exact },
        };

        [Theory]
        [MemberData(nameof(MatchCases))]
        public void SinglePattern_MatchesLikeMoby(string pattern, string text, Expect expect)
        {
            var matcher = new DockerIgnorePatternMatcher(new[] { pattern });
            Assert.Equal(expect == Expect.Exact, matcher.MatchesExact(text));
            Assert.Equal(expect != Expect.Fail, matcher.MatchesOrParentMatches(text));
        }

        public static IEnumerable<object[]> MultiPatternCases => new[]
        {
            new object[] { new[] { "**", "!util/docker/web" }, "util/docker/web/foo", false },
            new object[] { new[] { "**", "!util/docker/web", "util/docker/web/foo" }, "util/docker/web/foo", true },
            new object[] { new[] { "**", "!dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl" }, "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", false },
            new object[] { new[] { "**", "!dist/*.whl" }, "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", false },
        };

        [Theory]
        [MemberData(nameof(MultiPatternCases))]
        public void LaterPatternsWin(string[] patterns, string text, bool excluded)
        {
            Assert.Equal(excluded, new DockerIgnorePatternMatcher(patterns).MatchesOrParentMatches(text));
        }

        [Theory]
        [InlineData(new[] { "*" }, "fileutils.go", true)]
        [InlineData(new[] { "*.go" }, "fileutils.go", true)]
        [InlineData(new[] { "!fileutils.go", "*.go" }, "fileutils.go", true)]
        [InlineData(new[] { "docs", "!docs/README.md" }, "docs/README.md", false)]
        [InlineData(new[] { "docs/", "!docs/README.md" }, "docs/README.md", false)]
        [InlineData(new[] { "docs/*", "!docs/README.md" }, "docs/README.md", false)]
        [InlineData(new[] { "*.go", "!fileutils.go" }, "fileutils.go", false)]
        public void DeprecatedMatches_TopLevelCases(string[] patterns, string file, bool expected)
        {
            Assert.Equal(expected, new DockerIgnorePatternMatcher(patterns).Matches(file));
        }

        // Go's filepath.Match cases from the same suite (TestMatch), run through Matches.
        [Theory]
        [InlineData("abc", "abc", true)]
        [InlineData("*", "abc", true)]
        [InlineData("*c", "abc", true)]
        [InlineData("a*", "a", true)]
        [InlineData("a*", "abc", true)]
        [InlineData("a*", "ab/c", true)]
        [InlineData("a*/b", "abc/b", true)]
        [InlineData("a*/b", "a/c/b", false)]
        [InlineData("a*b*c*d*e*/f", "axbxcxdxe/f", true)]
        [InlineData("a*b*c*d*e*/f", "axbxcxdxexxx/f", true)]
        [InlineData("a*b*c*d*e*/f", "axbxcxdxe/xxx/f", false)]
        [InlineData("a*b*c*d*e*/f", "axbxcxdxexxx/fff", false)]
        [InlineData("a*b?c*x", "abxbbxdbxebxczzx", true)]
        [InlineData("a*b?c*x", "abxbbxdbxebxczzy", false)]
        [InlineData("ab[c]", "abc", true)]
        [InlineData("ab[b-d]", "abc", true)]
        [InlineData("ab[e-g]", "abc", false)]
        [InlineData("ab[^c]", "abc", false)]
        [InlineData("ab[^b-d]", "abc", false)]
        [InlineData("ab[^e-g]", "abc", true)]
        [InlineData("a\\*b", "a*b", true)]
        [InlineData("a\\*b", "ab", false)]
        [InlineData("a?b", "a☺b", true)]
        [InlineData("a[^a]b", "a☺b", true)]
        [InlineData("a???b", "a☺b", false)]
        [InlineData("[a-ζ]*", "α", true)]
        [InlineData("*[a-ζ]", "A", false)]
        [InlineData("a?b", "a/b", false)]
        [InlineData("a*b", "a/b", false)]
        [InlineData("[\\]a]", "]", true)]
        [InlineData("[\\-]", "-", true)]
        [InlineData("[x\\-]", "x", true)]
        [InlineData("[x\\-]", "-", true)]
        [InlineData("[x\\-]", "z", false)]
        [InlineData("[\\-x]", "x", true)]
        [InlineData("[\\-x]", "-", true)]
        [InlineData("[\\-x]", "a", false)]
        [InlineData("*x", "xxx", true)]
        public void GoFilepathMatchCases(string pattern, string text, bool expected)
        {
            Assert.Equal(expected, new DockerIgnorePatternMatcher(new[] { pattern }).Matches(text));
        }

        [Theory]
        [InlineData("[]a]")]
        [InlineData("[-]")]
        [InlineData("[x-]")]
        [InlineData("[-x]")]
        [InlineData("\\")]
        [InlineData("[a-b-c]")]
        [InlineData("[")]
        [InlineData("[^")]
        [InlineData("[^bc")]
        [InlineData("a[")]
        [InlineData("!")]
        public void MalformedPatterns_AreRejected(string pattern)
        {
            Assert.Throws<ArgumentException>(() => new DockerIgnorePatternMatcher(new[] { pattern }));
        }

        [Fact]
        public void EmptyAndBlankPatterns_AreDropped_ExceptionsAreFlagged()
        {
            var m = new DockerIgnorePatternMatcher(new[] { "docs", "config", "", "  !docs/README.md  " });
            Assert.Equal(new[] { "docs", "config", "!docs/README.md" }, m.Patterns.ToArray());
            Assert.True(m.HasExclusions);
            Assert.False(new DockerIgnorePatternMatcher(new string[0]).MatchesOrParentMatches("any/path/there"));
        }

        [Fact]
        public void IgnoreFile_CommentsBlankLinesLeadingSlashAndCleaning()
        {
            // ignorefile.ReadAll: '#' only at column 0 is a comment; patterns are trimmed, cleaned, and lose a leading '/'.
            string content = "\uFEFF# comment\n\n  /build/  \n !/keep/./me \n  # not a comment\n./a//b/../c\n/\n";
            List<string> patterns = DockerIgnoreFile.Parse(content);
            Assert.Equal(new[] { "build", "!keep/me", "# not a comment", "a/c", "/" }, patterns.ToArray());
        }

        [Fact]
        public void BuildFiles_AreKeptEvenWhenExcluded()
        {
            // docker/cli TrimBuildFilesFromExcludes appends exceptions for .dockerignore and the Dockerfile.
            var result = DockerIgnoreFile.KeepBuildFiles(new List<string> { "*" }, "sub/Dockerfile", false);
            Assert.Equal(new[] { "*", "!.dockerignore", "!sub/Dockerfile" }, result.ToArray());
            var outside = DockerIgnoreFile.KeepBuildFiles(new List<string> { "Dockerfile" }, "Dockerfile", true);
            Assert.Equal(new[] { "Dockerfile" }, outside.ToArray());
        }

        [Theory]
        [InlineData("", ".")]
        [InlineData("a/b/", "a/b")]
        [InlineData("./a//b/./c/..", "a/b")]
        [InlineData("/../x", "/x")]
        [InlineData("../../x", "../../x")]
        [InlineData("a/../..", "..")]
        [InlineData("/", "/")]
        public void GoPathClean(string path, string expected)
        {
            Assert.Equal(expected, GoPath.Clean(path));
        }
    }
}
