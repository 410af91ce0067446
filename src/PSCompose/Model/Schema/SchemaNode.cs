using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Runtime.CompilerServices;

namespace PSCompose.Model.Schema
{
    /// <summary>
    /// One compiled JSON-schema node, for the subset of draft-07 compose-spec.json uses: type, properties,
    /// patternProperties, additionalProperties, required, oneOf/anyOf/allOf, items, enum, $ref, minimum/maximum,
    /// uniqueItems and pattern. Evaluation returns the leaf errors in evaluation order, like the causes tree
    /// santhosh-tekuri/jsonschema builds, flattened.
    /// </summary>
    internal sealed class SchemaNode
    {
        private readonly SchemaDocument document;
        private readonly JsonElement element;
        private bool compiled;
        private bool alwaysFalse;
        private string[] types;
        private string reference;
        private List<KeyValuePair<string, SchemaNode>> properties;
        private List<KeyValuePair<Regex, SchemaNode>> patternProperties;
        private bool? additionalAllowed;
        private SchemaNode additionalSchema;
        private string[] required;
        private SchemaNode[] oneOf, anyOf, allOf;
        private SchemaNode items;
        private List<object> enumValues;
        private double? minimum, maximum;
        private bool uniqueItems;
        private Regex pattern;
        private string patternText;

        public SchemaNode(SchemaDocument document, JsonElement element)
        {
            this.document = document;
            this.element = element;
        }

        public void Evaluate(object value, List<string> path, List<SchemaError> errors)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            Compile();
            if (value is TaggedValue tagged) value = tagged.Value;
            if (alwaysFalse)
            {
                errors.Add(new SchemaError(path, SchemaErrorKind.False, "not allowed"));
                return;
            }
            if (reference != null) document.Resolve(reference).Evaluate(value, path, errors);

            if (types != null && !TypeMatches(value))
            {
                errors.Add(new SchemaError(path, SchemaErrorKind.Type, types));
                return;
            }
            if (enumValues != null && !enumValues.Any(e => JsonEquals(e, value)))
                errors.Add(new SchemaError(path, SchemaErrorKind.Enum,
                    "value must be one of " + string.Join(", ", enumValues.Select(Quote))));

            if (value is YMap map) EvaluateObject(map, path, errors);
            if (value is List<object> list) EvaluateArray(list, path, errors);
            if (value is string s && pattern != null && !pattern.IsMatch(s))
                errors.Add(new SchemaError(path, SchemaErrorKind.Pattern, Quote(s) + " does not match pattern " + Quote(patternText)));
            if (IsNumber(value))
            {
                double d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (minimum.HasValue && d < minimum.Value)
                    errors.Add(new SchemaError(path, SchemaErrorKind.Minimum, "must be greater than or equal to " + Num(minimum.Value)));
                if (maximum.HasValue && d > maximum.Value)
                    errors.Add(new SchemaError(path, SchemaErrorKind.Maximum, "must be less than or equal to " + Num(maximum.Value)));
            }

            if (allOf != null) foreach (SchemaNode s2 in allOf) s2.Evaluate(value, path, errors);
            if (anyOf != null)
            {
                var causes = new List<SchemaError>();
                bool any = false;
                foreach (SchemaNode s2 in anyOf)
                {
                    var branch = new List<SchemaError>();
                    s2.Evaluate(value, path, branch);
                    if (branch.Count == 0) { any = true; break; }
                    causes.AddRange(branch);
                }
                if (!any) errors.AddRange(causes);
            }
            if (oneOf != null)
            {
                var causes = new List<SchemaError>();
                var matched = new List<int>();
                for (int i = 0; i < oneOf.Length; i++)
                {
                    var branch = new List<SchemaError>();
                    oneOf[i].Evaluate(value, path, branch);
                    if (branch.Count == 0) matched.Add(i);
                    else causes.AddRange(branch);
                }
                if (matched.Count == 0) errors.AddRange(causes);
                else if (matched.Count > 1)
                    errors.Add(new SchemaError(path, SchemaErrorKind.OneOf,
                        "valid against subschemas at indexes " + matched[0] + " and " + matched[1]));
            }
        }

        private void EvaluateObject(YMap map, List<string> path, List<SchemaError> errors)
        {
            if (required != null)
            {
                string[] missing = required.Where(r => !map.ContainsKey(r)).ToArray();
                if (missing.Length > 0)
                    errors.Add(new SchemaError(path, SchemaErrorKind.Required,
                        (missing.Length == 1 ? "missing property " : "missing properties ") + string.Join(", ", missing.Select(Quote))));
            }
            var additional = new List<string>();
            foreach (var entry in map)
            {
                bool known = false;
                var childPath = new List<string>(path) { entry.Key };
                if (properties != null)
                    foreach (var p in properties)
                        if (p.Key == entry.Key)
                        {
                            known = true;
                            p.Value.Evaluate(entry.Value, childPath, errors);
                        }
                if (patternProperties != null)
                    foreach (var p in patternProperties)
                        if (p.Key.IsMatch(entry.Key))
                        {
                            known = true;
                            p.Value.Evaluate(entry.Value, childPath, errors);
                        }
                if (known) continue;
                if (additionalSchema != null) additionalSchema.Evaluate(entry.Value, childPath, errors);
                else if (additionalAllowed == false) additional.Add(entry.Key);
            }
            if (additional.Count > 0)
                errors.Add(new SchemaError(path, SchemaErrorKind.AdditionalProperties,
                    "additional properties " + string.Join(", ", additional.Select(Quote)) + " not allowed"));
        }

        private void EvaluateArray(List<object> list, List<string> path, List<SchemaError> errors)
        {
            if (items != null)
                for (int i = 0; i < list.Count; i++)
                    items.Evaluate(list[i], new List<string>(path) { i.ToString(CultureInfo.InvariantCulture) }, errors);
            if (uniqueItems)
                for (int i = 0; i < list.Count; i++)
                    for (int j = i + 1; j < list.Count; j++)
                        if (JsonEquals(list[i], list[j]))
                        {
                            errors.Add(new SchemaError(path, SchemaErrorKind.UniqueItems, "items at " + i + " and " + j + " are equal"));
                            return;
                        }
        }

        private bool TypeMatches(object value)
        {
            string actual = TypeOf(value);
            foreach (string t in types)
            {
                if (t == actual) return true;
                if (t == "number" && actual == "integer") return true;
                if (t == "integer" && value is double d && Math.Floor(d) == d && !double.IsInfinity(d)) return true;
            }
            return false;
        }

        internal static string TypeOf(object value)
        {
            switch (value)
            {
                case null: return "null";
                case YMap _: return "object";
                case List<object> _: return "array";
                case string _: return "string";
                case bool _: return "boolean";
                case long _: case int _: case ulong _: return "integer";
                case double _: case float _: case decimal _: return "number";
                default: return "string";
            }
        }

        private static bool IsNumber(object value) => value is long || value is int || value is double || value is float || value is decimal;

        private static string Num(double d) => d.ToString("R", CultureInfo.InvariantCulture);

        private static string Quote(object v) => v is string s ? "'" + s + "'" : Convert.ToString(v, CultureInfo.InvariantCulture);

        private static bool JsonEquals(object a, object b)
        {
            if (a is TaggedValue ta) a = ta.Value;
            if (b is TaggedValue tb) b = tb.Value;
            if (a == null || b == null) return a == null && b == null;
            if (IsNumber(a) && IsNumber(b)) return Convert.ToDouble(a, CultureInfo.InvariantCulture) == Convert.ToDouble(b, CultureInfo.InvariantCulture);
            if (a is YMap ma && b is YMap mb)
                return ma.Count == mb.Count && ma.All(e => mb.ContainsKey(e.Key) && JsonEquals(e.Value, mb[e.Key]));
            if (a is List<object> la && b is List<object> lb)
                return la.Count == lb.Count && la.Zip(lb, JsonEquals).All(x => x);
            return a.Equals(b);
        }

        private void Compile()
        {
            if (compiled) return;
            compiled = true;
            if (element.ValueKind == JsonValueKind.False) { alwaysFalse = true; return; }
            if (element.ValueKind != JsonValueKind.Object) return;
            foreach (JsonProperty p in element.EnumerateObject())
            {
                switch (p.Name)
                {
                    case "$ref": reference = p.Value.GetString(); break;
                    case "type":
                        types = p.Value.ValueKind == JsonValueKind.Array
                            ? p.Value.EnumerateArray().Select(e => e.GetString()).ToArray()
                            : new[] { p.Value.GetString() };
                        break;
                    case "properties":
                        properties = p.Value.EnumerateObject()
                            .Select(e => new KeyValuePair<string, SchemaNode>(e.Name, new SchemaNode(document, e.Value))).ToList();
                        break;
                    case "patternProperties":
                        patternProperties = p.Value.EnumerateObject()
                            .Select(e => new KeyValuePair<Regex, SchemaNode>(new Regex(e.Name, RegexOptions.CultureInvariant), new SchemaNode(document, e.Value))).ToList();
                        break;
                    case "additionalProperties":
                        if (p.Value.ValueKind == JsonValueKind.False) additionalAllowed = false;
                        else if (p.Value.ValueKind == JsonValueKind.True) additionalAllowed = true;
                        else additionalSchema = new SchemaNode(document, p.Value);
                        break;
                    case "required": required = p.Value.EnumerateArray().Select(e => e.GetString()).ToArray(); break;
                    case "oneOf": oneOf = Children(p.Value); break;
                    case "anyOf": anyOf = Children(p.Value); break;
                    case "allOf": allOf = Children(p.Value); break;
                    case "items": items = new SchemaNode(document, p.Value); break;
                    case "enum": enumValues = p.Value.EnumerateArray().Select(ToValue).ToList(); break;
                    case "minimum": minimum = p.Value.GetDouble(); break;
                    case "maximum": maximum = p.Value.GetDouble(); break;
                    case "uniqueItems": uniqueItems = p.Value.ValueKind == JsonValueKind.True; break;
                    case "pattern":
                        patternText = p.Value.GetString();
                        pattern = new Regex(patternText, RegexOptions.CultureInvariant);
                        break;
                }
            }
        }

        private SchemaNode[] Children(JsonElement array) => array.EnumerateArray().Select(e => new SchemaNode(document, e)).ToArray();

        private static object ToValue(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String: return e.GetString();
                case JsonValueKind.Number: return e.TryGetInt64(out long l) ? (object)l : e.GetDouble();
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                default: return null;
            }
        }
    }

    /// <summary>The schema file: the root node and its definitions, found by "#/definitions/x" references.</summary>
    internal sealed class SchemaDocument
    {
        private readonly JsonDocument json;
        private readonly Dictionary<string, SchemaNode> refs = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);

        public SchemaDocument(string text)
        {
            json = JsonDocument.Parse(text);
            Root = new SchemaNode(this, json.RootElement);
        }

        public SchemaNode Root { get; }

        public SchemaNode Resolve(string reference)
        {
            lock (refs)
            {
                if (refs.TryGetValue(reference, out SchemaNode node)) return node;
                if (!reference.StartsWith("#/", StringComparison.Ordinal))
                    throw new NotSupportedException("Unsupported schema reference " + reference);
                JsonElement e = json.RootElement;
                foreach (string part in reference.Substring(2).Split('/'))
                    e = e.GetProperty(part.Replace("~1", "/").Replace("~0", "~"));
                node = new SchemaNode(this, e);
                refs[reference] = node;
                return node;
            }
        }
    }

    internal enum SchemaErrorKind { Type, Enum, Pattern, Minimum, Maximum, Required, AdditionalProperties, UniqueItems, OneOf, False }

    internal sealed class SchemaError
    {
        public SchemaError(List<string> path, SchemaErrorKind kind, string message)
        {
            Path = path;
            Kind = kind;
            Message = message;
        }

        public SchemaError(List<string> path, SchemaErrorKind kind, string[] expectedTypes)
            : this(path, kind, "must be a " + HumanReadableType(expectedTypes)) { }

        public List<string> Path { get; }

        public SchemaErrorKind Kind { get; }

        public string Message { get; }

        /// <summary>compose-go ranks errors by path depth; an unknown key counts one level deeper.</summary>
        public int Specificity => Path.Count + (Kind == SchemaErrorKind.AdditionalProperties ? 1 : 0);

        public string KeyPath => string.Join(".", Path);

        public override string ToString() => KeyPath + " " + Message;

        private static string HumanReadableType(string[] want)
        {
            if (want.Length == 1) return want[0] == "object" ? "mapping" : want[0];
            var names = want.Select(w => w == "object" ? "mapping" : w).OrderBy(w => w, StringComparer.Ordinal).ToList();
            return string.Join(", ", names.Take(names.Count - 1)) + " or " + names[names.Count - 1];
        }
    }
}
