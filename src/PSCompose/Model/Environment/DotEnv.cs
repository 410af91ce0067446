using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace PSCompose.Model.Environment
{
    /// <summary>
    /// Env files: the Compose syntax (compose-go dotenv: quotes, escapes, ${VAR} expansion, inheritance) used
    /// for .env, --env-file and env_file, and the `format: raw` syntax (docker run --env-file rules).
    /// Results keep the order keys first appear in; a key defined twice keeps its last value.
    /// Errors are ComposeFileException(EnvFileInvalid, or VariableRequired for a failed ${V:?}) with the line.
    /// </summary>
    internal static class DotEnv
    {
        private static readonly Regex LinePrefix = new Regex(@"^line \d+: ", RegexOptions.CultureInvariant);

        /// <summary>
        /// Parses env file text. <paramref name="lookup"/> (null = unset) is consulted first for ${VAR} expansion
        /// and for bare KEY lines; keys defined earlier in the text come next. A bare KEY not found is dropped.
        /// </summary>
        public static List<KeyValuePair<string, string>> Parse(string text, string file, Func<string, string> lookup, Action<string> warn = null)
        {
            try
            {
                return new DotEnvParser(lookup, warn).Parse(text ?? "");
            }
            catch (DotEnvSyntaxException e)
            {
                string id = e.InnerException is Interpolation.MissingRequiredVariableException
                    ? ErrorIds.VariableRequired
                    : ErrorIds.EnvFileInvalid;
                throw new ComposeFileException(id, LinePrefix.Replace(e.Message, ""), file, null, e.Line, 0, e);
            }
        }

        /// <summary>
        /// Reads and parses an env file (UTF-8, BOM allowed). A missing file is the caller's business: this
        /// throws <see cref="FileNotFoundException"/> / <see cref="DirectoryNotFoundException"/> as File.ReadAllBytes does.
        /// </summary>
        public static List<KeyValuePair<string, string>> ReadFile(string path, Func<string, string> lookup, Action<string> warn = null) =>
            Parse(ReadText(path), path, lookup, warn);

        /// <summary>
        /// `format: raw` (docker/cli kvfile): one KEY=VALUE per line taken literally (no quotes, escapes or
        /// interpolation; trailing spaces kept), leading whitespace and '#' lines skipped, a bare KEY taken from
        /// <paramref name="lookup"/> or dropped.
        /// </summary>
        public static List<KeyValuePair<string, string>> ParseRaw(string text, string file, Func<string, string> lookup)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var order = new List<string>();
            lookup = lookup ?? (_ => null);
            string[] lines = (text ?? "").Split('\n');
            int count = lines.Length;
            if (count > 0 && lines[count - 1] == "") count--; // bufio.ScanLines: no empty token after the final newline
            for (int n = 0; n < count; n++)
            {
                string raw = lines[n];
                if (raw.EndsWith("\r", StringComparison.Ordinal)) raw = raw.Substring(0, raw.Length - 1);
                if (n == 0 && raw.StartsWith("\uFEFF", StringComparison.Ordinal)) raw = raw.Substring(1);
                string line = raw.TrimStart();
                if (line.Length == 0 || line[0] == '#') continue;

                int eq = line.IndexOf('=');
                string key = eq < 0 ? line : line.Substring(0, eq);
                if (key.Length == 0)
                    throw RawError($"no variable name on line '{line}'", file, n + 1);
                if (key.IndexOf(' ') >= 0 || key.IndexOf('\t') >= 0)
                    throw RawError($"variable '{key}' contains whitespaces", file, n + 1);

                string value;
                if (eq >= 0) value = line.Substring(eq + 1);
                else if ((value = lookup(line)) == null) continue;

                if (!values.ContainsKey(key)) order.Add(key);
                values[key] = value;
            }
            var result = new List<KeyValuePair<string, string>>(order.Count);
            foreach (string key in order) result.Add(new KeyValuePair<string, string>(key, values[key]));
            return result;
        }

        /// <summary>Reads and parses a `format: raw` env file; a missing file throws like <see cref="ReadFile"/>.</summary>
        public static List<KeyValuePair<string, string>> ReadRawFile(string path, Func<string, string> lookup) =>
            ParseRaw(ReadText(path), path, lookup);

        private static string ReadText(string path)
        {
            byte[] bytes = File.ReadAllBytes(path);
            int skip = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return new UTF8Encoding(false, false).GetString(bytes, skip, bytes.Length - skip);
        }

        private static ComposeFileException RawError(string message, string file, int line) =>
            new ComposeFileException(ErrorIds.EnvFileInvalid, message, file, null, line);
    }
}
