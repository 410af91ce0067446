using System;
using System.Collections.Generic;
using PSCompose.Model.Environment;
using PSCompose.Model.Interpolation;
using PSCompose.Model.Schema;
using PSCompose.Model.Yaml;

namespace PSCompose.Model.Loading
{
    /// <summary>
    /// The pipeline pieces the loader calls but other parts of the model own (YAML reading, .env parsing,
    /// interpolation, schema, canonical form, defaults, paths, normalisation). One seam, so the loader reads like
    /// compose-go's and a piece can be swapped in tests.
    /// </summary>
    internal static class LoaderStages
    {
        /// <summary>Every YAML document of a file as a tree (TaggedValue for !reset/!override).</summary>
        public static Func<string, string, List<object>> ReadDocuments = YamlReader.ReadDocuments;

        /// <summary>A .env-format file's entries; the lookup resolves ${VAR} and bare KEY lines.</summary>
        public static Func<string, Func<string, string>, List<KeyValuePair<string, string>>> ReadEnvFile = (path, lookup) => DotEnv.ReadFile(path, lookup);

        /// <summary>env_file `format: raw`: docker CLI --env-file rules, no quotes, no interpolation.</summary>
        public static Func<string, Func<string, string>, List<KeyValuePair<string, string>>> ReadRawEnvFile = DotEnv.ReadRawFile;

        /// <summary>Interpolates a document's values in place (file for error messages).</summary>
        public static Action<YMap, string, Func<string, string>, Action<string>> Interpolate = Interpolator.Interpolate;

        /// <summary>Interpolates the top-level name: of a file (value, file, lookup, warn).</summary>
        public static Func<string, string, Func<string, string>, Action<string>, string> InterpolateName =
            (value, file, lookup, warn) => Interpolator.InterpolateValue(value, "name", file, lookup, warn);

        public static Action<YMap, string> Validate = ComposeSchema.Validate;

        /// <summary>compose-go transform.Canonical: short syntax to long syntax.</summary>
        public static Func<YMap, YMap> Canonical = PSCompose.Model.Canonical.Canonical.Transform;

        /// <summary>compose-go transform.SetDefaultValues.</summary>
        public static Func<YMap, YMap> Defaults = Model.Canonical.Defaults.Apply;

        /// <summary>compose-go paths.ResolveRelativePaths against a base directory.</summary>
        public static Action<YMap, string> ResolvePaths = Model.Canonical.Paths.Resolve;

        /// <summary>compose-go loader.Normalize: default network, implicit depends_on, resource names, ….</summary>
        public static Func<YMap, string, IReadOnlyDictionary<string, string>, YMap> Normalize = Model.Canonical.Normalizer.Normalize;
    }
}
