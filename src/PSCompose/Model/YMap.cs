using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace PSCompose.Model
{
    /// <summary>
    /// A YAML/JSON mapping while the loader works on it: string keys in insertion order. Values are
    /// YMap, List&lt;object&gt;, string, long, double, bool, null, or <see cref="TaggedValue"/> (!reset/!override).
    /// compose-go works on map[string]any the same way until the very end.
    /// </summary>
    internal sealed class YMap : IEnumerable<KeyValuePair<string, object>>
    {
        private readonly List<string> order = new List<string>();
        private readonly Dictionary<string, object> values = new Dictionary<string, object>(StringComparer.Ordinal);

        public YMap() { }

        public YMap(IEnumerable<KeyValuePair<string, object>> entries)
        {
            foreach (var e in entries) this[e.Key] = e.Value;
        }

        public int Count => order.Count;

        public IReadOnlyList<string> Keys => order;

        public object this[string key]
        {
            get => values.TryGetValue(key, out object v) ? v : null;
            set
            {
                if (!values.ContainsKey(key)) order.Add(key);
                values[key] = value;
            }
        }

        public bool ContainsKey(string key) => values.ContainsKey(key);

        public bool TryGetValue(string key, out object value) => values.TryGetValue(key, out value);

        public bool Remove(string key)
        {
            if (!values.Remove(key)) return false;
            order.Remove(key);
            return true;
        }

        public YMap Map(string key) => this[key] as YMap;

        public List<object> List(string key) => this[key] as List<object>;

        public string String(string key) => this[key] as string;

        /// <summary>The map with its keys in ordinal order (Go's encoding/json order for maps).</summary>
        public YMap Sorted() => new YMap(order.OrderBy(k => k, StringComparer.Ordinal).Select(k => new KeyValuePair<string, object>(k, values[k])));

        public IEnumerator<KeyValuePair<string, object>> GetEnumerator() =>
            order.Select(k => new KeyValuePair<string, object>(k, values[k])).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>A deep copy: maps and lists are copied, scalars shared.</summary>
        public static object DeepClone(object value)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            switch (value)
            {
                case YMap m:
                    var copy = new YMap();
                    foreach (var e in m) copy[e.Key] = DeepClone(e.Value);
                    return copy;
                case List<object> l:
                    return l.Select(DeepClone).ToList();
                case TaggedValue t:
                    return new TaggedValue(t.Tag, DeepClone(t.Value));
                default:
                    return value;
            }
        }
    }

    /// <summary>A value carrying a Compose merge tag: <c>!reset</c> or <c>!override</c>.</summary>
    internal sealed class TaggedValue
    {
        public const string Reset = "!reset";
        public const string Override = "!override";

        public TaggedValue(string tag, object value)
        {
            Tag = tag;
            Value = value;
        }

        public string Tag { get; }

        public object Value { get; }
    }
}
