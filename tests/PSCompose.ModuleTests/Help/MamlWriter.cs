using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Xml.Linq;

namespace PSCompose.ModuleTests.Help
{
    /// <summary>
    /// Writes the MAML help file (en-US/PSCompose.dll-Help.xml) from the cmdlets' metadata as PowerShell sees
    /// it and their XML doc comments: synopsis and description from the class summary, parameter text from the
    /// property summaries, examples from &lt;example&gt; tags.
    /// </summary>
    internal static class MamlWriter
    {
        private static readonly XNamespace Msh = "http://msh";
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        public static string Write(IEnumerable<CmdletInfo> cmdlets, XmlDocs docs)
        {
            var root = new XElement(Msh + "helpItems", new XAttribute("schema", "maml"),
                cmdlets.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => CommandElement(c, docs)));
            return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + root.ToString().Replace("\r\n", "\n") + "\n";
        }

        private static XElement CommandElement(CmdletInfo cmdlet, XmlDocs docs)
        {
            Type type = cmdlet.ImplementingType;
            string description = docs.Summary("T:" + type.FullName) ?? "";
            List<ParameterMetadata> parameters = cmdlet.Parameters.Values
                .Where(p => !IsCommon(p.Name)).OrderBy(p => Position(p)).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
            return new XElement(Command + "command",
                new XAttribute(XNamespace.Xmlns + "maml", Maml),
                new XAttribute(XNamespace.Xmlns + "command", Command),
                new XAttribute(XNamespace.Xmlns + "dev", Dev),
                new XElement(Command + "details",
                    new XElement(Command + "name", cmdlet.Name),
                    new XElement(Command + "verb", cmdlet.Verb),
                    new XElement(Command + "noun", cmdlet.Noun),
                    Description(XmlDocs.FirstSentence(description))),
                Description(description),
                new XElement(Command + "syntax", cmdlet.ParameterSets.OrderBy(s => s.Name, StringComparer.Ordinal).Select(set =>
                    new XElement(Command + "syntaxItem",
                        new XElement(Maml + "name", cmdlet.Name),
                        set.Parameters.Where(p => !IsCommon(p.Name)).Select(p => Parameter(p.Name, p.ParameterType, p.IsMandatory,
                            p.Position, Pipeline(p.ValueFromPipeline, p.ValueFromPipelineByPropertyName), p.Aliases, Globbing(cmdlet.Parameters[p.Name]), null))))),
                new XElement(Command + "parameters", parameters.Select(p =>
                {
                    var set = p.ParameterSets.Values.First();
                    return Parameter(p.Name, p.ParameterType, p.ParameterSets.Values.All(s => s.IsMandatory), set.Position,
                        Pipeline(p.ParameterSets.Values.Any(s => s.ValueFromPipeline), p.ParameterSets.Values.Any(s => s.ValueFromPipelineByPropertyName)),
                        p.Aliases, Globbing(p), ParameterText(type, p.Name, docs));
                })),
                new XElement(Command + "inputTypes", new XElement(Command + "inputType",
                    new XElement(Dev + "type", new XElement(Maml + "name", "System.String")), Description("Service and project names bind by property name."))),
                new XElement(Command + "returnValues", cmdlet.OutputType.Select(o => new XElement(Command + "returnValue",
                    new XElement(Dev + "type", new XElement(Maml + "name", o.Name)), Description(docs.Summary("T:" + o.Name) ?? ""))).ToList()),
                new XElement(Command + "examples", docs.Examples("T:" + type.FullName).Select((e, i) => new XElement(Command + "example",
                    new XElement(Maml + "title", $"-------------------------- Example {i + 1} --------------------------"),
                    new XElement(Dev + "code", e.Code),
                    new XElement(Dev + "remarks", new XElement(Maml + "para", e.Remarks))))),
                new XElement(Command + "relatedLinks",
                    new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", "about_PSCompose"), new XElement(Maml + "uri", ""))));
        }

        private static bool Globbing(ParameterMetadata p) => p.Attributes.OfType<SupportsWildcardsAttribute>().Any();

        private static XElement Parameter(string name, Type type, bool mandatory, int position, string pipeline, IEnumerable<string> aliases, bool globbing, string text)
        {
            bool isSwitch = type == typeof(SwitchParameter);
            var element = new XElement(Command + "parameter",
                new XAttribute("required", mandatory ? "true" : "false"),
                new XAttribute("variableLength", type.IsArray ? "true" : "false"),
                new XAttribute("globbing", globbing ? "true" : "false"),
                new XAttribute("pipelineInput", pipeline),
                new XAttribute("position", position >= 0 ? position.ToString() : "named"),
                new XAttribute("aliases", aliases.Any() ? string.Join(", ", aliases) : "none"),
                new XElement(Maml + "name", name));
            if (text != null) element.Add(Description(text));
            if (!isSwitch) element.Add(new XElement(Command + "parameterValue", new XAttribute("required", "true"), new XAttribute("variableLength", "false"), TypeName(type)));
            element.Add(new XElement(Dev + "type", new XElement(Maml + "name", type.FullName)));
            if (text != null) element.Add(new XElement(Dev + "defaultValue", isSwitch ? "False" : "None"));
            return element;
        }

        private static string ParameterText(Type cmdlet, string name, XmlDocs docs)
        {
            PropertyInfo property = cmdlet.GetProperty(name);
            return property == null ? null : docs.Summary($"P:{property.DeclaringType.FullName}.{property.Name}");
        }

        private static XElement Description(string text) => new XElement(Maml + "description", new XElement(Maml + "para", text ?? ""));

        private static string TypeName(Type type) => type.IsArray ? type.GetElementType().Name + "[]" : type.Name;

        private static string Pipeline(bool byValue, bool byName) =>
            byValue && byName ? "True (ByValue, ByPropertyName)" : byValue ? "True (ByValue)" : byName ? "True (ByPropertyName)" : "False";

        private static int Position(ParameterMetadata p)
        {
            int position = p.ParameterSets.Values.Select(s => s.Position).DefaultIfEmpty(int.MinValue).Max();
            return position >= 0 ? position : int.MaxValue;
        }

        private static bool IsCommon(string name) =>
            Cmdlet.CommonParameters.Contains(name) || Cmdlet.OptionalCommonParameters.Contains(name);
    }
}
