using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PSCompose.ModuleTests.Events
{
    /// <summary>
    /// An event reduced to what a `docker compose events --json` line says (action, attributes, id, service, time to
    /// the nanosecond, type), so a reference line and ConvertTo-Json of a ComposeEvent can be compared as text.
    /// </summary>
    internal static class ComposeEventJson
    {
        public static string FromCompose(string line)
        {
            JsonElement e = JsonDocument.Parse(line).RootElement;
            return Key(e.GetProperty("action").GetString(), e.GetProperty("attributes"), e.GetProperty("id").GetString(),
                e.GetProperty("service").GetString(), UnixNanos(e.GetProperty("time").GetString()), e.GetProperty("type").GetString());
        }

        /// <summary>
        /// From a `docker events --format '{{json .}}'` line, as docker compose events would show it
        /// (pkg/compose/events.go): null for a one-off's event; the com.docker.compose.* attributes left out.
        /// </summary>
        public static string FromEngine(string line)
        {
            JsonElement e = JsonDocument.Parse(line).RootElement;
            JsonElement attributes = e.GetProperty("Actor").GetProperty("Attributes");
            if (attributes.TryGetProperty("com.docker.compose.oneoff", out JsonElement oneOff) && oneOff.GetString() == "True") return null;
            string kept = string.Join(",", attributes.EnumerateObject().Where(a => !a.Name.StartsWith("com.docker.compose.", StringComparison.Ordinal))
                .OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => a.Name + "=" + a.Value.GetString()));
            return string.Join("|", e.GetProperty("Action").GetString(), kept, e.GetProperty("Actor").GetProperty("ID").GetString(),
                attributes.GetProperty("com.docker.compose.service").GetString(), e.GetProperty("timeNano").GetInt64().ToString(CultureInfo.InvariantCulture),
                e.GetProperty("Type").GetString());
        }

        /// <summary>From ConvertTo-Json -Compress of a ComposeEvent.</summary>
        public static string FromOurs(string json)
        {
            JsonElement e = JsonDocument.Parse(json).RootElement;
            string detail = e.GetProperty("ActionDetail").ValueKind == JsonValueKind.Null ? null : e.GetProperty("ActionDetail").GetString();
            string action = e.GetProperty("Action").GetString() + (detail == null ? "" : ": " + detail);
            return Key(action, e.GetProperty("Attributes"), e.GetProperty("Id").GetString(), e.GetProperty("Service").GetString(),
                e.GetProperty("TimeNano").GetInt64(), e.GetProperty("Type").GetString());
        }

        public static long TimeOf(string key) => long.Parse(key.Split('|')[4], CultureInfo.InvariantCulture);

        private static string Key(string action, JsonElement attributes, string id, string service, long nanos, string type)
        {
            string attrs = string.Join(",", attributes.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Name + "=" + p.Value.GetString()));
            return string.Join("|", action, attrs, id, service, nanos.ToString(CultureInfo.InvariantCulture), type);
        }

        /// <summary>Go's RFC 3339 with up to 9 fraction digits, in any zone, as nanoseconds since the epoch.</summary>
        public static long UnixNanos(string time)
        {
            Match m = Regex.Match(time, @"^(?<s>[^.]+?)(\.(?<f>\d+))?(?<z>Z|[+-]\d\d:\d\d)$");
            long seconds = DateTimeOffset.Parse(m.Groups["s"].Value + m.Groups["z"].Value, CultureInfo.InvariantCulture).ToUnixTimeSeconds();
            long fraction = m.Groups["f"].Success ? long.Parse(m.Groups["f"].Value.PadRight(9, '0'), CultureInfo.InvariantCulture) : 0;
            return seconds * 1000000000L + fraction;
        }

        /// <summary>A unix time text with nanoseconds, the form both --since and -Since take.</summary>
        public static string UnixText(DateTimeOffset moment) =>
            (moment.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
    }
}
