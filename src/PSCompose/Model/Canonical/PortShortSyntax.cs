using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;

namespace PSCompose.Model.Canonical
{
    /// <summary>
    /// compose-go ParsePortConfig on top of docker/go-connections nat.ParsePortSpec: "[ip:][host[-range]:]container[-range][/proto]"
    /// to one long-syntax entry per container port, in the string order of "port/proto" keys as Go sorts them.
    /// </summary>
    internal static class PortShortSyntax
    {
        public static List<YMap> Parse(string raw)
        {
            SplitParts(raw, out string ip, out string hostPort, out string containerPort);
            SplitProtoPort(containerPort, out string proto, out containerPort);
            if (ip.Length > 0 && ip[0] == '[')
            {
                int close = ip.IndexOf(']');
                if (close < 0 || close != ip.Length - 1) throw new FormatException("invalid IP address " + ip + ": address " + ip + ":: missing ']' in address");
                ip = ip.Substring(1, close - 1);
            }
            if (ip.Length > 0 && !IPAddress.TryParse(ip, out _)) throw new FormatException("invalid IP address: " + ip);
            if (containerPort.Length == 0) throw new FormatException("no port specified: " + raw + "<empty>");
            if (!TryRange(containerPort, out ulong start, out ulong end)) throw new FormatException("invalid containerPort: " + containerPort);
            ulong hostStart = 0, hostEnd = 0;
            if (hostPort.Length > 0 && !TryRange(hostPort, out hostStart, out hostEnd)) throw new FormatException("invalid hostPort: " + hostPort);
            if (hostPort.Length > 0 && end - start != hostEnd - hostStart && end != start)
                throw new FormatException("invalid ranges specified for container and host Ports: " + containerPort + " and " + hostPort);
            string protocol = proto.ToLowerInvariant();
            if (protocol != "tcp" && protocol != "udp" && protocol != "sctp") throw new FormatException("invalid proto: " + proto);

            var byKey = new SortedDictionary<string, List<YMap>>(StringComparer.Ordinal);
            for (ulong i = 0; i <= end - start; i++)
            {
                string published = hostPort;
                if (hostPort.Length > 0) published = (hostStart + i).ToString(CultureInfo.InvariantCulture);
                if (start == end && hostStart != hostEnd) published = published + "-" + hostEnd.ToString(CultureInfo.InvariantCulture);
                ulong target = start + i;
                var port = new YMap { ["mode"] = "ingress" };
                if (ip.Length > 0) port["host_ip"] = ip;
                port["target"] = (long)target;
                if (published.Length > 0) port["published"] = published;
                port["protocol"] = protocol;
                string key = target.ToString(CultureInfo.InvariantCulture) + "/" + protocol;
                if (!byKey.TryGetValue(key, out List<YMap> list)) byKey[key] = list = new List<YMap>();
                list.Add(port);
            }
            return byKey.Values.SelectMany(l => l).ToList();
        }

        private static void SplitParts(string raw, out string ip, out string host, out string container)
        {
            string[] parts = raw.Split(':');
            int n = parts.Length;
            container = parts[n - 1];
            switch (n)
            {
                case 1: ip = ""; host = ""; break;
                case 2: ip = ""; host = parts[0]; break;
                case 3: ip = parts[0]; host = parts[1]; break;
                default: ip = string.Join(":", parts.Take(n - 2)); host = parts[n - 2]; break;
            }
        }

        private static void SplitProtoPort(string raw, out string proto, out string port)
        {
            string[] parts = raw.Split('/');
            if (raw.Length == 0 || parts[0].Length == 0) { proto = ""; port = ""; return; }
            if (parts.Length == 1) { proto = "tcp"; port = raw; return; }
            if (parts[1].Length == 0) { proto = "tcp"; port = parts[0]; return; }
            proto = parts[1];
            port = parts[0];
        }

        private static bool TryRange(string ports, out ulong start, out ulong end)
        {
            start = end = 0;
            if (ports.Length == 0) return false;
            int dash = ports.IndexOf('-');
            if (dash < 0)
            {
                if (!ushort.TryParse(ports, NumberStyles.None, CultureInfo.InvariantCulture, out ushort p)) return false;
                start = end = p;
                return true;
            }
            if (!ushort.TryParse(ports.Substring(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out ushort s)) return false;
            if (!ushort.TryParse(ports.Substring(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out ushort e)) return false;
            if (e < s) return false;
            start = s;
            end = e;
            return true;
        }
    }
}
