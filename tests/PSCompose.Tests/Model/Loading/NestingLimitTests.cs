using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using PSCompose.Model;
using PSCompose.Model.Serialization;
using Xunit;

namespace PSCompose.Tests.Model.Loading
{
    /// <summary>
    /// Recursion that follows input is bounded: deep files fail with ComposeNestingTooDeep (file and key path),
    /// files just inside the limits load, serialise and hash — all on a thread with the 1 MB stack a PowerShell
    /// pipeline thread may have (a stack overflow would kill the test host, not fail one test).
    /// </summary>
    public class NestingLimitTests
    {
        private const int OneMegabyte = 1024 * 1024;

        [Fact]
        public void TenThousandNestedDefaults_FailWithNestingTooDeep()
        {
            using var p = new TempProject();
            string file = p.Write("compose.yaml", Service("    environment:\n      X: '" + Nested(10000) + "'\n"));
            var e = Assert.IsType<ComposeFileException>(OnSmallStack(() => p.Load()));
            Assert.Equal(ErrorIds.NestingTooDeep, e.ErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.LimitsExceeded, PSCompose.ErrorCatalogue.CategoryOf(e.ErrorId));
            Assert.Equal(file, e.File);
            Assert.Equal("services.a.environment.X", e.KeyPath);
            Assert.Contains("services.a.environment.X", e.Message);
        }

        [Fact]
        public void NestedDefaultsAtTheLimit_Load()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", Service("    environment:\n      X: '" + Nested(NestingLimits.MaxInterpolationDepth) + "'\n"));
            var model = Succeeds<ProjectModel>(() => p.Load());
            Assert.Equal("x", model.Service("a").Map("environment").String("X"));
        }

        [Fact]
        public void TenThousandDefaultsInARow_Load()
        {
            // compose-go substitutes the text after each ${V:-x} recursively: one level per expression.
            using var p = new TempProject();
            p.Write("compose.yaml", Service("    environment:\n      X: '" + string.Concat(Enumerable.Repeat("${V:-x}", 10000)) + "'\n"));
            var model = Succeeds<ProjectModel>(() => p.Load());
            Assert.Equal(new string('x', 10000), model.Service("a").Map("environment").String("X"));
        }

        [Fact]
        public void DeepNameInterpolation_FailsWithNestingTooDeep()
        {
            using var p = new TempProject();
            string file = p.Write("compose.yaml", "name: '" + Nested(10000) + "'\n" + Service(""));
            var e = Assert.IsType<ComposeFileException>(OnSmallStack(() => p.Load()));
            Assert.Equal(ErrorIds.NestingTooDeep, e.ErrorId);
            Assert.Equal(file, e.File);
        }

        [Fact]
        public void RequiredVariableInName_IsAComposeFileError()
        {
            using var p = new TempProject();
            string file = p.Write("compose.yaml", "name: ${X:?boom}\n" + Service(""));
            var e = Assert.Throws<ComposeFileException>(() => p.Load());
            Assert.Equal(ErrorIds.VariableRequired, e.ErrorId);
            Assert.Equal("error while interpolating name: required variable X is missing a value: boom", e.Reason);
            Assert.Equal(file, e.File);
        }

        [Theory]
        [InlineData("map")]
        [InlineData("list")]
        [InlineData("flow")]
        public void YamlDeeperThanTheLimit_FailsWithNestingTooDeep(string shape)
        {
            using var p = new TempProject();
            string file = p.Write("compose.yaml", Service("") + "x-deep: " + Deep(shape, NestingLimits.MaxYamlDepth + 10) + "\n");
            var e = Assert.IsType<ComposeFileException>(OnSmallStack(() => p.Load()));
            Assert.Equal(ErrorIds.NestingTooDeep, e.ErrorId);
            Assert.Equal(file, e.File);
            Assert.StartsWith("x-deep", e.KeyPath);
            Assert.True(e.Line > 0);
        }

        [Theory]
        [InlineData("map")]
        [InlineData("list")]
        public void YamlJustInsideTheLimit_LoadsMergesExtendsSerialisesAndHashes(string shape)
        {
            // The deep value sits in a service extension (interpolation, extends, merge of two files, schema,
            // canonical form, config hash) and at the top level (both writers; Compose does not print service
            // extensions).
            using var p = new TempProject();
            int depth = NestingLimits.MaxYamlDepth - 10;
            string deep = Deep(shape, depth, indent: 4);
            string top = Deep(shape, depth);
            string a = p.Write("a.yaml", "services:\n  base:\n    image: busybox\n    x-deep: " + deep + "\n  a:\n    extends: base\nx-top: " + top + "\n");
            string b = p.Write("b.yaml", "services:\n  a:\n    x-deep: " + deep + "\nx-top: " + top + "\n");
            var model = Succeeds<ProjectModel>(() => p.Load(o => o.ConfigFiles = new[] { a, b }));
            string json = Succeeds<string>(() => ConfigJson.Write(model));
            string yaml = Succeeds<string>(() => ConfigYaml.Write(model));
            string hash = Succeeds<string>(() => ConfigHash.Service(model.Service("a")));
            Assert.Contains("\"x-top\"", json);
            Assert.Contains("x-top:", yaml);
            Assert.Equal(64, hash.Length);
        }

        [Fact]
        public void ExtendsChainLongerThanTheLimit_FailsWithNestingTooDeep()
        {
            using var p = new TempProject();
            string file = p.Write("compose.yaml", ExtendsChain(NestingLimits.MaxExtendsChain + 5));
            var e = Assert.IsType<ComposeFileException>(OnSmallStack(() => p.Load()));
            Assert.Equal(ErrorIds.NestingTooDeep, e.ErrorId);
            Assert.Equal(file, e.File);
            Assert.EndsWith(".extends", e.KeyPath);
        }

        [Fact]
        public void ExtendsChainInsideTheLimit_Loads()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", ExtendsChain(NestingLimits.MaxExtendsChain - 5));
            var model = Succeeds<ProjectModel>(() => p.Load());
            Assert.Equal("busybox", model.Service("s0").String("image"));
        }

        [Fact]
        public void IncludeChainLongerThanTheLimit_FailsWithNestingTooDeep()
        {
            using var p = new TempProject();
            int files = NestingLimits.MaxIncludeChain + 5;
            for (int i = 0; i < files; i++)
            {
                string include = i + 1 < files ? $"include: [f{i + 1}.yaml]\n" : "";
                p.Write(i == 0 ? "compose.yaml" : $"f{i}.yaml", include + $"services:\n  s{i}:\n    image: busybox\n");
            }
            var e = Assert.IsType<ComposeFileException>(OnSmallStack(() => p.Load()));
            Assert.Equal(ErrorIds.NestingTooDeep, e.ErrorId);
            Assert.Equal("include", e.KeyPath);
            Assert.NotNull(e.File);
        }

        [Fact]
        public void DependencyChainOfThousandsOfServices_LoadsAndSelects()
        {
            // Cycle search and service selection walk depends_on chains; they must not recurse per service.
            using var p = new TempProject();
            const int services = 3000;
            var text = new StringBuilder("services:\n");
            for (int i = 0; i < services; i++)
            {
                text.Append($"  s{i}:\n    image: busybox\n");
                if (i + 1 < services) text.Append($"    depends_on: [s{i + 1}]\n");
            }
            p.Write("compose.yaml", text.ToString());
            var model = Succeeds<ProjectModel>(() => p.Load(o => o.Services = new[] { "s0" }));
            Assert.Equal(services, model.ServiceNames.Count());
        }

        [Fact]
        public void DependencyCycleAtTheEndOfALongChain_IsReported()
        {
            using var p = new TempProject();
            const int services = 2000;
            var text = new StringBuilder("services:\n");
            for (int i = 0; i < services; i++)
                text.Append($"  s{i}:\n    image: busybox\n    depends_on: [s{(i + 1) % services}]\n");
            p.Write("compose.yaml", text.ToString());
            var e = Assert.IsType<ComposeFileException>(OnSmallStack(() => p.Load()));
            Assert.Equal(ErrorIds.DependencyCycle, e.ErrorId);
            Assert.StartsWith("dependency cycle detected: s0 -> s1 -> ", e.Message);
        }

        private static string Service(string extra) => "services:\n  a:\n    image: busybox\n" + extra;

        private static string Nested(int levels) =>
            string.Concat(Enumerable.Repeat("${V:-", levels)) + "x" + new string('}', levels);

        private static string ExtendsChain(int length)
        {
            var text = new StringBuilder("services:\n");
            for (int i = 0; i < length; i++)
                text.Append($"  s{i}:\n    extends: s{i + 1}\n");
            text.Append($"  s{length}:\n    image: busybox\n");
            return text.ToString();
        }

        /// <summary>A value nested <paramref name="levels"/> deep: block mappings, block sequences or flow mappings.</summary>
        private static string Deep(string shape, int levels, int indent = 0)
        {
            switch (shape)
            {
                case "flow":
                    return string.Concat(Enumerable.Repeat("{k: ", levels)) + "1" + new string('}', levels);
                case "list":
                    return string.Concat(Enumerable.Repeat("[", levels)) + "1" + new string(']', levels);
                default:
                    var text = new StringBuilder("\n");
                    for (int i = 0; i < levels; i++) text.Append(' ', indent + 2 * (i + 1)).Append(i + 1 < levels ? "k:\n" : "k: 1");
                    return text.ToString();
            }
        }

        private static T Succeeds<T>(Func<object> work)
        {
            object result = OnSmallStack(work);
            if (result is Exception e) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e).Throw();
            return (T)result;
        }

        /// <summary>Runs on a thread with a 1 MB stack; returns the result or the exception thrown.</summary>
        private static object OnSmallStack(Func<object> work)
        {
            object result = null;
            var thread = new Thread(() =>
            {
                try { result = work(); }
                catch (Exception e) { result = e; }
            }, OneMegabyte);
            thread.Start();
            Assert.True(thread.Join(TimeSpan.FromMinutes(2)), "no result after 2 minutes");
            return result;
        }
    }
}
