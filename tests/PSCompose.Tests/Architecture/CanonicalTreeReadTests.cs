using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;
using Xunit.Abstractions;

namespace PSCompose.Tests.Architecture
{
    /// <summary>
    /// Code outside Model/ reads the typed project (Model/Typed), never the canonical tree by key: the tree is for
    /// `config` output and the config hash. A read is a use of YMap's indexer, Map, List, String, ContainsKey,
    /// TryGetValue or Remove; entries set in a new map's initializer (<c>new YMap { ["ID"] = id }</c>, ordered JSON
    /// built for output) are not.
    /// </summary>
    [Collection(ModuleSourcesCollection.Name)]
    public class CanonicalTreeReadTests
    {
        private static readonly HashSet<string> KeyedMapMembers = new HashSet<string>(StringComparer.Ordinal)
        {
            "Map", "List", "String", "ContainsKey", "TryGetValue", "Remove",
        };

        private readonly ModuleSources sources;
        private readonly ITestOutputHelper output;

        public CanonicalTreeReadTests(ModuleSources sources, ITestOutputHelper output)
        {
            this.sources = sources;
            this.output = output;
        }

        [Fact]
        public void NoKeyReadsOutsideModel()
        {
            List<SymbolUse> reads = sources.Uses.Where(u => u.FromFolder != "Model" && IsKeyRead(u)).ToList();
            output.WriteLine($"{reads.Count} key reads of the canonical tree outside Model/");
            output.WriteLine(sources.Timing);
            Assert.True(reads.Count == 0,
                "Read typed properties (ProjectModel.Typed) instead of the canonical tree by key:\n" +
                string.Join("\n", reads.Select(u => $"    {u.Where}  {u.Symbol.ContainingType.Name}.{u.Symbol.Name}")));
        }

        /// <summary>The canonical tree's keyed members: YMap's indexer and keyed methods.</summary>
        private static bool IsKeyRead(SymbolUse use)
        {
            if (use.Node is ImplicitElementAccessSyntax) return false;
            ISymbol symbol = use.Symbol;
            INamedTypeSymbol type = symbol.ContainingType;
            if (type == null) return false;
            if (type.Name != "YMap") return false;
            return symbol is IPropertySymbol p ? p.IsIndexer : symbol is IMethodSymbol && KeyedMapMembers.Contains(symbol.Name);
        }
    }
}
