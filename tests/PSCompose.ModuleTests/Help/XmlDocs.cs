using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PSCompose.ModuleTests.Help
{
    /// <summary>The compiler's XML documentation of PSCompose.dll: summaries and examples by member id.</summary>
    internal sealed class XmlDocs
    {
        private readonly Dictionary<string, XElement> members;

        public XmlDocs(string path)
        {
            members = XDocument.Load(path).Descendants("member")
                .ToDictionary(m => (string)m.Attribute("name"), m => m);
        }

        public string Summary(string memberId) =>
            members.TryGetValue(memberId, out XElement m) ? Text(m.Element("summary")) : null;

        /// <summary>(code, remarks) pairs from &lt;example&gt;&lt;code&gt;…&lt;/code&gt;&lt;para&gt;…&lt;/para&gt;&lt;/example&gt;.</summary>
        public IReadOnlyList<(string Code, string Remarks)> Examples(string memberId) =>
            members.TryGetValue(memberId, out XElement m)
                ? m.Elements("example").Select(e => (Code(e.Element("code")), Text(new XElement("x", e.Elements("para"))))).ToList()
                : new List<(string, string)>();

        /// <summary>Doc text with tags flattened (see cref → the name) and whitespace folded.</summary>
        private static string Text(XElement element)
        {
            if (element == null) return null;
            foreach (XElement reference in element.Descendants("see").ToList())
            {
                string cref = (string)reference.Attribute("cref") ?? (string)reference.Attribute("langword") ?? "";
                reference.ReplaceWith(cref.Substring(cref.IndexOf(':') + 1).Split('.').Last());
            }
            foreach (XElement c in element.Descendants("c").ToList()) c.ReplaceWith(c.Value);
            return Regex.Replace(element.Value, @"\s+", " ").Trim();
        }

        private static string Code(XElement code)
        {
            if (code == null) return "";
            string[] lines = code.Value.Replace("\r", "").Split('\n');
            var body = lines.SkipWhile(string.IsNullOrWhiteSpace).Reverse().SkipWhile(string.IsNullOrWhiteSpace).Reverse().ToList();
            int indent = body.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
            return string.Join(Environment.NewLine, body.Select(l => l.Length >= indent ? l.Substring(indent) : l.TrimStart()));
        }

        public static string FirstSentence(string text)
        {
            if (text == null) return null;
            int end = text.IndexOf(". ", StringComparison.Ordinal);
            return end < 0 ? text : text.Substring(0, end + 1);
        }
    }
}
