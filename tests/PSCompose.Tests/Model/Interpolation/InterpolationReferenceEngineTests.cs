using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PSCompose.Model.Environment;
using PSCompose.Model.Interpolation;
using PSCompose.Testing;
using Cli = PSCompose.Testing.Docker;
using Xunit;

namespace PSCompose.Tests.Model.Interpolation
{
    /// <summary>
    /// Differential checks against `docker compose config --format json`: templates under x- keys with a fixed
    /// environment, and a .env file whose keys are echoed back through x- keys. Compose re-escapes "$" as "$$"
    /// in its output, so that is undone before comparing.
    /// </summary>
    public class InterpolationReferenceEngineTests
    {
        private static readonly Dictionary<string, string> Env = new Dictionary<string, string>
        {
            ["FOO"] = "first", ["BAR"] = "", ["SET"] = "val", ["EMPTY"] = "", ["SHELLV"] = "fromshell",
        };

        private static readonly string[] Templates =
        {
            "$FOO-bar", "This ${missing} var", "ok ${BAR:-def}", "ok ${BAR-def}", "ok ${FOO:+presence}", "ok ${BAR+presence}",
            "ok ${BAR:+presence}", "ok ${UNSET+presence}", "ok ${BAR:-/non:-alphanumeric}", "+ok ${UNSET:-${BAR-defaultValue}}",
            ":?ok ${BAR:-defaultValue}", "ok ${UNSET_VAR-${FOO} ${FOO}}", "ok ${BAR+$FOO ${FOO:+second}}", "ok ${FOO?err}",
            "${UNSET_VAR-myerror?msg}", "ok ${missing:-{\"json\":1}}", "${UNSET:-{x}y}", "${UNSET:-{x}y}z}", "${UNSET:-a}b}",
            "${UNSET:-${SET}x}y}", "{${UNSET:-a}}", "${UNSET:-{}}", "$1 $ $} $-", "${SET}}", "$$SET $$$SET $${SET}", "$9A",
            "${UNSET:-${UNSET2:-${SET}}}", "${EMPTY-hard}", "${EMPTY:-soft}", "$SET-suffix", "a$SET.b${SET}c", "${SET:-}",
            "${UNSET-}", "${SET:+}", "${UNSET:- spaced }", "${set}${Set}", "$_x ${_}", "${SET-a-b}", "${UNSET-a-b}",
            "${UNSET:-a:-b}", "${UNSET-a?b}", "${SET?a-b}", "${UNSET+a-b}", "${SET+a:-b}", "${FOO}${BAR}${SET}",
            "${UNSET:-x}}}", "{{${SET}}}", "${UNSET:-${SET:+${FOO}}}", "$$", "$$$$", "$", "trailing $",
        };

        [EngineFact]
        public void TemplatesSubstituteLikeCompose()
        {
            WithTempDir(dir =>
            {
                var sb = new StringBuilder("services:\n  web:\n    image: busybox\n");
                for (int i = 0; i < Templates.Length; i++)
                    sb.Append("x-").Append(i).Append(": ").Append(JsonSerializer.Serialize(Templates[i])).Append('\n');
                File.WriteAllText(Path.Combine(dir, "compose.yaml"), sb.ToString());

                JsonElement root = ComposeConfig(dir, Env);
                var mismatches = new List<string>();
                for (int i = 0; i < Templates.Length; i++)
                {
                    string expected = root.GetProperty("x-" + i).GetString().Replace("$$", "$");
                    string ours = Template.Substitute(Templates[i], k => Env.TryGetValue(k, out string v) ? v : null, null);
                    if (expected != ours) mismatches.Add($"{Templates[i]} => compose '{expected}', ours '{ours}'");
                }
                Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
            });
        }

        private const string DotEnvText =
            "A=1\nB=\"x\\ty\"\nC=$A-2\nD=\"a\\\"b\"\nE='a\\'b'\nF=\"a\\\\b\"\nG=\"x\\$A\"\nH='$A'\nI=a #c\nJ=a#b\nK=\"q\" # c\n" +
            "L=  sp  \nM=\nN=\"\"\nSHELLV\nexport O=1\nexport  P = 2\nQ : 3\nR:4\nS=\"line1\nline2\"\nT=\"\\a\\b\\f\\n\\r\\t\\v\\0101\\x41\\q\"\n" +
            "U=\"\\0 \\01 \\c \\08 \\0777\"\nV= \"q\"\nW=x\"y\"\nX=\"x\"y\nY=a\\nb\nZ=${SHELLV}\nAA=$SHELLV$A\nAB='x\n\ny'\nAC=\"x\" AD=2\n" +
            "AE=${SHELLV:-x} $$SHELLV \\$SHELLV\nAF='${SHELLV}'\nAG=\"\r\n\"\nAH=${NOPE:-dflt}\nAI=\"${A}${C}\"\nAJ=$${A}\n" +
            "# comment\n   # indented comment\nAK=last";

        [EngineFact]
        public void DotEnvParsesLikeCompose()
        {
            WithTempDir(dir =>
            {
                var shell = new Dictionary<string, string> { ["SHELLV"] = "fromshell" };
                List<KeyValuePair<string, string>> ours = DotEnv.Parse(DotEnvText, Path.Combine(dir, ".env"), k => shell.TryGetValue(k, out string v) ? v : null);
                File.WriteAllText(Path.Combine(dir, ".env"), DotEnvText);
                var sb = new StringBuilder("services:\n  web:\n    image: busybox\n");
                foreach (var kv in ours) sb.Append("x-").Append(kv.Key).Append(": \"${").Append(kv.Key).Append("-<UNSET>}\"\n");
                File.WriteAllText(Path.Combine(dir, "compose.yaml"), sb.ToString());

                JsonElement root = ComposeConfig(dir, shell);
                var mismatches = new List<string>();
                foreach (var kv in ours)
                {
                    string expected = root.GetProperty("x-" + kv.Key).GetString().Replace("$$", "$");
                    // the shell environment wins over .env for interpolation
                    string want = shell.TryGetValue(kv.Key, out string s) ? s : kv.Value;
                    if (expected != want) mismatches.Add($"{kv.Key} => compose '{expected}', ours '{want}'");
                }
                Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
                Assert.Equal(new[] { "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "SHELLV", "O", "P", "Q", "R", "S",
                    "T", "U", "V", "W", "X", "Y", "Z", "AA", "AB", "AC", "AD", "AE", "AF", "AG", "AH", "AI", "AJ", "AK" }, ours.Select(kv => kv.Key));
            });
        }

        private static JsonElement ComposeConfig(string dir, Dictionary<string, string> env)
        {
            // Only the given variables: the test must not depend on the caller's environment.
            var full = new Dictionary<string, string>(env)
            {
                ["PATH"] = System.Environment.GetEnvironmentVariable("PATH"),
                ["HOME"] = System.Environment.GetEnvironmentVariable("HOME") ?? "/root",
            };
            var result = RunClean(dir, full, "compose", "-p", "pscinterpref", "config", "--format", "json");
            using (JsonDocument json = JsonDocument.Parse(result))
                return json.RootElement.Clone();
        }

        private static string RunClean(string dir, Dictionary<string, string> env, params string[] args)
        {
            var psi = new System.Diagnostics.ProcessStartInfo("docker")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = dir,
            };
            psi.Environment.Clear();
            foreach (var kv in env) psi.Environment[kv.Key] = kv.Value;
            foreach (string a in args) psi.ArgumentList.Add(a);
            using (var p = System.Diagnostics.Process.Start(psi))
            {
                string stderrTask = null;
                var errThread = new System.Threading.Thread(() => stderrTask = p.StandardError.ReadToEnd());
                errThread.Start();
                string stdout = p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                errThread.Join();
                if (p.ExitCode != 0) throw new InvalidOperationException($"docker exited {p.ExitCode}: {stderrTask}{stdout}");
                return stdout;
            }
        }

        private static void WithTempDir(Action<string> body)
        {
            string dir = Path.Combine(Path.GetTempPath(), "psc-interp-ref-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                body(dir);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }
    }
}
