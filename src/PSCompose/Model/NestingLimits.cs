
namespace PSCompose.Model
{
    /// <summary>
    /// Bounds on the recursion that follows input, so a hostile file fails with a ComposeFileException instead of
    /// overflowing the stack of the PowerShell pipeline thread (which may be 1 MB). The YAML depth bounds every
    /// later walk of the tree (merge, schema, canonical form, serialisation, hashing): those only ever see trees
    /// the reader built, a few levels deeper at most. The limits are far above real files; yaml.v3 itself stops at
    /// 10000 levels, which Compose only reaches on files no one writes.
    /// </summary>
    internal static class NestingLimits
    {
        /// <summary>Levels of mappings and sequences in one YAML document (aliases expanded).</summary>
        public const int MaxYamlDepth = 400;

        /// <summary>Nested ${V:-${V:-…}} expressions in one value.</summary>
        public const int MaxInterpolationDepth = 100;

        /// <summary>Services in one extends chain.</summary>
        public const int MaxExtendsChain = 100;

        /// <summary>Files in one include chain.</summary>
        public const int MaxIncludeChain = 100;

        public static ComposeFileException TooDeep(string what, int limit, string file, string keyPath, int line = 0, int column = 0)
        {
            string where = string.IsNullOrEmpty(keyPath) ? "" : " at " + Abbreviate(keyPath);
            return new ComposeFileException(ErrorIds.NestingTooDeep,
                $"{what} exceeds the limit of {limit} levels{where}", file, keyPath, line, column);
        }

        // A path at the limit has a thousand parts: the message keeps its start and end.
        private static string Abbreviate(string keyPath) =>
            keyPath.Length <= 160 ? keyPath : keyPath.Substring(0, 80) + "…" + keyPath.Substring(keyPath.Length - 60);
    }
}
