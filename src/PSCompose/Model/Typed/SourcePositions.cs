using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PSCompose.Model.Canonical;
using PSCompose.Model.Yaml;

namespace PSCompose.Model.Typed
{
    /// <summary>
    /// Where a service's keys were written in the compose files: the last file that declares one (a later file
    /// overrides). The files are parsed again on first use, for their YAML node positions.
    /// </summary>
    internal sealed class SourcePositions
    {
        private readonly IReadOnlyList<string> files;
        private readonly Lazy<List<(string File, YamlMappingNode Root)>> roots;

        public SourcePositions(IReadOnlyList<string> files)
        {
            this.files = files ?? Array.Empty<string>();
            roots = new Lazy<List<(string, YamlMappingNode)>>(Parse);
        }

        /// <summary>The file and line of services.&lt;service&gt;.&lt;key&gt;; line 0 (and the last file) when not found.</summary>
        public (string File, int Line) Find(string service, string key)
        {
            var all = roots.Value;
            for (int i = all.Count - 1; i >= 0; i--)
            {
                YamlNode node = Child(Child(Child(all[i].Root, "services"), service), key, keyNode: true);
                if (node != null) return (all[i].File, node.Line);
            }
            return (all.Count > 0 ? all[all.Count - 1].File : null, 0);
        }

        /// <summary>
        /// The ports entry that publishes target from ip, in the last file that has one, with its index in that
        /// file's list; else the line of the ports key and index -1 (an interpolated entry reads differently raw).
        /// </summary>
        public (string File, int Line, int Index) FindPort(string service, string ip, long target)
        {
            var all = roots.Value;
            for (int i = all.Count - 1; i >= 0; i--)
            {
                if (!(Child(Child(Child(all[i].Root, "services"), service), "ports") is YamlSequenceNode list)) continue;
                for (int k = 0; k < list.Items.Count; k++)
                    if (Publishes(list.Items[k], ip, target)) return (all[i].File, list.Items[k].Line, k);
            }
            (string file, int line) = Find(service, "ports");
            return (file, line, -1);
        }

        private List<(string, YamlMappingNode)> Parse()
        {
            var result = new List<(string, YamlMappingNode)>();
            foreach (string file in files)
            {
                if (file == "-" || !File.Exists(file)) continue;
                try
                {
                    foreach (YamlNode root in YamlReader.ParseNodes(File.ReadAllText(file), file))
                        if (root is YamlMappingNode map) result.Add((file, map));
                }
                catch (ComposeFileException)
                {
                    // The loader already read this file; a position is a nicety, never a new failure.
                }
            }
            return result;
        }

        private static bool Publishes(YamlNode item, string ip, long target)
        {
            if (item is YamlMappingNode map)
                return (Child(map, "host_ip") as YamlScalarNode)?.Value == ip
                    && (Child(map, "target") as YamlScalarNode)?.Value == target.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!(item is YamlScalarNode scalar)) return false;
            try { return ServicePort.ParseShortSyntax(scalar.Value).Any(p => p.HostIp == ip && p.Target == target); }
            catch (FormatException) { return false; }
        }

        private static YamlNode Child(YamlNode map, string name, bool keyNode = false)
        {
            if (!(map is YamlMappingNode m)) return null;
            foreach (var pair in m.Pairs)
                if (pair.Key is YamlScalarNode k && k.Value == name) return keyNode ? pair.Key : pair.Value;
            return null;
        }
    }
}
