using System.Collections.Generic;
using PSCompose.Execution.Watch;
using PSCompose.Model.Watch;
using Xunit;

namespace PSCompose.Tests.Execution.Watch
{
    /// <summary>Which changed paths a rule acts on (Compose's ignore rules, pkg/compose/watch.go) and where they land.</summary>
    public class WatchFilterTests
    {
        private static WatchFilter Filter(string[] ignore = null, string[] include = null, List<string> contextIgnore = null) =>
            new WatchFilter(new WatchRule
            {
                Service = "app", Path = "/w/src", Action = WatchAction.Sync, Target = "/app",
                Ignore = ignore ?? new string[0], Include = include ?? new string[0],
            }, "/w", contextIgnore);

        [Theory]
        [InlineData("/w/src/a.js", true)]
        [InlineData("/w/src/deep/b.js", true)]
        [InlineData("/w/src", true)]
        [InlineData("/w/srcx/a.js", false)]
        [InlineData("/w/other.js", false)]
        [InlineData("/w/src/.git/index", false)]
        [InlineData("/w/src/sub/.git", false)]
        [InlineData("/w/src/a.js~", false)]
        [InlineData("/w/src/.a.js.swp", false)]
        [InlineData("/w/src/4913", false)]
        [InlineData("/w/src/.idea/workspace.xml", false)]
        [InlineData("/w/src/#a.js#", false)]
        [InlineData("/w/src/a.js___jb_tmp___", false)]
        public void UnderPath_AndNotEphemeralOrGit(string path, bool accepted) => Assert.Equal(accepted, Filter().Accepts(path));

        [Fact]
        public void RuleIgnore_IsRelativeToPath_AndMatchesParents()
        {
            WatchFilter f = Filter(ignore: new[] { "*.tmp", "node_modules/", "src/x.js" });
            Assert.False(f.Accepts("/w/src/a.tmp"));
            Assert.True(f.Accepts("/w/src/deep/a.tmp"));
            Assert.False(f.Accepts("/w/src/node_modules/lib/index.js"));
            Assert.True(f.Accepts("/w/src/x.js"));
            Assert.False(f.Accepts("/w/src/src/x.js"));
        }

        [Fact]
        public void ContextDockerignore_RelativeToContext_WithExceptions()
        {
            WatchFilter f = Filter(contextIgnore: new List<string> { "src/*.log", "!src/keep.log", "**/secret" });
            Assert.False(f.Accepts("/w/src/a.log"));
            Assert.True(f.Accepts("/w/src/keep.log"));
            Assert.False(f.Accepts("/w/src/deep/secret"));
            Assert.True(f.Accepts("/w/src/a.js"));
        }

        [Fact]
        public void Include_OnlyMatchingPaths()
        {
            WatchFilter f = Filter(include: new[] { "*.js", "lib/" });
            Assert.True(f.Accepts("/w/src/a.js"));
            Assert.False(f.Accepts("/w/src/a.css"));
            Assert.True(f.Accepts("/w/src/lib/x.css"));
        }

        [Theory]
        [InlineData("/w/src", "/app")]
        [InlineData("/w/src/a.js", "/app/a.js")]
        [InlineData("/w/src/d/e/f.txt", "/app/d/e/f.txt")]
        public void ContainerPath_TargetPlusRelative(string host, string container) => Assert.Equal(container, Filter().ContainerPath(host));
    }
}
