using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace PSCompose.Model.Interpolation
{
    /// <summary>
    /// Interpolates one compose document in place, like compose-go's interpolation.Interpolate with the loader's
    /// type casts: every string value (never a key) is substituted, then strings at typed paths are cast.
    /// Values under <c>!reset</c> are left alone (Compose drops them before interpolating).
    /// </summary>
    internal static class Interpolator
    {
        /// <param name="document">The document; modified in place.</param>
        /// <param name="file">The file the document came from, for error messages.</param>
        /// <param name="lookup">Variable lookup; null means unset.</param>
        /// <param name="warn">Receives Compose's warnings (unset variables, YAML 1.1 booleans).</param>
        public static void Interpolate(YMap document, string file, Func<string, string> lookup, Action<string> warn)
        {
            if (document == null) return;
            var walker = new Walker(file, lookup ?? (_ => null), warn ?? (_ => { }));
            foreach (string key in new List<string>(document.Keys))
                document[key] = walker.Visit(document[key], key, key);
        }

        /// <summary>One value at <paramref name="path"/> (the top-level name:), with the same errors as a document value.</summary>
        public static string InterpolateValue(string value, string path, string file, Func<string, string> lookup, Action<string> warn) =>
            Substitute(value, path, path, file, lookup ?? (_ => null), warn ?? (_ => { }));

        private static string Substitute(string value, string path, string keyPath, string file, Func<string, string> lookup, Action<string> warn)
        {
            try
            {
                return Template.Substitute(value, lookup, warn);
            }
            catch (InvalidTemplateException e)
            {
                throw new ComposeFileException(ErrorIds.InterpolationInvalid,
                    $"invalid interpolation format for {path}.\nYou may need to escape any $ with another $.\n{e.Template}",
                    file, keyPath, inner: e);
            }
            catch (MissingRequiredVariableException e)
            {
                throw new ComposeFileException(ErrorIds.VariableRequired,
                    $"error while interpolating {path}: {e.Message}", file, keyPath, inner: e);
            }
            catch (TemplateNestingException e)
            {
                throw NestingLimits.TooDeep("nested interpolation", e.Limit, file, keyPath);
            }
        }

        private sealed class Walker
        {
            private readonly string file;
            private readonly Func<string, string> lookup;
            private readonly Action<string> warn;

            public Walker(string file, Func<string, string> lookup, Action<string> warn)
            {
                this.file = file;
                this.lookup = lookup;
                this.warn = warn;
            }

            /// <param name="path">compose-go's path: list items are "[]" (used in messages and for casts).</param>
            /// <param name="keyPath">The precise path with indexes, for ComposeFileException.KeyPath.</param>
            public object Visit(object value, string path, string keyPath)
            {
                RuntimeHelpers.EnsureSufficientExecutionStack();
                switch (value)
                {
                    case string s:
                        return InterpolateString(s, path, keyPath);
                    case YMap map:
                        foreach (string key in new List<string>(map.Keys))
                            map[key] = Visit(map[key], path + "." + key, keyPath + "." + key);
                        return map;
                    case List<object> list:
                        for (int i = 0; i < list.Count; i++)
                            list[i] = Visit(list[i], path + ".[]", keyPath + "[" + i.ToString(CultureInfo.InvariantCulture) + "]");
                        return list;
                    case TaggedValue tagged when tagged.Tag == TaggedValue.Override:
                        return new TaggedValue(tagged.Tag, Visit(tagged.Value, path, keyPath));
                    default:
                        return value;
                }
            }

            private object InterpolateString(string value, string path, string keyPath)
            {
                string substituted = Substitute(value, path, keyPath, file, lookup, warn);

                var cast = InterpolationCasts.For(path);
                if (cast == null) return substituted;
                try
                {
                    return cast(substituted, warn);
                }
                catch (FormatException e)
                {
                    throw new ComposeFileException(ErrorIds.InterpolationInvalid,
                        $"error while interpolating {path}: failed to cast to expected type: {e.Message}", file, keyPath, inner: e);
                }
            }
        }
    }
}
