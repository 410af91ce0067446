using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PSCompose.Model;
using YamlDotNet.RepresentationModel;
using Xunit;

namespace PSCompose.Tests.Model.Loading
{
    /// <summary>
    /// Test-side YAML → YMap conversion (yaml.v3 scalar rules: null, bool, int, float, else string; !reset and
    /// !override kept as TaggedValue), plus an order-insensitive deep comparison like Go's assert.DeepEqual on maps.
    /// </summary>
    internal static class TestYaml
    {
        private static readonly Regex Int = new Regex(@"^[-+]?(0|[1-9][0-9]*)$");
        private static readonly Regex Float = new Regex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$");

        public static YMap Map(string yaml)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0) return new YMap();
            return (YMap)Convert(stream.Documents[0].RootNode);
        }

        private static object Convert(YamlNode node)
        {
            object value;
            switch (node)
            {
                case YamlMappingNode m:
                    var map = new YMap();
                    foreach (var e in m.Children) map[((YamlScalarNode)e.Key).Value] = Convert(e.Value);
                    value = map;
                    break;
                case YamlSequenceNode s:
                    value = s.Children.Select(Convert).ToList();
                    break;
                case YamlScalarNode sc:
                    value = Scalar(sc);
                    break;
                default:
                    value = null;
                    break;
            }
            string tag = node.Tag.IsEmpty ? null : node.Tag.Value;
            if (tag == "!reset" || tag == "!override") return new TaggedValue(tag, value);
            return value;
        }

        private static object Scalar(YamlScalarNode sc)
        {
            string v = sc.Value;
            if (sc.Style != YamlDotNet.Core.ScalarStyle.Plain) return v;
            if (!sc.Tag.IsEmpty && sc.Tag.Value == "!reset") return v == "" ? null : v;
            if (v == "" || v == "~" || v == "null" || v == "Null" || v == "NULL") return null;
            if (v == "true" || v == "True" || v == "TRUE") return true;
            if (v == "false" || v == "False" || v == "FALSE") return false;
            if (Int.IsMatch(v) && long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l)) return l;
            if (Float.IsMatch(v)) return double.Parse(v, CultureInfo.InvariantCulture);
            return v;
        }

        public static void AssertDeepEqual(object expected, object actual, string path = "")
        {
            switch (expected)
            {
                case YMap em:
                    var am = Assert.IsType<YMap>(actual);
                    Assert.True(em.Keys.OrderBy(k => k).SequenceEqual(am.Keys.OrderBy(k => k)),
                        $"{path}: keys [{string.Join(",", em.Keys)}] expected, got [{string.Join(",", am.Keys)}]");
                    foreach (var k in em.Keys) AssertDeepEqual(em[k], am[k], path + "." + k);
                    break;
                case List<object> el:
                    var al = Assert.IsType<List<object>>(actual);
                    Assert.True(el.Count == al.Count, $"{path}: {el.Count} items expected, got {al.Count}: [{string.Join(", ", al.Select(Show))}]");
                    for (int i = 0; i < el.Count; i++) AssertDeepEqual(el[i], al[i], path + "[" + i + "]");
                    break;
                default:
                    Assert.True(Equals(expected, actual), $"{path}: expected {Show(expected)}, got {Show(actual)}");
                    break;
            }
        }

        private static string Show(object v) => v == null ? "null" : v is string s ? "\"" + s + "\"" : v.ToString();
    }
}
