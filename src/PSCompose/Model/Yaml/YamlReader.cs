using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PSCompose.Model.Yaml
{
    /// <summary>
    /// Reads compose YAML into the generic tree (YMap / List&lt;object&gt; / scalars / TaggedValue), reproducing
    /// what compose-go gets from yaml.v3 into map[string]any plus its ResetProcessor and
    /// convertToStringKeysRecursive: YAML 1.2 scalars, anchors and aliases, &lt;&lt; merge keys, duplicate keys
    /// and non-string keys as errors, !reset / !override kept as <see cref="TaggedValue"/>.
    /// </summary>
    internal static class YamlReader
    {
        /// <summary>Bound on decoded nodes per document, so alias bombs fail fast instead of exhausting memory.</summary>
        public const int MaxNodesPerDocument = 1000000;

        /// <summary>
        /// All documents of a YAML stream, in order. An empty document (`---` alone) is null; a stream with no
        /// document (empty file, comments only) gives an empty list.
        /// </summary>
        public static List<object> ReadDocuments(string text, string file)
        {
            var documents = new List<object>();
            foreach (YamlNode root in ParseNodes(text ?? "", file))
                documents.Add(root == null ? null : new YamlTreeBuilder(file, MaxNodesPerDocument).Build(root));
            return documents;
        }

        /// <summary>The node tree of each document, aliases linked to their anchors.</summary>
        internal static List<YamlNode> ParseNodes(string text, string file)
        {
            var roots = new List<YamlNode>();
            var parser = new Parser(new StringReader(text));
            var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            var stack = new Stack<Frame>();
            YamlNode root = null;
            bool inDocument = false;

            try
            {
                while (parser.MoveNext())
                {
                    ParsingEvent e = parser.Current;
                    YamlNode node = null;
                    bool opens = false;
                    switch (e)
                    {
                        case DocumentStart _:
                            anchors.Clear();
                            root = null;
                            inDocument = true;
                            continue;
                        case DocumentEnd _:
                            roots.Add(root);
                            inDocument = false;
                            continue;
                        case Scalar s:
                            node = new YamlScalarNode
                            {
                                Value = s.Value,
                                NotPlain = s.Style != ScalarStyle.Plain,
                                Tag = ShortTag(s.Tag.IsEmpty ? "" : s.Tag.Value),
                            };
                            Register(anchors, s.Anchor, node);
                            break;
                        case SequenceStart ss:
                            node = new YamlSequenceNode { Tag = ShortTag(ss.Tag.IsEmpty ? "" : ss.Tag.Value) };
                            Register(anchors, ss.Anchor, node);
                            opens = true;
                            break;
                        case MappingStart ms:
                            node = new YamlMappingNode { Tag = ShortTag(ms.Tag.IsEmpty ? "" : ms.Tag.Value) };
                            Register(anchors, ms.Anchor, node);
                            opens = true;
                            break;
                        case AnchorAlias a:
                            if (!anchors.TryGetValue(a.Value.Value, out YamlNode target))
                                throw Syntax($"yaml: unknown anchor '{a.Value.Value}' referenced", file, e.Start);
                            node = new YamlAliasNode { Name = a.Value.Value, Target = target };
                            break;
                        case SequenceEnd _:
                        case MappingEnd _:
                            stack.Pop();
                            continue;
                        default:
                            continue;
                    }

                    node.Line = (int)e.Start.Line;
                    node.Column = (int)e.Start.Column;
                    Attach(node, stack, ref root);
                    if (opens)
                    {
                        stack.Push(new Frame { Node = node });
                        // Stop while parsing: YamlDotNet slows down quadratically with flow nesting.
                        if (stack.Count > NestingLimits.MaxYamlDepth)
                            throw NestingLimits.TooDeep("nesting", NestingLimits.MaxYamlDepth, file, KeyPath(stack), node.Line, node.Column);
                    }
                }
            }
            catch (YamlException ex)
            {
                Mark mark = ex.Start;
                // YamlDotNet reports a tab used as indentation at 1:1; yaml.v3 names the tab's line.
                if (ex.Message.IndexOf("invalid tab", StringComparison.Ordinal) >= 0 && mark.Index == 0)
                    mark = TabIndentation(text, parser.Current?.End ?? Mark.Empty) ?? mark;
                throw Syntax("yaml: " + CleanMessage(ex.Message), file, mark, ex);
            }
            catch (InvalidOperationException ex)
            {
                // YamlDotNet's scanner fails this way on some malformed plain scalars (found by the fuzz test):
                // still a syntax error in the file, reported at the last event the parser read.
                throw Syntax("yaml: " + ex.Message, file, parser.Current?.Start ?? Mark.Empty, ex);
            }
            if (inDocument) roots.Add(root);
            return roots;
        }

        /// <summary>The first tab in the indentation of a content line at or after <paramref name="from"/>.</summary>
        private static Mark? TabIndentation(string text, Mark from)
        {
            string[] lines = text.Split('\n');
            for (int i = Math.Max(0, (int)from.Line - 1); i < lines.Length; i++)
            {
                string line = lines[i];
                int start = 0;
                while (start < line.Length && (line[start] == ' ' || line[start] == '\t')) start++;
                int tab = line.IndexOf('\t', 0, start);
                if (tab < 0 || start == line.Length || line[start] == '#' || line[start] == '\r') continue;
                return new Mark(0, i + 1, tab + 1);
            }
            return null;
        }

        /// <summary>An open sequence or mapping; a mapping holds its key until the value arrives.</summary>
        private sealed class Frame
        {
            public YamlNode Node;
            public YamlNode Key;
        }

        /// <summary>The key path of the innermost open collection (services.a.x[0]), from the open frames.</summary>
        private static string KeyPath(Stack<Frame> stack)
        {
            var path = new System.Text.StringBuilder();
            Frame[] frames = stack.ToArray();
            for (int i = frames.Length - 1; i > 0; i--)
            {
                YamlNode child = frames[i - 1].Node;
                switch (frames[i].Node)
                {
                    case YamlSequenceNode seq:
                        path.Append('[').Append(seq.Items.Count - 1).Append(']');
                        break;
                    case YamlMappingNode map when frames[i].Key == null && map.Pairs.Count > 0 && map.Pairs[map.Pairs.Count - 1].Value == child:
                        string key = (map.Pairs[map.Pairs.Count - 1].Key as YamlScalarNode)?.Value ?? "?";
                        path.Append(path.Length > 0 ? "." : "").Append(key);
                        break;
                    default:
                        path.Append(path.Length > 0 ? "." : "").Append('?');
                        break;
                }
            }
            return path.ToString();
        }

        private static void Attach(YamlNode node, Stack<Frame> stack, ref YamlNode root)
        {
            if (stack.Count == 0)
            {
                root = node;
                return;
            }
            Frame frame = stack.Peek();
            if (frame.Node is YamlSequenceNode seq)
            {
                seq.Items.Add(node);
            }
            else if (frame.Key == null)
            {
                frame.Key = node;
            }
            else
            {
                ((YamlMappingNode)frame.Node).Pairs.Add(new KeyValuePair<YamlNode, YamlNode>(frame.Key, node));
                frame.Key = null;
            }
        }

        private static void Register(Dictionary<string, YamlNode> anchors, YamlDotNet.Core.AnchorName anchor, YamlNode node)
        {
            if (!anchor.IsEmpty) anchors[anchor.Value] = node;
        }

        /// <summary>"tag:yaml.org,2002:int" → "!!int"; the non-specific "!" → "".</summary>
        private static string ShortTag(string tag)
        {
            const string prefix = "tag:yaml.org,2002:";
            if (tag == "!" || tag == "?") return "";
            return tag.StartsWith(prefix, StringComparison.Ordinal) ? "!!" + tag.Substring(prefix.Length) : tag;
        }

        // YamlDotNet: "While parsing a flow sequence, did not find expected ',' or ']'." → libyaml's lower-case style.
        private static string CleanMessage(string message)
        {
            string m = message ?? "";
            int marker = m.IndexOf("): ", StringComparison.Ordinal);
            if (m.StartsWith("(Line:", StringComparison.Ordinal) && marker > 0) m = m.Substring(marker + 3);
            m = m.Trim().TrimEnd('.');
            // libyaml states only the problem, without YamlDotNet's "While parsing a block mapping, " context.
            if (m.StartsWith("While ", StringComparison.Ordinal) && m.IndexOf(", ", StringComparison.Ordinal) > 0)
                m = m.Substring(m.IndexOf(", ", StringComparison.Ordinal) + 2);
            if (m.StartsWith("found invalid mapping", StringComparison.Ordinal)) m = "mapping values are not allowed in this context";
            else if (m.StartsWith("found invalid tab", StringComparison.Ordinal)) m = "found character that cannot start any token";
            else if (m.StartsWith("found value containing disallowed", StringComparison.Ordinal)) m = "did not find expected alphabetic or numeric character";
            return m.Length > 0 ? char.ToLowerInvariant(m[0]) + m.Substring(1) : "syntax error";
        }

        internal static ComposeFileException Syntax(string message, string file, Mark mark, Exception inner = null) =>
            new ComposeFileException(ErrorIds.YamlSyntax, message, file, null,
                (int)mark.Line, (int)mark.Column, inner);
    }
}
