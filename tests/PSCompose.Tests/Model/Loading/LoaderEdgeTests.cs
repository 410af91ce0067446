using System.IO;
using System.Linq;
using PSCompose.Model;
using Xunit;

namespace PSCompose.Tests.Model.Loading
{
    // Expected values: docker compose 2.40.3 `config` on the same trees.
    public class LoaderEdgeTests
    {
        [Fact]
        public void NestedExtendsFileResolvesAgainstTheIntermediateFile()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "services:\n  web:\n    extends: {file: sub/base.yaml, service: base}\n");
            p.Write("sub/base.yaml", "services:\n  base:\n    extends: {file: deeper/b2.yaml, service: b2}\n    volumes: [\"./one:/one\"]\n");
            p.Write("sub/deeper/b2.yaml", "services:\n  b2:\n    image: x\n    volumes: [\"./two:/two\"]\n");
            var volumes = p.Load().Service("web").List("volumes").Cast<YMap>().Select(v => v.String("source")).ToList();
            Assert.Equal(new[] { Path.Combine(p.Root, "sub", "deeper", "two"), Path.Combine(p.Root, "sub", "one") }, volumes);
        }

        [Fact]
        public void ExtendsResetActsOnEarlierFiles()
        {
            using var p = new TempProject();
            string a = p.Write("a.yaml", "services:\n  web:\n    image: x\n    ports: [\"70:70\"]\n  base:\n    image: y\n    ports: [\"80:80\"]\n");
            string b = p.Write("b.yaml", "services:\n  web:\n    extends: base\n    ports: !reset []\n  base:\n    image: y\n");
            var web = p.Load(o => o.ConfigFiles = new[] { a, b }).Service("web");
            Assert.Equal("y", web.String("image"));
            Assert.False(web.ContainsKey("ports"));
        }

        [Fact]
        public void MultipleDocumentsMergeInOrder()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "services:\n  a:\n    image: x\n    ports: [\"80:80\"]\n---\nservices:\n  a:\n    image: y\n    ports: !reset []\n");
            var a = p.Load().Service("a");
            Assert.Equal("y", a.String("image"));
            Assert.False(a.ContainsKey("ports"));
        }

        [Fact]
        public void OverrideTagOnAWholeServiceReplacesIt()
        {
            using var p = new TempProject();
            string a = p.Write("a.yaml", "services:\n  web:\n    image: x\n    ports: [\"80:80\"]\n");
            string b = p.Write("b.yaml", "services:\n  web: !override\n    image: y\n");
            var web = p.Load(o => o.ConfigFiles = new[] { a, b }).Service("web");
            Assert.Equal("y", web.String("image"));
            Assert.False(web.ContainsKey("ports"));
        }

        [Fact]
        public void ResetTagOnAWholeServiceRemovesIt()
        {
            using var p = new TempProject();
            string a = p.Write("a.yaml", "services:\n  web:\n    image: x\n  other:\n    image: z\n");
            string b = p.Write("b.yaml", "services:\n  web: !reset\n");
            Assert.Equal(new[] { "other" }, p.Load(o => o.ConfigFiles = new[] { a, b }).ServiceNames.ToArray());
        }

        [Fact]
        public void NullServicesIsNotAMapping()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "services:\n");
            Assert.Equal("services must be a mapping", Assert.Throws<ComposeFileException>(() => p.Load()).Reason);
        }

        [Fact]
        public void ExtendsOfANonStringNamesAnEmptyService()
        {
            using var p = new TempProject();
            string file = p.Write("compose.yaml", "services:\n  a:\n    image: x\n    extends: 3\n");
            Assert.Equal($"cannot extend service \"a\" in {file}: service \"\" not found", Assert.Throws<ComposeFileException>(() => p.Load()).Reason);
        }

        [Fact]
        public void DotEnvOfTheWorkingDirectoryWinsOverTheDiscoveredProjectOne()
        {
            // cmd/compose reads <cwd>/.env first, then the project directory's .env only for unset keys.
            using var p = new TempProject();
            p.Write(".env", "A=proj\nB=proj\n");
            p.Write("child/.env", "A=cwd\nC=cwd\n");
            p.Write("compose.yaml", "services:\n  a:\n    image: \"${A}-${B}-${C}\"\n");
            Assert.Equal("cwd-proj-cwd", p.Load(workingDir: Path.Combine(p.Root, "child")).Service("a").String("image"));
        }

        [Fact]
        public void DotEnvNextToAnExplicitFileIsTheOneRead()
        {
            using var p = new TempProject();
            p.Write(".env", "A=cwd\nC=cwd\n");
            p.Write("sub/.env", "A=proj\nB=proj\n");
            string file = p.Write("sub/compose.yaml", "services:\n  a:\n    image: \"${A}-${B}-${C}\"\n");
            Assert.Equal("proj-proj-", p.Load(o => o.ConfigFiles = new[] { file }).Service("a").String("image"));
        }

        [Fact]
        public void IncludedPathsResolveAgainstTheIncludedDirectory()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "include: [inc/compose.yaml]\nservices:\n  w:\n    image: x\n");
            p.Write("inc/compose.yaml", "services:\n  i:\n    image: y\n    volumes: [\"./data:/data\"]\n");
            var source = p.Load().Service("i").List("volumes").Cast<YMap>().Single().String("source");
            Assert.Equal(Path.Combine(p.Root, "inc", "data"), source);
        }

        [Fact]
        public void EmptyProjectNameIsAnError()
        {
            using var p = new TempProject("___");
            p.Write("compose.yaml", "services:\n  a:\n    image: x\n");
            Assert.Equal("project name must not be empty", Assert.Throws<ComposeFileException>(() => p.Load()).Message);
        }
    }
}
