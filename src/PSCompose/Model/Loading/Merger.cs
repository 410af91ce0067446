using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace PSCompose.Model.Loading
{
    /// <summary>
    /// compose-go override.Merge: a later layer merged over an earlier one. Mappings merge recursively, sequences
    /// append, scalars are replaced, and some attributes have their own rule (the Specials table).
    /// <c>!reset</c> drops the inherited value and <c>!override</c> replaces it without merging: when
    /// <c>resolveTags</c> is false (extends, include) the tags stay in the result so they still act on the
    /// files merged later, like compose-go's post-processor does.
    /// </summary>
    internal static class Merger
    {
        private delegate object Rule(object baseValue, object overrideValue, TreePath path);

        private static readonly List<KeyValuePair<string, Rule>> Specials = new List<KeyValuePair<string, Rule>>
        {
            Special("networks.*.ipam.config", MergeIpamConfig),
            Special("networks.*.labels", MergeToSequence),
            Special("volumes.*.labels", MergeToSequence),
            Special("services.*.annotations", MergeToSequence),
            Special("services.*.build", MergeBuild),
            Special("services.*.build.args", MergeToSequence),
            Special("services.*.build.additional_contexts", MergeToSequence),
            Special("services.*.build.extra_hosts", MergeExtraHosts),
            Special("services.*.build.labels", MergeToSequence),
            Special("services.*.command", Replace),
            Special("services.*.depends_on", MergeDependsOn),
            Special("services.*.deploy.labels", MergeToSequence),
            Special("services.*.dns", MergeToSequence),
            Special("services.*.dns_opt", MergeToSequence),
            Special("services.*.dns_search", MergeToSequence),
            Special("services.*.entrypoint", Replace),
            Special("services.*.env_file", MergeToSequence),
            Special("services.*.label_file", MergeToSequence),
            Special("services.*.environment", MergeToSequence),
            Special("services.*.extra_hosts", MergeExtraHosts),
            Special("services.*.healthcheck.test", Replace),
            Special("services.*.labels", MergeToSequence),
            Special("services.*.volumes.*.volume.labels", MergeToSequence),
            Special("services.*.logging", MergeLogging),
            Special("services.*.models", MergeKeyed),
            Special("services.*.networks", MergeKeyed),
            Special("services.*.sysctls", MergeToSequence),
            Special("services.*.tmpfs", MergeToSequence),
            // compose-go's mergeUlimit merges the override with itself: in effect each ulimit is replaced.
            Special("services.*.ulimits.*", Replace),
        };

        [ThreadStatic] private static bool resolving;

        /// <summary>Merges a file (or document) over the model accumulated so far; tags are resolved and removed.</summary>
        public static YMap Merge(YMap accumulated, YMap layer)
        {
            return (YMap)Run(true, () => MergeValue(accumulated, layer, TreePath.Root));
        }

        /// <summary>compose-go override.ExtendService: the service merged over a copy of its base; tags are kept.</summary>
        public static YMap ExtendService(YMap baseService, YMap service)
        {
            return (YMap)Run(false, () => MergeValue(baseService, service, TreePath.Of("services", "x")));
        }

        /// <summary>compose-go override.MergeYaml at an explicit path (include conflicts); tags are kept.</summary>
        public static object MergeAt(object baseValue, object overrideValue, TreePath path)
        {
            return Run(false, () => MergeValue(baseValue, overrideValue, path));
        }

        /// <summary>The value without merge tags: !reset entries removed, !override values unwrapped.</summary>
        public static object StripTags(object value)
        {
            switch (value)
            {
                case TaggedValue t:
                    return t.Tag == TaggedValue.Reset ? null : StripTags(t.Value);
                case YMap map:
                    var copy = new YMap();
                    foreach (var e in map)
                    {
                        if (e.Value is TaggedValue tv && tv.Tag == TaggedValue.Reset) continue;
                        copy[e.Key] = StripTags(e.Value);
                    }
                    return copy;
                case List<object> list:
                    return list.Where(i => !(i is TaggedValue tv && tv.Tag == TaggedValue.Reset)).Select(StripTags).ToList();
                default:
                    return value;
            }
        }

        private static object Run(bool resolveTags, Func<object> merge)
        {
            bool previous = resolving;
            resolving = resolveTags;
            try { return merge(); }
            finally { resolving = previous; }
        }

        private static KeyValuePair<string, Rule> Special(string pattern, Rule rule) => new KeyValuePair<string, Rule>(pattern, rule);

        private static object MergeValue(object e, object o, TreePath p)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            foreach (var special in Specials)
            {
                if (p.Matches(special.Key)) return special.Value(e, o, p);
            }
            if (o == null) return e;
            switch (e)
            {
                case YMap map:
                    if (!(o is YMap other)) throw CannotOverride(p);
                    return MergeMappings(map, other, p);
                case List<object> list:
                    if (!(o is List<object> items)) throw CannotOverride(p);
                    var appended = new List<object>(list);
                    appended.AddRange(resolving ? (List<object>)StripTags(items) : items);
                    return appended;
                default:
                    return resolving ? StripTags(o) : o;
            }
        }

        private static YMap MergeMappings(YMap mapping, YMap other, TreePath p)
        {
            if (other == null) return mapping;
            if (mapping == null) mapping = new YMap();
            foreach (var entry in other)
            {
                string k = entry.Key;
                object v = entry.Value;
                if (v is TaggedValue tagged)
                {
                    if (!resolving)
                    {
                        mapping[k] = v;
                    }
                    else if (tagged.Tag == TaggedValue.Reset)
                    {
                        mapping.Remove(k);
                    }
                    else
                    {
                        mapping[k] = StripTags(tagged.Value);
                    }
                    continue;
                }
                if (!mapping.TryGetValue(k, out object existing))
                {
                    mapping[k] = resolving ? StripTags(v) : v;
                    continue;
                }
                if (existing is TaggedValue baseTag)
                {
                    // An earlier extends/include layer already decided this key; the new value is merged over it.
                    existing = baseTag.Tag == TaggedValue.Reset ? null : baseTag.Value;
                    if (existing == null)
                    {
                        mapping[k] = resolving ? StripTags(v) : v;
                        continue;
                    }
                }
                mapping[k] = MergeValue(existing, v, p.Next(k));
            }
            return mapping;
        }

        private static object Replace(object e, object o, TreePath p) => resolving ? StripTags(o) : o;

        // Logging options merge only when both layers name the same driver, or one of them names none.
        private static object MergeLogging(object c, object o, TreePath p)
        {
            if (!(c is YMap config) || !(o is YMap other)) return o ?? c;
            bool overrideHasDriver = other.TryGetValue("driver", out object d);
            bool baseHasDriver = config.TryGetValue("driver", out object b);
            if (Equals(d, b) || !overrideHasDriver || !baseHasDriver) return MergeMappings(config, other, p);
            return resolving ? StripTags(other) : other;
        }

        private static object MergeBuild(object c, object o, TreePath p)
        {
            YMap ToBuild(object v) => v is string s ? new YMap { ["context"] = s } : v as YMap;
            return MergeMappings(ToBuild(c), ToBuild(o), p);
        }

        private static object MergeDependsOn(object c, object o, TreePath p)
        {
            var defaults = new YMap { ["condition"] = "service_started", ["required"] = true };
            return MergeMappings(ConvertIntoMapping(c, defaults), ConvertIntoMapping(o, defaults), p);
        }

        private static object MergeKeyed(object c, object o, TreePath p) =>
            MergeMappings(ConvertIntoMapping(c, null), ConvertIntoMapping(o, null), p);

        private static object MergeExtraHosts(object c, object o, TreePath p)
        {
            var right = ConvertIntoSequence(c) ?? new List<object>();
            var left = ConvertIntoSequence(o) ?? new List<object>();
            var merged = new List<object>(right);
            merged.AddRange(left.Where(v => !right.Any(r => Equals(r, v))));
            return merged;
        }

        private static object MergeToSequence(object c, object o, TreePath p)
        {
            var right = ConvertIntoSequence(c);
            var left = ConvertIntoSequence(o);
            if (right == null && left == null) return null;
            var merged = new List<object>(right ?? new List<object>());
            if (left != null) merged.AddRange(left);
            return merged;
        }

        /// <summary>A mapping becomes sorted KEY=VALUE strings (KEY alone for null); a string becomes a one-item list.</summary>
        internal static List<object> ConvertIntoSequence(object value)
        {
            switch (value)
            {
                case YMap map:
                    var seq = new List<string>();
                    foreach (var e in map)
                    {
                        if (e.Value == null) seq.Add(e.Key);
                        else if (e.Value is List<object> items) seq.AddRange(items.Select(i => e.Key + "=" + GoFormat.Value(i)));
                        else seq.Add(e.Key + "=" + GoFormat.Value(e.Value));
                    }
                    return seq.OrderBy(s => s, StringComparer.Ordinal).Cast<object>().ToList();
                case List<object> list:
                    return list;
                case string s:
                    return new List<object> { s };
                default:
                    return null;
            }
        }

        private static YMap ConvertIntoMapping(object value, YMap defaultValue)
        {
            switch (value)
            {
                case YMap map:
                    return map;
                case List<object> list:
                    var converted = new YMap();
                    foreach (var item in list)
                    {
                        string key = GoFormat.Value(item);
                        converted[key] = defaultValue == null ? null : (YMap)YMap.DeepClone(defaultValue);
                    }
                    return converted;
                default:
                    return null;
            }
        }

        // networks.*.ipam.config entries are matched by subnet, as compose-go's mergeIPAMConfig does.
        private static object MergeIpamConfig(object c, object o, TreePath p)
        {
            if (!(c is List<object> configs) || !(o is List<object> overrides))
            {
                throw new ComposeFileException(ErrorIds.FileInvalid,
                    $"{p}: unexpected type {GoTypeName(c)}", keyPath: p.ToString());
            }
            var result = new List<object>();
            foreach (var original in configs)
            {
                var right = ConvertIntoMapping(original, null);
                foreach (var over in overrides)
                {
                    var left = ConvertIntoMapping(over, null);
                    if (!Equals(left?["subnet"], right?["subnet"]))
                    {
                        if (!result.Any(a => Equals(((YMap)a)["subnet"], left?["subnet"])))
                        {
                            result.Add(left);
                            continue;
                        }
                    }
                    var merged = MergeMappings(right, left, p);
                    int index = result.FindIndex(a => Equals(((YMap)a)["subnet"], merged["subnet"]));
                    if (index >= 0) result[index] = merged;
                    else result.Add(merged);
                }
            }
            return result;
        }

        private static ComposeFileException CannotOverride(TreePath p) =>
            new ComposeFileException(ErrorIds.FileInvalid, $"cannot override {p}", keyPath: p.ToString());

        internal static string GoTypeName(object value)
        {
            switch (value)
            {
                case null: return "<nil>";
                case string _: return "string";
                case long _: return "int";
                case double _: return "float64";
                case bool _: return "bool";
                case YMap _: return "map[string]interface {}";
                case List<object> _: return "[]interface {}";
                default: return value.GetType().Name;
            }
        }
    }
}
