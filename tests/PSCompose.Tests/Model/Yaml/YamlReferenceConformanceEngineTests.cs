using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PSCompose.Model;
using PSCompose.Model.Yaml;
using PSCompose.Testing;
using Cli = PSCompose.Testing.Docker;
using Xunit;

namespace PSCompose.Tests.Model.Yaml
{
    /// <summary>
    /// Differential check against the reference binary: many YAML values are written under x- keys of one compose
    /// file, `docker compose config --format json` prints what compose-go decoded, and YamlReader must agree.
    /// (An empty sequence is left out: compose's JSON writer prints an empty extension list as null.)
    /// </summary>
    public class YamlReferenceConformanceEngineTests
    {
        private static readonly string[] Snippets =
        {
            "0777", "08", "0o17", "0x1F", "0b101", "-0b101", "1_000", "-_1", "_1", "1e3", "1e400", "1.", ".5", "-.5",
            "18446744073709551616", "9223372036854775807", "yes", "No", "on", "off", "y", "n", "TRUE", "tRue", "Null",
            "~", "\"\"", "''", "1:20", "00", "+12", "1__2", "0_x1F", "1.5_0", "!!str 12", "!!int \"12\"", "!!float 12",
            "!custom 12", "! 12", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10", "2002-1-1",
            "2001-12-14T21:59:43+00:00", "2001-02-30", "12:30:00", "0.1e-2", "Infinity", "v1.2.3", "1.2.3", "-", "+",
            "\"a\\tb\\u263A\\x41\\\\\"", "'it''s'", "\"multi\n  line\"", "plain\n  continued\n  text", "a # comment",
            "|\n  lit\n  block\n", "|-\n  strip\n", "|+\n  keep\n\n", ">\n  folded\n  text\n\n  para\n", ">-\n  x\n  y",
            "|2\n    indented\n", "[a, b, [c, d], {e: f}]", "{a: 1, b: [2, 3], c: {d: null}}", "[[1]]", "{}",
            "- a\n- - b\n  - c\n- d: e\n  f: g", "a:\nb: ~\nc: ''", "? explicit\n: value", "\"quoted key\": 1\n'other': 2",
            "base: &b {x: 1, y: 2}\nmerged:\n  <<: *b\n  y: 3", "l: &l [1, 2]\nm: *l", "k: &v 5\nj: *v",
            "key with spaces: 1\nkey-with-dash: 2\nkey.with.dots: 3", "\"1\": a\n\"true\": b", "!!set {a, b}",
            "!!binary aGVsbG8=", "[1, 2.5, true, null, x, \"y\"]", "a: 'single'\nb: \"double\"\nc: plain value",
            "# comment only above\nx: 1", "a: [1,\n  2,\n  3]", "a: {b: c,\n  d: e}", "0x7FFFFFFFFFFFFFFF",
            "-0x8000000000000000", "0xFFFFFFFFFFFFFFFF", "1e+3", "-1E-3", ".0", "0.", "+0", "-0.0", "1_2.3_4e1_0",
        };

        [EngineFact]
        public void DecodesLikeComposeGo()
        {
            string dir = Path.Combine(Path.GetTempPath(), "psc-yaml-ref-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                var sb = new StringBuilder("services:\n  web:\n    image: busybox\n");
                for (int i = 0; i < Snippets.Length; i++)
                {
                    sb.Append("x-").Append(i).Append(":\n");
                    foreach (string line in Snippets[i].Split('\n')) sb.Append("  ").Append(line).Append('\n');
                }
                string path = Path.Combine(dir, "compose.yaml");
                File.WriteAllText(path, sb.ToString());

                var result = Cli.RunIn(dir, null, "compose", "-p", "pscyamlref", "config", "--format", "json").Check();
                using (JsonDocument json = JsonDocument.Parse(result.Stdout))
                {
                    var ours = (YMap)YamlReader.ReadDocuments(sb.ToString(), path).Single();
                    var mismatches = new List<string>();
                    for (int i = 0; i < Snippets.Length; i++)
                    {
                        string key = "x-" + i.ToString(CultureInfo.InvariantCulture);
                        JsonElement expected = json.RootElement.GetProperty(key);
                        if (!Same(expected, ours[key]))
                            mismatches.Add($"{Snippets[i]} => compose {expected.GetRawText()}, ours {Show(ours[key])}");
                    }
                    Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
                }
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        private static bool Same(JsonElement json, object value)
        {
            switch (json.ValueKind)
            {
                case JsonValueKind.Null: return value == null;
                case JsonValueKind.True: return value is bool b && b;
                case JsonValueKind.False: return value is bool f && !f;
                case JsonValueKind.String: return value is string s && s == json.GetString();
                case JsonValueKind.Number:
                    if (value is long l) return json.TryGetInt64(out long jl) ? jl == l : false;
                    if (value is double d) return Math.Abs(json.GetDouble() - d) <= Math.Abs(d) * 1e-15;
                    return false;
                case JsonValueKind.Array:
                    if (!(value is List<object> list) || list.Count != json.GetArrayLength()) return false;
                    return json.EnumerateArray().Select((e, i) => Same(e, list[i])).All(x => x);
                case JsonValueKind.Object:
                    if (!(value is YMap map)) return false;
                    var props = json.EnumerateObject().ToList();
                    return props.Count == map.Count && props.All(p => map.ContainsKey(p.Name) && Same(p.Value, map[p.Name]));
                default:
                    return false;
            }
        }

        private static string Show(object value)
        {
            switch (value)
            {
                case null: return "null";
                case string s: return "\"" + s + "\" (string)";
                case YMap m: return "{" + string.Join(", ", m.Select(kv => kv.Key + ": " + Show(kv.Value))) + "}";
                case List<object> l: return "[" + string.Join(", ", l.Select(Show)) + "]";
                default: return Convert.ToString(value, CultureInfo.InvariantCulture) + " (" + value.GetType().Name + ")";
            }
        }
    }
}
