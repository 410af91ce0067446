using System;
using System.Collections.Generic;
using System.IO;

namespace PSCompose.Model.Schema
{
    /// <summary>
    /// Validates a merged compose document against the compose-spec JSON schema Compose 2.40.3 embeds
    /// (compose-spec.json here is byte for byte the copy inside the reference binary). Like compose-go it
    /// reports only the most specific error: the deepest key path, an unknown key counting one level deeper.
    /// </summary>
    internal static class ComposeSchema
    {
        private const string ResourceName = "PSCompose.Model.Schema.compose-spec.json";

        private static readonly Lazy<SchemaDocument> Schema = new Lazy<SchemaDocument>(Load);

        /// <summary>The schema text, for tools that want to show it.</summary>
        public static string Text => ReadResource();

        public static void Validate(YMap document, string file)
        {
            SchemaError error = FindError(document);
            if (error == null) return;
            string message = error.KeyPath + " " + error.Message;
            throw new ComposeFileException(ErrorIds.FileInvalid,
                file == null ? message : "validating " + file + ": " + message, null, error.KeyPath);
        }

        /// <summary>The error compose-go would report, or null when the document is valid.</summary>
        public static SchemaError FindError(YMap document)
        {
            var errors = new List<SchemaError>();
            Schema.Value.Root.Evaluate(document, new List<string>(), errors);
            SchemaError best = null;
            foreach (SchemaError e in errors)
                if (best == null || e.Specificity > best.Specificity) best = e;
            return best;
        }

        private static SchemaDocument Load() => new SchemaDocument(ReadResource());

        private static string ReadResource()
        {
            using (Stream s = typeof(ComposeSchema).Assembly.GetManifestResourceStream(ResourceName))
            {
                if (s == null) throw new InvalidOperationException("Embedded resource missing: " + ResourceName);
                using (var reader = new StreamReader(s)) return reader.ReadToEnd();
            }
        }
    }
}
