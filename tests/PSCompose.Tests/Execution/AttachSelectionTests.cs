using System.Collections.Generic;
using System.Linq;
using PSCompose.Execution.Attach;
using PSCompose.Model;
using PSCompose.Tests.Model.Loading;
using Xunit;

namespace PSCompose.Tests.Execution
{
    /// <summary>Which services attached up shows and watches: the rules of Compose's runUp (cmd/compose/up.go).</summary>
    public class AttachSelectionTests
    {
        // front → api → db; quiet has attach: false.
        private const string Yaml = "services:\n" +
            "  front: {image: x, depends_on: [api]}\n" +
            "  api: {image: x, depends_on: [db]}\n" +
            "  db: {image: x}\n" +
            "  quiet: {image: x, attach: false}\n";

        private static (string[] Attached, string[] Watched) Select(string[] named, AttachRequest request, bool noDeps = false)
        {
            using var temp = new TempProject();
            temp.Write("compose.yaml", Yaml);
            ProjectModel model = temp.Load();
            var deps = new Dictionary<string, string[]> { ["front"] = new[] { "api" }, ["api"] = new[] { "db" } };
            IEnumerable<string> With(IEnumerable<string> services)
            {
                var all = new HashSet<string>();
                var stack = new Stack<string>(services);
                while (stack.Count > 0)
                {
                    string s = stack.Pop();
                    if (all.Add(s) && deps.TryGetValue(s, out string[] d)) foreach (string x in d) stack.Push(x);
                }
                return all;
            }
            ICollection<string> up = named.Length == 0 ? model.ServiceNames.ToList() : noDeps ? named : With(named).ToList();
            AttachSelection s = AttachSelection.Compute(model, named, up, With, request);
            return (s.Attached.OrderBy(x => x).ToArray(), s.Watched.OrderBy(x => x).ToArray());
        }

        [Fact]
        public void NoServiceNamed_AttachesAndWatchesEveryServiceButAttachFalseOnes()
        {
            var (attached, watched) = Select(new string[0], new AttachRequest());
            Assert.Equal(new[] { "api", "db", "front" }, attached);
            Assert.Equal(attached, watched);
        }

        [Fact]
        public void NamedService_AttachesOnlyIt_AndAttachDependenciesAddsItsDependencies_ButWatchesOnlyIt()
        {
            var (alone, watchedAlone) = Select(new[] { "front" }, new AttachRequest());
            Assert.Equal(new[] { "front" }, alone);
            Assert.Equal(new[] { "front" }, watchedAlone);
            var (attached, watched) = Select(new[] { "front" }, new AttachRequest { AttachDependencies = true });
            Assert.Equal(new[] { "api", "db", "front" }, attached);
            Assert.Equal(new[] { "front" }, watched);
        }

        [Fact]
        public void AttachService_CanNameAnAttachFalseService_AndNoAttachRemovesLast()
        {
            var (attached, watched) = Select(new string[0], new AttachRequest { AttachServices = new[] { "quiet", "db" }, NoAttach = new[] { "db" } });
            Assert.Equal(new[] { "quiet" }, attached);
            Assert.Equal(new[] { "quiet" }, watched); // nothing named: the attach set is watched
        }

        [Fact]
        public void AttachService_OutsideWhatUpStarts_IsAttachServiceNotSelected()
        {
            var e = Assert.Throws<ComposeException>(() => Select(new[] { "api" }, new AttachRequest { AttachServices = new[] { "front" } }));
            Assert.Equal(ErrorIds.AttachServiceNotSelected, e.ErrorId);
            Assert.Equal("cannot attach to services not included in up: front", e.Message);
            Assert.Equal("front", e.Target);
            // A dependency of a named service is started, so it can be attached; with -NoDeps it is not.
            Assert.Equal(new[] { "db" }, Select(new[] { "api" }, new AttachRequest { AttachServices = new[] { "db" } }).Attached);
            Assert.Throws<ComposeException>(() => Select(new[] { "api" }, new AttachRequest { AttachServices = new[] { "db" } }, noDeps: true));
        }

        [Theory]
        [InlineData(false, false, null, "None")]
        [InlineData(true, false, null, "OnExit")]
        [InlineData(false, true, null, "OnFailure")]
        [InlineData(false, false, "test", "OnExit")]
        [InlineData(false, true, "test", "OnFailure")]
        public void ExitCodeFrom_ImpliesAbortOnExit_UnlessAbortOnFailure(bool onExit, bool onFailure, string from, string expected) =>
            Assert.Equal(expected, new AttachRequest { AbortOnContainerExit = onExit, AbortOnContainerFailure = onFailure, ExitCodeFrom = from }.Cascade.ToString());
    }
}
