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
    /// Code outside Model/ reads typed properties, not the canonical tree by key. A ratchet until that is true: every
    /// file outside Model/ that still reads the tree by key is listed with its count of reads, and the list can only
    /// shrink. A read is a use of YMap's indexer, Map, List, String, ContainsKey, TryGetValue or Remove, or of a Canon
    /// helper; entries set in a new map's initializer (<c>new YMap { ["ID"] = id }</c>, ordered JSON built for output)
    /// are not. The goal is an empty list.
    /// </summary>
    [Collection(ModuleSourcesCollection.Name)]
    public class CanonicalTreeReadTests
    {
        /// <summary>Files outside Model/ (relative to src/PSCompose) and their key reads: lower a count, never raise it.</summary>
        private static readonly Dictionary<string, int> KeyReadsAllowed = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["Cmdlets/ComposeImageCmdlet.cs"] = 2,
            ["Cmdlets/ComposeLifecycleCmdlet.cs"] = 3,
            ["Cmdlets/GetComposeConfigCommand.cs"] = 6,
            ["Cmdlets/InvokeComposeExecCommand.cs"] = 1,
            ["Cmdlets/InvokeComposeUpCommand.Attach.cs"] = 1,
            ["Cmdlets/InvokeComposeUpCommand.cs"] = 1,
            ["Cmdlets/NewComposeImageCommand.cs"] = 1,
            ["Cmdlets/PublishComposeImageCommand.cs"] = 3,
            ["Cmdlets/ReceiveComposeLogCommand.cs"] = 2,
            ["Cmdlets/RequestComposeImageCommand.cs"] = 4,
            ["Cmdlets/ServiceConfigView.cs"] = 23,
            ["Cmdlets/WatchComposeProjectCommand.cs"] = 2,
            ["Execution/Attach/AttachSelection.cs"] = 1,
            ["Execution/Attach/SelectedServicesStop.cs"] = 1,
            ["Execution/Canon.cs"] = 12,
            ["Execution/ClassicBuilderLimits.cs"] = 5,
            ["Execution/DesiredProjectBuilder.cs"] = 29,
            ["Execution/OneOffContainer.cs"] = 23,
            ["Execution/PlanExecutor.Resources.cs"] = 3,
            ["Execution/ProjectResourceSpecs.cs"] = 41,
            ["Execution/ProjectStatusReader.cs"] = 2,
            ["Execution/ServiceMounts.cs"] = 50,
            ["Execution/ServiceNetworks.cs"] = 14,
            ["Execution/ServiceReferences.cs"] = 6,
            ["Execution/ServiceResources.cs"] = 52,
            ["Execution/ServiceSpecBuilder.cs"] = 71,
            ["Execution/Stack/StackResources.cs"] = 38,
            ["Execution/Stack/StackTranslator.cs"] = 83,
            ["Execution/Stack/UnsupportedStackKeys.cs"] = 9,
            ["Execution/Watch/WatchFilter.cs"] = 3,
            ["Execution/Watch/WatchSession.cs"] = 3,
            // not the canonical tree: the ordered fields ContainerFields builds for `ps --format`
            ["FrontDoor/ContainerFormat.cs"] = 2,
        };

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
        public void KeyReadsOutsideModel_OnlyShrink()
        {
            Dictionary<string, int> counted = sources.Uses
                .Where(u => u.FromFolder != "Model" && IsKeyRead(u))
                .GroupBy(u => u.File)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            int total = counted.Values.Sum();
            output.WriteLine($"{total} key reads of the canonical tree outside Model/ in {counted.Count} files (allowed: {KeyReadsAllowed.Values.Sum()})");
            output.WriteLine(sources.Timing);

            var problems = new List<string>();
            foreach (var file in counted.Keys.Union(KeyReadsAllowed.Keys).OrderBy(f => f, StringComparer.Ordinal))
            {
                counted.TryGetValue(file, out int now);
                bool listed = KeyReadsAllowed.TryGetValue(file, out int allowed);
                if (!listed) problems.Add($"{file}: {now} key reads, and the file is not in the list: read typed properties instead. {Reads(file)}");
                else if (now > allowed) problems.Add($"{file}: {now} key reads, {allowed} allowed: read typed properties instead. {Reads(file)}");
                else if (now < allowed) problems.Add($"{file}: {now} key reads, the list says {allowed}: lower it (remove the entry at 0).");
            }
            Assert.True(problems.Count == 0,
                $"{total} key reads of the canonical tree outside Model/ (CanonicalTreeReadTests.KeyReadsAllowed):\n" + string.Join("\n", problems) +
                "\n\nThe list as it is now:\n" + string.Join("\n", counted.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"            [\"{c.Key}\"] = {c.Value},")));
        }

        /// <summary>The canonical tree's keyed members: YMap's indexer and keyed methods, and every Canon helper.</summary>
        private static bool IsKeyRead(SymbolUse use)
        {
            if (use.Node is ImplicitElementAccessSyntax) return false;
            ISymbol symbol = use.Symbol;
            INamedTypeSymbol type = symbol.ContainingType;
            if (type == null) return false;
            if (type.Name == "Canon") return symbol is IMethodSymbol;
            if (type.Name != "YMap") return false;
            return symbol is IPropertySymbol p ? p.IsIndexer : symbol is IMethodSymbol && KeyedMapMembers.Contains(symbol.Name);
        }

        private string Reads(string file) =>
            "Lines: " + string.Join(", ", sources.Uses.Where(u => u.File == file && IsKeyRead(u)).Select(u => u.Line).Distinct());
    }
}
