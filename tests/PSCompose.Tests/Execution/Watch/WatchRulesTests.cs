using System.Collections.Generic;
using System.IO;
using System.Linq;
using PSCompose.Model.Watch;
using PSCompose.Tests.Model.Loading;
using Xunit;

namespace PSCompose.Tests.Execution.Watch
{
    /// <summary>develop.watch read from the canonical project, with Compose's validation texts (pkg/compose/watch.go).</summary>
    public class WatchRulesTests
    {
        [Fact]
        public void Rules_AbsolutePaths_Actions_IgnoreAsList_Hook()
        {
            using var t = new TempProject();
            t.Write("compose.yaml",
                "services:\n" +
                "  app:\n    image: x\n    build: .\n    develop:\n      watch:\n" +
                "        - path: ./src\n          action: sync\n          target: /app/src\n          ignore: '*.tmp'\n          initial_sync: true\n" +
                "        - path: package.json\n          action: rebuild\n" +
                "        - path: ./conf\n          action: sync+exec\n          target: /etc/app\n          exec:\n            command: kill -HUP 1\n            user: root\n" +
                "  db:\n    image: y\n");
            var rules = WatchRules.Read(t.Load(), new string[0], false, false, null);

            Assert.Equal(3, rules.Count);
            Assert.All(rules, r => Assert.Equal("app", r.Service));
            Assert.Equal(Path.Combine(t.Root, "src"), rules[0].Path);
            Assert.Equal(WatchAction.Sync, rules[0].Action);
            Assert.Equal("/app/src", rules[0].Target);
            Assert.Equal(new[] { "*.tmp" }, rules[0].Ignore);
            Assert.True(rules[0].InitialSync);
            Assert.Equal(Path.Combine(t.Root, "package.json"), rules[1].Path);
            Assert.Equal(WatchAction.Rebuild, rules[1].Action);
            Assert.Equal(WatchAction.SyncExec, rules[2].Action);
            Assert.Equal(new[] { "kill", "-HUP", "1" }, rules[2].Exec.Command);
            Assert.Equal("root", rules[2].Exec.User);
        }

        [Fact]
        public void NoServiceConfigured_ComposeTexts_ForWatchAndUpWatch()
        {
            using var t = new TempProject();
            t.Write("compose.yaml", "services:\n  app:\n    image: x\n    develop:\n      watch:\n        - path: .\n          action: restart\n  db:\n    image: y\n");
            var model = t.Load();

            var e = Assert.Throws<ComposeException>(() => WatchRules.Read(model, new[] { "db" }, false, false, null));
            Assert.Equal(ErrorIds.WatchNotConfigured, e.ErrorId);
            Assert.Equal("none of the selected services is configured for watch, consider setting a 'develop' section", e.Message);
            e = Assert.Throws<ComposeException>(() => WatchRules.Read(model, new[] { "db" }, true, false, null));
            Assert.Equal("none of the selected services is configured for watch, see https://docs.docker.com/compose/how-tos/file-watch/", e.Message);
            Assert.Single(WatchRules.Read(model, new[] { "app" }, false, false, null));
        }

        [Fact]
        public void Rebuild_NeedsBuild_AndBuilds()
        {
            using var t = new TempProject();
            t.Write("compose.yaml", "services:\n  app:\n    image: x\n    develop:\n      watch:\n        - path: .\n          action: rebuild\n");
            var e = Assert.Throws<ComposeException>(() => WatchRules.Read(t.Load(), null, false, false, null));
            Assert.Equal(ErrorIds.WatchRebuildWithoutBuild, e.ErrorId);
            Assert.Equal("can't watch service \"app\" with action rebuild without a build context", e.Message);
            Assert.Equal("app", e.Target);

            t.Write("compose.yaml", "services:\n  app:\n    build: .\n    develop:\n      watch:\n        - path: .\n          action: rebuild\n");
            e = Assert.Throws<ComposeException>(() => WatchRules.Read(t.Load(), null, true, true, null));
            Assert.Equal(ErrorIds.ParameterConflict, e.ErrorId);
            Assert.Equal("--no-build is incompatible with watch action rebuild in service app", e.Message);
        }

        [Fact]
        public void SyncUnderABindMount_IsSkipped_WithComposesWarning()
        {
            using var t = new TempProject();
            t.Write("compose.yaml", "services:\n  app:\n    image: x\n    volumes: ['./src:/src']\n    develop:\n      watch:\n" +
                                    "        - path: ./src/lib\n          action: sync\n          target: /src/lib\n        - path: ./src\n          action: restart\n");
            var model = t.Load();
            var warnings = new List<string>();
            var session = new PSCompose.Execution.Watch.WatchSession(null, model, WatchRules.Read(model, null, false, false, null), false, false,
                new PSCompose.Execution.Watch.WatchReport { Warning = warnings.Add });
            Assert.Equal(new[] { $"path '{Path.Combine(t.Root, "src", "lib")}' also declared by a bind mount volume, this path won't be monitored!" }, warnings);
            Assert.Equal(new[] { WatchAction.Restart }, session.Rules.Select(r => r.Action));
        }

        [Fact]
        public void LegacyXDevelop_Works_WithDeprecationWarning()
        {
            using var t = new TempProject();
            t.Write("compose.yaml", "services:\n  app:\n    image: x\n    x-develop:\n      watch:\n        - path: ./src\n          action: sync\n          target: /src\n");
            var warnings = new List<string>();
            var rule = Assert.Single(WatchRules.Read(t.Load(), null, false, false, warnings.Add));
            Assert.Equal(Path.Combine(t.Root, "src"), rule.Path);
            Assert.Equal(new[] { WatchRules.XDevelopDeprecated }, warnings);
        }
    }
}
