using System;
using System.Collections.Generic;
using System.Globalization;
using PSCompose.Model.Interpolation;
using System.Runtime.CompilerServices;

namespace PSCompose.Model.Yaml
{
    /// <summary>
    /// Decodes one document's node tree into the generic tree. Every alias is expanded into a fresh copy (later
    /// stages modify values in place), bounded by a node budget and a nesting limit.
    /// </summary>
    internal sealed class YamlTreeBuilder
    {
        private readonly string file;
        private readonly int maxNodes;
        // Alias targets being expanded, with the path where the expansion started (for the cycle message).
        private readonly Dictionary<YamlNode, string> expanding = new Dictionary<YamlNode, string>();
        private int nodes;
        private int depth;

        public YamlTreeBuilder(string file, int maxNodes)
        {
            this.file = file;
            this.maxNodes = maxNodes;
        }

        public object Build(YamlNode root) => Convert(root, "");

        /// <param name="prefix">compose-go's key prefix for "non-string key in …" (dots, and [i] for list items).</param>
        private object Convert(YamlNode node, string prefix)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            if (++nodes > maxNodes) throw Error(ErrorIds.YamlSyntax, "yaml: document contains excessive aliasing", node);
            if (++depth > NestingLimits.MaxYamlDepth)
                throw NestingLimits.TooDeep("nesting", NestingLimits.MaxYamlDepth, file, prefix, node.Line, node.Column);
            try
            {
                switch (node)
                {
                    case YamlAliasNode alias:
                        if (expanding.TryGetValue(alias.Target, out string outer))
                            throw Error(ErrorIds.YamlSyntax,
                                $"cycle detected: node at path {DottedPath(prefix)} references node at path {DottedPath(outer)}", node);
                        expanding.Add(alias.Target, prefix);
                        try
                        {
                            return Convert(alias.Target, prefix);
                        }
                        finally
                        {
                            expanding.Remove(alias.Target);
                        }
                    case YamlScalarNode scalar:
                        return Tagged(scalar.Tag, ConvertScalar(scalar));
                    case YamlSequenceNode seq:
                        var list = new List<object>(seq.Items.Count);
                        for (int i = 0; i < seq.Items.Count; i++)
                            list.Add(Convert(seq.Items[i], prefix + "[" + i.ToString(CultureInfo.InvariantCulture) + "]"));
                        return Tagged(seq.Tag, list);
                    case YamlMappingNode map:
                        return Tagged(map.Tag, ConvertMapping(map, prefix));
                    default:
                        return null;
                }
            }
            finally
            {
                depth--;
            }
        }

        private static object Tagged(string tag, object value) =>
            tag == TaggedValue.Reset || tag == TaggedValue.Override ? new TaggedValue(tag, value) : value;

        private object ConvertScalar(YamlScalarNode scalar)
        {
            // yaml.v3 cannot resolve these tags, so an !override scalar stays a string; !reset is dropped later anyway.
            if (scalar.Tag == TaggedValue.Override) return scalar.Value;
            string tag = scalar.Tag == TaggedValue.Reset ? "" : scalar.Tag;
            try
            {
                object value = YamlScalarResolver.Resolve(tag, scalar.Value, scalar.NotPlain);
                return value;
            }
            catch (FormatException e)
            {
                throw Error(ErrorIds.YamlSyntax, "yaml: " + e.Message, scalar);
            }
        }

        private YMap ConvertMapping(YamlMappingNode map, string prefix)
        {
            CheckDuplicateKeys(map);
            var explicitKeys = new List<string>(map.Pairs.Count);
            foreach (var pair in map.Pairs)
                explicitKeys.Add(IsMergeKey(pair.Key) ? null : KeyString(pair.Key, prefix));

            var result = new YMap();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            // compose-go drops a `!reset` node before decoding, so a `<<` merge key can still fill that key
            // (the reset then only clears what earlier files set): such keys do not block the merge.
            var resets = new Dictionary<string, object>(StringComparer.Ordinal);
            bool hasMergeKey = explicitKeys.Contains(null);
            var resetKeys = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < map.Pairs.Count; i++)
            {
                if (explicitKeys[i] == null) continue;
                if (hasMergeKey && map.Pairs[i].Value.Tag == TaggedValue.Reset) resetKeys.Add(explicitKeys[i]);
                else seen.Add(explicitKeys[i]);
            }

            for (int i = 0; i < map.Pairs.Count; i++)
            {
                string key = explicitKeys[i];
                if (key == null) Merge(result, map.Pairs[i].Value, seen, prefix);
                else if (resetKeys.Contains(key)) resets[key] = Convert(map.Pairs[i].Value, Join(prefix, key));
                else result[key] = Convert(map.Pairs[i].Value, Join(prefix, key));
            }
            foreach (var reset in resets)
                result[reset.Key] = result.ContainsKey(reset.Key) ? new TaggedValue(TaggedValue.Override, result[reset.Key]) : reset.Value;
            return result;
        }

        /// <summary>yaml.v3 merge: explicit keys win, then earlier merge sources over later ones, depth first.</summary>
        private void Merge(YMap target, YamlNode source, HashSet<string> seen, string prefix)
        {
            YamlNode node = Deref(source);
            if (node is YamlMappingNode map)
            {
                MergeMapping(target, map, seen, prefix);
                return;
            }
            if (node is YamlSequenceNode seq)
            {
                foreach (YamlNode item in seq.Items)
                {
                    if (!(Deref(item) is YamlMappingNode itemMap)) throw WantMap(item);
                    MergeMapping(target, itemMap, seen, prefix);
                }
                return;
            }
            throw WantMap(source);
        }

        private void MergeMapping(YMap target, YamlMappingNode map, HashSet<string> seen, string prefix)
        {
            if (expanding.TryGetValue(map, out string outer))
                throw Error(ErrorIds.YamlSyntax,
                    $"cycle detected: node at path {DottedPath(prefix)}.<< references node at path {DottedPath(outer)}", map);
            expanding.Add(map, prefix);
            try
            {
                CheckDuplicateKeys(map);
                YamlNode nestedMerge = null;
                foreach (var pair in map.Pairs)
                {
                    if (IsMergeKey(pair.Key))
                    {
                        nestedMerge = pair.Value;
                        continue;
                    }
                    string key = KeyString(pair.Key, prefix);
                    if (seen.Add(key)) target[key] = Convert(pair.Value, Join(prefix, key));
                }
                if (nestedMerge != null) Merge(target, nestedMerge, seen, prefix);
            }
            finally
            {
                expanding.Remove(map);
            }
        }

        private YamlNode Deref(YamlNode node)
        {
            var visited = new HashSet<YamlNode>();
            while (node is YamlAliasNode alias)
            {
                if (!visited.Add(alias)) throw Error(ErrorIds.YamlSyntax, $"yaml: anchor '{alias.Name}' value contains itself", node);
                if (++nodes > maxNodes) throw Error(ErrorIds.YamlSyntax, "yaml: document contains excessive aliasing", node);
                node = alias.Target;
            }
            return node;
        }

        private static bool IsMergeKey(YamlNode key) =>
            key is YamlScalarNode s && s.Value == "<<" &&
            (s.Tag == YamlScalarResolver.MergeTag || (s.Tag == "" && !s.NotPlain));

        /// <summary>A mapping key as compose-go accepts it: a string, else "non-string key in …".</summary>
        private string KeyString(YamlNode keyNode, string prefix)
        {
            if (!(Deref(keyNode) is YamlScalarNode scalar))
                throw Error(ErrorIds.YamlSyntax, "yaml: invalid map key: a sequence or mapping cannot be a key", keyNode);

            object value;
            if (scalar.Tag == "" && !scalar.NotPlain)
            {
                value = YamlScalarResolver.ResolvePlain(scalar.Value, true, out string resolvedTag);
                if (resolvedTag == YamlScalarResolver.TimestampTag) value = new NonStringKey(value);
            }
            else
            {
                value = ConvertScalar(scalar);
            }
            if (value is string s) return s;

            string shown = value is NonStringKey ts ? ts.Text : GoFormat.GoSyntax(value);
            string where = prefix == "" ? "at top level" : "in " + prefix;
            throw Error(ErrorIds.FileInvalid, $"non-string key {where}: {shown}", keyNode, prefix == "" ? null : prefix);
        }

        /// <summary>compose-go ResetProcessor: the same key text twice in one mapping.</summary>
        private void CheckDuplicateKeys(YamlMappingNode map)
        {
            if (map.Pairs.Count < 2) return;
            var lines = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var pair in map.Pairs)
            {
                string text = pair.Key is YamlScalarNode s ? s.Value : pair.Key is YamlAliasNode a ? a.Name : "";
                if (lines.TryGetValue(text, out int first))
                    throw Error(ErrorIds.YamlSyntax, $"mapping key {GoFormat.Quote(text)} already defined at line {first}", pair.Key);
                lines[text] = pair.Key.Line;
            }
        }

        private ComposeFileException WantMap(YamlNode node) =>
            Error(ErrorIds.YamlSyntax, "yaml: map merge requires map or sequence of maps as the value", node);

        private ComposeFileException Error(string id, string message, YamlNode node, string keyPath = null) =>
            new ComposeFileException(id, message, file, keyPath, node?.Line ?? 0, node?.Column ?? 0);

        // compose-go's tree paths write list indexes as path parts: x[0][1] → x.0.1
        private static string DottedPath(string prefix) => IndexPart.Replace(prefix, ".$1").TrimStart('.');

        private static readonly System.Text.RegularExpressions.Regex IndexPart = new System.Text.RegularExpressions.Regex(@"\[(\d+)\]");

        private static string Join(string prefix, string key) => prefix == "" ? key : prefix + "." + key;

        private sealed class NonStringKey
        {
            public NonStringKey(object value)
            {
                Text = value as string;
            }

            public string Text { get; }
        }
    }
}
