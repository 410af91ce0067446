using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace PSCompose.ModuleTests.Conformance
{
    /// <summary>
    /// Compares two JSON documents as data: object key order is ignored (Go sorts map keys, struct fields have
    /// their own order; the YAML writer is where order matters), numbers compare by value, everything else exactly.
    /// Each difference is one line: path, ours, reference.
    /// </summary>
    internal static class JsonDiff
    {
        public static List<string> Compare(JsonElement ours, JsonElement reference, int limit = 40)
        {
            var diffs = new List<string>();
            Walk("$", ours, reference, diffs, limit);
            return diffs;
        }

        private static void Walk(string path, JsonElement ours, JsonElement reference, List<string> diffs, int limit)
        {
            if (diffs.Count >= limit) return;
            if (ours.ValueKind != reference.ValueKind && !(IsBool(ours) && IsBool(reference)))
            {
                diffs.Add($"{path}: ours {Show(ours)} vs reference {Show(reference)}");
                return;
            }
            switch (reference.ValueKind)
            {
                case JsonValueKind.Object:
                    var ourProps = ours.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                    foreach (JsonProperty rp in reference.EnumerateObject())
                    {
                        string child = path + "." + rp.Name;
                        if (!ourProps.TryGetValue(rp.Name, out JsonElement ov))
                        {
                            if (diffs.Count < limit) diffs.Add($"{child}: missing in ours (reference {Show(rp.Value)})");
                            continue;
                        }
                        ourProps.Remove(rp.Name);
                        Walk(child, ov, rp.Value, diffs, limit);
                    }
                    foreach (var extra in ourProps)
                        if (diffs.Count < limit) diffs.Add($"{path}.{extra.Key}: extra in ours ({Show(extra.Value)})");
                    break;
                case JsonValueKind.Array:
                    int on = ours.GetArrayLength(), rn = reference.GetArrayLength();
                    if (on != rn) diffs.Add($"{path}: ours has {on} items, reference {rn}: ours {Show(ours)} vs reference {Show(reference)}");
                    else for (int i = 0; i < rn; i++) Walk($"{path}[{i}]", ours[i], reference[i], diffs, limit);
                    break;
                case JsonValueKind.Number:
                    if (decimal.Parse(ours.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture) !=
                        decimal.Parse(reference.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture))
                        diffs.Add($"{path}: ours {Show(ours)} vs reference {Show(reference)}");
                    break;
                default:
                    if (ours.GetRawText() != reference.GetRawText() &&
                        !(reference.ValueKind == JsonValueKind.String && ours.GetString() == reference.GetString()))
                        diffs.Add($"{path}: ours {Show(ours)} vs reference {Show(reference)}");
                    break;
            }
        }

        private static bool IsBool(JsonElement e) => e.ValueKind == JsonValueKind.True || e.ValueKind == JsonValueKind.False;

        private static string Show(JsonElement e)
        {
            string text = e.GetRawText().Replace("\r", "").Replace("\n", " ");
            while (text.Contains("  ")) text = text.Replace("  ", " ");
            return text.Length > 160 ? text.Substring(0, 157) + "..." : text;
        }
    }
}
