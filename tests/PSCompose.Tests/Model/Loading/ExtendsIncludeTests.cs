using System.Management.Automation;
using System.IO;
using PSCompose.Model;
using Xunit;

namespace PSCompose.Tests.Model.Loading
{
    // Expected messages and results: docker compose 2.40.3 `config` on the same files.
    public class ExtendsIncludeTests
    {
        [Fact]
        public void ExtendsInTheSameFileMergesTheBaseUnderTheService()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "services:\n  base:\n    image: busybox\n    command: [a]\n    labels: [x=1]\n  web:\n    extends: base\n    labels: [y=2]\n");
            var web = p.Load().Service("web");
            Assert.Equal("busybox", web.String("image"));
            Assert.False(web.ContainsKey("extends"));
            var labels = web["labels"];
            Assert.True(labels is YMap m ? m.Count == 2 : ((System.Collections.Generic.List<object>)labels).Count == 2);
        }

        [Fact]
        public void ExtendsChainsAndKeepsDependsOn()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "services:\n  a:\n    image: busybox\n    depends_on: [db]\n  b:\n    extends: a\n  c:\n    extends: b\n  db:\n    image: db\n");
            var c = p.Load().Service("c");
            Assert.Equal("busybox", c.String("image"));
            Assert.True(((YMap)c["depends_on"]).ContainsKey("db"));
        }

        [Fact]
        public void ExtendsFromAnotherFile()
        {
            using var p = new TempProject();
            p.Write("sub/base.yaml", "services:\n  base:\n    image: \"busybox:${TAG}\"\n    environment: {A: \"1\"}\n");
            p.Write("compose.yaml", "services:\n  web:\n    extends:\n      file: sub/base.yaml\n      service: base\n    environment: {B: \"2\"}\n");
            p.Env["TAG"] = "x";
            var web = p.Load().Service("web");
            Assert.Equal("busybox:x", web.String("image"));
        }

        [Fact]
        public void ExtendsOfAnUnknownServiceNamesFileAndServices()
        {
            using var p = new TempProject();
            string file = p.Write("compose.yaml", "services:\n  web:\n    extends: {service: nope}\n");
            var e = Assert.Throws<ComposeFileException>(() => p.Load());
            Assert.Equal($"cannot extend service \"web\" in {file}: service \"nope\" not found", e.Reason);
            Assert.Equal(ErrorIds.ExtendsServiceNotFound, e.ErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, PSCompose.ErrorCatalogue.CategoryOf(e.ErrorId));
        }

        [Fact]
        public void ExtendsOfAnUnknownServiceInAnotherFile()
        {
            using var p = new TempProject();
            p.Write("sub/base.yaml", "services:\n  base:\n    image: busybox\n");
            string file = p.Write("compose.yaml", "services:\n  web:\n    extends: {file: sub/base.yaml, service: nope}\n");
            var e = Assert.Throws<ComposeFileException>(() => p.Load());
            Assert.Equal($"cannot extend service \"web\" in {file}: service \"nope\" not found in sub/base.yaml", e.Reason);
        }

        [Fact]
        public void ExtendsWithoutServiceIsAnError()
        {
            using var p = new TempProject();
            p.Write("sub/base.yaml", "services:\n  base:\n    image: busybox\n");
            p.Write("compose.yaml", "services:\n  web:\n    extends: {file: sub/base.yaml}\n");
            Assert.Equal("extends.web.service is required", Assert.Throws<ComposeFileException>(() => p.Load()).Reason);
        }

        [Fact]
        public void ExtendsCycleIsACircularReference()
        {
            using var p = new TempProject();
            string file = p.Write("compose.yaml", "services:\n  a:\n    extends: b\n  b:\n    extends: a\n    image: x\n");
            var e = Assert.Throws<ComposeFileException>(() => p.Load());
            Assert.Equal($"Circular reference:\n  a in {file}\n  extends b in {file}\n  extends a in {file}", e.Reason);
        }

        [Fact]
        public void IncludeUsesItsOwnDotEnvButParentValuesWin()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "include:\n  - inc/compose.yaml\nservices:\n  web:\n    image: ${TAG}\n");
            p.Write("inc/compose.yaml", "services:\n  base:\n    image: \"busybox:${TAG}\"\n    labels: {INC: \"${INCVAR}\"}\n");
            p.Write(".env", "TAG=fromparent\n");
            p.Write("inc/.env", "TAG=frominc\nINCVAR=incvalue\n");
            var model = p.Load();
            Assert.Equal("busybox:fromparent", model.Service("base").String("image"));
            Assert.Equal("fromparent", model.Service("web").String("image"));
            var labels = model.Service("base")["labels"];
            Assert.Contains("incvalue", labels is YMap m ? (string)m["INC"] : string.Join(",", (System.Collections.Generic.List<object>)labels));
        }

        [Fact]
        public void IncludeCycleIsDetected()
        {
            using var p = new TempProject();
            string main = p.Write("compose.yaml", "include:\n  - inc/compose.yaml\nservices:\n  web:\n    image: x\n");
            string inc = p.Write("inc/compose.yaml", "include:\n  - compose.yaml\nservices: {}\n");
            var e = Assert.Throws<ComposeFileException>(() => p.Load());
            Assert.Equal($"include cycle detected:\n{main}\n include {inc}\n include {inc}", e.Reason);
            Assert.Equal(ErrorIds.IncludeInvalid, e.ErrorId);
        }

        [Fact]
        public void IncludedResourceConflictingWithALocalOneIsAnError()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "include:\n  - inc/compose.yaml\nservices:\n  base:\n    environment: {LOCAL: \"1\"}\n");
            p.Write("inc/compose.yaml", "services:\n  base:\n    image: busybox\n");
            Assert.Equal("services.base conflicts with imported resource", Assert.Throws<ComposeFileException>(() => p.Load()).Reason);
        }

        [Fact]
        public void IdenticalIncludedResourceIsAccepted()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "include:\n  - inc/compose.yaml\nservices:\n  base:\n    image: busybox\n");
            p.Write("inc/compose.yaml", "services:\n  base:\n    image: busybox\n");
            Assert.Equal("busybox", p.Load().Service("base").String("image"));
        }

        [Fact]
        public void IncludeMustBeAList()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "include: inc/compose.yaml\n");
            Assert.Equal("`include` must be a list, got inc/compose.yaml", Assert.Throws<ComposeFileException>(() => p.Load()).Reason);
        }

        [Fact]
        public void IncludeExplicitEnvFileMustExist()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "include:\n  - path: inc/compose.yaml\n    env_file: nope.env\n");
            p.Write("inc/compose.yaml", "services:\n  base:\n    image: busybox\n");
            Assert.Equal($"stat {Path.Combine(p.Root, "nope.env")}: no such file or directory", Assert.Throws<ComposeFileException>(() => p.Load()).Reason);
        }
    }
}
