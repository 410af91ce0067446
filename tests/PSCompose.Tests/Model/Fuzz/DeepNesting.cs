using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PSCompose.Model;

namespace PSCompose.Tests.Model.Fuzz
{
    /// <summary>
    /// Inputs whose recursion follows the input, on both sides of each NestingLimits bound: deep maps, lists and
    /// flow collections, nested and chained interpolation, extends chains and include chains or cycles (extra
    /// files next to the mutated one).
    /// </summary>
    internal static class DeepNesting
    {
        public static (string Text, Dictionary<string, string> Extra, string Description) Generate(Random random)
        {
            var extra = new Dictionary<string, string>();
            int limit;
            switch (random.Next(7))
            {
                case 0:
                {
                    int depth = Around(random, NestingLimits.MaxYamlDepth);
                    var sb = new StringBuilder("services:\n  a:\n    image: foo\n    x-deep:\n");
                    for (int i = 0; i < depth; i++) sb.Append(' ', 6 + i * 2).Append("k:\n");
                    sb.Append(' ', 6 + depth * 2).Append("leaf: 1\n");
                    return (sb.ToString(), extra, $"block mappings depth {depth}");
                }
                case 1:
                {
                    int depth = Around(random, NestingLimits.MaxYamlDepth);
                    var sb = new StringBuilder("services:\n  a:\n    image: foo\nx-deep:\n");
                    for (int i = 0; i < depth; i++) sb.Append(' ', i * 2).Append("-\n");
                    sb.Append(' ', depth * 2).Append("- 1\n");
                    return (sb.ToString(), extra, $"block sequences depth {depth}");
                }
                case 2:
                {
                    int depth = random.Next(2) == 0 ? Around(random, NestingLimits.MaxYamlDepth) : 10_000 + random.Next(3);
                    string open = string.Concat(Enumerable.Range(0, depth).Select(i => i % 2 == 0 ? "{a: " : "["));
                    string close = string.Concat(Enumerable.Range(0, depth).Reverse().Select(i => i % 2 == 0 ? "}" : "]"));
                    return ("services:\n  a:\n    image: foo\nx-deep: " + open + "1" + close + "\n", extra, $"mixed flow collections depth {depth}");
                }
                case 3:
                {
                    limit = NestingLimits.MaxInterpolationDepth;
                    int depth = random.Next(2) == 0 ? Around(random, limit) : 1_000 + random.Next(9_001);
                    string value = string.Concat(Enumerable.Repeat("${V:-", depth)) + "x" + new string('}', depth);
                    return ("services:\n  a:\n    image: foo\n    environment:\n      X: '" + value + "'\n", extra, $"nested interpolation depth {depth}");
                }
                case 4:
                {
                    int count = 100 + random.Next(3_000);
                    string value = string.Concat(Enumerable.Repeat(random.Next(2) == 0 ? "${V:-x}" : "${V-${W:+y}}", count));
                    return ("services:\n  a:\n    image: foo\n    command: '" + value + "'\n", extra, $"{count} interpolations in a row");
                }
                case 5:
                {
                    int length = Around(random, NestingLimits.MaxExtendsChain);
                    var sb = new StringBuilder("services:\n");
                    for (int i = 0; i < length; i++) sb.Append("  s").Append(i).Append(":\n    extends: s").Append(i + 1).Append('\n');
                    bool cycle = random.Next(4) == 0;
                    sb.Append("  s").Append(length).Append(cycle ? ":\n    extends: s0\n" : ":\n    image: foo\n");
                    return (sb.ToString(), extra, $"extends chain of {length}{(cycle ? " with a cycle" : "")}");
                }
                default:
                {
                    int length = Around(random, NestingLimits.MaxIncludeChain);
                    bool cycle = random.Next(4) == 0;
                    for (int i = 1; i <= length; i++)
                    {
                        string next = i < length ? $"include: [fuzz-include-{i + 1}.yaml]\n" : cycle ? "include: [fuzz-include-1.yaml]\n" : "";
                        extra[$"fuzz-include-{i}.yaml"] = next + $"services:\n  i{i}:\n    image: foo\n";
                    }
                    return ("include: [fuzz-include-1.yaml]\nservices:\n  a:\n    image: foo\n", extra,
                        $"include chain of {length}{(cycle ? " with a cycle" : "")}");
                }
            }
        }

        // Within a few levels of the limit on either side, or well past it.
        private static int Around(Random random, int limit) =>
            random.Next(3) == 0 ? limit * (2 + random.Next(4)) : limit - 3 + random.Next(7);
    }
}
