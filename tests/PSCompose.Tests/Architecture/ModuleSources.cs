using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.Tests.Architecture
{
    /// <summary>
    /// One use of a module symbol in the module's sources: where it is (file, line, the file's folder) and what it
    /// resolves to (the symbol and the folder that declares it).
    /// </summary>
    public sealed class SymbolUse
    {
        public string File { get; set; }

        public int Line { get; set; }

        public string FromFolder { get; set; }

        public string ToFolder { get; set; }

        public ISymbol Symbol { get; set; }

        /// <summary>The name, indexer access or `new()` that resolved to the symbol.</summary>
        public SyntaxNode Node { get; set; }

        public string Where => File + ":" + Line;
    }

    /// <summary>
    /// src/PSCompose compiled once with Roslyn (the references the module builds with, listed by the test project's
    /// build) and every symbol use resolved through the semantic model, so a use counts whether or not a `using` names
    /// its namespace. Shared by the architecture tests (<see cref="ModuleSourcesCollection"/>).
    /// </summary>
    public sealed class ModuleSources
    {
        public static readonly string SourceRoot = RepoPaths.Combine("src", "PSCompose");

        public ModuleSources()
        {
            var clock = Stopwatch.StartNew();
            TimeSpan processorBefore = Process.GetCurrentProcess().TotalProcessorTime;
            SyntaxTree[] trees = Parse();
            CSharpCompilation compilation = Compile(trees);
            HashSet<string> names = NamesTheModuleDeclares(compilation, trees);
            var uses = new ConcurrentBag<SymbolUse>();
            var unresolved = new ConcurrentBag<string>();
            Parallel.ForEach(trees, tree => Collect(compilation.GetSemanticModel(tree), tree, names, uses, unresolved));
            Assert.True(unresolved.IsEmpty, "Names the compilation cannot resolve (a missing reference?):\n" + string.Join("\n", unresolved.Take(10)));

            Uses = uses.OrderBy(u => u.File, StringComparer.Ordinal).ThenBy(u => u.Line).ToList();
            Folders = trees.Select(t => FolderOf(t.FilePath)).Distinct().OrderBy(f => f, StringComparer.Ordinal).ToList();
            Files = trees.Select(t => RelativePath(t.FilePath)).OrderBy(f => f, StringComparer.Ordinal).ToList();
            CompileTime = clock.Elapsed;
            CompileProcessorTime = Process.GetCurrentProcess().TotalProcessorTime - processorBefore;
        }

        /// <summary>Every use of a symbol declared in the module's sources, in file and line order.</summary>
        public IReadOnlyList<SymbolUse> Uses { get; }

        /// <summary>The folders that hold sources (<see cref="FolderOf"/>).</summary>
        public IReadOnlyList<string> Folders { get; }

        /// <summary>Every source file, relative to src/PSCompose with '/' separators.</summary>
        public IReadOnlyList<string> Files { get; }

        /// <summary>Parsing, compiling and resolving every use (wall clock).</summary>
        public TimeSpan CompileTime { get; }

        /// <summary>The processor time the process spent meanwhile (all threads; other tests running in parallel add to it).</summary>
        public TimeSpan CompileProcessorTime { get; }

        public string Timing => $"{Files.Count} files, {Uses.Count} uses resolved in {CompileTime.TotalSeconds:0.0} s ({CompileProcessorTime.TotalSeconds:0.0} s processor)";

        /// <summary>The first folder under src/PSCompose ("Model", "Cmdlets", ...); a file directly in it is "(root)".</summary>
        public static string FolderOf(string path)
        {
            string relative = RelativePath(path);
            int slash = relative.IndexOf('/');
            return slash < 0 ? "(root)" : relative.Substring(0, slash);
        }

        public static string RelativePath(string path) => Path.GetRelativePath(SourceRoot, path).Replace('\\', '/');

        private static bool IsBuildOutput(string path)
        {
            string relative = RelativePath(path);
            return relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal);
        }

        private static SyntaxTree[] Parse()
        {
            var options = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.None);
            return Directory.EnumerateFiles(SourceRoot, "*.cs", SearchOption.AllDirectories)
                .Where(path => !IsBuildOutput(path))
                .AsParallel()
                .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), options, path))
                .ToArray();
        }

        /// <summary>
        /// The compilation, its declarations checked whole. Method bodies are bound once, by the walk, which reports what
        /// it cannot resolve: a missing reference fails here instead of hiding uses.
        /// </summary>
        private static CSharpCompilation Compile(SyntaxTree[] trees)
        {
            var compilation = CSharpCompilation.Create("PSCompose", trees, LoadReferences(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
            Diagnostic[] errors = compilation.GetDeclarationDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(10).ToArray();
            Assert.True(errors.Length == 0, "The module's declarations do not compile here:\n" + string.Join("\n", errors.Select(e => e.ToString())));
            return compilation;
        }

        /// <summary>
        /// Only a name the module declares (an attribute also without its suffix, or a using alias) can resolve to a
        /// module symbol: the walk skips other names (the BCL's, the libraries', locals) without a lookup.
        /// </summary>
        private static HashSet<string> NamesTheModuleDeclares(CSharpCompilation compilation, SyntaxTree[] trees)
        {
            List<string> declared = compilation.GetSymbolsWithName(_ => true, SymbolFilter.TypeAndMember).Select(s => s.Name).ToList();
            IEnumerable<string> attributes = declared
                .Where(n => n.EndsWith("Attribute", StringComparison.Ordinal)).Select(n => n.Substring(0, n.Length - "Attribute".Length));
            IEnumerable<string> aliases = trees.SelectMany(t => t.GetRoot().DescendantNodes(n => !(n is MemberDeclarationSyntax) || n is BaseNamespaceDeclarationSyntax)
                .OfType<UsingDirectiveSyntax>().Where(u => u.Alias != null).Select(u => u.Alias.Name.Identifier.ValueText));
            return new HashSet<string>(declared.Concat(attributes).Concat(aliases), StringComparer.Ordinal);
        }

        private static IEnumerable<MetadataReference> LoadReferences()
        {
            string list = Path.Combine(AppContext.BaseDirectory, "PSCompose.compile-references.txt");
            Assert.True(File.Exists(list), list + " is missing: the test project's build writes it (target WriteModuleCompileReferences).");
            return File.ReadAllLines(list).Where(l => l.Length > 0).Select(path => MetadataReference.CreateFromFile(path)).ToList();
        }

        private static void Collect(SemanticModel model, SyntaxTree tree, HashSet<string> names, ConcurrentBag<SymbolUse> uses, ConcurrentBag<string> unresolved)
        {
            string file = RelativePath(tree.FilePath);
            string from = FolderOf(tree.FilePath);
            foreach (SyntaxNode node in tree.GetRoot().DescendantNodes())
            {
                if (!Resolvable(node) || (node is SimpleNameSyntax name && !names.Contains(name.Identifier.ValueText))) continue;
                SymbolInfo info = model.GetSymbolInfo(node);
                if (Unresolved(model, node, info))
                    unresolved.Add($"{file}:{node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}  {node} ({info.CandidateReason})");
                IEnumerable<ISymbol> symbols = info.Symbol != null ? new[] { info.Symbol } : info.CandidateSymbols;
                foreach (ISymbol symbol in symbols)
                {
                    ISymbol declared = Declared(symbol);
                    Location location = declared?.Locations.FirstOrDefault(l => l.IsInSource && l.SourceTree != null);
                    if (location == null) continue;
                    uses.Add(new SymbolUse
                    {
                        File = file,
                        Line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1,
                        FromFolder = from,
                        ToFolder = FolderOf(location.SourceTree.FilePath),
                        Symbol = declared,
                        Node = node,
                    });
                }
            }
        }

        private static bool Unresolved(SemanticModel model, SyntaxNode node, SymbolInfo info)
        {
            if (info.Symbol is IErrorTypeSymbol) return true;
            if (info.Symbol != null) return false;
            if (info.CandidateReason != CandidateReason.None) return info.CandidateReason != CandidateReason.MemberGroup;
            bool nameofOperator = node is IdentifierNameSyntax name && name.Identifier.ValueText == "nameof";
            return !nameofOperator && model.GetTypeInfo(node).Type is IErrorTypeSymbol;
        }

        /// <summary>Names, indexers (`map["key"]`, `map?["key"]`, `{ ["key"] = v }`) and `new()`: every way code names a symbol.</summary>
        private static bool Resolvable(SyntaxNode node) =>
            node is SimpleNameSyntax || node is ElementAccessExpressionSyntax || node is ElementBindingExpressionSyntax ||
            node is ImplicitElementAccessSyntax || node is ImplicitObjectCreationExpressionSyntax;

        /// <summary>The declaration a use refers to; null for namespaces and for what lives inside one member (locals, parameters).</summary>
        private static ISymbol Declared(ISymbol symbol)
        {
            switch (symbol)
            {
                case INamespaceSymbol _:
                case ILocalSymbol _:
                case IParameterSymbol _:
                case ITypeParameterSymbol _:
                case IRangeVariableSymbol _:
                case ILabelSymbol _:
                case IDiscardSymbol _:
                    return null;
                case IMethodSymbol method when method.ReducedFrom != null:
                    return method.ReducedFrom.OriginalDefinition;
                default:
                    return symbol.OriginalDefinition;
            }
        }
    }

    [CollectionDefinition(Name)]
    public sealed class ModuleSourcesCollection : ICollectionFixture<ModuleSources>
    {
        public const string Name = "Module sources (Roslyn)";
    }
}
