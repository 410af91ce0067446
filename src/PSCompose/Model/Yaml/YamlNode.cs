using System.Collections.Generic;

namespace PSCompose.Model.Yaml
{
    /// <summary>
    /// A parsed YAML node before decoding (like yaml.v3's Node): what the event stream said, with tags
    /// shortened to "!!str" form and positions 1-based. Aliases point at their anchored node.
    /// </summary>
    internal abstract class YamlNode
    {
        /// <summary>"" when untagged (the non-specific "!" counts as untagged), "!!int", "!reset", …</summary>
        public string Tag { get; set; } = "";

        public int Line { get; set; }

        public int Column { get; set; }
    }

    internal sealed class YamlScalarNode : YamlNode
    {
        public string Value { get; set; }

        /// <summary>Quoted, literal or folded: an untagged one is always a string.</summary>
        public bool NotPlain { get; set; }
    }

    internal sealed class YamlSequenceNode : YamlNode
    {
        public List<YamlNode> Items { get; } = new List<YamlNode>();
    }

    internal sealed class YamlMappingNode : YamlNode
    {
        public List<KeyValuePair<YamlNode, YamlNode>> Pairs { get; } = new List<KeyValuePair<YamlNode, YamlNode>>();
    }

    internal sealed class YamlAliasNode : YamlNode
    {
        public string Name { get; set; }

        public YamlNode Target { get; set; }
    }
}
