using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace PSCompose.Model.Typed
{
    /// <summary>
    /// An immutable string-keyed map that keeps its entries in the order the canonical tree holds them (ordinal keys).
    /// Values may be null where Compose's map is one of pointers or nullable strings (environment, networks).
    /// </summary>
    internal sealed class OrderedMap<TValue> : IReadOnlyDictionary<string, TValue>
    {
        public static readonly OrderedMap<TValue> Empty = new OrderedMap<TValue>(Enumerable.Empty<KeyValuePair<string, TValue>>());

        private readonly List<KeyValuePair<string, TValue>> entries = new List<KeyValuePair<string, TValue>>();
        private readonly Dictionary<string, int> index = new Dictionary<string, int>(StringComparer.Ordinal);

        public OrderedMap(IEnumerable<KeyValuePair<string, TValue>> items)
        {
            foreach (var item in items)
            {
                if (index.TryGetValue(item.Key, out int at)) entries[at] = item;
                else
                {
                    index[item.Key] = entries.Count;
                    entries.Add(item);
                }
            }
        }

        public int Count => entries.Count;

        public IEnumerable<string> Keys => entries.Select(e => e.Key);

        public IEnumerable<TValue> Values => entries.Select(e => e.Value);

        /// <summary>The value under <paramref name="key"/>, or default when there is none (never throws).</summary>
        public TValue this[string key] => key != null && index.TryGetValue(key, out int at) ? entries[at].Value : default;

        public bool ContainsKey(string key) => key != null && index.ContainsKey(key);

        public bool TryGetValue(string key, out TValue value)
        {
            if (key != null && index.TryGetValue(key, out int at))
            {
                value = entries[at].Value;
                return true;
            }
            value = default;
            return false;
        }

        /// <summary>A copy with these entries set: existing keys keep their place, new ones are appended.</summary>
        public OrderedMap<TValue> SetItems(IEnumerable<KeyValuePair<string, TValue>> items) => new OrderedMap<TValue>(entries.Concat(items));

        /// <summary>A mutable copy, in the same order (for the engine's request types).</summary>
        public Dictionary<string, TValue> ToDictionary()
        {
            var copy = new Dictionary<string, TValue>(StringComparer.Ordinal);
            foreach (var e in entries) copy[e.Key] = e.Value;
            return copy;
        }

        public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() => entries.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
