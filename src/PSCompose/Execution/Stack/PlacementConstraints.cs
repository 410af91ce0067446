using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using PSCompose.Engine;

namespace PSCompose.Execution.Stack
{
    /// <summary>
    /// swarmkit's manager/constraint: whether a node satisfies a service's placement constraints ("key==value",
    /// "key!=value"; values compared case-insensitively, label names case-sensitively). The global orchestrator puts a
    /// task only on the nodes that do, so that is the count a global service converges to.
    /// </summary>
    internal static class PlacementConstraints
    {
        private const string NodeLabelPrefix = "node.labels.";
        private const string EngineLabelPrefix = "engine.labels.";

        private static readonly Regex KeyPattern = new Regex(@"^(?i)[a-z_][a-z0-9\-_.]+$", RegexOptions.CultureInvariant);

        public static bool NodeMatches(IEnumerable<string> constraints, EngineSwarmNode node) =>
            (constraints ?? Enumerable.Empty<string>()).All(c => Matches(c, node));

        private static bool Matches(string constraint, EngineSwarmNode node)
        {
            if (!TryParse(constraint, out string key, out bool equal, out string value)) return false;
            if (key.Equals("node.ip", StringComparison.OrdinalIgnoreCase)) return IpMatches(value, node.Addr, equal);
            if (!TryValueOf(key, node, out string actual)) return false;
            return string.Equals(value, actual ?? "", StringComparison.OrdinalIgnoreCase) == equal;
        }

        /// <summary>The first operator found wins ("==" before "!="), as constraint.Parse splits.</summary>
        internal static bool TryParse(string constraint, out string key, out bool equal, out string value)
        {
            key = value = null;
            equal = constraint?.Contains("==") == true;
            string op = equal ? "==" : "!=";
            int at = constraint?.IndexOf(op, StringComparison.Ordinal) ?? -1;
            if (at < 0) return false;
            key = constraint.Substring(0, at).Trim();
            value = constraint.Substring(at + 2).Trim();
            return KeyPattern.IsMatch(key) && value.Length > 0;
        }

        /// <summary>The node's value for a constraint key; false for a key swarmkit does not know (it matches no node).</summary>
        private static bool TryValueOf(string key, EngineSwarmNode node, out string value)
        {
            value = null;
            switch (key.ToLowerInvariant())
            {
                case "node.id": value = node.Id; return true;
                case "node.hostname": value = node.Hostname; return true;
                case "node.role": value = node.Role; return true;
                case "node.platform.os": value = node.Os; return true;
                case "node.platform.arch": value = node.Arch; return true;
            }
            if (TryLabel(key, NodeLabelPrefix, node.Labels, out value)) return true;
            return TryLabel(key, EngineLabelPrefix, node.EngineLabels, out value);
        }

        private static bool TryLabel(string key, string prefix, IDictionary<string, string> labels, out string value)
        {
            value = null;
            if (key.Length <= prefix.Length || !key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return false;
            labels?.TryGetValue(key.Substring(prefix.Length), out value);
            return true;
        }

        /// <summary>node.ip: one address or a CIDR subnet; anything else matches no node.</summary>
        private static bool IpMatches(string expected, string addr, bool equal)
        {
            IPAddress.TryParse(addr ?? "", out IPAddress nodeIp);
            if (IPAddress.TryParse(expected, out IPAddress ip)) return ip.Equals(nodeIp) == equal;
            string[] cidr = expected.Split('/');
            if (cidr.Length != 2 || !IPAddress.TryParse(cidr[0], out IPAddress network) || !int.TryParse(cidr[1], out int bits)) return false;
            byte[] net = network.GetAddressBytes();
            if (bits < 0 || bits > net.Length * 8) return false;
            return Within(net, nodeIp?.GetAddressBytes(), bits) == equal;
        }

        private static bool Within(byte[] network, byte[] address, int bits)
        {
            if (address == null || address.Length != network.Length) return false;
            for (int i = 0; i < bits; i++)
            {
                int mask = 0x80 >> (i % 8);
                if ((network[i / 8] & mask) != (address[i / 8] & mask)) return false;
            }
            return true;
        }
    }
}
