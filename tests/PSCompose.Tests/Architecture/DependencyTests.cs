using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace PSCompose.Tests.Architecture
{
    /// <summary>
    /// The allowed dependencies between the folders of src/PSCompose, checked on every symbol use the compiler resolves
    /// (a type, member, extension method, indexer or attribute named in code; doc comments do not count).
    /// </summary>
    [Collection(ModuleSourcesCollection.Name)]
    public class DependencyTests
    {
        /// <summary>
        /// Each folder and the folders it may use besides itself, bottom first. A folder may use only folders listed
        /// above it, so no two folders use each other. "Model.ComposeLabels": of Model, only that type.
        /// </summary>
        private static readonly (string Folder, string MayUse)[] Allowed =
        {
            ("ModuleInit", ""),                 // resolves the module's dependencies before they load: uses nothing
            ("Common", ""),                     // error ids, exceptions and categories, images, Go paths, CI dialects
            ("Model", "Common"),
            ("Plan", "Common, Model"),
            ("Engine", "Common, Model.ComposeLabels"),
            ("Output", "Common, Model, Engine"),  // the types users see
            ("Execution", "Common, Model, Plan, Engine, Output"),  // the core: never a front end
            ("Completion", "Common, Model, Plan, Engine, Output, Execution"),
            ("FrontDoor", "Common, Model, Plan, Engine, Output, Execution"),
            ("Cmdlets", "Common, Model, Plan, Engine, Output, Execution, Completion"),
        };

        private readonly ModuleSources sources;
        private readonly ITestOutputHelper output;

        public DependencyTests(ModuleSources sources, ITestOutputHelper output)
        {
            this.sources = sources;
            this.output = output;
        }

        [Fact]
        public void EveryUse_FollowsTheAllowedDependencies()
        {
            output.WriteLine(sources.Timing);
            output.WriteLine("Folder → folders it uses (uses):");
            foreach (var from in sources.Uses.Where(u => u.FromFolder != u.ToFolder).GroupBy(u => u.FromFolder).OrderBy(g => g.Key, StringComparer.Ordinal))
                output.WriteLine($"  {from.Key} → " + string.Join(", ", from.GroupBy(u => u.ToFolder).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} ({g.Count()})")));

            Dictionary<string, Rule[]> rules = Allowed.ToDictionary(a => a.Folder, a => Rules(a.MayUse).ToArray());
            var offending = sources.Uses
                .Where(u => u.FromFolder != u.ToFolder && rules.ContainsKey(u.FromFolder) && !rules[u.FromFolder].Any(r => r.Permits(u)))
                .GroupBy(u => $"{u.FromFolder} → {u.ToFolder}")
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key + " is not allowed:\n" + string.Join("\n", g
                    .GroupBy(u => u.Where)
                    .Select(line => $"    {line.Key}  {string.Join(", ", line.Select(u => Name(u)).Distinct())}")))
                .ToList();
            Assert.True(offending.Count == 0, "Uses against the allowed dependencies (Architecture/DependencyTests.Allowed):\n" + string.Join("\n", offending));
        }

        [Fact]
        public void TheTable_NamesEveryFolder_AndEachUsesOnlyFoldersAboveIt()
        {
            var listed = Allowed.Select(a => a.Folder).ToList();
            Assert.True(sources.Folders.All(listed.Contains),
                "Folders of src/PSCompose missing from DependencyTests.Allowed (a file directly in src/PSCompose is \"(root)\"): " +
                string.Join(", ", sources.Folders.Except(listed)));
            Assert.Empty(listed.Except(sources.Folders));
            Assert.Equal(listed.Count, listed.Distinct().Count());
            for (int i = 0; i < Allowed.Length; i++)
            {
                var above = listed.Take(i).ToList();
                foreach (Rule rule in Rules(Allowed[i].MayUse))
                    Assert.True(above.Contains(rule.Folder), $"{Allowed[i].Folder} may use {rule.Folder}, which is not listed above it");
            }
        }

        private static IEnumerable<Rule> Rules(string mayUse) =>
            mayUse.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(entry =>
            {
                string[] parts = entry.Split('.');
                return new Rule { Folder = parts[0], OnlyType = parts.Length > 1 ? parts[1] : null };
            });

        private static string Name(SymbolUse use) =>
            use.Symbol.ContainingType == null ? use.Symbol.Name : use.Symbol.ContainingType.Name + "." + use.Symbol.Name;

        private sealed class Rule
        {
            public string Folder { get; set; }

            public string OnlyType { get; set; }

            public bool Permits(SymbolUse use)
            {
                if (use.ToFolder != Folder) return false;
                if (OnlyType == null) return true;
                for (var type = use.Symbol as Microsoft.CodeAnalysis.INamedTypeSymbol ?? use.Symbol.ContainingType; type != null; type = type.ContainingType)
                    if (type.Name == OnlyType) return true;
                return false;
            }
        }
    }
}
